"""What the header, language switcher and ``hreflang`` links show, cached until content changes.

Every page shows the localized home, its menu and where the page's translations live; building
them costs about a dozen queries per request, and they change only when content does. They are
cached per site and language (the menu) or per site and translation family (the translations),
in the ``navigation`` cache under versions of their own (``delivery/generation.py``): the menus
go stale when a home page or a home page's child is published, unpublished, moved or deleted,
a family's translations when one of its pages is, and both when a view restriction, site or
locale changes (``delivery/dependencies.py``), so visitors see a change on their next request
and other publishes leave them cached.
``NAVIGATION_CACHE_SECONDS`` bounds how long another process's copy can lag behind (memory caches
are per process; with Redis all processes share one copy).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from delivery.generation import MENU, NAVIGATION, cached, translations_scope

T = TypeVar("T")
NAVIGATION_CACHE_ALIAS = "navigation"


@dataclass
class Menu:
    """The home page in one language (the default-language home if untranslated) and its menu."""

    home: Page | None
    items: list[Page] = field(default_factory=list)


@dataclass
class Translations:
    """One page's live translations: URL by language code, and those visible to everyone."""

    live: dict[str, str | None]
    public: dict[str, str | None]


def _cached(key: str, build: Callable[[], T], scope: str) -> T:
    return cached(
        NAVIGATION_CACHE_ALIAS,
        key,
        build,
        settings.NAVIGATION_CACHE_SECONDS,
        scopes=(NAVIGATION, scope),
    )


def _site(request: HttpRequest | None) -> Site | None:
    return Site.find_for_request(request) if request is not None else None


def site_root(request: HttpRequest | None) -> Page | None:
    site = _site(request)
    return site.root_page if site else None


def menu(request: HttpRequest | None) -> Menu:
    """The localized home and its live, public, in-menu children, for the active language."""
    site = _site(request)
    if site is None:
        return Menu(home=None)
    language = get_language()

    def build() -> Menu:
        home = site.root_page.localized.specific
        items = home.get_children().live().public().in_menu().filter(locale_id=home.locale_id)
        return Menu(home=home, items=list(items))

    return _cached(f"navigation:menu:{site.pk}:{language}", build, MENU)


def translations(request: HttpRequest, page: Page) -> Translations:
    """Where ``page`` can be read in each language (its live translations, itself included)."""
    site = _site(request)

    def build() -> Translations:
        family = Page.objects.filter(translation_key=page.translation_key).live()
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        public = set(family.public().values_list("pk", flat=True))
        live, visible = {}, {}
        for translation in family:
            code = codes.get(translation.locale_id)
            url = translation.get_url(request=request)
            live[code] = url
            if translation.pk in public:
                visible[code] = url
        return Translations(live=live, public=visible)

    site_id = site.pk if site else 0
    return _cached(
        f"navigation:translations:{site_id}:{page.translation_key}",
        build,
        translations_scope(page.translation_key),
    )
