"""A timeline: dated moments in order."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TimelineEventBlock(blocks.StructBlock):
    when = blocks.CharBlock(
        label=_("When"), max_length=60, help_text=_("As it should read, e.g. “October 2017”.")
    )
    title = blocks.CharBlock(label=_("What happened"), max_length=160)
    text = blocks.TextBlock(label=_("Details"), required=False, max_length=600)

    class Meta:
        icon = "date"
        label = _("Moment")


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    events = blocks.ListBlock(TimelineEventBlock(), label=_("Moments"), min_num=1, max_num=30)

    class Meta:
        icon = "history"
        label = _("Timeline")
        template = "stories/blocks/timeline.html"
        help_text = _("Dated moments in the order they happened.")
        description = _("A list of dated moments, oldest first.")
        preview_value = {
            "title": "Raqqa",
            "events": [
                {"when": "October 2017", "title": "Raqqa liberated", "text": ""},
                {"when": "2018", "title": "Schools reopen", "text": ""},
            ],
        }
