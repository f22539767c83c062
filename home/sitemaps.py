"""sitemap.xml for every language, each page listing its translations as hreflang alternates."""

from __future__ import annotations

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the default language's tree only; this one lists the live pages of
    every language's tree and links translations to each other (``xhtml:link`` alternates)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for home in Page.objects.filter(translation_key=root.translation_key).live():
            trees = trees | Page.objects.descendant_of(home, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls, by_key = [], defaultdict(list)
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                by_key[item.translation_key].append((languages[item.locale_id], url_info))
        for group in by_key.values():
            if len(group) > 1:
                alternates = [
                    {"lang_code": code, "location": info["location"]} for code, info in group
                ]
                for _code, info in group:
                    info["alternates"] = alternates
        lastmods = [info.get("lastmod") for info in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def get_latest_lastmod(self):
        return getattr(self, "latest_lastmod", None)
