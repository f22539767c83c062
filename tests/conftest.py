"""Shared fixtures. The demo site is built once per test database: tests that run inside a
transaction see it and roll back their own changes; browser tests (transactional) build their
own."""

from __future__ import annotations

import pytest
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
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def demo(db):
    """The demo site as load_demo built it (home, stories in three languages)."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def committed_demo(transactional_db):
    """The demo for tests whose work must really commit (workers, live servers). Transactional
    tests start from a flushed database, so the demo is rebuilt when it is missing."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo", verbosity=0)
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
