"""Where each campaign's hashtag leads: its campaign page in the language being read.

Hashtags appear on every story card and story; looking their pages up one by one would cost a
query per card. The map for a site and language is built once and kept in the navigation cache
for the current content generation (``delivery/generation.py``), which any publish or snippet
change bumps, so a new or unpublished campaign page shows up on the next request.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from delivery.generation import cached

NAVIGATION_CACHE_ALIAS = "navigation"


def campaign_page_urls(request: HttpRequest | None) -> dict[str, str]:
    """Campaign ``translation_key`` (as text) → address of its live, public campaign page in
    the active language."""
    from .models import CampaignPage

    site = Site.find_for_request(request) if request is not None else None
    language = get_language() or settings.LANGUAGE_CODE

    def build() -> dict[str, str]:
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        pages = (
            CampaignPage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("campaign")
            .order_by("pk")
        )
        urls: dict[str, str] = {}
        for page in pages:
            url = page.get_url(request)
            if url:
                urls.setdefault(str(page.campaign.translation_key), url)
        return urls

    return cached(
        NAVIGATION_CACHE_ALIAS,
        f"stories:campaign-pages:{site.pk if site else 0}:{language}",
        build,
        settings.NAVIGATION_CACHE_SECONDS,
    )


def campaign_url(request: HttpRequest | None, campaign) -> str:
    if campaign is None:
        return ""
    return campaign_page_urls(request).get(str(campaign.translation_key), "")
