"""The page the language switcher links to when the page being read has no public translation in
that language: it says so in the chosen language and links to that language's home and to the
page in its own language. Never a silent redirect to the home page, never a 404.

``?page=`` names the page being read. Anything else — a malformed id (400), an unknown page, a
draft, a page behind a view restriction the visitor has not passed (404) — gets the same answer
whether the page exists or not, so the address cannot be used to learn draft or restricted titles.

Not a Wagtail page, so the anonymous page cache never stores it (``delivery/page_cache.py``
answers it ``private``); ``noindex`` keeps these addresses out of search engines.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

MAX_PAGE_ID = 2**31 - 1


def not_translated_url(page: Page, language_code: str) -> str:
    """The not-translated page, in ``language_code``, for ``page``."""
    with translation.override(language_code):
        return f"{reverse('not_translated')}?page={page.pk}"


def _readable_page(request: HttpRequest, page_id: int) -> Page | None:
    """The live page ``page_id`` if this visitor may read it, else None."""
    page = Page.objects.live().filter(pk=page_id, depth__gt=1).specific().first()
    if page is None or page.get_url(request=request) is None:
        return None
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        return None
    return page


def _language(code: str) -> dict:
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "dir": "rtl" if info["bidi"] else "ltr",
    }


def not_translated(request: HttpRequest) -> HttpResponse:
    raw_id = request.GET.get("page", "")
    if not raw_id.isascii() or not raw_id.isdigit() or len(raw_id) > 18:
        response = render(request, "translation/not_translated.html", {"invalid": True}, status=400)
        response["X-Robots-Tag"] = "noindex"
        return response
    page_id = int(raw_id)
    # Beyond the id column's range no page can exist (and PostgreSQL would refuse the query).
    page = _readable_page(request, page_id) if page_id <= MAX_PAGE_ID else None
    if page is None:
        raise Http404
    target = _language(get_language())
    source_code = Locale.objects.get(pk=page.locale_id).language_code
    in_target = Page.objects.live().filter(locale__language_code=target["code"])
    # A translation published since the link was made is offered, not jumped to.
    available = in_target.public().filter(translation_key=page.translation_key).first()
    site = Site.find_for_request(request)
    home = (
        in_target.filter(translation_key=site.root_page.translation_key).first() if site else None
    )
    context = {
        "original": page,
        "original_url": page.get_url(request=request),
        "original_language": _language(source_code),
        "language": target,
        "home_url": (home and home.get_url(request=request)) or f"/{target['code']}/",
        "available_url": available and available.get_url(request=request),
    }
    response = render(request, "translation/not_translated.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
