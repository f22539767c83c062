"""Rich text with a deliberately small feature set: no colours, no tables, no raw HTML."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "stories/blocks/text.html"
        help_text = _("Paragraphs, sub-headings, lists and links.")
        description = _("Paragraphs of text with sub-headings, lists and links.")
        preview_value = "<p>Since the city was liberated, the market has come back to life.</p>"
