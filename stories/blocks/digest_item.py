"""One item of the weekly digest: a headline, a summary and where it was reported."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import previews


class DigestItemBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"), help_text=_("When the source published it."))
    headline = blocks.CharBlock(label=_("Headline"), max_length=250)
    summary = blocks.TextBlock(label=_("Summary"), max_length=1200)
    source_name = blocks.CharBlock(
        label=_("Source"), max_length=120, help_text=_("The outlet, e.g. “Associated Press”.")
    )
    source_url = blocks.URLBlock(
        label=_("Link to the original"),
        help_text=_("The article on the outlet's site, starting with https://."),
        validators=[URLValidator(schemes=["http", "https"])],
    )

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("source_name") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"source_name": ValidationError(_("Name the outlet."))}
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Digest item")
        template = "stories/blocks/digest_item.html"
        help_text = _("A news item reported elsewhere, credited to its source.")
        description = _("A headline and summary credited to the outlet that reported it.")
        preview_value = staticmethod(previews.digest_item)
