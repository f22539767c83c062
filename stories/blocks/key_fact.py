"""A key fact or statistic shown large: “4000 displaced children”, “12 classrooms”."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Figure"), max_length=24, help_text=_("The number as it should read, e.g. “4000”.")
    )
    label = blocks.CharBlock(
        label=_("What it counts"), max_length=120, help_text=_("e.g. “displaced children”")
    )
    detail = blocks.CharBlock(
        label=_("Detail"), required=False, max_length=250, help_text=_("Optional context line.")
    )

    class Meta:
        icon = "pick"
        label = _("Key fact")
        template = "stories/blocks/key_fact.html"
        help_text = _("One figure that sums up the story, shown large.")
        description = _("A big number with what it counts.")
        preview_value = {"figure": "4000", "label": "displaced children", "detail": "in Dohuk"}
