"""Asks admin users for their second step before the admin opens.

Runs after django-otp's ``OTPMiddleware`` (which tells whether this session has given a code).
Only admin URLs are concerned: a signed-in admin user with an authenticator app, who has not
given a code in this session, is sent to the code page; with ``WAGTAIL_2FA_REQUIRED``, an admin
user without an app is sent to set one up. Visitors' pages are never touched.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from .devices import confirmed_device

# Reachable before the second step: signing in and out, and what those pages load.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin_2fa_verify",
}


def _url_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


class AdminTwoFactorMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        step = self.missing_step(request)
        if step:
            return redirect_to_login(request.get_full_path(), login_url=reverse(step))
        return self.get_response(request)

    def missing_step(self, request) -> str | None:
        """The URL name of the page this request must go through first, if any."""
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        url_name = _url_name(request.path_info)
        if url_name in ALWAYS_OPEN:
            return None
        if confirmed_device(user) is not None:
            return "admin_2fa_verify"
        if (
            settings.WAGTAIL_2FA_REQUIRED
            and url_name != "admin_2fa_manage"
            and user.has_perm("wagtailadmin.access_admin")
        ):
            return "admin_2fa_manage"
        return None
