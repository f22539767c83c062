"""The dashboard as translators and editors use it: columns and actions per locale (403
elsewhere), the admin home panel, a query count that does not grow with rows, the bulk PO
round trip (one bad file rejects the whole upload) and each translation's history."""

from __future__ import annotations

import datetime
import io
import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

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


def _submitted_and_exported(translator, committing, locales, file_format, count=3):
    stories = [
        new_story(locales, f"Story {n} of {count} ({file_format})", f"story-{n}-{file_format}")
        for n in range(count)
    ]
    keys = [item_key(story) for story in stories]
    response = translator.post(
        f"{DASHBOARD}bulk/", {"locale": "fr", "item": keys, "action": "submit"}
    )
    assert response.status_code == 302
    response = translator.post(
        f"{DASHBOARD}bulk/",
        {"locale": "fr", "item": keys, "action": "export", "format": file_format},
    )
    assert response.status_code == 200
    return stories, response


def _upload(client, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    response = client.post(f"{DASHBOARD}import/", {"file": upload}, follow=True)
    assert response.status_code == 200
    shown = BeautifulSoup(response.content, "html.parser").select(".messages li")
    return re.sub(r"[ \t\r\n]+", " ", " ".join(li.get_text(" ") for li in shown))


def _assert_untouched(editor, stories):
    for story in stories:
        assert cell_text(editor, story.title, "fr").startswith("Draft, 0 % translated")


def test_bulk_export_is_one_po_file_for_three_pages_and_one_bad_item_rejects_it_all(
    translator_fr, editor, committing, locales
):
    stories, response = _submitted_and_exported(translator_fr, committing, locales, "po")
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert re.fullmatch(
        r'attachment; filename="translations-fr-3-items-\d{8}-\d{4}\.po"',
        response["Content-Disposition"],
    )
    po = polib.pofile(response.content.decode())
    # One file: every page's title is in it, each entry tagged with its own page.
    titles = {entry.msgid for entry in po if entry.msgctxt.endswith(":title")}
    assert titles == {story.title for story in stories}
    assert {entry.comment for entry in po} == {f"Story: {story.title}" for story in stories}

    def translated(break_one: bool) -> bytes:
        copy = polib.pofile(response.content.decode())
        for entry in copy:
            entry.msgstr = "FR " + entry.msgid
        if break_one:
            last = [entry for entry in copy if stories[2].title in entry.comment][0]
            last.msgstr = "FR <b>unclosed"
        return str(copy).encode()

    text = _upload(translator_fr, "agency.po", translated(True))
    assert "nothing was changed" in text
    assert f"“{stories[2].title}”: Segment" in text
    assert "unbalanced HTML tags" in text
    _assert_untouched(editor, stories)  # not even the two good items were applied

    text = _upload(translator_fr, "agency.po", translated(False))
    assert "Imported the translations of 3 items" in text
    for story in stories:
        assert cell_text(editor, story.title, "fr").startswith("Draft, 100 % translated")
        # The translator's own text is what the editor now holds for the title.
        assert StringTranslation.objects.filter(
            locale=locales["fr"], data="FR " + story.title, translation_of__data=story.title
        ).exists()


XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_bulk_export_as_xliff_round_trips_and_refuses_what_it_cannot_map(
    translator_fr, editor, committing, locales
):
    from xml.etree import ElementTree

    stories, response = _submitted_and_exported(translator_fr, committing, locales, "xliff")
    assert response["Content-Type"].startswith("application/x-xliff+xml")
    assert response["Content-Disposition"].endswith('.xlf"')
    root = ElementTree.fromstring(response.content)
    assert root.get("version") == "1.2"
    files = root.findall(f"{XLIFF}file")
    assert len(files) == 3
    assert {f.get("target-language") for f in files} == {"fr"}
    notes = {f.find(f"{XLIFF}header/{XLIFF}note").text for f in files}
    assert notes == {f"Story: {story.title}" for story in stories}

    def translated(mutate=None) -> bytes:
        tree = ElementTree.fromstring(response.content)
        for unit in tree.iter(f"{XLIFF}trans-unit"):
            target = unit.find(f"{XLIFF}target")
            if target is None:
                target = ElementTree.SubElement(unit, f"{XLIFF}target")
            target.text = "FR " + unit.find(f"{XLIFF}source").text
        if mutate:
            mutate(tree)
        return ElementTree.tostring(tree, encoding="utf-8", xml_declaration=True)

    def drop_a_segment(tree):
        body = tree.findall(f"{XLIFF}file")[1].find(f"{XLIFF}body")
        body.remove(body.findall(f"{XLIFF}trans-unit")[0])

    text = _upload(translator_fr, "agency.xlf", translated(drop_a_segment))
    assert "nothing was changed" in text
    assert "is missing from the file" in text
    _assert_untouched(editor, stories)

    def inline_markup(tree):
        target = next(tree.iter(f"{XLIFF}target"))
        ElementTree.SubElement(target, f"{XLIFF}g", id="1").text = "bold"

    text = _upload(translator_fr, "agency.xlf", translated(inline_markup))
    assert "holds XLIFF inline elements" in text
    _assert_untouched(editor, stories)

    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">&b;</xliff>'
    )
    text = _upload(translator_fr, "bomb.xlf", bomb)
    assert "XML features that are refused" in text
    assert "not readable" not in text
    text = _upload(translator_fr, "broken.xlf", b"<xliff version='1.2'><file>")
    assert "This is not a readable XLIFF file" in text
    _assert_untouched(editor, stories)

    text = _upload(translator_fr, "agency.xlf", translated())
    assert "Imported the translations of 3 items" in text
    for story in stories:
        assert cell_text(editor, story.title, "fr").startswith("Draft, 100 % translated")


def test_an_import_for_a_language_the_translator_does_not_have_is_refused(
    translator_fr, translator_ar, editor, committing, locales
):
    _stories, response = _submitted_and_exported(translator_fr, committing, locales, "po", 1)
    upload = io.BytesIO(response.content)
    upload.name = "agency.po"
    refused = translator_ar.post(f"{DASHBOARD}import/", {"file": upload})
    assert refused.status_code == 403


def test_a_bundle_over_the_po_size_limit_is_refused_unread(
    translator_fr, editor, committing, locales, settings
):
    stories, response = _submitted_and_exported(translator_fr, committing, locales, "po", 2)
    settings.PO_UPLOAD_MAX_BYTES = 1024
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = "FR " + entry.msgid
    data = str(po).encode() + b"#" + b" padding" * 200 + b"\n"
    assert len(data) > 1024
    text = _upload(translator_fr, "agency.po", data)
    assert "larger than 1.0\xa0KB" in text
    assert "Export and translate fewer rows at a time" in text
    _assert_untouched(editor, stories)


def test_a_bundle_entry_that_names_no_item_is_refused(translator_fr, editor, committing, locales):
    stories, response = _submitted_and_exported(translator_fr, committing, locales, "po", 2)
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = "FR " + entry.msgid
    po[0].msgctxt = "title"  # an agency tool dropped the item part
    text = _upload(translator_fr, "agency.po", str(po).encode())
    assert "Entry “title” does not name an item of the export" in text
    _assert_untouched(editor, stories)


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


def test_a_single_po_file_from_the_translation_editor_imports_through_the_dashboard(
    translator_fr, editor, committing, locales
):
    stories, _response = _submitted_and_exported(translator_fr, committing, locales, "po", 1)
    po = translation_of(stories[0], "fr").export_po()
    for entry in po:
        entry.msgstr = "FR " + entry.msgid
    text = _upload(translator_fr, "story-fr.po", str(po).encode())
    assert "Imported the translation of 1 item" in text
    assert cell_text(editor, stories[0].title, "fr").startswith("Draft, 100 % translated")


def test_the_import_still_checks_the_csrf_token(translator_fr, editor, committing, locales):
    """The view sets its size-capped upload handler before the CSRF check reads the body, so
    the check runs inside it: a forged cross-site upload must still be refused."""
    stories, response = _submitted_and_exported(translator_fr, committing, locales, "po", 1)
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = "FORGED " + entry.msgid
    forger = Client(enforce_csrf_checks=True)
    forger.cookies = translator_fr.cookies
    upload = io.BytesIO(str(po).encode())
    upload.name = "forged.po"
    assert forger.post(f"{DASHBOARD}import/", {"file": upload}).status_code == 403
    _assert_untouched(editor, stories)
