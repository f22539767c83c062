"""sitemap.xml for every language, each URL listing its translations as hreflang alternates.

Wagtail's own sitemap walks the default site's root page only, which is the English home: the
French and Arabic trees (sibling home pages) would be missing. This one covers each language's
tree and adds ``<xhtml:link rel="alternate" hreflang>`` for live translations plus x-default,
mirroring the ``<link rel="alternate">`` tags of the pages themselves.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from stories.public_urls import public_url
from stories.visibility import public_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        in_a_language_tree = Q(pk__in=[])
        for home in homes:
            in_a_language_tree |= Q(path__startswith=home.path)
        return (
            public_pages(Page.objects.filter(in_a_language_tree))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _alternates_by_key(self, pages: list[Page]) -> dict:
        """translation_key → {language code: absolute URL}, one query for the whole batch."""
        translations = public_pages(
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        ).select_related("locale")
        by_key: dict = defaultdict(dict)
        for translation in translations:
            # Plain Page rows (not .specific()): their own get_full_url would name the Site
            # record's host, so the path goes on the public address here.
            url = translation.get_url(self.request)
            if url:
                url = public_url(url)
                by_key[translation.translation_key][translation.locale.language_code] = url
        return by_key

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates_by_key(pages)
        site = self.get_wagtail_site()
        root_key = site.root_page.translation_key
        urls = []
        for item in pages:
            urls_by_language = alternates.get(item.translation_key, {})
            for url_info in item.get_sitemap_urls(self.request):
                links = [
                    {"lang_code": code, "location": urls_by_language[code]}
                    for code, _name in settings.LANGUAGES
                    if code in urls_by_language
                ]
                # The home's x-default is the bare domain, which redirects by Accept-Language.
                x_default = (
                    public_url("/")
                    if item.translation_key == root_key
                    else urls_by_language.get(settings.LANGUAGE_CODE)
                )
                if len(links) > 1 and x_default:
                    links.append({"lang_code": "x-default", "location": x_default})
                urls.append({**url_info, "alternates": links if len(links) > 1 else []})
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
