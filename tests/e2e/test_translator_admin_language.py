"""A translator's admin speaks their language: no English sentence from our code, our templates
or wagtail-localize's editor on the dashboard, the translation editor or the page explorer.

The English strings looked for are every msgid of our catalogue and of wagtail-localize's
(server and JavaScript) that has a different French/Arabic translation: shown as-is, it was not
translated, not compiled, or not wrapped for translation where it is used.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
import wagtail_localize
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from stories.models import StoryPage
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
OURS = Path(__file__).resolve().parents[2] / "locale"
LOCALIZE = Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{[a-z_]*\}")
SHORT = 25
STORY = "zahra-draws-again-raqqa"

VISIBLE_TEXTS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest("[lang]:not(html)")) continue;
    if (element.closest("script, style, template, noscript")) continue;
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    texts.push(node.textContent.replace(/\\s+/g, " ").trim());
  }
  for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    if (element.closest("[lang]:not(html)")) continue;
    // Wagtail's own header template hard-codes aria-label="Actions" (not ours, not
    // wagtail-localize's, and not translatable without overriding a core template).
    if (element.id === "w-slim-header-buttons") continue;
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value && value.trim()) texts.push(value.replace(/\\s+/g, " ").trim());
    }
  }
  return texts;
}"""


def english_msgids(language: str) -> list[str]:
    """msgids our catalogue or wagtail-localize's translate into ``language`` differently."""
    found = {
        entry.msgid
        for entry in polib.pofile(str(OURS / language / "LC_MESSAGES" / "django.po"))
        if not entry.obsolete and entry.msgstr and entry.msgstr != entry.msgid
    }
    for domain in ("django", "djangojs"):
        # The catalogues Django serves (ours first, then the apps'), as the admin gets them.
        translate = DjangoTranslation(language, domain=domain).gettext
        for entry in polib.pofile(str(LOCALIZE / f"{domain}.po")):
            if entry.msgid and not entry.msgid_plural and translate(entry.msgid) != entry.msgid:
                found.add(entry.msgid)
    # The Site's name (Settings → Sites) is data an administrator typed, shown as typed.
    found -= set(Site.objects.values_list("site_name", flat=True))
    return sorted(found)


def english_in(texts: list[str], msgids: list[str]) -> set[str]:
    """Texts that are one of the msgids as-is (a placeholder matches a word or number). Short
    msgids ("Edit", "%(number)s of %(total)s") count only as a whole text, long ones anywhere
    inside a text, so page content that happens to contain "of" is not mistaken for one."""
    hits = set()
    for msgid in msgids:
        literal = PLACEHOLDER.sub("", msgid).strip()
        if len(literal) < 4:
            continue
        body = r"\S+".join(re.escape(part) for part in PLACEHOLDER.split(msgid.strip()))
        pattern = re.compile(f"^{body}$" if len(literal) < SHORT else body)
        hits |= {f"{msgid!r} in {text!r}" for text in texts if pattern.search(text)}
    return hits


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_translator_admin_shows_no_english_from_our_code_or_wagtail_localize(
    demo_server, page, screenshot, language
):
    user, _created = ensure_translator_user(language, f"translator-{language}-lang", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    locale = Locale.objects.get(language_code=language)
    english = StoryPage.objects.get(locale__language_code="en", slug=STORY)
    translated = english.get_translation(locale)
    home = translated.get_parent().get_parent()
    msgids = english_msgids(language)

    sign_in_to_admin(page, demo_server.url, user.username, PASSWORD)
    found = {}
    for name, path in [
        ("dashboard", "/admin/"),
        ("translation editor", f"/admin/pages/{translated.pk}/edit/"),
        ("page explorer", f"/admin/pages/{home.pk}/"),
    ]:
        page.goto(demo_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
        screenshot(page, f"translator-admin-{language}-{name.replace(' ', '-')}")
        if hits := english_in(page.evaluate(VISIBLE_TEXTS), msgids):
            found[name] = sorted(hits)
    assert not found, found
