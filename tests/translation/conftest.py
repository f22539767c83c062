from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail_localize.models import StringSegment, Translation

from stories.models import Partner, StoryIndexPage, StoryPage
from translation.translators import ensure_translator_user

DASHBOARD = "/admin/translations/"


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what the code defers to transaction commit (wagtail-localize publishes then)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def editor(django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("grid-editor", "grid@example.com", "pw")
    session = Client()
    session.force_login(user)
    return session


def translator_session(code: str) -> Client:
    user, _created = ensure_translator_user(code, f"grid-translator-{code}", "pw")
    session = Client()
    session.force_login(user)
    return session


@pytest.fixture
def translator_fr(demo) -> Client:
    return translator_session("fr")


@pytest.fixture
def translator_ar(demo) -> Client:
    return translator_session("ar")


def new_story(locales, title="A library reopens in Mosul", slug="library-reopens") -> StoryPage:
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title=title,
        slug=slug,
        standfirst="The university library reopened its doors.",
        date=datetime.date(2030, 1, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def new_partner(locales, name="Atlantis") -> Partner:
    partner = Partner(locale=locales["en"], name=name, summary=f"{name} trains engineers.")
    partner.save()
    partner.save_revision().publish()
    return partner


def item_key(instance) -> str:
    from wagtail.models import Page

    if isinstance(instance, Page):
        return f"page:{instance.pk}"
    return f"{instance._meta.label_lower}:{instance.pk}"


def grid(client, **params):
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def row_of(soup, title: str):
    for row in soup.select("table.translation-grid tbody tr"):
        heading = row.find("th")
        if heading and heading.get_text(strip=True) == title:
            return row
    return None


def cell_text(client, title: str, code: str, **params) -> str:
    row = row_of(grid(client, **params), title)
    assert row is not None, f"{title} not in the grid"
    cell = row.select_one(f'td[data-locale="{code}"]')
    assert cell is not None, f"no {code} column"
    return " ".join(cell.get_text(" ").split()).replace(" ,", ",")


def act(client, committing, action: str, instance, code: str):
    with committing():
        return client.post(f"{DASHBOARD}cell/{item_key(instance)}/{code}/{action}/")


def translation_of(instance, code) -> Translation:
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def put_segment(client, translation, text: str, value: str):
    segment = StringSegment.objects.get(source=translation.source, string__data=text)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201), response.content


def source_texts(translation) -> list[str]:
    return list(
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .values_list("string__data", flat=True)
    )
