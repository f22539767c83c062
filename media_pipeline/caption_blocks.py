"""The blocks a caption line and a chapter are stored as. Timings are number blocks, which
wagtail-localize does not offer for translation: translators see only the text (or title), and
every language keeps the timing."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class CueBlock(blocks.StructBlock):
    start = blocks.FloatBlock(label=_("Starts at (seconds)"), min_value=0)
    end = blocks.FloatBlock(label=_("Ends at (seconds)"), min_value=0)
    text = blocks.TextBlock(label=_("Text"), max_length=500)

    class Meta:
        icon = "comment"
        label = _("Caption line")
        help_text = _("One caption as viewers see it, with when it appears and disappears.")
        form_classname = "caption-line"


class ChapterBlock(blocks.StructBlock):
    start = blocks.FloatBlock(label=_("Starts at (seconds)"), min_value=0)
    end = blocks.FloatBlock(label=_("Ends at (seconds)"), min_value=0)
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "list-ul"
        label = _("Chapter")
        help_text = _("A part of the video, with its title and when it starts and ends.")
        form_classname = "chapter-line"
