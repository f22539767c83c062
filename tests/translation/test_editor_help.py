"""What the translation editor's help script gets from the server: labels naming the field inside
lists and structs, the counter's wording in the translator's language, and who may ask."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from stories.models import StoryPage
from tests.admin_refusals import assert_forbidden
from translation.editor_help import remaining_texts
from translation.segment_labels import segment_labels
from translation.translators import ensure_translator_user


@pytest.fixture
def zahra(locales) -> StoryPage:
    return StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")


def translation_into(page, locale) -> Translation:
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def segment_id(translation: Translation, source_text: str) -> int:
    return StringSegment.objects.get(source=translation.source, string__data=source_text).id


def test_labels_name_the_field_of_a_gallery_image_and_a_scrollytelling_step(zahra, locales):
    translation = translation_into(zahra, locales["fr"])
    labels = segment_labels(translation)

    def label(text):
        return labels.get(f"string:{segment_id(translation, text)}")

    # wagtail-localize itself labels all of these "Images" or "Steps".
    assert label("Green and blue lines like a river between trees") == (
        "Gallery image 2 › Alternative text"
    )
    assert label("The Euphrates, as she remembers it.") == "Gallery image 2 › Caption"
    assert label("For three years, paper and crayons were hidden away.") == "Step 1 › Text"
    assert label("A sheet full of colour with a big sun") == "Step 3 › Picture › Alternative text"
    # Labels wagtail-localize already gets right are left alone.
    assert label("Zahra’s drawings") is None  # the gallery's own title
    assert label("Jeremy Hunt") is None  # a quote's "Who said it"
    assert label("Raqqa, Syria") is None  # a plain field


def test_the_image_chosen_in_a_gallery_item_is_labelled_too(zahra, locales):
    translation = translation_into(zahra, locales["fr"])
    labels = segment_labels(translation)
    overrides = {key: value for key, value in labels.items() if key.startswith("synchronised")}
    assert sorted(overrides.values()) == [
        "Gallery image 1 › Image",
        "Gallery image 2 › Image",
        "Gallery image 3 › Image",
        "Step 1 › Picture",
        "Step 2 › Picture",
        "Step 3 › Picture",
    ]


def help_url(translation) -> str:
    return reverse("translation_editor_help", args=[translation.id])


def test_french_translator_gets_french_labels_and_plurals(client, demo, zahra, locales):
    user, _ = ensure_translator_user("fr", "translator-fr-help", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    translation = translation_into(zahra, locales["fr"])
    response = client.get(help_url(translation))
    assert response.status_code == 200
    data = response.json()
    caption = segment_id(translation, "The Euphrates, as she remembers it.")
    assert data["labels"][f"string:{caption}"] == "Image de la galerie 2 › Légende"
    assert data["remaining"][:3] == [
        "Tous les segments sont traduits.",
        "1 segment restant",
        "2 segments restants",
    ]
    assert data["next"] == "Segment non traduit suivant"
    assert "Alt+Maj+N" in data["keys"]
    total = StringSegment.objects.filter(source=translation.source).count()
    assert len(data["remaining"]) == total + 1


def test_arabic_counter_uses_the_arabic_plural_forms(client, demo, zahra, locales):
    user, _ = ensure_translator_user("ar", "translator-ar-help", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    data = client.get(help_url(translation_into(zahra, locales["ar"]))).json()
    texts = data["remaining"]
    assert texts[2] == "بقي مقطعان (2)"
    assert texts[5] == "بقيت 5 مقاطع"
    assert texts[11] == "بقي 11 مقطعًا"
    assert data["previous"] == "المقطع غير المترجم السابق"


def test_remaining_texts_cover_every_count():
    assert remaining_texts(0) == ["Every segment is translated."]
    assert remaining_texts(2)[1:] == ["1 segment left", "2 segments left"]


def test_other_languages_and_visitors_are_refused(client, french_client, zahra, locales):
    arabic = translation_into(zahra, locales["ar"])
    assert_forbidden(french_client, "get", help_url(arabic))
    french_client.logout()
    response = client.get(help_url(translation_into(zahra, locales["fr"])))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(reverse("translation_editor_help", args=[10**9])).status_code in (302, 404)


def test_the_editor_page_loads_the_help_script(french_client, zahra, locales):
    french = zahra.get_translation(locales["fr"])
    page = BeautifulSoup(
        french_client.get(f"/admin/pages/{french.pk}/edit/").content, "html.parser"
    )
    script = page.select_one('script[src$="translation/js/editor-help.js"]')
    assert script["data-help-url"] == reverse("translation_editor_help", args=[0])
    assert page.select_one(".js-translation-editor[data-props]") is not None
