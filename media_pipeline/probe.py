"""Find out what a file really is with ffprobe, and refuse what the pipeline cannot turn into a
video — before anything is stored for good. Every refusal says what to do about it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf, processes

VIDEO_EXTENSIONS = ("mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg", "mpeg", "ts", "mts", "ogv")
# The containers we transcode: ffprobe's format_name → the demuxer ffmpeg is then told to use
# (``-f``), so a file cannot steer ffmpeg into another one. Playlists and file lists (hls,
# concat), image sequences and network formats are not here: they make ffmpeg open other files.
INPUT_FORMATS = {
    "mov,mp4,m4a,3gp,3g2,mj2": "mov",
    "matroska,webm": "matroska",
    "avi": "avi",
    "mpegts": "mpegts",
    "mpeg": "mpeg",
    "ogg": "ogg",
    "asf": "asf",
    "flv": "flv",
}
# What ffprobe calls formats that are not moving pictures, mapped to words an editor knows.
STILL_IMAGE_FORMATS = {
    "png_pipe": "PNG image",
    "jpeg_pipe": "JPEG image",
    "webp_pipe": "WebP image",
    "gif": "GIF image",
    "image2": "image",
    "bmp_pipe": "BMP image",
    "tiff_pipe": "TIFF image",
    "svg_pipe": "SVG drawing",
}
# ffprobe may only pick one of these demuxers (the still-image ones to name a renamed photo),
# and read nothing but the local file it is given.
PROBE_FORMAT_WHITELIST = ",".join(
    [*INPUT_FORMATS.values(), *(name for name in STILL_IMAGE_FORMATS if name.endswith("_pipe"))]
)
PLAYLIST_SIGNATURES = (b"#EXTM3U", b"ffconcat")


@dataclass
class ProbeResult:
    """What ffprobe found in a file that passed validation."""

    format_name: str
    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str = ""
    frame_rate: float = 0.0
    bit_rate: int = 0
    raw: dict = field(default_factory=dict, repr=False)

    @property
    def has_audio(self) -> bool:
        return bool(self.audio_codec)


class ProbeFailed(Exception):
    def __init__(self, stderr: str, *, timed_out: bool = False):
        super().__init__(stderr)
        self.stderr = stderr.strip()
        self.timed_out = timed_out


def local_input(path: str | Path) -> str:
    """``path`` as an ffmpeg input URL that can only mean the local file."""
    return f"file:{Path(path).resolve()}"


def input_arguments(path: str | Path, format_name: str) -> list[str]:
    """ffmpeg's input options for a probed source: its own demuxer, local files only."""
    demuxer = INPUT_FORMATS.get(format_name)
    if demuxer is None:
        raise ValueError(f"{format_name!r} is not an accepted input format")
    return ["-protocol_whitelist", "file", "-f", demuxer, "-i", local_input(path)]


def run_ffprobe(path: str | Path, formats: str = PROBE_FORMAT_WHITELIST) -> dict:
    """ffprobe's JSON for ``path``, reading only the demuxers in ``formats``; raises
    ProbeFailed with ffprobe's own words if it cannot."""
    command = [
        conf.ffprobe_binary(),
        "-v",
        "error",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        formats,
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        local_input(path),
    ]
    limit = conf.probe_timeout_seconds()
    try:
        done = processes.run(command, timeout=limit)
    except processes.ToolTimeout as exc:
        raise ProbeFailed(f"ffprobe took longer than {limit:g} s", timed_out=True) from exc
    if done.returncode != 0:
        raise ProbeFailed(done.stderr or "ffprobe could not read the file")
    return json.loads(done.stdout or "{}")


def _ends_cleanly(path: str | Path, duration: float, format_name: str) -> bool:
    """Decode the last seconds: a truncated file (e.g. an interrupted copy) fails here even when
    its header, written first, still describes the whole video."""
    start = max(0.0, duration - 1.5)
    command = [
        conf.ffmpeg_binary(),
        "-nostdin",
        "-v",
        "error",
        "-xerror",
        "-ss",
        f"{start:.3f}",
        *input_arguments(path, format_name),
        "-f",
        "null",
        "-",
    ]
    try:
        done = processes.run(command, timeout=conf.probe_timeout_seconds())
    except processes.ToolTimeout:
        return False
    return done.returncode == 0 and not done.stderr.strip()


def looks_like_playlist(path: str | Path) -> bool:
    """HLS playlists and ffconcat lists are text that points ffmpeg at other files."""
    with open(path, "rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(PLAYLIST_SIGNATURES)


def _human_seconds(seconds: float) -> str:
    count = int(round(seconds))
    return ngettext("%(count)d second", "%(count)d seconds", count) % {"count": count}


def has_video_signature(path: str | Path) -> bool:
    """Whether the first bytes are those of a video container. ffprobe picks its reader from the
    file name, so on a renamed file its error alone cannot tell "damaged" from "not a video"."""
    with open(path, "rb") as handle:
        head = handle.read(512)
    mp4_boxes = {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
    return (
        head[4:8] in mp4_boxes
        or head.startswith((b"\x1a\x45\xdf\xa3", b"OggS", b"FLV", b"\x00\x00\x01\xba"))
        or head.startswith(b"\x30\x26\xb2\x75")
        or (head.startswith(b"RIFF") and head[8:12] == b"AVI ")
        or (len(head) > 188 and head[0] == 0x47 and head[188] == 0x47)
    )


def _human_duration(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    return _("%(m)d min %(s)02d s") % {"m": minutes, "s": secs}


def check_name_and_size(name: str, size: int) -> None:
    """The checks that need no reading of the content."""
    extension = Path(name).suffix.lower().lstrip(".")
    if extension not in VIDEO_EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” is not a video file. Upload a video such as .mp4, .mov, .mkv or .webm.")
            % {"name": name},
            code="extension",
        )
    if size == 0:
        raise ValidationError(
            _("“%(name)s” is empty (0 bytes). Export or copy the video again.") % {"name": name},
            code="empty",
        )
    limit = conf.max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _(
                "“%(name)s” is %(size)s; the largest video you can upload is %(limit)s. Export a "
                "shorter or more compressed version (H.264 at 1080p is plenty for the web)."
            )
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_big",
        )


def validate_video_file(path: str | Path, name: str, size: int) -> ProbeResult:
    """Probe ``path`` (the upload's temporary file) and return what it holds, or raise a
    ValidationError whose message tells the editor what is wrong and what to do."""
    check_name_and_size(name, size)
    if looks_like_playlist(path):
        raise ValidationError(
            _(
                "“%(name)s” is a playlist or a list of other files, not a video. Upload the "
                "video file itself (for example the MP4)."
            )
            % {"name": name},
            code="playlist",
        )
    try:
        info = run_ffprobe(path)
    except ProbeFailed as exc:
        if exc.timed_out:
            raise ValidationError(
                _(
                    "“%(name)s” could not be checked: reading it took longer than %(limit)s. "
                    "The file may be damaged; export it again (for example as MP4) and upload "
                    "that."
                )
                % {"name": name, "limit": _human_seconds(conf.probe_timeout_seconds())},
                code="probe_timeout",
            ) from exc
        if has_video_signature(path) and (
            "moov atom not found" in exc.stderr or "End of file" in exc.stderr
        ):
            raise ValidationError(
                _(
                    "“%(name)s” is incomplete: the end of the file is missing, as happens when "
                    "a copy or download is interrupted. Copy or export it again, then upload it."
                )
                % {"name": name},
                code="truncated",
            ) from exc
        raise ValidationError(
            _(
                "“%(name)s” is named like a video but its content is not a video we can read. "
                "It may be another kind of file renamed, or damaged. Export the video again "
                "(for example as MP4) and upload that."
            )
            % {"name": name},
            code="not_video",
        ) from exc

    format_name = info.get("format", {}).get("format_name", "")
    formats = set(format_name.split(","))
    for still, label in STILL_IMAGE_FORMATS.items():
        if still in formats:
            raise ValidationError(
                _(
                    "“%(name)s” is named like a video but is a %(kind)s. Upload still pictures "
                    "as images; upload the video file here."
                )
                % {"name": name, "kind": label},
                code="disguised",
            )
    video = picture_stream(info)
    if video is None:
        raise ValidationError(
            _(
                "“%(name)s” has no picture: it contains only sound or data. Upload the video "
                "itself, not its soundtrack."
            )
            % {"name": name},
            code="no_video_stream",
        )
    if format_name not in INPUT_FORMATS:
        raise ValidationError(
            _("“%(name)s” is in a format (%(format)s) we cannot publish. Export it as MP4.")
            % {"name": name, "format": format_name},
            code="format",
        )
    duration = _duration(info, video)
    if duration <= 0:
        raise ValidationError(
            _("“%(name)s” seems damaged: its length cannot be read. Export it again.")
            % {"name": name},
            code="corrupt",
        )
    limit = conf.max_duration_seconds()
    if duration > limit:
        raise ValidationError(
            _(
                "“%(name)s” lasts %(duration)s; videos can be at most %(limit)s long. Trim it or "
                "split it into parts."
            )
            % {
                "name": name,
                "duration": _human_duration(duration),
                "limit": _human_duration(limit),
            },
            code="too_long",
        )
    if not _ends_cleanly(path, duration, format_name):
        raise ValidationError(
            _(
                "“%(name)s” is damaged or incomplete: its last seconds cannot be played. Copy or "
                "export it again, then upload it."
            )
            % {"name": name},
            code="truncated",
        )
    summary = summarise(info)
    return ProbeResult(
        format_name=format_name,
        bit_rate=int(info.get("format", {}).get("bit_rate") or 0),
        raw=info,
        **summary,
    )


def picture_stream(info: dict) -> dict | None:
    """The first real video stream (cover art in audio files is a "video" stream too)."""
    return next(
        (
            s
            for s in info.get("streams", [])
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        None,
    )


def summarise(info: dict) -> dict:
    """Duration, displayed size and codecs from ffprobe's JSON (which has a picture stream)."""
    video = picture_stream(info) or {}
    audio = next((s for s in info.get("streams", []) if s.get("codec_type") == "audio"), None)
    width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    if _is_rotated(video):
        width, height = height, width
    return {
        "duration": _duration(info, video),
        "width": width,
        "height": height,
        "video_codec": video.get("codec_name", ""),
        "audio_codec": (audio or {}).get("codec_name", ""),
        "frame_rate": _frame_rate(video.get("avg_frame_rate", "0/1")),
    }


def _duration(info: dict, video: dict) -> float:
    for value in (info.get("format", {}).get("duration"), video.get("duration")):
        try:
            if value is not None and float(value) > 0:
                return float(value)
        except ValueError:
            continue
    return 0.0


def _frame_rate(text: str) -> float:
    numerator, _slash, denominator = text.partition("/")
    try:
        return float(numerator) / float(denominator or 1)
    except (ValueError, ZeroDivisionError):
        return 0.0


def _is_rotated(video: dict) -> bool:
    """Phones store portrait video as landscape plus a rotation; ffmpeg applies it on decode."""
    for side in video.get("side_data_list", []):
        if abs(int(side.get("rotation", 0) or 0)) in (90, 270):
            return True
    return abs(int(video.get("tags", {}).get("rotate", 0) or 0)) in (90, 270)
