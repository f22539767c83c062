"""Site-wide navigation: the localized home, its menu pages, and the language switcher.

The data comes from ``home/navigation.py``, which caches it until content changes."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from stories.public_urls import public_url
from translation.not_translated import not_translated_url

from .. import navigation

register = template.Library()


@register.filter
def is_parent_of(item, page) -> bool:
    """``{% if item|is_parent_of:page %}``: treebeard's ``is_child_of`` compares tree paths,
    without the query ``page.get_parent`` costs on every request."""
    return isinstance(page, Page) and page.is_child_of(item)


@register.simple_tag(takes_context=True)
def localized_home(context) -> Page | None:
    """The home page in the language being read (the default-language home if untranslated)."""
    return navigation.menu(context.get("request")).home


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    return navigation.menu(context.get("request")).items


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language: the same page translated; when the page has no public translation
    in a language (none, a draft or a restricted one), that language's "not yet translated" page
    (``translation/not_translated.py``: never a 404, never a silent jump to the home page); or,
    off pages, the same view under the other language prefix."""
    request = context.get("request")
    page = context.get("page")
    is_page = isinstance(page, Page) and page.depth > 1
    page_in = navigation.translations(request, page).public if is_page else {}
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = page_in.get(code)
        if is_page and code == current:
            url = url or page.get_url(request=request)
        elif is_page and url is None:
            url = not_translated_url(page, code)
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


@register.simple_tag(takes_context=True)
def hreflang_alternates(context) -> list[dict]:
    """``<link rel="alternate" hreflang>`` targets for the page being read: each *live* translation
    (an untranslated page advertises no alternate, by the fallback rule) plus ``x-default``.

    ``x-default`` is the bare ``/`` for the home page (it redirects by Accept-Language) and the
    default language's version elsewhere. Views that are not pages (search) exist in every
    language under the same path, so they list every language.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    default_language = settings.LANGUAGE_CODE
    alternates: dict[str, str] = {}
    if isinstance(page, Page):
        if page.depth <= 1:
            return []
        for code, url in navigation.translations(request, page).public.items():
            if url:
                alternates[code] = url
        root = navigation.site_root(request)
        is_home = root is not None and page.translation_key == root.translation_key
        x_default = "/" if is_home else alternates.get(default_language)
    else:
        match = request.resolver_match
        if match is None or match.url_name == "wagtail_serve":
            return []  # a 404 (no page found): nothing to offer in other languages
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            alternates[code] = translate_url(path, code)
        x_default = alternates.get(default_language)
    links = [
        {"hreflang": code, "href": public_url(url)}
        for code, _name in settings.LANGUAGES
        if (url := alternates.get(code))
    ]
    if links and x_default:
        links.append({"hreflang": "x-default", "href": public_url(x_default)})
    return links
