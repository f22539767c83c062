"""Scrollytelling: the media stays in view, full screen, while text cards step over it.

Each step may bring new media (a picture or a video; more kinds are one line in
``StepMediaBlock``) or, left empty, keep the previous step's media and zoom into a point of it.
The HTML is a plain sequence (each step with its media, then its text), which is what readers
without JavaScript get; ``stories/static/stories/story.js`` pins the media and swaps or zooms it
as the cards pass, on phones as on desktops.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .background_video import ambient_video_block, description_block
from .image import alt_text_block, require_alt_text
from .interactive_map import InteractiveMapBlock


class StepImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    alt_text = alt_text_block()

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value)
        return value

    class Meta:
        icon = "image"
        label = _("Picture")
        template = "stories/blocks/scrolly_media/image.html"


class StepVideoBlock(blocks.StructBlock):
    video = ambient_video_block()
    description = description_block()

    class Meta:
        icon = "media"
        label = _("Video")
        template = "stories/blocks/scrolly_media/video.html"


class StepMediaBlock(blocks.StreamBlock):
    """What a step shows behind its text. A new kind of media is one more child here, with a
    template under ``stories/blocks/scrolly_media/<name>.html``."""

    image = StepImageBlock()
    video = StepVideoBlock()
    map = InteractiveMapBlock(label=_("Map"))

    class Meta:
        max_num = 1
        required = False


ZOOM_CHOICES = [
    ("1", _("Whole picture")),
    ("1.5", _("Zoom 1.5×")),
    ("2", _("Zoom 2×")),
    ("3", _("Zoom 3×")),
]


class ScrollyStepBlock(blocks.StructBlock):
    media = StepMediaBlock(
        label=_("Media for this step"),
        help_text=_("Leave empty to keep the previous step's media, e.g. to zoom into it."),
    )
    zoom = blocks.ChoiceBlock(label=_("Zoom"), choices=ZOOM_CHOICES, default="1")
    focus_x = blocks.IntegerBlock(
        label=_("Zoom towards, across (%)"),
        min_value=0,
        max_value=100,
        default=50,
        help_text=_("0 is the picture's left edge, 100 its right edge."),
    )
    focus_y = blocks.IntegerBlock(
        label=_("Zoom towards, down (%)"),
        min_value=0,
        max_value=100,
        default=50,
        help_text=_("0 is the top of the picture, 100 its bottom."),
    )
    text = blocks.TextBlock(label=_("Text"), max_length=800)

    class Meta:
        icon = "doc-full"
        label = _("Step")


class ScrollytellingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    steps = blocks.ListBlock(ScrollyStepBlock(), label=_("Steps"), min_num=2, max_num=12)

    def clean(self, value):
        value = super().clean(value)
        steps = value.get("steps") or []
        if steps and not len(steps[0].get("media") or []):
            raise ValidationError(
                _("Give the first step a picture or video: later steps can keep or zoom it.")
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Which media each step shows (its own, else the last one before it), so the pinned
        # layer knows what to show and zoom without the reader's browser working it out.
        steps, current = [], -1
        for index, step in enumerate(value.get("steps") or []):
            if len(step.get("media") or []):
                current = index
            steps.append({"step": step, "media": step.get("media"), "shows": current})
        context["steps"] = steps
        return context

    class Meta:
        icon = "image"
        label = _("Scrollytelling")
        template = "stories/blocks/scrollytelling.html"
        help_text = _(
            "Full-screen media that stays in view while text cards step over it, changing it "
            "or zooming into it."
        )
        description = _("Pinned pictures or video that change as readers scroll the steps.")
        preview_value = staticmethod(previews.scrollytelling)
