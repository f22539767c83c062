"""The admin form for videos: every uploaded file is probed before it is stored."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm

from .probe import ProbeResult, validate_video_file


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


class VideoForm(WagtailAdminModelForm):
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
