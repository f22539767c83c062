"""An admin user turns on two-step verification in the browser, keeps the recovery codes, and
signs in with one after "losing" the phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.storysite.test_two_factor import totp

PASSWORD = "admin-pass-phrase-1"  # noqa: S105 (test user)


def sign_in_with_password(page, base_url: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("ella")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_admin_user_sets_up_an_app_and_signs_in_with_a_recovery_code(
    demo_server, page, screenshot, django_user_model
):
    # Not a member of Wagtail's "Editors": other browser tests flush the groups its migration made.
    django_user_model.objects.create_superuser("ella", "ella@example.com", PASSWORD)

    sign_in_with_password(page, demo_server.url)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto(demo_server.url + "/admin/account/2fa/")
    secret = page.locator("code").first.inner_text()
    page.get_by_label("Code from your authenticator app").fill(totp(secret))
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Turn on two-step verification").click()

    codes = page.locator(".admin-2fa-codes code")
    expect(codes).to_have_count(10)
    recovery = codes.nth(3).inner_text()
    expect(page.get_by_text("they are shown only now")).to_be_visible()
    screenshot(page, "admin-2fa-recovery-codes")
    page.reload()
    expect(codes).to_have_count(0)
    expect(page.get_by_text("You have 10 unused recovery codes.")).to_be_visible()

    page.context.clear_cookies()
    sign_in_with_password(page, demo_server.url)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    expect(page.get_by_text("Lost your phone?")).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill(recovery)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messages")).to_contain_text(
        "You signed in with a recovery code; 9 codes are left."
    )
    screenshot(page, "admin-2fa-signed-in-with-recovery-code")
