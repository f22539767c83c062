"""The admin forms for videos and images: every uploaded video is probed before it is stored,
and uploads are stored while the form is validated, so an unreachable storage is a form error
the editor can act on rather than a server error."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.forms import BaseImageForm

from . import storage
from .audio import validate_audio_file
from .captions import parse_chapters, parse_webvtt, read_caption_upload
from .probe import ProbeResult, validate_video_file

logger = logging.getLogger(__name__)

STORAGE_UNAVAILABLE = _(
    "The file could not be stored: the media storage is unavailable. Nothing was saved. "
    "Try again in a few minutes."
)


class StoresUploadWhenValid:
    """Model-form mixin: once everything else validates, store the new upload of
    ``upload_field`` right away, turning a storage outage into an error on that field.

    Django would store it in ``Model.save()``, after the view has accepted the form, where an
    outage can only be a 500 (Wagtail's image views do not catch it). Stored here, the row
    saved later simply refers to the stored name; the upload is not sent twice.
    """

    upload_field = "file"

    def _post_clean(self) -> None:
        super()._post_clean()
        if not self._errors:
            self._store_upload()

    def _store_upload(self) -> None:
        field_file = getattr(self.instance, self.upload_field, None)
        if not field_file or field_file._committed:
            return  # no new upload
        upload = field_file.file
        field = field_file.field
        try:
            name = field.generate_filename(self.instance, upload.name)
            field_file.name = field_file.storage.save(name, upload, max_length=field.max_length)
        except Exception as exc:
            if not storage.is_unavailable(exc):
                raise
            logger.warning("Upload of %s refused: storage unavailable (%s)", upload.name, exc)
            self.add_error(self.upload_field, STORAGE_UNAVAILABLE)
            return
        # Stored: Model.save() now writes this name and does not upload the file again, while
        # reads (hash, dimensions) still come from the local upload.
        field_file._committed = True


def probe_upload(upload: UploadedFile) -> ProbeResult:
    """Validate an upload where Django left it: big files are already a temporary file on disk
    (streamed there in chunks, never held in memory); small ones are written to one."""
    if hasattr(upload, "temporary_file_path"):
        return validate_video_file(upload.temporary_file_path(), upload.name, upload.size)
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        upload.seek(0)
        return validate_video_file(handle.name, upload.name, upload.size)


class StoryImageForm(StoresUploadWhenValid, BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), used by the add, multiple
    upload, chooser and edit views alike."""


class VideoForm(StoresUploadWhenValid, WagtailAdminModelForm):
    upload_field = "source"
    probe: ProbeResult | None = None

    def clean_source(self):
        source = self.cleaned_data.get("source")
        if isinstance(source, UploadedFile):
            self.probe = probe_upload(source)
        return source

    def save(self, commit: bool = True):
        video = super().save(commit=False)
        new_source = self.probe is not None
        previous_source = ""
        if new_source:
            if video.pk:
                previous_source = type(video).objects.get(pk=video.pk).source.name
            self.apply_probe(video, self.probe, self.cleaned_data["source"].size)
        if not commit:
            return video
        try:
            video.save()
        except Exception:
            # The file reached storage but the row did not: leave nothing behind.
            if new_source and video.source.name:
                video.source.storage.delete(video.source.name)
            raise
        if new_source:
            video.request_transcode()
            if previous_source and previous_source != video.source.name:
                storage = video.source.storage
                transaction.on_commit(lambda: storage.delete(previous_source))
        return video

    @staticmethod
    def apply_probe(video, probe: ProbeResult, size: int) -> None:
        video.source_size = size
        video.duration = probe.duration
        video.width = probe.width
        video.height = probe.height
        video.video_codec = probe.video_codec
        video.audio_codec = probe.audio_codec
        video.frame_rate = probe.frame_rate or None
        video.status = video.Status.UPLOADED


class CaptionTrackForm(WagtailAdminModelForm):
    """Captions arrive as a .vtt file; it is checked line by line and stored as cues."""

    vtt_file = forms.FileField(
        label=_("WebVTT file"),
        required=False,
        help_text=_("A .vtt captions file in the language of this track. Replaces all lines."),
    )

    def clean_vtt_file(self):
        upload = self.cleaned_data.get("vtt_file")
        if upload is None:
            return None
        text = read_caption_upload(upload)
        return parse_webvtt(text)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("vtt_file") and not self.instance.pk and "vtt_file" not in self.errors:
            self.add_error("vtt_file", _("Upload the captions as a .vtt file."))
        return cleaned

    def save(self, commit: bool = True):
        track = super().save(commit=False)
        cues = self.cleaned_data.get("vtt_file")
        if cues:
            track.cues = [
                ("cue", {"start": cue.start, "end": cue.end, "text": cue.text}) for cue in cues
            ]
        if commit:
            track.save()
        return track


class VideoTextForm(WagtailAdminModelForm):
    """A video's description, transcript and chapters in one language; chapters arrive as a
    WebVTT chapters file, checked line by line (and for overlaps) before anything is stored."""

    chapters_upload = forms.FileField(
        label=_("WebVTT chapters file"),
        required=False,
        help_text=_(
            "A .vtt file whose cues are the chapters: one title per cue, in order, not "
            "overlapping. Replaces all chapters."
        ),
    )

    def clean_chapters_upload(self):
        upload = self.cleaned_data.get("chapters_upload")
        if upload is None:
            return None
        return parse_chapters(read_caption_upload(upload))

    def clean(self):
        cleaned = super().clean()
        video = cleaned.get("video")
        chapters = cleaned.get("chapters_upload")
        if video is not None and chapters and video.duration:
            late = next((c for c in chapters if c.start >= video.duration), None)
            if late is not None:
                self.add_error(
                    "chapters_upload",
                    _(
                        "Line %(line)d: this chapter starts after the end of the video "
                        "(%(duration)s)."
                    )
                    % {"line": late.line, "duration": video.duration_label},
                )
        return cleaned

    def save(self, commit: bool = True):
        text = super().save(commit=False)
        chapters = self.cleaned_data.get("chapters_upload")
        if chapters:
            text.chapters = [
                ("chapter", {"start": c.start, "end": c.end, "title": c.text}) for c in chapters
            ]
        if commit:
            text.save()
        return text


def probe_audio_upload(upload: UploadedFile):
    if hasattr(upload, "temporary_file_path"):
        return validate_audio_file(upload.temporary_file_path(), upload.name, upload.size)
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        upload.seek(0)
        return validate_audio_file(handle.name, upload.name, upload.size)


class AudioForm(StoresUploadWhenValid, WagtailAdminModelForm):
    """Every uploaded recording is probed before it is stored; a refused one stores nothing."""

    upload_field = "source"
    probe = None

    def clean_source(self):
        source = self.cleaned_data.get("source")
        if isinstance(source, UploadedFile):
            self.probe = probe_audio_upload(source)
        return source

    def save(self, commit: bool = True):
        audio = super().save(commit=False)
        new_source = self.probe is not None
        previous_source = ""
        if new_source:
            if audio.pk:
                previous_source = type(audio).objects.get(pk=audio.pk).source.name
            audio.source_size = self.cleaned_data["source"].size
            audio.duration = self.probe.duration
            audio.audio_codec = self.probe.codec
            audio.status = audio.Status.UPLOADED
        if not commit:
            return audio
        try:
            audio.save()
        except Exception:
            if new_source and audio.source.name:
                audio.source.storage.delete(audio.source.name)
            raise
        if new_source:
            audio.request_transcode()
            if previous_source and previous_source != audio.source.name:
                source_storage = audio.source.storage
                transaction.on_commit(lambda: source_storage.delete(previous_source))
        return audio
