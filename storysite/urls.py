"""URL map: admin and documents are language-neutral; every visitor page lives under /en/, /fr/ or
/ar/ through ``i18n_patterns`` (a bare ``/`` redirects to the visitor's preferred language)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemap import MultilingualSitemap
from search import views as search_views

# A database outage becomes a friendly 503 (storysite/errors.py), any other crash a plain 500.
handler500 = "storysite.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every language's pages, each with its hreflang alternates (home/sitemap.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's page serving must stay last: it takes every path not matched above.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
