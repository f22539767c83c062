"""The video block editors put in stories: a chosen video, with an optional caption line."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


def tracks_for(video, language: str) -> list[dict]:
    """The caption tracks to offer, the visitor's language marked default (else the first)."""
    tracks = [
        {"url": track.url, "srclang": track.locale.language_code, "label": track.language_name}
        for track in video.caption_tracks.select_related("locale").order_by("locale__id")
        if track.file
    ]
    default = next((t for t in tracks if t["srclang"] == language), tracks[0] if tracks else None)
    for track in tracks:
        track["default"] = track is default
    return tracks


def preview_value() -> dict:
    """For the block picker: the newest ready video, else the newest one (shown as processing)."""
    from .models import Video

    videos = Video.objects.order_by("-pk")
    video = videos.filter(status=Video.Status.READY).first() or videos.first()
    return {"video": video, "caption": "Zahra draws again"}


class VideoBlock(blocks.StructBlock):
    video = SnippetChooserBlock(
        "media_pipeline.Video",
        label=_("Video"),
        help_text=_("Visitors see a “processing” notice until the video is ready to stream."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=300,
        help_text=_("Shown under the video; also its name for screen readers."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        video = value.get("video")
        language = (translation.get_language() or "en").split("-")[0]
        context["video"] = video
        context["tracks"] = tracks_for(video, language) if video and video.is_playable else []
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "media_pipeline/blocks/video.html"
        help_text = _("A video from the Videos library, streamed with captions.")
        description = _("A video from the Videos library, with poster, captions and fallback.")
        preview_value = staticmethod(preview_value)
