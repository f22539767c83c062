"""Site-wide navigation: the localized home, its menu pages, and the language switcher."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def localized_home(context) -> Page | None:
    """The home page in the language being read (the default-language home if untranslated)."""
    root = _site_root(context.get("request"))
    return root.localized.specific if root else None


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    home = localized_home(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().filter(locale_id=home.locale_id))


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: the same page translated, that language's home when the page has no
    live translation (never a 404), or the same view under the other language prefix."""
    request = context.get("request")
    page = context.get("page")
    root = _site_root(request)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        locale = locales.get(code)
        if isinstance(page, Page) and locale is not None:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                url = translation.url
            elif root is not None:
                home = root.get_translation_or_none(locale)
                url = home.url if home is not None and home.live else None
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url or f"/{code}/",
                "current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links
