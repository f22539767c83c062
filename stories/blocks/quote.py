"""A pull quote with who said it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, max_length=255, help_text=_("e.g. “Jeremy Hunt”")
    )
    role = blocks.CharBlock(
        label=_("Role or context"),
        required=False,
        max_length=255,
        help_text=_("e.g. “updating the House on progress against Daesh”"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"
        help_text = _("A pull quote with who said it.")
        description = _("A highlighted quotation with its speaker.")
        preview_value = {
            "quote": "Drawing lets me say what I feel.",
            "attribution": "Zahra",
            "role": "Raqqa",
        }
