"""Who still owes a second step: the one rule behind the admin's code page and the restricted
parts of the public site (private pages and documents)."""

from __future__ import annotations

from django.conf import settings

from .devices import confirmed_device

VERIFY = "admin_2fa_verify"
SET_UP = "admin_2fa_manage"


def missing_step(user) -> str | None:
    """The URL name of the page ``user`` must go through before counting as signed in: the code
    page for a user with an authenticator app who has not given a code in this session, the
    set-up page for an admin user without one when two-step verification is mandatory."""
    if not user.is_authenticated or user.is_verified():
        return None
    if confirmed_device(user) is not None:
        return VERIFY
    if settings.WAGTAIL_2FA_REQUIRED and user.has_perm("wagtailadmin.access_admin"):
        return SET_UP
    return None
