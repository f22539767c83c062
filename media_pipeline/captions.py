"""WebVTT in and out: a strict-enough reader that names the line at fault, and a writer.

Captions are stored as cues (start, end, text) so wagtail-localize can offer each line of text
to translators while the timings stay synchronised with the source track.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import conf

TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]+(.*))?$")
READ_CHUNK_BYTES = 64 * 1024


@dataclass
class Cue:
    start: float
    end: float
    text: str
    line: int = field(default=0, compare=False)  # of its timing in the file, for messages


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def format_timestamp(value: float) -> str:
    millis = int(round(value * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    seconds, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _error(line_number: int, message: str) -> ValidationError:
    return ValidationError(
        _("Line %(line)d: %(problem)s") % {"line": line_number, "problem": message},
        code="invalid_webvtt",
    )


def _too_big(limit: int) -> ValidationError:
    return ValidationError(
        _(
            "This caption file is larger than %(limit)s, the largest caption file accepted. "
            "Is it really a WebVTT file?"
        )
        % {"limit": filesizeformat(limit)},
        code="too_big",
    )


def read_caption_upload(upload: UploadedFile) -> str:
    """The text of an uploaded caption file, read in chunks and given up one byte past
    ``MEDIA_PIPELINE_MAX_CAPTION_BYTES``: a huge file is never held in memory whole."""
    limit = conf.max_caption_bytes()
    if upload.size is not None and upload.size > limit:
        raise _too_big(limit)
    upload.seek(0)
    data = bytearray()
    # The announced size can be wrong (a stream): count what is really read.
    while chunk := upload.read(min(READ_CHUNK_BYTES, limit + 1 - len(data))):
        data += chunk
        if len(data) > limit:
            raise _too_big(limit)
    return decode_caption_file(bytes(data))


def decode_caption_file(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(
            line, _("the file is not UTF-8 text. Save it as UTF-8 in your captions editor.")
        ) from exc


def parse_webvtt(text: str) -> list[Cue]:
    """The cues of a WebVTT document, or a ValidationError naming the first bad line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^WEBVTT([ \t].*)?$", lines[0]):
        raise _error(1, _("a WebVTT file must start with the word WEBVTT on its first line."))
    cues: list[Cue] = []
    index = 1
    # Header lines run until the first blank line.
    while index < len(lines) and lines[index].strip():
        index += 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        first = block[0]
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        timing_offset = 0 if "-->" in first else 1
        if timing_offset and (len(block) < 2 or "-->" not in block[1]):
            raise _error(
                block_start + 1,
                _("expected a cue timing such as “00:00:01.000 --> 00:00:04.000”, found “%(t)s”.")
                % {"t": first[:80]},
            )
        timing_line_number = block_start + timing_offset + 1
        match = TIMING_LINE.match(block[timing_offset].strip())
        if not match:
            raise _error(
                timing_line_number,
                _(
                    "“%(t)s” is not a valid cue timing; write it as "
                    "“00:00:01.000 --> 00:00:04.000” (hours optional, milliseconds required)."
                )
                % {"t": block[timing_offset][:80]},
            )
        groups = match.groups()
        start, end = _seconds(*groups[0:4]), _seconds(*groups[4:8])
        if end <= start:
            raise _error(timing_line_number, _("this cue ends before or when it starts."))
        payload = "\n".join(block[timing_offset + 1 :]).strip()
        if not payload:
            raise _error(timing_line_number, _("this cue has no text after its timing."))
        cues.append(Cue(start, end, payload, timing_line_number))
    if not cues:
        raise ValidationError(_("This WebVTT file contains no captions."), code="empty_webvtt")
    return cues


MAX_CHAPTER_TITLE = 200


def parse_chapters(text: str) -> list[Cue]:
    """Chapters from a WebVTT chapters file: cues in order, none overlapping the one before,
    each a one-line title. Errors name the line of the chapter at fault."""
    try:
        chapters = parse_webvtt(text)
    except ValidationError as exc:
        if exc.code == "empty_webvtt":
            raise ValidationError(
                _("This WebVTT file contains no chapters."), code="empty_webvtt"
            ) from exc
        raise
    previous = None
    for chapter in chapters:
        if "\n" in chapter.text:
            raise _error(
                chapter.line + 1,
                _("a chapter title is one line; this chapter has several."),
            )
        if len(chapter.text) > MAX_CHAPTER_TITLE:
            raise _error(
                chapter.line + 1,
                _("a chapter title is at most %(limit)d characters.")
                % {"limit": MAX_CHAPTER_TITLE},
            )
        if previous is not None and chapter.start < previous.end:
            raise _error(
                chapter.line,
                _(
                    "this chapter starts at %(start)s, before the chapter on line %(line)d "
                    "ends (%(end)s). Chapters follow one another without overlapping."
                )
                % {
                    "start": format_timestamp(chapter.start),
                    "line": previous.line,
                    "end": format_timestamp(previous.end),
                },
            )
        previous = chapter
    return chapters


def render_webvtt(cues: list[Cue]) -> str:
    parts = ["WEBVTT", ""]
    for cue in cues:
        parts += [f"{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}", cue.text, ""]
    return "\n".join(parts)
