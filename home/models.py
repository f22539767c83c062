"""The home page: welcome, what the Coalition is, and the stories editors feature."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from media_pipeline.renditions import prefetch_renditions
from stories.models import (
    CampaignPage,
    DigestPage,
    NewsPage,
    Partner,
    SocialMetaMixin,
    SocialPost,
    StoryIndexPage,
    StoryPage,
)
from stories.render_cache import find_descendant
from stories.visibility import keep_public, public_pages, with_visibility

from .blocks import LineOfEffortBlock

FEATURED_STORIES_FALLBACK = 3
LATEST_NEWS = 3
SOCIAL_POSTS = 4


def reading_language() -> str:
    """The content language being read, as ``Locale.get_active()`` finds it, without a query."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class HomePage(SocialMetaMixin, Page):
    welcome_heading = models.CharField(_("welcome heading"), max_length=200)
    welcome_text = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    about_heading = models.CharField(
        _("about heading"), max_length=200, blank=True, help_text=_("e.g. “What is the Coalition?”")
    )
    about_text = RichTextField(
        _("about text"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    lines_of_effort = StreamField(
        [("line_of_effort", LineOfEffortBlock())],
        verbose_name=_("lines of effort"),
        blank=True,
        help_text=_("The Coalition's lines of effort, shown under the about text."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("welcome_heading"), FieldPanel("welcome_text")], heading=_("Welcome")
        ),
        MultiFieldPanel(
            [FieldPanel("about_heading"), FieldPanel("about_text"), FieldPanel("lines_of_effort")],
            heading=_("About"),
        ),
        InlinePanel(
            "featured_stories",
            label=_("Featured stories"),
            max_num=6,
            help_text=_("Leave empty to show the latest stories."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("welcome_text"),
        index.SearchField("about_text"),
    ]
    promote_panels = SocialMetaMixin.promote_panels

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "stories.CampaignPage",
        "stories.NewsIndexPage",
        "stories.PartnerIndexPage",
        "stories.ExplainerPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def featured(self) -> list[StoryPage]:
        """Featured stories in the visitor's language: the editor's picks, else the latest ones.

        Each pick is shown in the language being read when that translation is live (as
        ``Page.localized`` would), every translation fetched in one query with its hero image
        and campaign, however many stories are picked."""
        stories = [item.story for item in self.featured_stories.select_related("story").all()]
        if not stories:
            return self.latest_stories()
        family = with_visibility(
            StoryPage.objects.filter(
                translation_key__in={story.translation_key for story in stories}
            )
        ).select_related("locale", "hero_image", "campaign")
        by_language = {(s.translation_key, s.locale.language_code): s for s in family}
        by_pk = {s.pk: s for s in by_language.values()}
        language = reading_language()
        picks = []
        for story in stories:
            translation = by_language.get((story.translation_key, language))
            live = translation is not None and translation.live
            picks.append(translation if live else by_pk.get(story.pk, story))
        picks = keep_public(page for page in picks if page.locale_id == self.locale_id)
        return picks or self.latest_stories()

    def latest_stories(self) -> list[StoryPage]:
        """The newest stories in this home's language, when editors picked none."""
        return list(
            public_pages(StoryPage.objects.filter(locale=self.locale))
            .select_related("hero_image", "campaign")
            .order_by("-date", "-pk")[:FEATURED_STORIES_FALLBACK]
        )

    def story_index(self) -> StoryIndexPage | None:
        return public_pages(StoryIndexPage.objects.child_of(self)).first()

    def route(self, request, path_components):
        """The page at a path below the home page in one query (a cached map of URL paths, see
        ``stories.render_cache``) instead of two per level; sub-paths that are no page's own
        address (routable pages' routes, 404s) go through Wagtail's walk down the tree."""
        if path_components:
            page = find_descendant(self, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_stories"] = self.featured()
        prefetch_renditions(story.hero_image for story in context["featured_stories"])
        context["story_index"] = self.story_index()
        context["campaign_pages"] = list(
            public_pages(CampaignPage.objects.child_of(self))
            .select_related("campaign")
            .order_by("title")
        )
        context["partner_count"] = self.partner_count()
        context["latest_news"] = list(
            public_pages(NewsPage.objects.filter(locale_id=self.locale_id))
            .select_related("hero_image")
            .order_by("-date", "-pk")[:LATEST_NEWS]
        )
        context["latest_digest"] = (
            public_pages(DigestPage.objects.filter(locale_id=self.locale_id))
            .order_by("-date", "-pk")
            .first()
        )
        context["social_posts"] = list(
            SocialPost.objects.filter(locale_id=self.locale_id, live=True)
            .select_related("campaign", "image")
            .prefetch_related("image__renditions")[:SOCIAL_POSTS]
        )
        return context

    def partner_count(self) -> int:
        """How many partners the Coalition has, counted from the partner data in this language
        (the default language's count if the partners are not translated yet)."""
        count = Partner.objects.filter(locale_id=self.locale_id, live=True).count()
        return count or Partner.objects.filter(locale__language_code="en", live=True).count()

    def summary_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.welcome_text)


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]
