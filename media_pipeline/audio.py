"""Audio recordings: checking an upload with ffprobe, and the job (on the video queue) that makes
the two streaming files, loudness-normalised AAC (M4A) and Opus (WebM).

A job is idempotent like a video job: it writes only if its version is still the recording's
current one, into ``audio/<id>/<version>/``, and switches ``outputs`` in one update; a storage
outage leaves the recording failed with a message (upload it again), its partial folder removed.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django_tasks import task

from . import conf, processes, storage
from .models import Audio
from .probe import PLAYLIST_SIGNATURES, ProbeFailed, local_input, run_ffprobe

logger = logging.getLogger(__name__)

AUDIO_EXTENSIONS = ("mp3", "m4a", "aac", "wav", "flac", "ogg", "oga", "opus", "webm")
# ffprobe's format_name → the demuxer ffmpeg is then told to use, so a file cannot steer it.
AUDIO_FORMATS = {
    "mp3": "mp3",
    "mov,mp4,m4a,3gp,3g2,mj2": "mov",
    "aac": "aac",
    "wav": "wav",
    "flac": "flac",
    "ogg": "ogg",
    "matroska,webm": "matroska",
}
# EBU R128 for speech on the web: -16 LUFS integrated, peaks under -1.5 dBTP.
LOUDNORM = "loudnorm=I=-16:TP=-1.5:LRA=11"


@dataclass
class AudioProbe:
    duration: float
    codec: str
    format_name: str


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def validate_audio_file(path: str | Path, name: str, size: int) -> AudioProbe:
    """What the upload at ``path`` holds, or a ValidationError telling the editor what to do."""
    extension = Path(name).suffix.lower().lstrip(".")
    if extension not in AUDIO_EXTENSIONS:
        raise _refuse(
            _("“%(name)s” is not an audio file. Upload a recording such as .mp3, .m4a or .wav.")
            % {"name": name},
            "extension",
        )
    if size == 0:
        raise _refuse(
            _("“%(name)s” is empty (0 bytes). Export or copy the recording again.")
            % {"name": name},
            "empty",
        )
    limit = conf.max_upload_bytes()
    if size > limit:
        raise _refuse(
            _("“%(name)s” is %(size)s; the largest file you can upload is %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            "too_big",
        )
    with open(path, "rb") as handle:
        if handle.read(16).startswith(PLAYLIST_SIGNATURES):
            raise _refuse(
                _("“%(name)s” is a playlist, not a recording. Upload the audio file itself.")
                % {"name": name},
                "playlist",
            )
    try:
        info = run_ffprobe(path, formats=",".join(sorted(set(AUDIO_FORMATS.values()))))
    except ProbeFailed as exc:
        raise _refuse(
            _(
                "“%(name)s” is named like a recording but its content is not audio we can "
                "read. It may be damaged or another kind of file renamed. Export it again "
                "(for example as MP3 or WAV) and upload that."
            )
            % {"name": name},
            "not_audio",
        ) from exc
    format_name = info.get("format", {}).get("format_name", "")
    streams = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if format_name not in AUDIO_FORMATS or not streams:
        raise _refuse(
            _("“%(name)s” contains no sound we can publish. Export it as MP3 or WAV.")
            % {"name": name},
            "no_audio_stream",
        )
    try:
        duration = float(info.get("format", {}).get("duration") or streams[0].get("duration"))
    except (TypeError, ValueError):
        duration = 0.0
    if duration <= 0:
        raise _refuse(
            _("“%(name)s” seems damaged: its length cannot be read. Export it again.")
            % {"name": name},
            "no_duration",
        )
    if duration > conf.max_duration_seconds():
        raise _refuse(
            _("“%(name)s” lasts longer than the %(limit)s minutes a recording may last.")
            % {"name": name, "limit": conf.max_duration_seconds() // 60},
            "too_long",
        )
    return AudioProbe(duration, streams[0].get("codec_name", ""), format_name)


# The recording's picture: its waveform, wide and short, drawn in the site's link colour on a
# transparent background (decorative: the player and caption carry the meaning).
WAVEFORM_SIZE = (1200, 160)
WAVEFORM_COLOUR = "#0a5a8c"
OUTPUT_NAMES = ("a.m4a", "a.webm", "waveform.png")


def encode_commands(source: Path, input_format: str, out_dir: Path) -> list[list[str]]:
    """Two encodes of the normalised sound: AAC in MP4 for every browser, Opus in WebM where
    supported (about half the bytes at the same quality for speech); then its waveform as a
    PNG, the recording's picture on the page."""
    base = [
        conf.ffmpeg_binary(),
        "-nostdin",
        "-y",
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-f",
        input_format,
        "-i",
        local_input(source),
        "-map",
        "0:a:0",
        "-vn",
        "-af",
        LOUDNORM,
    ]
    # The waveform is drawn from the source, not the normalised sound: its shape is what
    # matters, and it saves decoding the file a third time through loudnorm.
    waveform = [
        *base[: base.index("-map")],
        "-filter_complex",
        f"[0:a:0]aformat=channel_layouts=mono,showwavespic=s={WAVEFORM_SIZE[0]}x{WAVEFORM_SIZE[1]}"
        f":colors={WAVEFORM_COLOUR}",
        "-frames:v",
        "1",
        "-f",
        "image2",
        "-c:v",
        "png",
        str(out_dir / "waveform.png"),
    ]
    return [
        [*base, "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", str(out_dir / "a.m4a")],
        [*base, "-c:a", "libopus", "-b:a", "64k", "-f", "webm", str(out_dir / "a.webm")],
        waveform,
    ]


def enqueue_audio_transcode(audio_id: int, version: int) -> None:
    from .tasks import on_video_queue

    on_video_queue(transcode_audio).enqueue(audio_id, version)


def _local_source(audio: Audio, folder: Path) -> Path:
    try:
        return Path(audio.source.path)
    except NotImplementedError:  # remote storage (S3)
        target = folder / ("source" + Path(audio.source.name).suffix.lower())
        with audio.source.open("rb") as remote, target.open("wb") as local:
            shutil.copyfileobj(remote, local, 8 * 1024 * 1024)
        return target


@task()
def transcode_audio(audio_id: int, version: int) -> str:
    audio = Audio.objects.filter(pk=audio_id).first()
    if audio is None:
        return "deleted"
    if audio.version != version:
        return "superseded"
    prefix = audio.output_prefix(version)
    Audio.objects.filter(pk=audio_id, version=version).update(status=Audio.Status.TRANSCODING)
    try:
        with tempfile.TemporaryDirectory(prefix=f"audio-{audio_id}-v{version}-") as scratch:
            folder = Path(scratch)
            source = storage.with_retries(lambda: _local_source(audio, folder), "fetching audio")
            probe = validate_audio_file(source, Path(audio.source.name).name, source.stat().st_size)
            out_dir = folder / "out"
            out_dir.mkdir()
            timeout = conf.transcode_timeout_seconds(probe.duration)
            for command in encode_commands(source, AUDIO_FORMATS[probe.format_name], out_dir):
                done = processes.run(command, timeout=timeout)
                if done.returncode != 0:
                    raise RuntimeError((done.stderr or "ffmpeg failed").strip()[-500:])
            storage.delete_prefix(prefix)
            for name in OUTPUT_NAMES:
                storage.with_retries(
                    lambda name=name: storage.put_file(out_dir / name, f"{prefix}/{name}"),
                    "storing audio",
                )
    except Exception as exc:
        logger.exception("Audio %s version %s failed", audio_id, version)
        storage.delete_prefix(prefix)
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        Audio.objects.filter(pk=audio_id, version=version).update(
            status=Audio.Status.FAILED, error_message=message[:2000]
        )
        return "failed"
    with transaction.atomic():
        updated = Audio.objects.filter(pk=audio_id, version=version).update(
            status=Audio.Status.READY,
            error_message="",
            duration=probe.duration,
            audio_codec=probe.codec,
            outputs={
                "aac": f"{prefix}/a.m4a",
                "opus": f"{prefix}/a.webm",
                "waveform": f"{prefix}/waveform.png",
                "waveform_size": list(WAVEFORM_SIZE),
                "version": version,
            },
        )
    if not updated:
        storage.delete_prefix(prefix)
        return "superseded"
    for name in storage.list_prefix(f"audio/{audio_id}/"):
        if not name.startswith(f"{prefix}/"):
            storage.delete_names([name])
    return "ready"
