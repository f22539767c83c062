"""What every public page shares: SEO and social promote fields, and paginated listings that
also answer "Load more" requests with just the next slice of cards."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from media_pipeline.renditions import images_in, prefetch_renditions

from ..panels import SocialCardPreviewPanel
from ..public_urls import public_base_url

PER_PAGE = 12
FRAGMENT_PARAM = "fragment"
# Query parameters that change a paginated listing; the page cache keeps one copy per value
# and bypasses requests with any other parameter (delivery/page_cache.py).
LISTING_QUERY_PARAMS = ("page", FRAGMENT_PARAM)


class SocialMetaMixin(models.Model):
    """An image and text for link previews (OpenGraph, Twitter cards); pages fall back to their
    hero image and standfirst when the editor leaves these empty."""

    social_image = models.ForeignKey(
        "media_pipeline.StoryImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. 1200×630 works best. Defaults to the hero."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the title when the page is shared. Defaults to the summary."),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text"), SocialCardPreviewPanel()],
            heading=_("For social media"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    cached_streams: tuple[str, ...] = ()
    # Image fields the template shows only inside cached fragments: not even loaded on a hit.
    cached_images: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """Absolute addresses of the page (``full_url``: canonical, sitemap, feeds, the API) are
        on the public base URL, not on the Site record's hostname and port, which Wagtail's own
        migration leaves at "localhost:80". One public address serves every language."""
        parts = super().get_url_parts(request=request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _site_root_url, page_path = parts
        return site_id, public_base_url(), page_path

    def summary_text(self) -> str:
        """One or two sentences describing the page, for meta tags and feeds."""
        return getattr(self, "standfirst", "") or ""

    def meta_description(self) -> str:
        return self.search_description or self.summary_text()

    def share_text(self) -> str:
        return self.social_text or self.meta_description()

    def share_image(self):
        return self.social_image or getattr(self, "hero_image", None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The social image, the hero and every image in the page's stream fields, with all their
        # renditions in one query, however many blocks show images. Streams the template renders
        # in a cached fragment (``cached_streams``) prefetch inside it, so a hit costs nothing.
        streams = [
            getattr(self, field.name)
            for field in self._meta.fields
            if isinstance(field, StreamField) and field.name not in self.cached_streams
        ]
        single = [
            getattr(self, name, None)
            for name in ("social_image", "hero_image")
            if name not in self.cached_images
        ]
        prefetch_renditions([*single, *images_in(streams)])
        return context


def paginate(request: HttpRequest, items, per_page: int = PER_PAGE) -> PaginatorPage:
    """The requested page of ``items``; a bad or too-high ?page= gives the first or last page
    rather than an error."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def wants_fragment(request: HttpRequest) -> bool:
    """True for "Load more" requests, which want only the next cards and pager."""
    return request.GET.get(FRAGMENT_PARAM) == "1"
