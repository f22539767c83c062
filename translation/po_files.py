"""Checked PO import for wagtail-localize translations (files back from translation agencies).

wagtail-localize's own import skips what it does not understand and applies the rest, so a file
for another page, a stale export or a mangled link could be half-applied without anyone noticing.
Here the whole file is checked first; any problem rejects it with messages that name the entry,
and a clean file is applied in one transaction.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import polib
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue, extract_ids

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
MAX_PROBLEMS_SHOWN = 10
# printf-style and brace placeholders: %s, %(name)s, %d, {name}, {0}. They must survive translation.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdif]|\{[A-Za-z0-9_]*\}")
VOID_TAGS = {"br", "wbr", "img", "hr"}
QUOTED_SOURCE_CHARS = 60


class POImportError(Exception):
    """The PO file cannot be imported; ``problems`` says why, one sentence each."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems

    def message(self, lead: str) -> str:
        """``lead`` and the first problems, then how many more, for the admin's error message."""
        shown = self.problems[:MAX_PROBLEMS_SHOWN]
        more = len(self.problems) - len(shown)
        text = lead + " ".join(shown)
        if more:
            text += " " + ngettext(
                "…and %(count)d more problem.", "…and %(count)d more problems.", more
            ) % {"count": more}
        return text


@dataclass
class ImportResult:
    entries: int
    translated: int


def po_upload_limit() -> int:
    return int(settings.PO_UPLOAD_MAX_BYTES)


def _too_large(limit: int, advice: str | None = None) -> POImportError:
    advice = advice or _(
        "A PO file for one page is far smaller: check that it is the file downloaded from this "
        "translation."
    )
    return POImportError(
        [
            _("This file is larger than %(limit)s, the most a PO file may be.")
            % {"limit": filesizeformat(limit)}
            + " "
            + advice
        ]
    )


def read_po_upload(upload, limit: int | None = None, advice: str | None = None) -> bytes:
    """The uploaded file's bytes, read in chunks and never more than one byte past the limit, so
    an oversized file is refused without being held in memory whole; ``advice`` says what to do
    instead."""
    limit = po_upload_limit() if limit is None else limit
    if (getattr(upload, "size", None) or 0) > limit:
        raise _too_large(limit, advice)
    data = bytearray()
    while len(data) <= limit:
        chunk = upload.read(min(64 * 1024, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    if len(data) > limit:
        raise _too_large(limit, advice)
    return bytes(data)


class POUploadHandler(FileUploadHandler):
    """The only upload handler of a PO upload request: keeps at most limit + 1 bytes of the file
    in memory and drops the rest as it arrives, so a huge body is neither spooled to a temporary
    file nor held in RAM (Django's default handlers store whole files first). The extra byte
    lets ``read_po_upload`` tell "too large" from "exactly at the limit"."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.keep = po_upload_limit() + 1
        self.kept = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        room = self.keep - self.kept.tell()
        if room > 0:
            self.kept.write(raw_data[:room])
        return None

    def file_complete(self, file_size):
        self.kept.seek(0)
        return InMemoryUploadedFile(
            file=self.kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.kept.getbuffer().nbytes,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def parse_po(data: bytes) -> polib.POFile:
    """Parse uploaded bytes. polib treats a short string argument as a *path*, so the bytes go
    through a temporary file: a file whose content is "/etc/passwd" must not be read as a path."""
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        # polib names the temporary file, which means nothing to the person uploading.
        detail = " ".join(str(error).replace(handle.name, "").split())
        raise POImportError(
            [_("This is not a readable PO file (%(error)s).") % {"error": detail}]
        ) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def quote_source(text: str) -> str:
    """How a rejection names a segment: by the English text the translator sees in the editor
    (tags dropped, first 60 characters), not by wagtail-localize's internal path."""
    plain = " ".join(strip_tags(text).split())
    if len(plain) <= QUOTED_SOURCE_CHARS:
        return plain
    return plain[:QUOTED_SOURCE_CHARS].rstrip() + "…"


class _TagBalance(HTMLParser):
    """Records tags that are opened but not closed, or closed without being opened."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors.append(f"</{tag}>")

    def problems(self) -> list[str]:
        return self.errors + [f"<{tag}>" for tag in self.stack]


def _tags(html: str) -> Counter:
    return Counter(match.lower() for match in re.findall(r"<\s*([A-Za-z][A-Za-z0-9]*)", html))


def check_entry(source: str, translated: str) -> list[str]:
    """What is wrong with ``translated`` as a translation of ``source`` (empty: nothing)."""
    problems = []
    balance = _TagBalance()
    balance.feed(translated)
    balance.close()
    if unbalanced := balance.problems():
        problems.append(_("unbalanced HTML tags %(tags)s") % {"tags": ", ".join(unbalanced)})
    else:
        try:
            StringValue.from_translated_html(translated)
        except ValueError as error:
            problems.append(str(error))
    if _tags(source) != _tags(translated):
        problems.append(
            _("HTML tags differ from the source (source has %(source)s, translation %(target)s)")
            % {
                "source": ", ".join(sorted(_tags(source).elements())) or _("none"),
                "target": ", ".join(sorted(_tags(translated).elements())) or _("none"),
            }
        )
    elif extract_ids(source) != extract_ids(translated):
        problems.append(_("links (<a id=…>) differ from the source"))
    if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translated)):
        problems.append(
            _("placeholders differ from the source (expected %(expected)s)")
            % {"expected": ", ".join(PLACEHOLDER.findall(source)) or _("none")}
        )
    return problems


def validate_po(translation: Translation, po: polib.POFile) -> list[str]:
    """Every reason ``po`` cannot be imported into ``translation``, or an empty list."""
    file_id = po.metadata.get(TRANSLATION_ID_HEADER)
    if not file_id:
        return [
            _(
                "The file has no %(header)s header: download the PO file from this translation "
                "and translate that one."
            )
            % {"header": TRANSLATION_ID_HEADER}
        ]
    if file_id != str(translation.uuid):
        other = Translation.objects.filter(uuid=file_id).select_related("source").first()
        made_for = (
            _("“%(object)s” in %(language)s")
            % {
                "object": other.source.object_repr,
                "language": other.target_locale.get_display_name(),
            }
            if other
            else _("a translation that does not exist here")
        )
        return [
            _("This PO file was made for %(made_for)s, not for “%(object)s” in %(language)s.")
            % {
                "made_for": made_for,
                "object": translation.source.object_repr,
                "language": translation.target_locale.get_display_name(),
            }
        ]

    expected = {
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context", "string"
        )
    }
    expected_paths = {path for path, _text in expected}
    source_by_path = dict(expected)
    entries = [entry for entry in po if not entry.obsolete]
    seen = set()
    problems = []
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(
                _("Segment “%(source)s” appears twice.") % {"source": quote_source(entry.msgid)}
            )
            continue
        seen.add(key)
        if key not in expected:
            if entry.msgctxt in expected_paths:
                problems.append(
                    _(
                        "The source text of segment “%(source)s” has changed since this file was "
                        "exported: download a fresh PO file."
                    )
                    % {"source": quote_source(entry.msgid)}
                )
            else:
                problems.append(
                    _("Unknown segment “%(source)s”: it is not part of this page.")
                    % {"source": quote_source(entry.msgid)}
                )
            continue
        if entry.msgstr:
            for problem in check_entry(entry.msgid, entry.msgstr):
                problems.append(
                    _("Segment “%(source)s”: %(problem)s.")
                    % {"source": quote_source(entry.msgid), "problem": problem}
                )
    missing_paths = {path for path, text in expected - seen} - {entry.msgctxt for entry in entries}
    for path in sorted(missing_paths):
        problems.append(
            _("Segment “%(source)s” is missing from the file.")
            % {"source": quote_source(source_by_path[path])}
        )
    return problems


def import_po_checked(translation: Translation, data, user=None) -> ImportResult:
    """Validate ``data`` (bytes, or an uploaded file read up to the size limit) against
    ``translation`` and import it in one transaction, or raise POImportError without changing
    anything."""
    po = parse_po(data if isinstance(data, bytes) else read_po_upload(data))
    problems = validate_po(translation, po)
    if problems:
        raise POImportError(problems)
    with transaction.atomic():
        translation.import_po(po, user=user, tool_name="PO File")
    entries = [entry for entry in po if not entry.obsolete]
    return ImportResult(
        entries=len(entries), translated=sum(1 for entry in entries if entry.msgstr)
    )
