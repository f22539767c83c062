"""Two-step verification for the admin: optional per account, mandatory with WAGTAIL_2FA_REQUIRED.

Codes are computed here from the secret the set-up page shows, as an authenticator app would
(RFC 6238: HMAC-SHA1 over the 30-second time step), not taken from django-otp.
"""

from __future__ import annotations

import hmac
import struct
import time
from base64 import b32decode
from datetime import timedelta
from urllib.parse import quote, unquote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-correct-password"
LOGIN = "/admin/login/"
DASHBOARD = "/admin/"
MANAGE = "/admin/account/2fa/"
VERIFY = "/admin/2fa/verify/"


def totp(secret: str, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for ``secret`` (base32) at time ``at``."""
    key = b32decode(secret.replace(" ", ""))
    step = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", step), "sha1").digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def next_code(secret: str) -> str:
    """A code the server has not seen yet: a code is accepted once, so a second sign-in within
    the same 30 seconds takes the next step's code (django-otp tolerates one step of drift)."""
    return totp(secret, time.time() + 30)


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("eddie", "eddie@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, username: str, password: str = PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password, "next": DASHBOARD})


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def turn_on(client, user) -> str:
    """Set up an authenticator app through the account page; returns its secret."""
    client.force_login(user)
    setup = client.get(MANAGE)
    assert setup.status_code == 200
    secret = page(setup).select_one("code").get_text()
    response = client.post(MANAGE, {"otp_token": totp(secret), "password": PASSWORD})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed
    return secret


def let_throttle_expire(user) -> None:
    """As if the wait imposed after a wrong code had passed (app and recovery codes alike)."""
    from django_otp.plugins.otp_static.models import StaticDevice

    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(
            throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
        )


def test_user_turns_on_2fa_and_is_asked_for_a_code_at_next_sign_in(client, demo, editor):
    secret = turn_on(client, editor)
    assert client.get(DASHBOARD).status_code == 200  # setting up counts as this session's code
    client.post(reverse("wagtailadmin_logout"))

    response = sign_in(client, "eddie")
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    asked = client.get(DASHBOARD)
    assert asked.status_code == 302
    assert asked["Location"] == f"{VERIFY}?next=/admin/"
    assert client.get("/admin/pages/").status_code == 302  # the whole admin waits for the code
    assert b'autocomplete="one-time-code"' in client.get(asked["Location"]).content

    code = next_code(secret)
    refused = client.post(VERIFY, {"otp_token": wrong(code), "next": DASHBOARD})
    assert refused.status_code == 200
    assert "That code is not right" in refused.content.decode()
    assert client.get(DASHBOARD).status_code == 302

    let_throttle_expire(editor)
    accepted = client.post(VERIFY, {"otp_token": code, "next": DASHBOARD})
    assert accepted.status_code == 302
    assert accepted["Location"] == DASHBOARD
    dashboard = client.get(DASHBOARD)
    assert dashboard.status_code == 200
    assert b"Dashboard" in dashboard.content


def test_a_code_is_not_accepted_twice(client, demo, editor):
    secret = turn_on(client, editor)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, "eddie")
    code = next_code(secret)
    assert client.post(VERIFY, {"otp_token": code})["Location"] == DASHBOARD
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, "eddie")
    replayed = client.post(VERIFY, {"otp_token": code})
    assert replayed.status_code == 200
    assert client.get(DASHBOARD).status_code == 302


def test_users_without_2fa_are_not_asked_while_it_is_optional(client, demo, editor):
    assert not django_settings.WAGTAIL_2FA_REQUIRED  # the default
    response = sign_in(client, "eddie")
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_the_demo_admin_signs_in_with_just_the_password(client, demo):
    from django.core.management import call_command

    call_command("load_demo", "--admin", verbosity=0)
    response = sign_in(client, "admin", "storysite-demo")
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_mandatory_2fa_sends_users_without_an_app_to_set_one_up(client, demo, editor, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    sign_in(client, "eddie")
    for path in (DASHBOARD, "/admin/pages/", "/admin/images/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(f"{MANAGE}?next=")
    setup = client.get(MANAGE)
    assert setup.status_code == 200
    assert "requires two-step verification" in setup.content.decode()
    assert client.get("/en/").status_code == 200  # visitors' pages are not concerned

    secret = page(setup).select_one("code").get_text()
    client.post(MANAGE, {"otp_token": totp(secret), "password": PASSWORD})
    assert client.get(DASHBOARD).status_code == 200


def test_mandatory_2fa_leaves_users_without_admin_access_alone(
    client, demo, django_user_model, settings
):
    settings.WAGTAIL_2FA_REQUIRED = True
    django_user_model.objects.create_user("visitor", password=PASSWORD)
    sign_in(client, "visitor")
    response = client.get(DASHBOARD)
    # Wagtail's own refusal (back to the sign-in page), not the set-up page.
    assert response["Location"].startswith(LOGIN)


def test_after_a_wrong_code_even_the_right_one_waits(client, demo, editor):
    """django-otp's throttling: each wrong code doubles the wait before the next check."""
    secret = turn_on(client, editor)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, "eddie")
    code = next_code(secret)
    client.post(VERIFY, {"otp_token": wrong(code)})
    throttled = client.post(VERIFY, {"otp_token": code})
    assert throttled.status_code == 200
    assert "Too many wrong codes" in throttled.content.decode()
    assert client.get(DASHBOARD).status_code == 302
    assert TOTPDevice.objects.get(user=editor).throttling_failure_count == 1


def test_repeated_wrong_codes_lock_the_account_like_wrong_passwords(client, demo, editor):
    secret = turn_on(client, editor)
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, "eddie")
    code = next_code(secret)
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(VERIFY, {"otp_token": wrong(code)}).status_code == 200
    locked = client.post(VERIFY, {"otp_token": wrong(code)})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session  # signed out: the password is needed again
    again = sign_in(client, "eddie")
    assert again.status_code == 429  # …and refused while the lock lasts


def test_turning_off_needs_the_password(client, demo, editor):
    turn_on(client, editor)
    refused = client.post(MANAGE, {"turn_off": "1", "password": "not-my-password"})
    assert refused.status_code == 200
    assert "That is not your password" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()
    response = client.post(MANAGE, {"turn_off": "1", "password": PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_turning_on_needs_the_password_and_a_right_code(client, demo, editor):
    client.force_login(editor)
    secret = page(client.get(MANAGE)).select_one("code").get_text()
    for data in (
        {"otp_token": totp(secret), "password": "not-my-password"},
        {"otp_token": wrong(totp(secret)), "password": PASSWORD},
    ):
        assert client.post(MANAGE, data).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    # Reloading the page keeps the secret already scanned.
    assert page(client.get(MANAGE)).select_one("code").get_text() == secret


def test_the_account_page_links_to_two_step_verification(client, demo, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_account"))
    assert MANAGE.encode() in response.content


def test_qr_code_is_an_inert_image_the_content_security_policy_allows(client, demo, editor):
    client.force_login(editor)
    setup = page(client.get(MANAGE))
    qr = setup.select_one("img.admin-2fa-qr")
    assert qr["alt"]
    src = qr["src"]
    assert src.startswith("data:image/svg+xml")
    assert "data:" in django_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    svg = unquote(src.partition(",")[2])
    assert "<svg" in svg
    assert "<script" not in svg.lower()
    assert "otpauth" not in str(setup.select_one("form"))  # the secret is not sent back


@pytest.mark.parametrize("path", [MANAGE, VERIFY])
def test_two_factor_pages_add_no_inline_script(client, demo, editor, path):
    """Our templates keep the no-inline-script rule even though the admin is outside the CSP."""
    if path == VERIFY:
        TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 200
    assert page(response).select_one("main form input[name=otp_token]")
    for element in page(response).select("main *"):
        assert element.name != "script" or element.get("src"), element
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, element


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("fr", "Validation en deux étapes", "Saisissez votre code"),
        ("ar", "التحقق بخطوتين", "أدخل الرمز"),
    ],
)
def test_two_factor_pages_speak_the_translators_language(
    client, demo, editor, language, title, heading
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    assert title in client.get(MANAGE).content.decode()
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert heading in client.get(VERIFY).content.decode()


def recovery_codes_shown(response) -> list[str]:
    return [code.get_text() for code in page(response).select(".admin-2fa-codes code")]


def test_turning_on_shows_ten_recovery_codes_once(client, demo, editor):
    turn_on(client, editor)
    shown = client.get(MANAGE)
    codes = recovery_codes_shown(shown)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "shown only now" in shown.content.decode()
    again = client.get(MANAGE)
    assert recovery_codes_shown(again) == []
    assert "You have 10 unused recovery codes." in again.content.decode()


def test_a_recovery_code_signs_in_once_when_the_phone_is_lost(client, demo, editor):
    turn_on(client, editor)
    codes = recovery_codes_shown(client.get(MANAGE))
    client.logout()

    sign_in(client, "eddie")
    field = page(client.get(VERIFY)).select_one("input[name=otp_token]")
    assert field["inputmode"] == "text"  # a digits-only phone keyboard could not type the code
    response = client.post(VERIFY, {"otp_token": codes[0].upper(), "next": DASHBOARD})
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    dashboard = client.get(DASHBOARD, follow=True).content.decode()
    assert "You signed in with a recovery code; 9 codes are left." in dashboard
    client.logout()

    sign_in(client, "eddie")
    response = client.post(VERIFY, {"otp_token": codes[0], "next": DASHBOARD})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old_ones(client, demo, editor):
    turn_on(client, editor)
    old = recovery_codes_shown(client.get(MANAGE))
    refused = client.post(MANAGE, {"new_codes": "1", "codes-password": "not-my-password"})
    assert "That is not your password." in refused.content.decode()
    response = client.post(MANAGE, {"new_codes": "1", "codes-password": PASSWORD})
    assert response.status_code == 302
    new = recovery_codes_shown(client.get(MANAGE))
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()

    sign_in(client, "eddie")
    let_throttle_expire(editor)
    assert client.post(VERIFY, {"otp_token": old[1]}).status_code == 200
    let_throttle_expire(editor)
    assert client.post(VERIFY, {"otp_token": new[1]}).status_code == 302


def test_turning_off_removes_the_recovery_codes(client, demo, editor):
    from django_otp.plugins.otp_static.models import StaticToken

    turn_on(client, editor)
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    client.post(MANAGE, {"turn_off": "1", "password": PASSWORD})
    assert not StaticToken.objects.filter(device__user=editor).exists()


# --- Restricted pages and private documents wait for the second step too ---------------------


@pytest.fixture
def restricted_story(demo):
    """An English story visible to signed-in users only (Wagtail's "private, logged-in users")."""
    from wagtail.models import PageViewRestriction

    from stories.models import StoryPage

    story = StoryPage.objects.get(locale__language_code="en", slug="zahra-draws-again-raqqa")
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    return story


@pytest.fixture
def private_document(demo):
    """A document in a collection for signed-in users only, served by /documents/<id>/<name>."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Board minutes",
        collection=collection,
        file=ContentFile(b"minutes of the board", name="minutes.txt"),
    )
    return document


def asked_for_the_code(response, next_url: str) -> bool:
    return response.status_code == 302 and response["Location"] == (
        f"{VERIFY}?next={quote(next_url)}"
    )


def test_password_alone_opens_no_restricted_page_or_private_document_when_2fa_is_on(
    client, editor, restricted_story, private_document
):
    secret = turn_on(client, editor)
    client.logout()
    sign_in(client, "eddie")
    story_url, document_url = restricted_story.url, private_document.url

    assert asked_for_the_code(client.get(story_url), story_url)
    assert b"zahra" not in client.get(story_url).content.lower()
    assert asked_for_the_code(client.get(document_url), document_url)

    response = client.post(VERIFY, {"otp_token": next_code(secret), "next": story_url})
    assert response.status_code == 302 and response["Location"] == story_url  # back to it
    story = client.get(story_url)
    assert story.status_code == 200 and restricted_story.title in story.content.decode()
    document = client.get(document_url)
    assert document.status_code == 200
    assert b"".join(document.streaming_content) == b"minutes of the board"


def test_a_group_restricted_page_waits_for_the_code_of_a_group_member(
    client, editor, restricted_story
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.get(page=restricted_story)
    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([Group.objects.get(name="Editors")])
    turn_on(client, editor)
    client.logout()
    sign_in(client, "eddie")
    assert asked_for_the_code(client.get(restricted_story.url), restricted_story.url)


def test_restricted_pages_and_documents_without_2fa_are_unchanged(
    client, editor, restricted_story, private_document
):
    for url in (restricted_story.url, private_document.url):  # visitors: Wagtail's sign-in
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    sign_in(client, "eddie")
    assert client.get(restricted_story.url).status_code == 200
    assert client.get(private_document.url).status_code == 200
    assert client.get(VERIFY)["Location"] == DASHBOARD  # no code to ask for


def test_mandatory_2fa_sends_admin_users_without_an_app_to_set_one_up_first(
    client, editor, restricted_story, private_document, django_user_model, settings
):
    settings.WAGTAIL_2FA_REQUIRED = True
    sign_in(client, "eddie")
    for url in (restricted_story.url, private_document.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{MANAGE}?next={quote(url)}"
    client.logout()
    # Members of the public with an account have no admin, hence no second step to give.
    django_user_model.objects.create_user("member", password=PASSWORD)
    client.post("/en/_util/login/", {"username": "member", "password": PASSWORD})
    assert client.get(restricted_story.url).status_code == 200
    assert client.get(private_document.url).status_code == 200
