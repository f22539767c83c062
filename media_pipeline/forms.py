"""The admin forms for videos and images: every uploaded video is probed before it is stored,
and uploads are stored while the form is validated, so an unreachable storage is a form error
the editor can act on rather than a server error."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.forms import BaseImageForm

from . import conf, direct_upload, storage
from .audio import validate_audio_file
from .captions import parse_chapters, parse_webvtt, read_caption_upload
from .probe import ProbeResult, check_name_and_size, validate_video_file

logger = logging.getLogger(__name__)


def enqueue_upload_check(video_id: int, name: str) -> None:
    from .tasks import check_uploaded_video, on_video_queue

    on_video_queue(check_uploaded_video).enqueue(video_id, name)


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


class UploadProgressFileInput(forms.ClearableFileInput):
    """The form upload (local storage) with a progress bar: ``upload-progress.js`` sends the
    form with XMLHttpRequest to show how much has been sent, and says so if it fails."""

    template_name = "media_pipeline/admin/upload_progress_input.html"

    def __init__(self, attrs=None):
        super().__init__({"accept": "video/*", **(attrs or {})})

    @property
    def media(self):
        return forms.Media(js=["media_pipeline/upload-progress.js"])


class DirectUploadWidget(forms.Widget):
    """Uppy's dashboard sending the file straight to the bucket; the form only gets the
    object's name (in a hidden input) once the upload is complete."""

    template_name = "media_pipeline/admin/direct_upload_widget.html"
    needs_multipart_form = True  # the no-JavaScript fallback posts the file itself

    def value_from_datadict(self, data, files, name):
        return files.get(name) or data.get(name, "")

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name not in files

    def format_value(self, value):
        # Only a finished upload's name goes back into the form (after another field's error),
        # never the current source: saving the edit page again must not "upload" it anew.
        return value if isinstance(value, str) else ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["urls"] = {
            step: reverse(f"wagtailsnippets_media_pipeline_video:upload_{step}")
            for step in ("create", "sign", "parts", "complete", "abort")
        }
        context["max_bytes"] = conf.max_upload_bytes()
        context["limit"] = filesizeformat(conf.max_upload_bytes())
        context["part_size"] = direct_upload.PART_SIZE
        return context

    @property
    def media(self):
        return forms.Media(
            css={"all": ["media_pipeline/vendor/uppy/uppy.min.css"]},
            js=["media_pipeline/vendor/uppy/uppy.min.js", "media_pipeline/direct-upload.js"],
        )


class DirectUploadField(forms.FileField):
    """The name of an object the browser uploaded to the bucket, or (without JavaScript) the
    file itself, posted with the form as before."""

    widget = DirectUploadWidget

    def to_python(self, data):
        return data if isinstance(data, str) else super().to_python(data)

    def clean(self, data, initial=None):
        if not isinstance(data, str):
            return super().clean(data, initial)
        if not data and self.required and not initial:
            raise ValidationError(self.error_messages["required"], code="required")
        return data


class VideoForm(StoresUploadWhenValid, WagtailAdminModelForm):
    upload_field = "source"
    probe: ProbeResult | None = None
    direct_name = ""  # an object the browser uploaded straight to the bucket

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "source" not in self.fields:
            return
        if direct_upload.is_enabled():
            self.fields["source"] = DirectUploadField(
                label=self.fields["source"].label,
                help_text=self.fields["source"].help_text,
                required=self.fields["source"].required,
                max_length=self.fields["source"].max_length,
            )
        else:
            self.fields["source"].widget = UploadProgressFileInput()

    def clean_source(self):
        source = self.cleaned_data.get("source")
        if isinstance(source, UploadedFile):
            self.probe = probe_upload(source)
        elif isinstance(source, str):
            return self._clean_direct_upload(source)
        return source

    def _clean_direct_upload(self, name: str) -> str | None:
        if not name:
            return None  # no new file: keep the source (None means "no change")
        user_id = getattr(getattr(self, "for_user", None), "pk", None)
        direct_upload.check_owner(name, user_id or 0)
        try:
            size = default_storage.size(name)
        except Exception as exc:
            if storage.is_unavailable(exc):
                raise ValidationError(STORAGE_UNAVAILABLE) from exc
            raise ValidationError(
                _("The uploaded file is not in the media storage. Upload it again.")
            ) from exc
        check_name_and_size(name, size)
        self.direct_name = name
        self.direct_size = size
        return name

    def save(self, commit: bool = True):
        if self.direct_name:
            return self._save_direct_upload(commit)
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

    def _save_direct_upload(self, commit: bool):
        """The row is saved as "Checking the file" and the worker probes the object; until it
        is accepted, a replaced video keeps its current source and outputs."""
        video = super().save(commit=False)
        if video.pk:
            video.source.name = type(video).objects.get(pk=video.pk).source.name
        else:
            video.source_size = self.direct_size
        video.status = video.Status.PROBING
        video.pending_upload = self.direct_name
        # No lease until a worker starts the check: a queued check is not a dead one.
        video.heartbeat_at = None
        if not commit:
            return video
        video.save()
        video_id, name = video.pk, self.direct_name
        transaction.on_commit(lambda: enqueue_upload_check(video_id, name))
        return video

    @staticmethod
    def apply_probe(video, probe: ProbeResult, size: int) -> None:
        video.apply_probe(probe, size)


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
