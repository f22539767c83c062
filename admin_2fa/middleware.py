"""Asks admin users for their second step before the admin opens.

Runs after django-otp's ``OTPMiddleware`` (which tells whether this session has given a code).
Only admin URLs are concerned here: a signed-in admin user with an authenticator app, who has
not given a code in this session, is sent to the code page; with ``WAGTAIL_2FA_REQUIRED``, an
admin user without an app is sent to set one up (``steps.missing_step``). Visitors' pages are
never touched; restricted pages and private documents ask through Wagtail's serve hooks
(``wagtail_hooks.py``).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from .steps import missing_step

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
        step = missing_step(request.user)
        if step is None:
            return None
        url_name = _url_name(request.path_info)
        if url_name in ALWAYS_OPEN or url_name == step:  # the missing page itself stays open
            return None
        return step
