"""A French translator sends two stories to an agency in one XLIFF file and brings the agency's
work back, all through the dashboard in the browser: tick the rows, submit them for French,
export one file, import it translated; both cells then show a fully translated draft."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from playwright.sync_api import expect
from wagtail.models import Locale

from tests.translation.conftest import new_story
from translation.translators import ensure_translator_user

from .conftest import sign_in_to_admin

PASSWORD = "translator-pass-1"  # noqa: S105 (test user)
TITLES = ["A clinic reopens in Sinjar", "Teachers return to Hawija"]
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def _cell(page, title):
    return (
        page.locator("table.translation-grid tbody tr")
        .filter(has=page.get_by_role("rowheader", name=title))
        .locator('td[data-locale="fr"]')
    )


def _tick(page):
    for title in TITLES:
        page.get_by_role("checkbox", name=f"Select {title}").check()


def test_french_translator_round_trips_two_stories_through_one_xliff_file(
    demo_server, page, tmp_path
):
    ensure_translator_user("fr", "translator-fr-agency", PASSWORD)
    english = {"en": Locale.objects.get(language_code="en")}
    for n, title in enumerate(TITLES):
        new_story(english, title, f"agency-story-{n}")

    sign_in_to_admin(page, demo_server.url, "translator-fr-agency", PASSWORD)
    page.goto(f"{demo_server.url}/admin/translations/?locale=fr&status=not_translated&order=title")
    _tick(page)
    page.get_by_role("button", name="Submit for translation").click()
    expect(page.locator(".messages")).to_contain_text("2 submitted for translation into French")

    page.goto(f"{demo_server.url}/admin/translations/?locale=fr&status=draft&order=title")
    for title in TITLES:
        expect(_cell(page, title)).to_contain_text("Draft, 0 % translated")
    _tick(page)
    page.get_by_label("File format for an agency").select_option("xliff")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export one file").click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"translations-fr-2-items-\d{8}-\d{4}\.xlf", name)
    exported = tmp_path / "exported.xlf"
    download.value.save_as(exported)

    # The agency's work: every target filled in.
    tree = ElementTree.parse(exported)
    files = tree.getroot().findall(f"{XLIFF}file")
    assert len(files) == 2
    for unit in tree.getroot().iter(f"{XLIFF}trans-unit"):
        target = unit.find(f"{XLIFF}target")
        if target is None:
            target = ElementTree.SubElement(unit, f"{XLIFF}target")
        target.text = "[fr] " + unit.find(f"{XLIFF}source").text
    translated = tmp_path / "from-the-agency.xlf"
    tree.write(translated, encoding="utf-8", xml_declaration=True)

    page.get_by_label(re.compile("The PO or XLIFF file exported here")).set_input_files(translated)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Imported the translations of 2 items")
    page.goto(f"{demo_server.url}/admin/translations/?locale=fr&status=draft&order=title")
    for title in TITLES:
        expect(_cell(page, title)).to_contain_text("Draft, 100 % translated")
