"""The dashboard as translators and editors use it: columns and actions per locale (403
elsewhere), the admin home panel, a query count that does not grow with rows, the bulk PO
round trip (one bad file rejects the whole upload) and each translation's history."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import polib
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from stories.models import Partner, StoryIndexPage, StoryPage

from .conftest import (
    DASHBOARD,
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


def test_a_french_translator_sees_only_the_french_column(translator_fr, demo):
    soup = grid(translator_fr)
    headings = [th.get_text(strip=True) for th in soup.select("table.translation-grid thead th")]
    assert "French" in headings
    assert "Arabic" not in headings
    assert soup.select('td[data-locale="ar"]') == []
    assert soup.select('td[data-locale="fr"]')


def test_the_menu_offers_the_dashboard_to_translators(translator_ar, demo):
    home = translator_ar.get("/admin/")
    assert b'href="/admin/translations/"' in home.content


def test_the_menu_names_the_dashboard_in_each_users_language(editor, django_user_model, demo):
    """Wagtail builds its menu once per process: the label must follow each user's language,
    not the language of whoever opened the admin first."""
    from wagtail.users.models import UserProfile

    assert "Translations" in editor.get("/admin/").content.decode()
    user = django_user_model.objects.create_superuser("menu-fr", "menu-fr@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    french = Client()
    french.force_login(user)
    page = french.get("/admin/").content.decode()
    assert "Traductions" in page
    assert "Translations" not in page


@pytest.mark.parametrize("action", ["submit", "sync", "publish"])
def test_acting_on_another_language_is_refused(action, translator_fr, editor, committing, locales):
    story = new_story(locales)
    partner = new_partner(locales)
    act(editor, committing, "submit", story, "ar")
    act(editor, committing, "submit", partner, "ar")
    for instance in (story, partner):
        response = act(translator_fr, committing, action, instance, "ar")
        assert response.status_code == 403
    assert not story.get_translation(locales["ar"]).live
    assert not partner.get_translation(locales["ar"]).live


def test_other_languages_bulk_actions_detail_and_import_are_refused(
    translator_fr, editor, committing, locales
):
    story = new_story(locales)
    act(editor, committing, "submit", story, "ar")
    bulk = translator_fr.post(
        f"{DASHBOARD}bulk/", {"locale": "ar", "item": [item_key(story)], "action": "submit"}
    )
    assert bulk.status_code == 403
    exported = translator_fr.post(
        f"{DASHBOARD}bulk/", {"locale": "ar", "item": [item_key(story)], "action": "export"}
    )
    assert exported.status_code == 403
    assert translator_fr.get(f"{DASHBOARD}cell/{item_key(story)}/ar/").status_code == 403

    po = str(translation_of(story, "ar").export_po()).encode()
    upload = io.BytesIO(po)
    upload.name = "story-ar.po"
    assert translator_fr.post(f"{DASHBOARD}import/", {"file": upload}).status_code == 403
    # Nothing happened in Arabic: still the draft the editor made.
    assert not story.get_translation(locales["ar"]).live


def test_the_home_panel_counts_what_waits_and_links_to_it(translator_ar, editor, demo):
    home = BeautifulSoup(translator_ar.get("/admin/").content, "html.parser")
    links = home.select("#translations-waiting a, .translations-waiting a")
    line = next(link for link in links if "wait for" in link.get_text())
    match = re.fullmatch(
        r"(\d+) pages? and (\d+) snippets? wait for Arabic", line.get_text(strip=True)
    )
    assert match, line.get_text()
    pages, snippets = int(match[1]), int(match[2])
    assert "French" not in home.select_one(".translations-waiting").get_text()

    listed = grid(translator_ar, **dict(re.findall(r"(\w+)=(\w+)", line["href"])), p=1)
    count = listed.select_one(".translation-count").get_text(strip=True)
    assert count == f"{pages + snippets} items"
    rows = listed.select("table.translation-grid tbody tr")
    assert rows and all(
        "Up to date" not in row.select_one('td[data-locale="ar"]').get_text() for row in rows
    )
    # The same number as the editor's grid of everything not up to date in Arabic.
    everything = grid(editor, locale="ar")
    not_up_to_date = [
        row
        for row in everything.select("table.translation-grid tbody tr")
        if "Up to date" not in row.select_one('td[data-locale="ar"]').get_text()
    ]
    assert len(not_up_to_date) == pages + snippets


def add_stories(count: int, locales, start: int = 0) -> None:
    index = StoryIndexPage.objects.get(locale=locales["en"])
    for n in range(start, start + count):
        story = StoryPage(
            title=f"Counted story {n}", slug=f"counted-{n}", standfirst="S.", date="2030-01-01"
        )
        index.add_child(instance=story)
        story.save_revision().publish()


def grid_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD, {"type": "page", "order": "changed"})
    assert response.status_code == 200
    return len(queries)


def test_the_grid_costs_the_same_queries_for_5_and_50_more_pages(
    editor, committing, locales, django_assert_max_num_queries
):
    add_stories(5, locales)
    for story in StoryPage.objects.filter(slug__startswith="counted-")[:3]:
        act(editor, committing, "submit", story, "fr")
    grid_queries(editor)  # content types and other caches warmed
    with_5 = grid_queries(editor)
    add_stories(45, locales, start=5)
    for story in StoryPage.objects.filter(slug__startswith="counted-")[3:30]:
        act(editor, committing, "submit", story, "ar")
    assert Page.objects.filter(slug__startswith="counted-", locale=locales["en"]).count() == 50
    with django_assert_max_num_queries(with_5):
        response = editor.get(DASHBOARD, {"type": "page", "order": "changed"})
    assert b"Counted story 49" in response.content


def test_bulk_po_export_and_import_round_trip_and_one_bad_file_rejects_all(
    translator_fr, editor, committing, locales
):
    stories = [new_story(locales, f"Story {n} of three", f"story-{n}-of-three") for n in range(3)]
    keys = [item_key(story) for story in stories]
    response = translator_fr.post(
        f"{DASHBOARD}bulk/", {"locale": "fr", "item": keys, "action": "submit"}
    )
    assert response.status_code == 302
    response = translator_fr.post(
        f"{DASHBOARD}bulk/", {"locale": "fr", "item": keys, "action": "export"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == 3

    def translated_bundle(break_one: bool) -> io.BytesIO:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as bundle:
            for n, name in enumerate(archive.namelist()):
                po = polib.pofile(archive.read(name).decode())
                for entry in po:
                    entry.msgstr = "FR " + entry.msgid
                if break_one and n == 2:
                    po[0].msgstr = "FR <b>unclosed"
                bundle.writestr(name, str(po))
        out.seek(0)
        out.name = "translated.zip"
        return out

    rejected = translator_fr.post(
        f"{DASHBOARD}import/", {"file": translated_bundle(True)}, follow=True
    )
    text = rejected.content.decode()
    assert "nothing was changed" in text
    assert "unbalanced HTML tags" in text
    for story in stories:  # not even the two good files were applied
        assert cell_text(editor, story.title, "fr").startswith("Draft, 0 % translated")

    accepted = translator_fr.post(
        f"{DASHBOARD}import/", {"file": translated_bundle(False)}, follow=True
    )
    assert "Imported 3 PO files" in accepted.content.decode()
    for story in stories:
        assert cell_text(editor, story.title, "fr").startswith("Draft, 100 % translated")


def test_the_cell_detail_shows_who_translated_and_published_and_when(
    translator_fr, editor, committing, locales
):
    story = new_story(locales)
    act(editor, committing, "submit", story, "fr")
    translation = translation_of(story, "fr")
    put_segment(translator_fr, translation, story.title, "Une bibliothèque rouvre")
    act(translator_fr, committing, "publish", story, "fr")

    detail = BeautifulSoup(
        translator_fr.get(f"{DASHBOARD}cell/{item_key(story)}/fr/").content, "html.parser"
    )
    translators = [
        " ".join(row.get_text(" ").split()) for row in detail.select(".translation-translator")
    ]
    assert any(row.startswith("grid-translator-fr manual 1 ") for row in translators)
    published = " ".join(detail.select_one(".translation-published").get_text(" ").split())
    assert re.fullmatch(r"\d{1,2} \w{3} \d{4} \d\d:\d\d by grid-translator-fr", published)
    events = [" ".join(row.get_text(" ").split()) for row in detail.select(".translation-event")]
    assert any("Published" in event for event in events)


def test_a_row_in_the_grid_shows_type_and_source_title(editor, locales):
    story = new_story(locales)
    row = row_of(grid(editor), story.title)
    assert [td.get_text(strip=True) for td in row.find_all("td")][1] == "Story"


def row_titles(soup) -> list[str]:
    return [
        row.find("th").get_text(strip=True)
        for row in soup.select("table.translation-grid tbody tr")
    ]


def test_oldest_missing_translation_first_across_pages_and_snippets_and_grid_pages(
    editor, committing, locales
):
    add_stories(52, locales)
    start = datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
    for story in StoryPage.objects.filter(slug__startswith="counted-", locale=locales["en"]):
        n = int(story.slug.removeprefix("counted-"))
        StoryPage.objects.filter(pk=story.pk).update(
            first_published_at=start + datetime.timedelta(days=n)
        )
    # A snippet waiting since between story 48 and story 49: the 50th row, last of page 1.
    partner = new_partner(locales, name="Zeta partner")
    Partner.objects.filter(pk=partner.pk).update(
        first_published_at=start + datetime.timedelta(days=48, hours=12)
    )
    # Story 0 translated and up to date in French: it leaves the "waiting" order for the end.
    first = StoryPage.objects.get(slug="counted-0", locale=locales["en"])
    act(editor, committing, "submit", first, "fr")
    translation = translation_of(first, "fr")
    for text in source_texts(translation):
        put_segment(editor, translation, text, "[fr] " + text)
    act(editor, committing, "publish", first, "fr")
    assert cell_text(editor, first.title, "fr", status="up_to_date").startswith("Up to date")

    page_1 = row_titles(grid(editor, locale="fr"))
    assert page_1 == [f"Counted story {n}" for n in range(1, 49)] + ["Zeta partner", page_1[49]]
    assert page_1[49] == "Counted story 49"
    page_2 = row_titles(grid(editor, locale="fr", p=2))
    assert page_2[:2] == ["Counted story 50", "Counted story 51"]
    assert "Counted story 0" not in page_1 + page_2[:3]  # up to date: after every waiting row
    for p in (1, 2):
        assert "Counted story 0" not in row_titles(grid(editor, locale="fr", status="waiting", p=p))
