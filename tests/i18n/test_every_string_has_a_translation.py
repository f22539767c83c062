"""Every string our code marks for translation is in the French and Arabic catalogues, translated.

The admin a translator sees is built from our models' labels and help texts, our blocks, our
hooks' messages and our templates; a string marked with ``_()`` but never added to
``locale/*/django.po`` shows in English. The marked strings are read from the source itself
(Python's syntax tree, the templates' ``{% translate %}``/``{% blocktranslate %}`` tags), so
this runs without gettext and in a second.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest

PROJECT = Path(__file__).resolve().parents[2]
APPS = (
    "home",
    "stories",
    "media_pipeline",
    "search",
    "admin_2fa",
    "storysite",
    "templates",
    "translation",
)
GETTEXT = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
}
TRANSLATE_TAG = re.compile(r"""{%\s*trans(?:late)?\s+(["'])(.*?)\1""", re.S)
BLOCK_TAG = re.compile(
    r"{%\s*blocktrans(?:late)?\b([^%]*)%}(.*?){%\s*endblocktrans(?:late)?\s*%}", re.S
)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")


def sources(suffix: str):
    for app in APPS:
        for path in (PROJECT / app).rglob(f"*{suffix}"):
            if "migrations" not in path.parts:
                yield path


def python_msgids() -> set[tuple[str | None, str, str]]:
    found = set()
    for path in sources(".py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in GETTEXT or len(node.args) <= GETTEXT[name]:
                continue
            context = node.args[0] if GETTEXT[name] else None
            message = node.args[GETTEXT[name]]
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                msgctxt = context.value if isinstance(context, ast.Constant) else None
                found.add((msgctxt, message.value, str(path.relative_to(PROJECT))))
    return found


def template_msgids() -> set[tuple[str | None, str, str]]:
    found = set()
    for path in sources(".html"):
        text = path.read_text()
        where = str(path.relative_to(PROJECT))
        found |= {(None, match[1], where) for match in TRANSLATE_TAG.findall(text)}
        for arguments, body in BLOCK_TAG.findall(text):
            singular = re.split(r"{%\s*plural\s*%}", body)[0]
            if "trimmed" in arguments.split():
                singular = " ".join(line.strip() for line in singular.splitlines() if line.strip())
            found.add((None, VARIABLE.sub(r"%(\1)s", singular), where))
    return found


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_marked_string_is_translated(language):
    catalogue = polib.pofile(str(PROJECT / "locale" / language / "LC_MESSAGES" / "django.po"))
    translated = {
        (entry.msgctxt, entry.msgid)
        for entry in catalogue
        if not entry.obsolete
        and "fuzzy" not in entry.flags
        and (entry.msgstr or all(entry.msgstr_plural.values()) and entry.msgstr_plural)
    }
    marked = python_msgids() | template_msgids()
    assert len(marked) > 300  # the scan found our strings, not nothing
    missing = sorted(
        f"{where}: {msgid!r}"
        for msgctxt, msgid, where in marked
        if msgid and (msgctxt, msgid) not in translated
    )
    assert not missing, "\n".join(missing)
