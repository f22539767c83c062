"""Shared fixtures. The demo site is built once per test database: tests that run inside a
transaction see it and roll back their own changes; browser tests (transactional) get it back
from a snapshot taken right after it was built."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Locale, Site


@pytest.fixture(autouse=True)
def _english_until_a_request_says_otherwise():
    """Each test starts in the default language: LocaleMiddleware activates /fr/ or /ar/ for
    a test client request and leaves it active in the thread afterwards."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a page cached by one test must not leak into another."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, built once, and a snapshot of the whole database as it stands then
    (``dumpdata``, primary keys kept, content types and permissions included)."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        _view_every_live_page()
        snapshot = tmp_path_factory.mktemp("demo-snapshot") / "demo.json"
        # Content types and permissions first: saving other rows may look content types up.
        first = ["contenttypes", "auth"]
        labels = first + [app.label for app in apps.get_app_configs() if app.label not in first]
        call_command("dumpdata", *labels, output=str(snapshot), verbosity=0)
    return snapshot


def _view_every_live_page() -> None:
    """Test settings make renditions when a page is first viewed (the background task is off):
    viewed once here, committed and in the snapshot, so no test pays seconds of image encoding
    for the demo's pictures again. (The pages this caches are emptied by ``_empty_caches``.)"""
    from django.test import Client
    from wagtail.models import Page

    visitor = Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        visitor.get(page.get_url())


@pytest.fixture
def demo(db):
    """The demo site as load_demo built it (home, stories in three languages)."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def committed_demo(transactional_db, django_db_setup):
    """The demo for tests whose work must really commit (workers, live servers). Transactional
    tests start from a database flushed by the one before, so the demo is loaded back from the
    session's snapshot: about a second, where building it again took twelve. The flush before
    loading keeps the post-migrate step from recreating content types under new ids, which the
    snapshot's revisions refer to by id."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()  # it still holds the ids the flush removed
        call_command("loaddata", str(django_db_setup), verbosity=0)
        ContentType.objects.clear_cache()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor-admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def french_translator(demo):
    from translation.translators import ensure_translator_user

    user, _created = ensure_translator_user("fr", "translator-fr-test", "pw")
    return user


@pytest.fixture
def french_client(client, french_translator):
    """The test client signed in as a member of "Translators (French)"."""
    client.force_login(french_translator)
    return client
