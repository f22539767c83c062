"""Story pages and the campaigns that group them."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from .blocks import StoryStreamBlock

STORIES_PER_PAGE = 12


class Campaign(TranslatableMixin, index.Indexed, models.Model):
    """A communication campaign such as #LifeafterDaesh; stories carry one."""

    hashtag = models.CharField(
        _("hashtag"),
        max_length=64,
        help_text=_("Written the same in every language, e.g. #LifeafterDaesh."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Life after Daesh”."))
    slug = models.SlugField(_("slug"), max_length=64, help_text=_("Used in filter links."))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("hashtag"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("hashtag"),
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # The hashtag and slug are identifiers: translators change the name and description only.
    override_translatable_fields = [SynchronizedField("hashtag"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["hashtag"]

    def __str__(self) -> str:
        return self.hashtag


register_snippet(Campaign)


class StoryIndexPage(Page):
    """The list of stories, newest first, filterable by campaign."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image", "campaign")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        campaign_slug = request.GET.get("campaign", "")
        active_campaign = None
        if campaign_slug:
            active_campaign = Campaign.objects.filter(
                locale=self.locale, slug=campaign_slug
            ).first()
            stories = (
                stories.filter(campaign=active_campaign) if active_campaign else stories.none()
            )
        paginator = Paginator(stories, STORIES_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            stories=page_obj,
            campaigns=Campaign.objects.filter(locale=self.locale),
            active_campaign=active_campaign,
            campaign_slug=campaign_slug,
        )
        return context


class StoryPage(Page):
    """One story: a hero, a standfirst and a body composed from storytelling blocks."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        help_text=_("One or two sentences that open the story and appear in listings."),
    )
    date = models.DateField(_("story date"))
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("e.g. Raqqa, Syria")
    )
    hero_image = models.ForeignKey(
        "media_pipeline.StoryImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the hero image shows. Leave empty if it is purely decorative."),
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text")],
            heading=_("Hero"),
        ),
        FieldRowPanel([FieldPanel("date"), FieldPanel("location")], heading=_("When and where")),
        FieldPanel("campaign"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("campaign"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def social_image(self):
        return self.hero_image
