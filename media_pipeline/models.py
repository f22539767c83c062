"""Image model for the whole site.

A custom image model from day one, because swapping ``WAGTAILIMAGES_IMAGE_MODEL`` later means
migrating every image reference. It adds the credit line that every published photo needs; alt
text stays per use (in the image blocks), where translators can localise it.
"""

from __future__ import annotations

import datetime
import functools
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Filter,
    Image,
    SourceImageIOError,
)
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import conf, storage
from .caption_blocks import ChapterBlock, CueBlock
from .captions import Cue, render_webvtt

# A two-hour testimony is about 110,000 characters of speech; past this it is not a transcript.
MAX_TRANSCRIPT_CHARS = 200_000


@functools.cache
def _shared_filter(spec: str) -> Filter:
    return Filter(spec=spec)


def shared_filter(filter: Filter | str) -> Filter:
    """One ``Filter`` per spec for the process. Image tags make a new one per use, and parsing its
    operations (``inspect.getcallargs`` per operation) was an eighth of a story's template time;
    filters hold no per-image state, so one parsed copy serves every image."""
    return _shared_filter(filter if isinstance(filter, str) else filter.spec)


class StoryImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Photographer or source, shown under the image, e.g. “© Coalition / A. Name”; the "
            "same in every language. A credit to translate goes in the page's image block."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @contextmanager
    def open_file(self) -> Iterator:
        """Wagtail renders a placeholder for an image whose original it cannot read
        (``SourceImageIOError``) rather than failing the page; an unreachable storage is such a
        case too, so a page needing a new rendition during an S3 outage still renders."""
        with ExitStack() as stack:
            try:
                image_file = stack.enter_context(super().open_file())
            except Exception as exc:
                if not storage.is_unavailable(exc):
                    raise
                raise SourceImageIOError(f"Media storage unavailable: {exc}") from exc
            yield image_file

    def get_rendition(self, filter: Filter | str) -> AbstractRendition:
        """Wagtail's ``get_rendition``, minus a cache write per call: it stores the rendition in
        the cache even when it was just read from there or from prefetched renditions, which
        ``get_renditions`` does not."""
        return next(iter(self.get_renditions(filter).values()))

    def get_renditions(self, *filters: Filter | str) -> dict[str, AbstractRendition]:
        return super().get_renditions(*map(shared_filter, filters))


class StoryRendition(AbstractRendition):
    image = models.ForeignKey(StoryImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# --- Video ------------------------------------------------------------------------------------


def source_upload_to(instance: Video, filename: str) -> str:
    """Originals live apart from outputs: ``videos/sources/<random>/<name>`` (the row has no id
    yet when the file is stored, and a random folder keeps two "interview.mp4" apart)."""
    return f"videos/sources/{uuid.uuid4().hex[:12]}/{Path(filename).name}"


class VideoQuerySet(models.QuerySet):
    def stalled(self) -> VideoQuerySet:
        """Jobs whose lease expired (their worker was killed or lost), and jobs waiting out a
        storage outage whose retry is long overdue (the queued retry was lost, or the task
        backend cannot defer tasks)."""
        now = timezone.now()
        lease_limit = now - datetime.timedelta(seconds=conf.lease_seconds())
        wait_limit = now - datetime.timedelta(seconds=conf.stale_after_seconds())
        return self.filter(
            models.Q(
                status__in=[Video.Status.PROBING, Video.Status.TRANSCODING],
                heartbeat_at__lt=lease_limit,
            )
            | models.Q(status=Video.Status.WAITING, retry_at__lt=wait_limit)
        )


class Video(index.Indexed, models.Model):
    """An uploaded video and the streaming renditions made from it.

    ``version`` counts transcoding jobs: every new source or retry gets a new number and its
    outputs go to ``videos/<id>/<version>/``. ``outputs`` describes the version visitors see; it
    is replaced in one update when a newer version is complete, so a page never shows half a job.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        QUEUED = "queued", _("Queued")
        PROBING = "probing", _("Checking the file")
        TRANSCODING = "transcoding", _("Transcoding")
        WAITING = "waiting", _("Waiting for storage")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        # A direct upload the worker's checks refused (the file is removed; the reason shown).
        REFUSED = "refused", _("Refused")

    title = models.CharField(_("title"), max_length=255)
    source = models.FileField(
        _("video file"),
        upload_to=source_upload_to,
        max_length=255,
        help_text=_(
            "MP4, MOV, MKV or WebM, up to the size and length limits. It is converted for "
            "streaming after upload; you can leave this page meanwhile."
        ),
    )
    source_size = models.BigIntegerField(_("file size"), default=0, editable=False)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True, editable=False)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    video_codec = models.CharField(_("video codec"), max_length=32, blank=True, editable=False)
    audio_codec = models.CharField(_("audio codec"), max_length=32, blank=True, editable=False)
    frame_rate = models.FloatField(_("frame rate"), null=True, blank=True, editable=False)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED
    )
    progress = models.PositiveSmallIntegerField(_("progress %"), default=0)
    error_message = models.TextField(_("error"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)
    outputs = models.JSONField(default=dict, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Attempt of the current version's job; after a storage outage it is tried again at retry_at.
    attempt = models.PositiveSmallIntegerField(default=1, editable=False)
    retry_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A file sent straight to the bucket and not checked yet: kept on the row, not only in the
    # check's task arguments, so a worker taking over a dead worker's check knows which object
    # to check, and the upload sweep does not take it for abandoned.
    pending_upload = models.CharField(max_length=255, blank=True, editable=False)

    poster = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown before the video plays. Leave empty to use a frame taken from the video."
        ),
    )

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = VideoQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    # -- state ------------------------------------------------------------------------------

    @property
    def is_playable(self) -> bool:
        """True once a complete set of outputs exists (possibly of an older version while a
        newer one is being made)."""
        return bool(self.outputs.get("master"))

    @property
    def is_busy(self) -> bool:
        return self.status in {
            self.Status.UPLOADED,
            self.Status.QUEUED,
            self.Status.PROBING,
            self.Status.TRANSCODING,
            self.Status.WAITING,
        }

    @property
    def max_attempts(self) -> int:
        return len(conf.outage_retry_delays()) + 1

    def apply_probe(self, probe, size: int) -> None:
        """Record what probing found in the source (``probe.ProbeResult``)."""
        self.source_size = size
        self.duration = probe.duration
        self.width = probe.width
        self.height = probe.height
        self.video_codec = probe.video_codec
        self.audio_codec = probe.audio_codec
        self.frame_rate = probe.frame_rate or None
        self.status = self.Status.UPLOADED

    def output_prefix(self, version: int | None = None) -> str:
        return f"videos/{self.pk}/{self.version if version is None else version}"

    def request_transcode(self) -> None:
        """Start a new job: a fresh version number (so a stalled or older job can no longer
        write its result), queued state, and the task enqueued once this transaction commits."""
        from .tasks import enqueue_transcode

        Video.objects.filter(pk=self.pk).update(
            version=models.F("version") + 1,
            status=self.Status.QUEUED,
            progress=0,
            error_message="",
            heartbeat_at=timezone.now(),
            attempt=1,
            retry_at=None,
        )
        self.refresh_from_db()
        video_id, version = self.pk, self.version
        transaction.on_commit(lambda: enqueue_transcode(video_id, version))

    # -- delivery ---------------------------------------------------------------------------

    def _url(self, key: str) -> str:
        name = self.outputs.get(key)
        return default_storage.url(name) if name else ""

    @property
    def master_url(self) -> str:
        return self._url("master")

    @property
    def mp4_url(self) -> str:
        return self._url("mp4")

    def _custom_poster(self, spec: str) -> str:
        if self.poster_id is None:
            return ""
        try:
            return self.poster.get_rendition(spec).url
        except (SourceImageIOError, OSError):
            return ""

    @property
    def poster_url(self) -> str:
        return self._custom_poster("width-1280|format-jpeg") or self._url("poster_jpeg")

    @property
    def poster_webp_url(self) -> str:
        return self._custom_poster("width-1280|format-webp") or self._url("poster_webp")

    @property
    def lowest_rung_url(self) -> str:
        renditions = self.outputs.get("renditions") or []
        return default_storage.url(renditions[0]["playlist"]) if renditions else ""

    @property
    def duration_label(self) -> str:
        if not self.duration:
            return ""
        minutes, seconds = divmod(int(round(self.duration)), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def iso_duration(self) -> str:
        """schema.org's duration, ISO 8601 (``PT1M5S``)."""
        if not self.duration:
            return ""
        minutes, seconds = divmod(int(round(self.duration)), 60)
        hours, minutes = divmod(minutes, 60)
        return f"PT{hours}H{minutes}M{seconds}S" if hours else f"PT{minutes}M{seconds}S"

    @property
    def thumbnail_url(self) -> str:
        return self._url("thumbnail")

    @property
    def aspect_ratio(self) -> str:
        width = self.outputs.get("width") or self.width or 16
        height = self.outputs.get("height") or self.height or 9
        return f"{width} / {height}"


# --- Captions ---------------------------------------------------------------------------------


class CaptionTrack(TranslatableMixin, models.Model):
    """The captions of one video in one language.

    The English track is the source; its French and Arabic versions are wagtail-localize
    translations of it: each caption line is a segment a translator translates (in the editor or
    by PO file) while the timings stay synchronised. A translator who has a finished Arabic .vtt
    can instead stop syncing the Arabic track and upload the file on its edit page.
    """

    class Kind(models.TextChoices):
        CAPTIONS = "captions", _("Captions (what is said and heard)")
        DESCRIPTIONS = "descriptions", _("Audio description (what is seen), read by screen readers")

    video = models.ForeignKey(
        Video, verbose_name=_("video"), on_delete=models.CASCADE, related_name="caption_tracks"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CAPTIONS)
    cues = StreamField(
        [("cue", CueBlock())],
        verbose_name=_("caption lines"),
        blank=True,
        help_text=_("Filled from the uploaded .vtt file; you can correct single lines here."),
    )
    file = models.CharField(max_length=255, blank=True, editable=False)

    translatable_fields = [
        TranslatableField("cues"),
        SynchronizedField("video"),
        SynchronizedField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")

    def __str__(self) -> str:
        return f"{self.video} · {self.language_name}"

    @property
    def language_name(self) -> str:
        code = self.locale.language_code
        try:
            return translation.get_language_info(code)["name_local"]
        except KeyError:
            return code

    @property
    def url(self) -> str:
        return default_storage.url(self.file) if self.file else ""

    def cue_list(self) -> list[Cue]:
        return [
            Cue(float(block.value["start"]), float(block.value["end"]), block.value["text"])
            for block in self.cues
            if block.block_type == "cue"
        ]

    def as_webvtt(self) -> str:
        return render_webvtt(self.cue_list())


# --- Transcript, chapters and description ----------------------------------------------------


def validate_transcript_length(value: str) -> None:
    if len(value) <= MAX_TRANSCRIPT_CHARS:
        return
    line = value[:MAX_TRANSCRIPT_CHARS].count("\n") + 1
    raise ValidationError(
        _(
            "This transcript is %(count)s characters long; the limit is %(limit)s, passed on "
            "line %(line)s. Nothing was saved: check that only the transcript was pasted."
        )
        % {"count": f"{len(value):,}", "limit": f"{MAX_TRANSCRIPT_CHARS:,}", "line": line},
        code="transcript_too_long",
    )


class VideoText(TranslatableMixin, models.Model):
    """What a video says and shows, in one language: its written description, transcript and
    chapters. Like caption tracks, the English one is the source and its French and Arabic
    versions are wagtail-localize translations (chapter titles are segments, their times stay
    synchronised); the video itself, a file, is the same in every language."""

    video = models.ForeignKey(
        Video, verbose_name=_("video"), on_delete=models.CASCADE, related_name="texts"
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=2000,
        help_text=_(
            "What the video shows, in a few sentences, for people who cannot watch it and for "
            "search engines."
        ),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        validators=[validate_transcript_length],
        help_text=_(
            "Everything said, and the sounds that matter, in reading order. Shown under the "
            "video and found by the site search."
        ),
    )
    chapters = StreamField(
        [("chapter", ChapterBlock())],
        verbose_name=_("chapters"),
        blank=True,
        help_text=_("Filled from an uploaded WebVTT chapters file; you can correct titles here."),
    )
    chapters_file = models.CharField(max_length=255, blank=True, editable=False)

    translatable_fields = [
        TranslatableField("description"),
        TranslatableField("transcript"),
        TranslatableField("chapters"),
        SynchronizedField("video"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("transcript and chapters")
        verbose_name_plural = _("transcripts and chapters")
        constraints = [
            models.UniqueConstraint(fields=["video", "locale"], name="one_video_text_per_locale")
        ]

    def __str__(self) -> str:
        return f"{self.video} · {self.locale.get_display_name()}"

    @property
    def chapters_url(self) -> str:
        return default_storage.url(self.chapters_file) if self.chapters_file else ""

    def chapter_list(self) -> list[Cue]:
        return [
            Cue(float(block.value["start"]), float(block.value["end"]), block.value["title"])
            for block in self.chapters
            if block.block_type == "chapter"
        ]

    def as_webvtt(self) -> str:
        return render_webvtt(self.chapter_list())


# --- Audio ------------------------------------------------------------------------------------


def audio_upload_to(instance: Audio, filename: str) -> str:
    return f"audio/sources/{uuid.uuid4().hex[:12]}/{Path(filename).name}"


class Audio(index.Indexed, models.Model):
    """An uploaded recording (testimony, podcast) and the two files visitors stream: AAC in MP4
    (every browser) and Opus in WebM (smaller, where supported), both loudness-normalised so
    recordings made in different rooms play at the same level. Made on the video queue, under
    ``audio/<id>/<version>/``; ``outputs`` switches to a new version in one update."""

    Status = Video.Status

    title = models.CharField(_("title"), max_length=255)
    source = models.FileField(
        _("audio file"),
        upload_to=audio_upload_to,
        max_length=255,
        help_text=_(
            "MP3, M4A, WAV, FLAC, Ogg or Opus. It is converted for streaming after upload."
        ),
    )
    source_size = models.BigIntegerField(_("file size"), default=0, editable=False)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True, editable=False)
    audio_codec = models.CharField(_("audio codec"), max_length=32, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Video.Status.choices, default=Video.Status.UPLOADED
    )
    error_message = models.TextField(_("error"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)
    outputs = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_fields = [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("audio")
        verbose_name_plural = _("audio")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_playable(self) -> bool:
        return bool(self.outputs.get("aac"))

    @property
    def is_busy(self) -> bool:
        return self.status in {
            Video.Status.UPLOADED,
            Video.Status.QUEUED,
            Video.Status.PROBING,
            Video.Status.TRANSCODING,
            Video.Status.WAITING,
        }

    def output_prefix(self, version: int | None = None) -> str:
        return f"audio/{self.pk}/{self.version if version is None else version}"

    def request_transcode(self) -> None:
        from .audio import enqueue_audio_transcode

        Audio.objects.filter(pk=self.pk).update(
            version=models.F("version") + 1, status=Video.Status.QUEUED, error_message=""
        )
        self.refresh_from_db()
        audio_id, version = self.pk, self.version
        transaction.on_commit(lambda: enqueue_audio_transcode(audio_id, version))

    def _url(self, key: str) -> str:
        name = self.outputs.get(key)
        return default_storage.url(name) if name else ""

    @property
    def aac_url(self) -> str:
        return self._url("aac")

    @property
    def opus_url(self) -> str:
        return self._url("opus")

    @property
    def waveform(self) -> dict | None:
        """The waveform picture's URL and size, if this version has one (recordings processed
        before waveforms existed have none until processed again)."""
        url = self._url("waveform")
        if not url:
            return None
        width, height = self.outputs.get("waveform_size") or (1200, 160)
        return {"url": url, "width": width, "height": height}

    duration_label = Video.duration_label
    iso_duration = Video.iso_duration
