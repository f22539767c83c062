"""Cookie consent: the visitor's choice lives in one essential cookie, read on every request so
non-essential scripts are never rendered before an explicit "Accept"."""

from __future__ import annotations

from django.http import HttpRequest

CONSENT_COOKIE = "storysite_consent"
CHOICES = ("accepted", "declined")
CONSENT_MAX_AGE = 180 * 24 * 60 * 60  # ask again after six months, as regulators expect


def consent_choice(request: HttpRequest) -> str | None:
    """``"accepted"``, ``"declined"`` or ``None`` if the visitor has not chosen (or the cookie
    holds something we did not write)."""
    value = request.COOKIES.get(CONSENT_COOKIE)
    return value if value in CHOICES else None
