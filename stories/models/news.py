"""News: the index, own news articles, the weekly digest and Q&A explainers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import StoryStreamBlock
from ..blocks.digest_item import DigestItemBlock
from ..blocks.question import ExplainerStreamBlock
from ..visibility import public_pages
from .base import LISTING_QUERY_PARAMS, SocialMetaMixin, paginate, wants_fragment
from .story import ARTICLE_API_FIELDS, ARTICLE_PANELS, ARTICLE_SEARCH_FIELDS, hero_fields

SIDEBAR_ITEMS = 3


class NewsIndexPage(SocialMetaMixin, Page):
    """News articles newest first ("Load more"), with the latest digests and explainers."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.NewsPage", "stories.DigestPage", "stories.ExplainerPage"]
    max_count_per_parent = 1
    cache_query_params = LISTING_QUERY_PARAMS

    class Meta:
        verbose_name = _("news index")

    def get_template(self, request, *args, **kwargs):
        if wants_fragment(request):
            return "stories/includes/news_list.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            public_pages(NewsPage.objects.child_of(self))
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "-pk")
        )
        context["news_items"] = paginate(request, news)
        context["digests"] = (
            public_pages(DigestPage.objects.child_of(self)).order_by("-date", "-pk")
        )[:SIDEBAR_ITEMS]
        context["explainers"] = (
            public_pages(ExplainerPage.objects.child_of(self)).order_by("-date", "-pk")
        )[:SIDEBAR_ITEMS]
        return context


class NewsPage(SocialMetaMixin, Page):
    """An article of the Coalition's own news."""

    standfirst = models.TextField(_("standfirst"), max_length=400)
    date = models.DateField(_("date"))
    hero_image, hero_alt_text = hero_fields()
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, *ARTICLE_PANELS]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, *ARTICLE_SEARCH_FIELDS]
    api_fields = ARTICLE_API_FIELDS

    parent_page_types = ["stories.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class DigestPage(SocialMetaMixin, Page):
    """The weekly digest: what others reported, each item credited and linked to its source."""

    date = models.DateField(_("week of"))
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    items = StreamField(
        [("item", DigestItemBlock())],
        verbose_name=_("items"),
        help_text=_("Newest first, as readers expect."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("items"),
    ]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("items"),
        index.FilterField("date"),
    ]
    api_fields = [APIField("date"), APIField("intro"), APIField("items")]

    parent_page_types = ["stories.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("weekly digest")
        verbose_name_plural = _("weekly digests")

    def summary_text(self) -> str:
        return self.intro


class ExplainerPage(SocialMetaMixin, Page):
    """Questions answered, e.g. “6 questions answered about the Coalition Ministerial Meeting”."""

    standfirst = models.TextField(_("standfirst"), max_length=400)
    date = models.DateField(_("date"))
    hero_image, hero_alt_text = hero_fields()
    body = StreamField(ExplainerStreamBlock(), verbose_name=_("questions"))

    content_panels = [*Page.content_panels, *ARTICLE_PANELS]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, *ARTICLE_SEARCH_FIELDS]
    api_fields = ARTICLE_API_FIELDS

    parent_page_types = ["stories.NewsIndexPage", "home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("explainer")
        verbose_name_plural = _("explainers")

    def sections(self) -> list[dict]:
        """The body's blocks in order; questions carry their number and anchor (given by the
        editor, else q1, q2…) so the contents list and the answers agree."""
        sections, number = [], 0
        for block in self.body:
            entry = {"block": block, "anchor": None, "number": None}
            if block.block_type == "question":
                number += 1
                entry.update(number=number, anchor=block.value["anchor"] or f"q{number}")
            sections.append(entry)
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        context["questions"] = [s for s in context["sections"] if s["anchor"]]
        return context
