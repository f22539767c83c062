"""What a browser is told about the site's security, and what the templates must never do."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from stories.models import StoryPage
from tests.storysite.test_editorial_roles import edit_data

PROJECT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = ["/en/", "/fr/", "/ar/", "/en/stories/", "/en/stories/four-schools-dohuk/"]


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.strip().split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_forbid_inline_scripts_and_framing(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = csp_directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/en/search/?q=schools"])
def test_templates_carry_no_inline_script(client, demo, path):
    """The policy forbids inline scripts, so one would silently not run: keep them out."""
    page = BeautifulSoup(client.get(path).content, "html.parser")
    for script in page.find_all("script"):
        data_block = script.get("type") in {"application/ld+json", "application/json"}
        assert script.get("src") or data_block, f"inline <script> on {path}: {script}"
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"inline event handler {handlers} on {path}"


def story_preview(client, story):
    """The editor's side-by-side preview: the form is posted, then the panel's frame loads it."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    posted = client.post(url, edit_data(story, story.title, "action-preview"))
    assert posted.json()["is_valid"], posted.content
    return client.get(url, {"in_preview_panel": "true", "mode": ""})


@pytest.fixture
def story(demo):
    return StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")


def test_the_editor_preview_may_be_framed_by_the_admin_itself(admin_client, story):
    """Wagtail shows the preview in an iframe of the page editor; with framing refused the panel
    stays blank and its Checks find nothing to check."""
    response = story_preview(admin_client, story)
    assert response.status_code == 200
    assert story.title in response.content.decode()
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The editor sees the story, not the visitor's cookie banner over it.
    assert "data-cookie-banner" not in response.content.decode()
    # Only the framing rule is relaxed: the preview still runs no inline or foreign script.
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.parametrize("view", ["view_draft", "revisions_view"])
def test_drafts_and_revisions_may_be_framed_by_the_admin_itself(admin_client, story, view):
    args = [story.pk] if view == "view_draft" else [story.pk, story.latest_revision_id]
    response = admin_client.get(reverse(f"wagtailadmin_pages:{view}", args=args))
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_still_refuse_framing_after_a_preview(admin_client, client, story):
    story_preview(admin_client, story)
    for visitor in (client, admin_client):
        response = visitor.get(story.url + "?in_preview_panel=true")
        assert csp_directives(response)["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_admin_is_outside_the_public_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_repeated_wrong_passwords_lock_the_account(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-correct-password")
    login = reverse("wagtailadmin_login")
    for _ in range(4):
        response = client.post(login, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    fifth = client.post(login, {"username": "editor", "password": "wrong"})
    assert fifth.status_code == 429
    # Even the right password is refused while the lock lasts.
    locked = client.post(login, {"username": "editor", "password": "a-long-correct-password"})
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_short_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("short-pw")


def test_unreachable_database_gives_a_friendly_503():
    """A real outage: the site is started against a PostgreSQL port nobody listens on."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client(raise_request_exception=False).get('/en/');"
        "print(r.status_code, r.get('Retry-After'));"
        "print(r.content.decode())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storysite.settings.test"}
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:9/storysite"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    first_line, _, body = result.stdout.partition("\n")
    assert first_line == "503 30", result.stderr[-2000:]
    assert "back in a moment" in body
    assert "Traceback" not in body
