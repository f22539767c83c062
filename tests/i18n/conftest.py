from __future__ import annotations

import pytest
from wagtail_localize.models import Translation

from home.translators import ensure_translator_user


@pytest.fixture
def french_translator(demo):
    user, _created = ensure_translator_user("fr", "translator-fr-test", "pw")
    return user


@pytest.fixture
def french_client(client, french_translator):
    client.force_login(french_translator)
    return client


def translation_for(instance) -> Translation:
    """The wagtail-localize translation that produced ``instance`` (a page or snippet)."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=instance.locale
    )
