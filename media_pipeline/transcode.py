"""Turn a source video into streaming outputs: one ffmpeg pass for the whole HLS ladder, an MP4
fallback remuxed from one rung (no second encode), a poster (JPEG + WebP) and a thumbnail.

Pure functions of files and numbers (no database), so the benchmark can time exactly what the
task runs; ``tasks.py`` adds the database and storage around them.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import conf, processes
from .probe import input_arguments, local_input

MP4_FORMAT = "mov,mp4,m4a,3gp,3g2,mj2"  # ffprobe's name for MP4/MOV

HLS_SEGMENT_SECONDS = 4
KEYFRAME_SECONDS = 2  # keyframe every 2 s: segments start on one and rungs switch cleanly
MP4_MAX_HEIGHT = 720  # the no-JavaScript fallback: good enough, and light on phones
POSTER_WIDTH = 1280
THUMBNAIL_WIDTH = 320
STDERR_LINES_KEPT = 15

# Video bitrate (kbit/s) per rung height, roughly Apple's HLS authoring guidance for H.264.
BITRATES = {360: 800, 540: 1800, 720: 3000, 1080: 5500}


@dataclass(frozen=True)
class Rung:
    name: str
    width: int
    height: int
    video_kbps: int
    audio_kbps: int


class TranscodeError(Exception):
    """ffmpeg failed; ``details`` holds the last lines it wrote to stderr."""

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class Cancelled(Exception):
    """The job was superseded (new source, retry, deletion) while running."""


def _even(value: float) -> int:
    return max(2, int(round(value / 2)) * 2)


def plan_ladder(width: int, height: int, heights: list[int] | None = None) -> list[Rung]:
    """The rungs for a source: every ladder height up to the source's short side (never
    upscaled). A source smaller than the lowest rung gets one rung at its own size."""
    heights = sorted(heights or conf.ladder_heights())
    portrait = height > width
    short, long_ = (width, height) if portrait else (height, width)
    chosen = [h for h in heights if h <= short] or [_even(short)]
    rungs = []
    for rung_short in chosen:
        rung_long = _even(long_ * rung_short / short)
        rung_w, rung_h = (rung_short, rung_long) if portrait else (rung_long, rung_short)
        kbps = BITRATES.get(rung_short) or max(300, int(rung_short * 5))
        rungs.append(Rung(f"{rung_short}p", rung_w, rung_h, kbps, 96 if rung_short < 540 else 128))
    return rungs


def ladder_command(
    source: Path,
    out_dir: Path,
    rungs: list[Rung],
    has_audio: bool,
    progress: bool = True,
    input_format: str = MP4_FORMAT,
    master_name: str = "master.m3u8",
) -> list[str]:
    """ffmpeg arguments for the whole ladder in one process: the source is decoded once, split,
    scaled per rung and encoded to H.264/AAC HLS with a master playlist."""
    labels = [f"v{index}" for index in range(len(rungs))]
    graph = f"[0:v:0]split={len(rungs)}" + "".join(f"[s{i}]" for i in range(len(rungs))) + ";"
    graph += ";".join(
        f"[s{i}]scale={rung.width}:{rung.height}:flags=bicubic,setsar=1[{labels[i]}]"
        for i, rung in enumerate(rungs)
    )
    command = [conf.ffmpeg_binary(), "-hide_banner", "-nostdin", "-y", "-v", "error"]
    if progress:
        command += ["-nostats", "-progress", "pipe:1"]
    command += [*input_arguments(source, input_format), "-filter_complex", graph]
    for index in range(len(rungs)):
        command += ["-map", f"[{labels[index]}]"]
        if has_audio:
            command += ["-map", "0:a:0"]
    command += [
        "-c:v",
        "libx264",
        "-preset",
        conf.x264_preset(),
        "-profile:v",
        "high",
        "-pix_fmt",
        "yuv420p",
        "-force_key_frames",
        f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})",
        "-sc_threshold",
        "0",
    ]
    for index, rung in enumerate(rungs):
        command += [
            f"-b:v:{index}",
            f"{rung.video_kbps}k",
            f"-maxrate:v:{index}",
            f"{int(rung.video_kbps * 1.07)}k",
            f"-bufsize:v:{index}",
            f"{int(rung.video_kbps * 1.5)}k",
        ]
    if has_audio:
        command += ["-c:a", "aac", "-ac", "2", "-ar", "48000"]
        for index, rung in enumerate(rungs):
            command += [f"-b:a:{index}", f"{rung.audio_kbps}k"]
    stream_map = " ".join(
        f"v:{i},a:{i},name:{rung.name}" if has_audio else f"v:{i},name:{rung.name}"
        for i, rung in enumerate(rungs)
    )
    command += [
        "-f",
        "hls",
        "-hls_time",
        str(HLS_SEGMENT_SECONDS),
        "-hls_playlist_type",
        "vod",
        "-hls_flags",
        "independent_segments",
        "-hls_segment_type",
        "mpegts",
        "-master_pl_name",
        master_name,
        "-hls_segment_filename",
        str(out_dir / "hls" / "%v" / "segment_%05d.ts"),
        "-var_stream_map",
        stream_map,
        str(out_dir / "hls" / "%v" / "index.m3u8"),
    ]
    return command


def run_ffmpeg(
    command: list[str],
    duration: float,
    on_progress: Callable[[float], None] | None = None,
    timeout: float | None = None,
) -> None:
    """Run ffmpeg, reporting the fraction done (0…1) from its ``-progress`` output.

    ``on_progress`` may raise Cancelled to stop ffmpeg; past ``timeout`` seconds (default: from
    the duration, ``conf.transcode_timeout_seconds``) ffmpeg is killed and TranscodeError
    raised. stderr is kept (last lines only) for the error message editors see.
    """
    limit = conf.transcode_timeout_seconds(duration) if timeout is None else timeout
    stderr_tail: deque[str] = deque(maxlen=STDERR_LINES_KEPT)
    process = processes.start(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    timed_out = threading.Event()

    def stop_at_deadline() -> None:
        timed_out.set()
        processes.kill_group_only(process)

    # A timer, not a check between progress lines: a stuck ffmpeg writes no lines at all.
    deadline = threading.Timer(limit, stop_at_deadline)
    deadline.daemon = True
    deadline.start()

    def drain_stderr() -> None:
        for line in process.stderr:
            if line.strip():
                stderr_tail.append(line.rstrip())

    reader = threading.Thread(target=drain_stderr, daemon=True)
    reader.start()
    try:
        for line in process.stdout:
            key, _sep, value = line.strip().partition("=")
            if key == "out_time_us" and on_progress and duration > 0:
                try:
                    seconds = int(value) / 1_000_000
                except ValueError:
                    continue
                on_progress(min(1.0, max(0.0, seconds / duration)))
    except BaseException:
        deadline.cancel()
        processes.kill_group(process)
        raise
    process.wait()
    deadline.cancel()
    reader.join(timeout=5)
    if timed_out.is_set():
        raise TranscodeError(
            f"ffmpeg took longer than {limit:g} s (the limit for a video of {duration:.0f} s) "
            "and was stopped",
            "\n".join(stderr_tail),
        )
    if process.returncode != 0:
        details = "\n".join(stderr_tail)
        raise TranscodeError(f"ffmpeg stopped with exit code {process.returncode}", details)


def _run_step(command: list[str], what: str, timeout: float) -> subprocess.CompletedProcess:
    """A short ffmpeg step (remux, poster) with its own time limit."""
    try:
        return processes.run(command, timeout=timeout)
    except processes.ToolTimeout as exc:
        raise TranscodeError(f"{what} took longer than {timeout:g} s and was stopped") from exc


def remux_mp4(playlist: Path, target: Path, timeout: float) -> None:
    """The MP4 fallback: the chosen rung's segments copied into one progressive MP4 (no second
    encode), with the index at the front so playback starts before the download ends."""
    command = [
        conf.ffmpeg_binary(),
        "-hide_banner",
        "-nostdin",
        "-y",
        "-v",
        "error",
        # Our own playlist, read as HLS from local files only.
        "-protocol_whitelist",
        "file",
        "-f",
        "hls",
        "-i",
        local_input(playlist),
        "-c",
        "copy",
        "-bsf:a",
        "aac_adtstoasc",
        "-movflags",
        "+faststart",
        str(target),
    ]
    done = _run_step(command, "Making the MP4 fallback", timeout)
    if done.returncode != 0:
        raise TranscodeError("Making the MP4 fallback failed", done.stderr.strip()[-2000:])


def extract_poster(
    source: Path, duration: float, target: Path, input_format: str, timeout: float
) -> None:
    """A frame from 10 % in (at most 5 s): past fades from black, early enough to be typical."""
    at = min(5.0, duration * 0.1)
    command = [
        conf.ffmpeg_binary(),
        "-hide_banner",
        "-nostdin",
        "-y",
        "-v",
        "error",
        "-ss",
        f"{at:.3f}",
        *input_arguments(source, input_format),
        "-frames:v",
        "1",
        "-vf",
        f"scale='min({POSTER_WIDTH},iw)':-2",
        "-q:v",
        "3",
        str(target),
    ]
    done = _run_step(command, "Taking the poster frame", timeout)
    if done.returncode != 0 or not target.exists():
        raise TranscodeError("Taking the poster frame failed", done.stderr.strip()[-2000:])


def derive_images(poster_jpeg: Path, out_dir: Path) -> dict[str, Path]:
    """WebP poster and a small JPEG thumbnail (for the admin and choosers) from the poster."""
    webp = out_dir / "poster.webp"
    thumbnail = out_dir / "thumbnail.jpg"
    with Image.open(poster_jpeg) as image:
        image.save(webp, "WEBP", quality=80, method=4)
        small = image.copy()
        small.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH))
        small.save(thumbnail, "JPEG", quality=80, optimize=True)
    return {"poster_webp": webp, "thumbnail": thumbnail}


def mp4_rung(rungs: list[Rung]) -> Rung:
    fitting = [rung for rung in rungs if min(rung.width, rung.height) <= MP4_MAX_HEIGHT]
    return (fitting or rungs[:1])[-1]


FIRST_MASTER = "master-first.m3u8"  # ffmpeg's playlist of the first pass (lowest rung)
REST_MASTER = "master-rest.m3u8"  # ffmpeg's playlist of the second pass (the other rungs)
PUBLISHED_MASTER = "master.m3u8"  # the playlist visitors get: only finished rungs
FIRST_PASS_SHARE = 0.25  # of the encoding progress bar: the lowest rung is cheap


def _variants(playlist: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """A master playlist's header tags and its variants (``#EXT-X-STREAM-INF`` line, URI)."""
    header: list[str] = []
    variants: list[tuple[str, str]] = []
    lines = [line.strip() for line in playlist.read_text().splitlines() if line.strip()]
    pending = ""
    for line in lines:
        if line.startswith("#EXT-X-STREAM-INF"):
            pending = line
        elif pending and not line.startswith("#"):
            variants.append((pending, line))
            pending = ""
        elif line.startswith("#") and not variants and not pending:
            header.append(line)
    return header, variants


def compose_master(hls_dir: Path, passes: list[str]) -> Path:
    """Write ``hls/master.m3u8`` listing the variants of the finished passes, lowest first,
    atomically (a temporary file renamed over the old one), and return its path."""
    header: list[str] = []
    variants: list[tuple[str, str]] = []
    for name in passes:
        pass_header, pass_variants = _variants(hls_dir / name)
        header = header or pass_header
        variants.extend(pass_variants)
    text = "\n".join([*header, *(f"{tag}\n{uri}" for tag, uri in variants)]) + "\n"
    target = hls_dir / PUBLISHED_MASTER
    scratch = hls_dir / f".{PUBLISHED_MASTER}.tmp"
    scratch.write_text(text)
    scratch.replace(target)
    return target


def _rendition(rung: Rung) -> dict:
    return {
        "name": rung.name,
        "width": rung.width,
        "height": rung.height,
        "playlist": f"hls/{rung.name}/index.m3u8",
        "video_kbps": rung.video_kbps,
    }


def transcode(
    source: Path,
    out_dir: Path,
    *,
    width: int,
    height: int,
    duration: float,
    has_audio: bool,
    input_format: str = MP4_FORMAT,
    on_progress: Callable[[float], None] | None = None,
    on_first_rung: Callable[[dict], None] | None = None,
) -> dict:
    """Make every output in ``out_dir``; returns the manifest of relative names. The whole job
    shares one time limit (``conf.transcode_timeout_seconds``).

    Two ffmpeg passes when the ladder has more than one rung: the lowest rung first, with the
    poster and an MP4 of that rung, handed to ``on_first_rung`` (the task publishes it, so the
    video plays within seconds), then the other rungs. Each time ``hls/master.m3u8`` is
    rewritten to list only the rungs that are complete."""
    rungs = plan_ladder(width, height)
    hls_dir = out_dir / "hls"
    hls_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + conf.transcode_timeout_seconds(duration)
    staged = len(rungs) > 1
    first_share = FIRST_PASS_SHARE if staged else 1.0

    def remaining() -> float:
        return max(1.0, deadline - time.monotonic())

    def scaled(start: float, share: float) -> Callable[[float], None] | None:
        if on_progress is None:
            return None
        return lambda fraction: on_progress(start + share * fraction)

    first = rungs[:1] if staged else rungs
    command = ladder_command(
        source, out_dir, first, has_audio, input_format=input_format, master_name=FIRST_MASTER
    )
    run_ffmpeg(command, duration, scaled(0.0, first_share), timeout=remaining())
    extract_poster(source, duration, out_dir / "poster.jpg", input_format, remaining())
    derive_images(out_dir / "poster.jpg", out_dir)
    first_mp4 = f"video-{first[-1].name}.mp4"
    fallback = mp4_rung(rungs)
    if fallback in first:
        first_mp4 = "video.mp4"
    remux_mp4(hls_dir / first[-1].name / "index.m3u8", out_dir / first_mp4, remaining())
    compose_master(hls_dir, [FIRST_MASTER])
    manifest = {
        "master": f"hls/{PUBLISHED_MASTER}",
        "mp4": first_mp4,
        "poster_jpeg": "poster.jpg",
        "poster_webp": "poster.webp",
        "thumbnail": "thumbnail.jpg",
        "width": first[-1].width,
        "height": first[-1].height,
        "renditions": [_rendition(rung) for rung in first],
        "complete": not staged,
    }
    if not staged:
        return manifest
    if on_first_rung is not None:
        on_first_rung(manifest)
    rest = rungs[1:]
    command = ladder_command(
        source, out_dir, rest, has_audio, input_format=input_format, master_name=REST_MASTER
    )
    run_ffmpeg(command, duration, scaled(first_share, 1.0 - first_share), timeout=remaining())
    if fallback in rest:
        remux_mp4(hls_dir / fallback.name / "index.m3u8", out_dir / "video.mp4", remaining())
    compose_master(hls_dir, [FIRST_MASTER, REST_MASTER])
    top = rungs[-1]
    return {
        **manifest,
        "mp4": "video.mp4",
        "width": top.width,
        "height": top.height,
        "renditions": [_rendition(rung) for rung in rungs],
        "complete": True,
        # Pages rendered while only the first rung was out name its MP4: it stays, listed here.
        "earlier_mp4s": [first_mp4] if first_mp4 != "video.mp4" else [],
    }
