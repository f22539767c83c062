"""Values every page template needs: the cookie choice and the (consent-gated) analytics URL."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from .consent import consent_choice


def site_chrome(request: HttpRequest) -> dict:
    return {
        "cookie_consent": consent_choice(request),
        "analytics_script_url": settings.ANALYTICS_SCRIPT_URL,
    }
