"""Blocks of the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LineOfEffortBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Line of effort"), max_length=120)
    text = blocks.TextBlock(label=_("What it means"), max_length=400)

    class Meta:
        icon = "tick"
        label = _("Line of effort")
        template = "home/blocks/line_of_effort.html"
        help_text = _("One of the Coalition's lines of effort, e.g. “Counter-propaganda”.")
        description = _("A line of effort with a sentence about it.")
        preview_value = {
            "title": "Stabilisation",
            "text": "Restoring essential public services in liberated areas.",
        }
