"""Every status a grid cell can show, for a page and for a snippet, reached through the real
flow: the grid's own Submit / Sync / Publish (``translation/translation_drafts.py`` and the
translation editor's publish underneath) and segments typed through the translation editor's
API. The expected percentage comes from wagtail-localize's own ``Translation.get_progress``."""

from __future__ import annotations

import pytest
from django.utils.formats import date_format
from django.utils.timezone import localtime

from .conftest import (
    act,
    cell_text,
    grid,
    item_key,
    new_partner,
    new_story,
    put_segment,
    row_of,
    source_texts,
    translation_of,
)

KINDS = {
    "page": lambda locales: new_story(locales),
    "snippet": lambda locales: new_partner(locales),
}


STATUS_TEXTS = {
    "not_translated": "Not translated",
    "draft": "Draft",
    "outdated": "Outdated",
    "incomplete": "Live but incomplete",
    "up_to_date": "Up to date",
}


def assert_filters_agree(client, title: str, code: str) -> None:
    """The status filter (computed by the database for pages) lists the row under the status its
    cell shows, under "waiting" unless up to date, and under no other status."""
    shown = cell_text(client, title, code)
    current = next(status for status, text in STATUS_TEXTS.items() if shown.startswith(text))
    for status in [*STATUS_TEXTS, "waiting"]:
        listed = row_of(grid(client, locale=code, status=status), title) is not None
        expected = status == current or (status == "waiting" and current != "up_to_date")
        assert listed == expected, (status, shown)


def expected_percent(translation) -> int:
    total, done = translation.get_progress()
    return done * 100 // total


@pytest.mark.parametrize("kind", KINDS)
def test_a_cell_goes_through_every_status(kind, editor, translator_fr, committing, locales):
    source = KINDS[kind](locales)
    title = str(source) if kind == "snippet" else source.title

    assert cell_text(editor, title, "fr").startswith("Not translated")
    assert cell_text(editor, title, "ar").startswith("Not translated")
    assert_filters_agree(editor, title, "fr")

    # The French translator submits it for French from the grid: a draft, nothing translated.
    row = row_of(grid(translator_fr), title)
    submit = row.select_one('td[data-locale="fr"] button[formaction$="/submit/"]')
    assert submit["formaction"] == f"/admin/translations/cell/{item_key(source)}/fr/submit/"
    response = act(translator_fr, committing, "submit", source, "fr")
    assert response.status_code == 302
    translation = translation_of(source, "fr")
    target = source.get_translation(locales["fr"])
    assert not target.live
    assert cell_text(editor, title, "fr").startswith("Draft, 0 % translated")
    assert cell_text(editor, title, "ar").startswith("Not translated")  # Arabic untouched
    assert_filters_agree(editor, title, "fr")

    texts = source_texts(translation)
    assert len(texts) >= 2
    put_segment(translator_fr, translation, texts[0], "[fr] " + texts[0])
    percent = expected_percent(translation)
    assert 0 < percent < 100
    assert cell_text(editor, title, "fr").startswith(f"Draft, {percent} % translated")

    # Published with a segment still in English: live but incomplete.
    for text in texts[1:-1]:
        put_segment(translator_fr, translation, text, "[fr] " + text)
    assert act(translator_fr, committing, "publish", source, "fr").status_code == 302
    target.refresh_from_db()
    assert target.live
    percent = expected_percent(translation)
    assert percent < 100
    assert cell_text(editor, title, "fr").startswith(
        f"Live but incomplete ({percent} % translated)"
    )
    assert_filters_agree(editor, title, "fr")

    # Everything translated and published again: up to date.
    put_segment(translator_fr, translation, texts[-1], "[fr] " + texts[-1])
    assert act(translator_fr, committing, "publish", source, "fr").status_code == 302
    assert cell_text(editor, title, "fr").startswith("Up to date")
    assert_filters_agree(editor, title, "fr")

    # The English changes and is published: outdated, with the date of the change.
    source.refresh_from_db()
    if kind == "page":
        source.standfirst = "The library now opens at night too."
    else:
        source.summary = "Atlantis now trains surveyors too."
    source.save_revision().publish()
    source.refresh_from_db()
    changed = date_format(localtime(source.last_published_at), "j M Y")
    outdated = cell_text(editor, title, "fr")
    assert outdated.startswith("Outdated")
    assert f"source changed {changed}" in outdated
    assert_filters_agree(editor, title, "fr")

    # Synced from the grid: the French version gets the new text as a draft, still outdated
    # (live French unchanged) until the translator publishes the new segment.
    assert act(translator_fr, committing, "sync", source, "fr").status_code == 302
    assert cell_text(editor, title, "fr").startswith("Outdated")
    new_texts = set(source_texts(translation)) - set(texts)
    assert len(new_texts) == 1
    put_segment(translator_fr, translation, new_texts.pop(), "[fr] nouveau texte")
    assert act(translator_fr, committing, "publish", source, "fr").status_code == 302
    assert cell_text(editor, title, "fr").startswith("Up to date")


def test_the_status_filter_lists_only_matching_rows(editor, committing, locales):
    fresh = new_story(locales, title="A bakery opens in Raqqa", slug="bakery-raqqa")
    drafted = new_story(locales, title="A bridge is rebuilt", slug="bridge-rebuilt")
    act(editor, committing, "submit", drafted, "fr")

    only_drafts = grid(editor, locale="fr", status="draft")
    assert row_of(only_drafts, drafted.title) is not None
    assert row_of(only_drafts, fresh.title) is None
    untranslated = grid(editor, locale="fr", status="not_translated")
    assert row_of(untranslated, fresh.title) is not None
    assert row_of(untranslated, drafted.title) is None
