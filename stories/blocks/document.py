"""A document to download (report, factsheet), with its format and size stated up front."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from . import previews


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "stories/blocks/document.html"
        help_text = _("A file readers can download, with its type and size.")
        description = _("A download link with the file's format and size.")
        preview_value = staticmethod(previews.document)
