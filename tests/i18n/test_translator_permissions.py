"""Translators edit their own language only: real admin requests, as a French translator."""

from __future__ import annotations

import json

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail.models import GroupPagePermission
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from stories.models import Campaign, StoryPage
from tests.admin_refusals import assert_forbidden
from translation.translators import TRANSLATOR_GROUPS, ensure_translator_groups

from .conftest import translation_for

STORY = "zahra-draws-again-raqqa"


def story(locales, code: str) -> StoryPage:
    english = StoryPage.objects.get(locale=locales["en"], slug=STORY)
    return english.get_translation(locales[code])


def test_each_translator_group_may_edit_only_its_languages_home_subtree(demo, locales):
    groups = ensure_translator_groups()
    assert {group.name for group in groups.values()} == set(TRANSLATOR_GROUPS.values())
    for code, group in groups.items():
        grants = GroupPagePermission.objects.filter(group=group)
        assert {grant.page.locale.language_code for grant in grants} == {code}
        assert {grant.page.depth for grant in grants} == {2}  # the language's home page
        assert {grant.permission.codename for grant in grants} == {"change_page", "publish_page"}


def test_running_the_setup_twice_grants_nothing_new(demo):
    ensure_translator_groups()
    before = GroupPagePermission.objects.count()
    ensure_translator_groups()
    assert GroupPagePermission.objects.count() == before


def test_french_translator_opens_the_translation_editor_for_french_pages(french_client, locales):
    response = french_client.get(f"/admin/pages/{story(locales, 'fr').pk}/edit/")
    assert response.status_code == 200
    # wagtail-localize's translation editor, not the plain page editor
    assert b"wagtail_localize/js/wagtail-localize.js" in response.content


@pytest.mark.parametrize("code", ["ar", "en"])
def test_french_translator_is_refused_other_languages_pages(french_client, locales, code):
    page = story(locales, code)
    url = f"/admin/pages/{page.pk}/edit/"
    assert_forbidden(french_client, "get", url)
    assert_forbidden(french_client, "post", url, data={"action-publish": "1", "title": "x"})
    page.refresh_from_db()
    assert page.title != "x"


def test_french_translator_cannot_change_an_arabic_segment_through_the_api(french_client, locales):
    arabic = story(locales, "ar")
    translation = translation_for(arabic)
    segment = translation.source.stringsegment_set.first()
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
    data = encode_multipart(BOUNDARY, {"value": "pirate"})
    assert_forbidden(french_client, "put", url, data=data, content_type=MULTIPART_CONTENT)
    assert not segment.string.translations.filter(data="pirate").exists()


def test_french_translator_changes_a_french_segment_through_the_api(french_client, locales):
    french = story(locales, "fr")
    translation = translation_for(french)
    segment = translation.source.stringsegment_set.select_related("string").first()
    url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
    response = french_client.put(
        url,
        data=encode_multipart(BOUNDARY, {"value": "Nouveau titre"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201)
    assert segment.string.translations.get(locale=locales["fr"]).data == "Nouveau titre"


@pytest.mark.parametrize(("code", "allowed"), [("fr", True), ("ar", False), ("en", False)])
def test_campaign_snippets_are_confined_to_the_translators_language(
    french_client, locales, code, allowed
):
    campaign = Campaign.objects.get(locale=locales[code], slug="lifeafterdaesh")
    url = f"/admin/snippets/stories/campaign/edit/{campaign.pk}/"
    if allowed:
        assert french_client.get(url).status_code == 200
    else:
        assert_forbidden(french_client, "get", url)


def test_french_translator_cannot_download_the_arabic_po_file(french_client, locales):
    translation = translation_for(story(locales, "ar"))
    assert_forbidden(
        french_client, "get", f"/admin/localize/translate/{translation.pk}/pofile/download/"
    )
    french = translation_for(story(locales, "fr"))
    response = french_client.get(f"/admin/localize/translate/{french.pk}/pofile/download/")
    assert response.status_code == 200
    assert b"X-WagtailLocalize-TranslationID" in response.content


def test_editors_outside_translator_groups_are_not_confined(admin_client, locales):
    campaign = Campaign.objects.get(locale=locales["ar"], slug="lifeafterdaesh")
    response = admin_client.get(f"/admin/snippets/stories/campaign/edit/{campaign.pk}/")
    assert response.status_code == 200


def _put_segment(client, translation, text: str, value: str):
    segment = translation.source.stringsegment_set.get(string__data=text)
    return client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


def test_french_translator_translates_and_publishes_a_french_campaign(french_client, locales):
    campaign = Campaign.objects.get(locale=locales["fr"], slug="foreverychild")
    translation = translation_for(campaign)
    response = _put_segment(french_client, translation, "For every child", "Chaque enfant compte")
    assert response.status_code in (200, 201)
    edit_url = f"/admin/snippets/stories/campaign/edit/{campaign.pk}/"
    response = french_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "Chaque enfant compte"
    assert campaign.hashtag == "#foreverychild"  # synchronised, not translated


def test_french_translator_cannot_publish_an_arabic_campaign(french_client, locales):
    campaign = Campaign.objects.get(locale=locales["ar"], slug="foreverychild")
    before = campaign.name
    url = f"/admin/snippets/stories/campaign/edit/{campaign.pk}/"
    assert_forbidden(french_client, "post", url, data={"action": "publish"})
    campaign.refresh_from_db()
    assert campaign.name == before


def test_load_demo_admin_creates_the_documented_demo_translators(
    demo, client, locales, django_user_model
):
    from django.core.management import call_command
    from wagtail.users.models import UserProfile

    call_command("load_demo", "--admin", verbosity=0)
    for code in ("fr", "ar"):
        user = django_user_model.objects.get(username=f"translator-{code}")
        assert user.check_password("storysite-demo")  # as README says
        client.force_login(user)  # (django-axes wants a request for password logins)
        profile = UserProfile.objects.get(user=user)
        assert profile.preferred_language == code  # the admin speaks their language
        english = StoryPage.objects.get(locale=locales["en"], slug=STORY)
        own = english.get_translation(locales[code])
        assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
        other = english.get_translation(locales["ar" if code == "fr" else "fr"])
        assert_forbidden(client, "get", f"/admin/pages/{other.pk}/edit/")
        client.logout()


def test_arabic_campaign_translation_endpoints_are_closed_to_french_translators(
    french_client, locales
):
    """Snippet permissions are per model, so only the locale guard stands here."""
    arabic = translation_for(Campaign.objects.get(locale=locales["ar"], slug="foreverychild"))
    base = f"/admin/localize/translate/{arabic.pk}"
    assert_forbidden(french_client, "get", f"{base}/pofile/download/")
    assert_forbidden(french_client, "post", f"{base}/machine_translate/")
    assert_forbidden(french_client, "post", f"{base}/pofile/upload/")
    assert_forbidden(french_client, "post", f"{base}/disable/")
    segment = arabic.source.stringsegment_set.get(string__data="For every child")
    assert_forbidden(
        french_client,
        "put",
        f"{base}/strings/{segment.pk}/edit/",
        data=encode_multipart(BOUNDARY, {"value": "pirate"}),
        content_type=MULTIPART_CONTENT,
    )
    assert not segment.string.translations.filter(data="pirate").exists()
    french = translation_for(Campaign.objects.get(locale=locales["fr"], slug="foreverychild"))
    response = french_client.get(f"/admin/localize/translate/{french.pk}/pofile/download/")
    assert response.status_code == 200


# --- Segments of another page: a translation's endpoints only reach its own source's segments ---

REPORT = "https://example.org/other-report"


@pytest.fixture
def other_story(locales):
    """An English story other than ``STORY``, with a link in its body: its source has a link
    segment that French translators of ``STORY`` have no business reading or writing."""
    other = StoryPage.objects.filter(locale=locales["en"]).exclude(slug=STORY).first()
    other.body = [("text", f'<p>Read the <a href="{REPORT}">other report</a></p>')]
    other.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(other)
    return source


def _override_url(translation, segment) -> str:
    return f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/"


def _put(client, url: str, value: str, **kwargs):
    return client.put(
        url,
        data=encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
        **kwargs,
    )


def assert_not_found(response) -> None:
    """404, as wagtail-localize answers a segment that is not the translation's. (Django's
    LocaleMiddleware turns an admin 404 into a redirect to ``/en/admin/…``, which is then a 404
    of the visitors' site: followed here.)"""
    assert response.status_code == 404, response.status_code
    assert all(url.startswith("/en/admin/") for url, _status in response.redirect_chain)


@pytest.mark.parametrize("value", ["https://example.org/pirate", "javascript:alert(1)"])
def test_an_override_for_another_pages_segment_is_not_found(
    french_client, locales, other_story, value
):
    own = translation_for(story(locales, "fr"))
    foreign = OverridableSegment.objects.get(source=other_story, data_json=json.dumps(REPORT))
    response = _put(french_client, _override_url(own, foreign), value, follow=True)
    assert_not_found(response)
    assert REPORT not in response.content.decode()  # nothing of the other page is read back
    assert not SegmentOverride.objects.filter(context=foreign.context).exists()


def test_an_override_of_another_pages_segment_cannot_be_deleted(
    french_client, locales, other_story
):
    own = translation_for(story(locales, "fr"))
    foreign = OverridableSegment.objects.get(source=other_story, data_json=json.dumps(REPORT))
    SegmentOverride.objects.create(
        locale=locales["fr"], context=foreign.context, data_json=json.dumps(REPORT + "/fr")
    )
    assert_not_found(french_client.delete(_override_url(own, foreign), follow=True))
    assert SegmentOverride.objects.filter(context=foreign.context).exists()


def test_a_string_of_another_pages_source_is_not_found(french_client, locales, other_story):
    own = translation_for(story(locales, "fr"))
    foreign = other_story.stringsegment_set.select_related("string").first()
    url = f"/admin/localize/translate/{own.pk}/strings/{foreign.pk}/edit/"
    assert_not_found(_put(french_client, url, "pirate", follow=True))
    assert not foreign.string.translations.filter(data="pirate").exists()


def test_the_translations_own_link_segment_still_takes_an_override(french_client, locales):
    english = StoryPage.objects.get(locale=locales["en"], slug=STORY)
    english.body = [("text", f'<p>Read the <a href="{REPORT}">report</a></p>')]
    english.save_revision().publish()
    TranslationSource.update_or_create_from_instance(english)
    own = translation_for(story(locales, "fr"))
    segment = OverridableSegment.objects.get(source=own.source, data_json=json.dumps(REPORT))
    response = _put(french_client, _override_url(own, segment), "https://example.org/fr")
    assert response.status_code in (200, 201)
    assert SegmentOverride.objects.get(context=segment.context).data == "https://example.org/fr"
