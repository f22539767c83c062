"""Background video: a short muted loop that sets the scene, with no controls but a pause button.

WCAG 2.2.2 asks that anything moving for more than five seconds can be paused: the button does
that, the loop stops when it leaves the screen, and readers who ask for reduced motion see the
poster until they press play. Without JavaScript the poster is all there is (no bytes of video
are fetched). The picture comes from the media pipeline's ladder (HLS, else its MP4 rung).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import previews


def ambient_video_block() -> SnippetChooserBlock:
    return SnippetChooserBlock(
        "media_pipeline.Video",
        label=_("Video"),
        help_text=_("A clip without speech: it plays muted and loops. Its poster shows first."),
    )


def description_block(**kwargs) -> blocks.CharBlock:
    return blocks.CharBlock(
        label=_("What the video shows"),
        max_length=250,
        help_text=_("Read to screen-reader users, as alternative text is for a picture."),
        **kwargs,
    )


class BackgroundVideoBlock(blocks.StructBlock):
    video = ambient_video_block()
    description = description_block()
    overlay_text = blocks.CharBlock(
        label=_("Text over the video"),
        required=False,
        max_length=200,
        help_text=_("Optional: a line set on a dark box over the video, legible on any frame."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Background video")
        template = "stories/blocks/background_video.html"
        help_text = _("A muted looping clip, with a pause button, to set the scene.")
        description = _("A silent looping video across the screen, paused on request.")
        preview_value = staticmethod(previews.background_video)
