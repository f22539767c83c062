"""No English template string on French or Arabic pages, and catalogues complete and compiled.

The scan compares what a visitor reads (text and the attributes assistive technology reads out)
against every msgid of our catalogue: a msgid shown as-is on a /fr/ or /ar/ page is a string that
was not wrapped for translation, not translated, or not compiled. Text marked as another language
(``lang="en"``, e.g. the language switcher's "English") is deliberate and skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup, Comment, NavigableString

from stories.models import StoryPage

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ("fr", "ar")
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "value")
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def source_patterns(language: str) -> list[tuple[str, re.Pattern]]:
    """A pattern per msgid whose translation differs from it (placeholders match anything)."""
    patterns = []
    for entry in catalogue(language):
        if entry.obsolete or entry.msgstr == entry.msgid:
            continue
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            parts = [re.escape(part) for part in PLACEHOLDER.split(msgid.strip())]
            if not any(parts):
                continue
            body = ".+?".join(parts)
            # Short msgids ("Search", "Home", "%(count)d page") count only as a whole text;
            # long ones anywhere. Placeholders do not count towards the length: " page" alone
            # would be found inside any French sentence about "pages".
            whole = len(PLACEHOLDER.sub("", msgid).strip()) < 25
            patterns.append((msgid, re.compile(f"^{body}$" if whole else body)))
    return patterns


def visible_texts(html: bytes, language: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for foreign in soup.select("[lang]"):
        if foreign.name != "html" and foreign["lang"] != language:
            foreign.decompose()
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    texts = [
        " ".join(node.split())
        for node in soup.find_all(string=True)
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and node.strip()
    ]
    for element in soup.find_all(True):
        texts += [element[name] for name in READ_ATTRIBUTES if element.get(name)]
    description = soup.select_one("meta[name=description]")
    if description is not None:
        texts.append(description["content"])
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    return [*texts, title]


def pages_to_scan(client, locales, language: str) -> dict[str, int | bytes]:
    english = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    story = english.get_translation(locales[language])
    index = story.get_parent()
    urls = {
        "home": f"/{language}/",
        "story index": index.url,
        "story index, filtered": f"{index.url}?campaign=lifeafterdaesh",
        "story": story.url,
        "search form": f"/{language}/search/",
        "search results": f"/{language}/search/?q=Raqqa",
        "search, no results": f"/{language}/search/?q=zzzzqqq",
        "404": f"/{language}/no-such-page/",
    }
    return {name: client.get(url) for name, url in urls.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_pages_show_no_untranslated_template_string(client, demo, locales, language):
    patterns = source_patterns(language)
    leftovers = []
    for name, response in pages_to_scan(client, locales, language).items():
        assert response.status_code == (404 if name == "404" else 200), name
        for text in visible_texts(response.content, language):
            leftovers += [
                f"{name}: {msgid!r} in {text!r}"
                for msgid, pattern in patterns
                if pattern.search(text)
            ]
    listing = "\n".join(leftovers)
    assert not leftovers, f"English strings on /{language}/ pages:\n{listing}"


def test_the_scan_catches_an_untranslated_string(demo):
    """The scan itself must be able to fail: an English msgid in a French page is found."""
    html = b'<html lang="fr"><body><a>Skip to content</a><p lang="en">English</p></body></html>'
    texts = visible_texts(html, "fr")
    assert texts[0] == "Skip to content"
    assert any(pattern.search("Skip to content") for _m, pattern in source_patterns("fr"))
    assert "English" not in texts  # marked as English on purpose


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_compiled(language):
    po = catalogue(language)
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and compiled.get((entry.msgctxt, entry.msgid)) != entry.msgstr
    ]
    assert not stale, f"django.mo is older than django.po: run scripts/translations.sh ({stale})"
