"""The Coalition's partners: the list of all members and partner spotlight pages."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, Min
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import StoryStreamBlock
from ..visibility import public_pages
from .base import SocialMetaMixin
from .snippets import Partner
from .story import ARTICLE_API_FIELDS, ARTICLE_PANELS, ARTICLE_SEARCH_FIELDS, hero_fields


class PartnerIndexPage(SocialMetaMixin, Page):
    """All partners of the Coalition in the visitor's language, with the spotlights first."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.PartnerPage"]
    max_count_per_parent = 1
    cache_query_params = ("type",)  # the partner-type filter (delivery/page_cache.py)

    class Meta:
        verbose_name = _("partner index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = (
            Partner.objects.filter(locale_id=self.locale_id, live=True)
            .select_related("logo")
            .prefetch_related("logo__renditions")
        )
        kind = request.GET.get("type", "")
        if kind in dict(Partner.TYPE_CHOICES):
            partners = partners.filter(partner_type=kind)
        else:
            kind = ""
        context["partners"] = partners
        context["partner_type"] = kind
        context["partner_types"] = Partner.TYPE_CHOICES
        context["partner_stats"] = Partner.objects.filter(
            locale_id=self.locale_id, live=True
        ).aggregate(total=Count("pk"), since=Min("joined"))
        context["spotlights"] = (
            public_pages(PartnerPage.objects.child_of(self))
            .select_related("partner", "partner__logo", "hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date")
        )
        return context


class PartnerPage(SocialMetaMixin, Page):
    """Partner spotlight: the contribution of one partner, told like a story."""

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="spotlights"
    )
    standfirst = models.TextField(_("standfirst"), max_length=400)
    date = models.DateField(_("date"))
    hero_image, hero_alt_text = hero_fields()
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("partner"), *ARTICLE_PANELS]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [
        *Page.search_fields,
        *ARTICLE_SEARCH_FIELDS,
        index.RelatedFields("partner", [index.SearchField("name")]),
    ]
    api_fields = ARTICLE_API_FIELDS

    parent_page_types = ["stories.PartnerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner spotlight")
        verbose_name_plural = _("partner spotlights")
