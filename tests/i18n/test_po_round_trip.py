"""PO files for translation agencies: export → edit → import through the admin, and every kind of
bad file rejected with a message naming the problem and nothing applied."""

from __future__ import annotations

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags
from wagtail_localize.models import StringTranslation

from stories.models import StoryPage
from translation.po_files import POImportError, check_entry, import_po_checked

from .conftest import translation_for

STORY = "four-schools-dohuk"


@pytest.fixture
def arabic_story(demo, locales) -> StoryPage:
    english = StoryPage.objects.get(locale=locales["en"], slug=STORY)
    return english.get_translation(locales["ar"])


def download(client, translation) -> polib.POFile:
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, po: polib.POFile | bytes):
    data = po if isinstance(po, bytes) else str(po).encode()
    next_url = f"/admin/pages/{translation.get_target_instance().pk}/edit/"
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("story-ar.po", data), "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == next_url
    return [str(message) for message in get_messages(response.wsgi_request)]


def quoted(text: str) -> str:
    """A segment as rejection messages quote it: its text without tags, first 60 characters."""
    text = " ".join(strip_tags(text).split())
    return text if len(text) <= 60 else text[:60].rstrip() + "…"


def entry_for(po: polib.POFile, msgid: str) -> polib.POEntry:
    return next(entry for entry in po if entry.msgid == msgid)


def translations_snapshot(translation) -> dict:
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data")
    )


def test_po_export_edit_import_changes_the_published_arabic_page(
    admin_client, arabic_story, client
):
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    title = entry_for(po, "Four new schools for 4000 displaced children in Dohuk")
    assert title.msgstr  # the demo translation is exported
    title.msgstr = "أربع مدارس جديدة في دهوك"

    messages = upload(admin_client, translation, po)
    assert any("Imported" in message for message in messages), messages
    # Publishing from the editor = save_target; the visitor then sees the agency's words.
    translation.save_target(publish=True)
    arabic_story.refresh_from_db()
    page = client.get(arabic_story.url)
    assert "أربع مدارس جديدة في دهوك" in page.content.decode()


def test_po_for_another_page_is_rejected_naming_both(admin_client, demo, locales, arabic_story):
    other = StoryPage.objects.get(locale=locales["en"], slug="mosul-blacksmith-market")
    other_translation = translation_for(other.get_translation(locales["ar"]))
    po = download(admin_client, other_translation)
    for entry in po:
        entry.msgstr = "نص"
    translation = translation_for(arabic_story)
    before = translations_snapshot(translation)

    messages = upload(admin_client, translation, po)
    assert len(messages) == 1
    assert "nothing was changed" in messages[0]
    assert "Rebuilding the blacksmith market in Mosul" in messages[0]  # the file's page
    assert "Four new schools" in messages[0]  # the page it was uploaded to
    assert translations_snapshot(translation) == before


def test_po_with_a_missing_and_an_extra_segment_is_rejected(admin_client, arabic_story):
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    removed = po[1]
    po.remove(removed)
    po.append(polib.POEntry(msgid="Smuggled sentence", msgctxt="body.smuggled", msgstr="دس"))
    po[0].msgstr = "تغيير لا ينبغي تطبيقه"
    before = translations_snapshot(translation)

    messages = upload(admin_client, translation, po)
    assert f"“{quoted(removed.msgid)}” is missing" in messages[0]
    assert "Unknown segment “Smuggled sentence”" in messages[0]
    assert translations_snapshot(translation) == before


def test_po_with_broken_html_is_rejected_and_nothing_half_applied(admin_client, arabic_story):
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    po[0].msgstr = "عنوان جديد صالح"  # a good change that must not be applied alone
    paragraph = next(entry for entry in po if "Dohuk" in entry.msgid and "." in entry.msgid)
    paragraph.msgstr = "<b>نص غير مغلق"
    before = translations_snapshot(translation)

    messages = upload(admin_client, translation, po)
    assert f"Segment “{quoted(paragraph.msgid)}”: unbalanced HTML tags <b>" in messages[0]
    assert translations_snapshot(translation) == before


def test_po_whose_source_text_changed_since_export_is_rejected(admin_client, arabic_story):
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    po[0].msgid = po[0].msgid + " (old wording)"
    messages = upload(admin_client, translation, po)
    assert f"source text of segment “{quoted(po[0].msgid)}” has changed" in messages[0]


def test_rejections_quote_the_english_text_not_the_internal_segment_key(admin_client, arabic_story):
    """A translator knows "Four new schools…", not "body.8f2c….text"."""
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    long_entry = next(entry for entry in po if len(entry.msgid) > 80 and "<" not in entry.msgid)
    long_entry.msgstr = "{count} " + (long_entry.msgstr or "نص")
    duplicate = polib.POEntry(msgid=po[0].msgid, msgctxt=po[0].msgctxt, msgstr="مكرر")
    po.append(duplicate)

    messages = upload(admin_client, translation, po)
    assert len(messages) == 1
    assert f"Segment “{long_entry.msgid[:60].rstrip()}…”: placeholders differ" in messages[0]
    assert f"Segment “{quoted(po[0].msgid)}” appears twice" in messages[0]
    assert long_entry.msgctxt not in messages[0]
    assert po[0].msgctxt not in messages[0]


def test_unreadable_upload_is_rejected_with_a_message(admin_client, arabic_story):
    messages = upload(admin_client, translation_for(arabic_story), b"<html>a web page</html>")
    assert "not a readable PO file (Syntax error in po file (line 1))" in messages[0]


@pytest.mark.parametrize(
    ("source", "translated", "problem"),
    [
        ('See <a id="a1">the map</a>.', "انظر الخريطة.", "HTML tags differ"),
        ('See <a id="a1">the map</a>.', 'انظر <a id="a7">الخريطة</a>.', "links"),
        ("<b>Bold</b> move", "<i>جريء</i>", "HTML tags differ"),
        ("Hello %(name)s", "مرحبا", "placeholders differ"),
        ("{count} stories", "قصص", "placeholders differ"),
        ("Text", "<div>نص</div>", "not allowed"),
    ],
)
def test_entry_checks_name_the_problem(source, translated, problem):
    assert any(problem in message for message in check_entry(source, translated))


def test_entry_checks_accept_a_faithful_translation():
    assert not check_entry(
        'See <a id="a1">the <b>map</b></a>.', 'انظر <a id="a1"><b>الخريطة</b></a>.'
    )
    assert not check_entry('See <a id="a1">the map</a>.', 'انظر <a id="a1">الخريطة</a>.')
    assert not check_entry("Hello %(name)s", "مرحبا %(name)s")


def test_import_api_raises_with_every_problem(demo, arabic_story):
    translation = translation_for(arabic_story)
    po = translation.export_po()
    po.metadata["X-WagtailLocalize-TranslationID"] = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(POImportError) as error:
        import_po_checked(translation, str(po).encode())
    assert "does not exist here" in error.value.problems[0]


def padded_po(po: polib.POFile, size: int) -> bytes:
    """A genuine PO file for the translation, made ``size`` bytes long by a translator's note."""
    data = str(po).encode()
    return b"# " + b"x" * (size - len(data) - 3) + b"\n" + data


def test_oversized_po_is_refused_naming_the_limit_and_nothing_changes(
    admin_client, arabic_story, settings
):
    settings.PO_UPLOAD_MAX_BYTES = 64 * 1024
    translation = translation_for(arabic_story)
    po = download(admin_client, translation)
    for entry in po:
        entry.msgstr = "نص جديد"
    before = translations_snapshot(translation)

    messages = upload(admin_client, translation, padded_po(po, 64 * 1024 + 1))
    assert len(messages) == 1
    assert "nothing was changed" in messages[0]
    assert "larger than 64.0\xa0KB" in messages[0]
    assert translations_snapshot(translation) == before

    # At the limit exactly, the same file is accepted.
    messages = upload(admin_client, translation, padded_po(po, 64 * 1024))
    assert any("Imported" in message for message in messages), messages


def test_po_upload_keeps_at_most_one_byte_past_the_limit_in_memory(rf, settings):
    """The body is not spooled to a temporary file nor kept whole: the upload handler stops
    storing one byte past the limit, and the rest of the body is read and dropped."""
    from translation.po_files import POUploadHandler

    settings.PO_UPLOAD_MAX_BYTES = 1000
    request = rf.post(
        "/upload/",
        {"next": "/x/", "file": SimpleUploadedFile("big.po", b"#" * 5_000_000), "after": "kept"},
    )
    request.upload_handlers = [POUploadHandler(request)]
    uploaded = request.FILES["file"]
    assert uploaded.size == 1001
    assert not hasattr(uploaded, "temporary_file_path")
    assert request.POST["after"] == "kept"


def test_po_upload_limit_comes_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import io; from django.conf import settings; "
        "from translation.po_files import read_po_upload, POImportError\n"
        "print(settings.PO_UPLOAD_MAX_BYTES)\n"
        "try: read_po_upload(io.BytesIO(b'#' * 3000))\n"
        "except POImportError as e: print(e.problems[0])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PO_UPLOAD_MAX_BYTES": "2048"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    limit, message = result.stdout.splitlines()[-2:]
    assert limit == "2048"
    assert "larger than 2.0\xa0KB" in message


def test_po_upload_still_requires_the_csrf_token(arabic_story, django_user_model):
    """The view sets its upload handler before the CSRF check reads the body, then checks."""
    from django.test import Client

    translation = translation_for(arabic_story)
    user = django_user_model.objects.create_superuser("csrf-admin", "csrf@example.com", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    before = translations_snapshot(translation)
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("story-ar.po", str(translation.export_po()).encode())},
    )
    assert response.status_code == 403
    assert translations_snapshot(translation) == before
