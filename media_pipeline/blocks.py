"""The media blocks editors put in stories: a chosen video (with its captions, description
track, transcript and chapters in the visitor's language) and a chosen audio recording."""

from __future__ import annotations

import json

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

# The characters json_script escapes, so a transcript containing "</script>" cannot end it.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def current_language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def tracks_for(video, language: str, kind: str = "captions") -> list[dict]:
    """The tracks of ``kind`` to offer, the visitor's language marked default (else the first)."""
    tracks = [
        {"url": track.url, "srclang": track.locale.language_code, "label": track.language_name}
        for track in video.caption_tracks.select_related("locale").order_by("locale__id")
        if track.file and track.kind == kind
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


def audio_preview_value() -> dict:
    """For the block picker: the newest ready recording, else the newest one."""
    from .models import Audio

    recordings = Audio.objects.order_by("-pk")
    ready = recordings.filter(status=Audio.Status.READY).first()
    return {"audio": ready or recordings.first(), "caption": "Testimony"}


def text_for(video, language: str):
    """The video's description, transcript and chapters in ``language``, else in the language
    of its source text (shown with its own ``lang``), else None."""
    # The source is written first; its translations are made from it.
    texts = list(video.texts.select_related("locale").order_by("pk"))
    chosen = next((t for t in texts if t.locale.language_code == language), None)
    return chosen or (texts[0] if texts else None)


def clock(seconds: float) -> str:
    """``1:05`` or ``1:02:05``: how a chapter's start is written next to its title."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def transcripts_for_search(stream_value, language: str) -> str:
    """The transcripts (and descriptions) of the videos in a StreamField value, in ``language``
    only: a page is found by what its videos say in the page's own language."""
    video_ids = [
        block.value["video"].pk
        for block in stream_value
        if block.block_type == "video" and block.value.get("video") is not None
    ]
    if not video_ids:
        return ""
    from .models import VideoText

    texts = VideoText.objects.filter(video_id__in=video_ids, locale__language_code=language)
    return "\n".join(f"{t.description}\n{t.transcript}" for t in texts)


def video_jsonld(video, text, caption: str, language: str) -> str:
    """schema.org VideoObject for the page: search engines read the transcript from it."""
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": caption or video.title,
        "description": (text.description if text and text.description else caption) or video.title,
        "thumbnailUrl": [video.poster_url],
        "uploadDate": video.created_at.isoformat(),
        "contentUrl": video.mp4_url,
        "inLanguage": language,
    }
    if video.iso_duration:
        data["duration"] = video.iso_duration
    if text and text.transcript:
        data["transcript"] = text.transcript
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


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
        language = current_language()
        context["video"] = video
        playable = bool(video and video.is_playable)
        context["tracks"] = tracks_for(video, language) if playable else []
        context["description_tracks"] = (
            tracks_for(video, language, "descriptions") if playable else []
        )
        text = text_for(video, language) if video else None
        context["text"] = text
        context["chapters"] = (
            [
                {"start": c.start, "clock": clock(c.start), "title": c.text}
                for c in text.chapter_list()
            ]
            if text and playable
            else []
        )
        context["jsonld"] = (
            video_jsonld(video, text, value.get("caption") or "", language) if playable else ""
        )
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "media_pipeline/blocks/video.html"
        help_text = _("A video from the Videos library, streamed with captions.")
        description = _("A video from the Videos library, with poster, captions and fallback.")
        preview_value = staticmethod(preview_value)


class AudioBlock(blocks.StructBlock):
    audio = SnippetChooserBlock(
        "media_pipeline.Audio",
        label=_("Recording"),
        help_text=_("Visitors see a “being prepared” notice until the recording is ready."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=300,
        help_text=_("Who speaks, where and when; also the player's name for screen readers."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        max_length=200_000,
        help_text=_(
            "Everything said, in reading order; translated with the page and found by search."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "media_pipeline/blocks/audio.html"
        help_text = _("A recording (testimony, podcast) from the Audio library, with transcript.")
        description = _("A recording from the Audio library, with a transcript.")
        preview_value = staticmethod(audio_preview_value)
