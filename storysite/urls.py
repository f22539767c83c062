"""URL map: admin and documents are language-neutral; every visitor page lives under /en/, /fr/ or
/ar/ through ``i18n_patterns`` (a bare ``/`` redirects to the visitor's preferred language)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from delivery import health
from home import views as home_views
from home.sitemap import MultilingualSitemap
from search import views as search_views
from stories import urls as stories_urls
from translation import not_translated

from .api import api_router

# A database outage becomes a friendly 503 (storysite/errors.py), any other crash a plain 500.
handler500 = "storysite.errors.server_error"

urlpatterns = [
    # For load balancers: fixed paths, no language prefix, no trailing slash (delivery/health.py).
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every language's pages, each with its hreflang alternates (home/sitemap.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("cookies/", home_views.cookie_settings, name="cookie_settings"),
    # The language switcher's target for an untranslated page (translation/not_translated.py).
    path("not-translated/", not_translated.not_translated, name="not_translated"),
    path("", include(stories_urls)),
    # Wagtail's page serving must stay last: it takes every path not matched above.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
