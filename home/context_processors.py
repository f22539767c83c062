"""Values every page template needs. Pages are cached for all anonymous visitors, so nothing here
may depend on the visitor (their cookie choice is read by the browser, see templates/base.html)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_chrome(request: HttpRequest) -> dict:
    return {"analytics_script_url": settings.ANALYTICS_SCRIPT_URL}
