"""Stories, their index and campaign pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from media_pipeline.blocks import transcripts_for_search
from media_pipeline.renditions import prefetch_renditions

from ..blocks import StoryStreamBlock
from ..blocks.heading import heading_anchor
from ..render_cache import Deferred
from ..visibility import keep_public, public_pages, with_visibility
from .base import LISTING_QUERY_PARAMS, SocialMetaMixin, paginate, wants_fragment
from .snippets import Campaign
from .topics import alphabetical, labelled

RELATED_STORIES = 3
LISTING_FRAGMENT = "stories/includes/story_list.html"


def hero_fields() -> tuple[models.ForeignKey, models.CharField]:
    """The hero image and its alternative text, as every page type with a hero declares them."""
    return (
        models.ForeignKey(
            "media_pipeline.StoryImage",
            verbose_name=_("hero image"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        ),
        models.CharField(
            _("hero image alternative text"),
            max_length=250,
            blank=True,
            help_text=_("What the hero image shows. Leave empty if it is purely decorative."),
        ),
    )


# The article shape shared by news, explainers and partner spotlights: standfirst, date, hero
# and body, edited, searched and exposed to the API the same way.
ARTICLE_PANELS = [
    FieldPanel("standfirst"),
    FieldPanel("date"),
    MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Hero")),
    FieldPanel("body"),
]
ARTICLE_SEARCH_FIELDS = [
    index.SearchField("standfirst", boost=2),
    index.SearchField("body"),
    index.FilterField("date"),
]
ARTICLE_API_FIELDS = [APIField("standfirst"), APIField("date"), APIField("body")]


class StoryListingMixin:
    """Stories filtered by ?campaign= and ?topic=, paginated; "Load more" gets a fragment."""

    cache_query_params = (*LISTING_QUERY_PARAMS, "campaign", "topic")

    def base_stories(self):
        return public_pages(StoryPage.objects.filter(locale_id=self.locale_id))

    def get_template(self, request, *args, **kwargs):
        if wants_fragment(request):
            return LISTING_FRAGMENT
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = self.base_stories()
        stories = published
        campaigns = list(Campaign.objects.filter(locale_id=self.locale_id, live=True))
        campaign_slug = request.GET.get("campaign", "")
        active_campaign = next((c for c in campaigns if c.slug == campaign_slug), None)
        if campaign_slug:
            stories = (
                stories.filter(campaign=active_campaign) if active_campaign else stories.none()
            )
        topics = sorted(
            labelled(
                Tag.objects.filter(stories_storypagetag_items__content_object__in=published)
                .distinct()
                .order_by(),
                self.locale_id,
            ),
            key=lambda topic: alphabetical(topic.label),
        )
        topic_slug = request.GET.get("topic", "")
        active_topic = next((t for t in topics if t.slug == topic_slug), None)
        if topic_slug:
            stories = stories.filter(tags=active_topic) if active_topic else stories.none()
        stories = (
            stories.select_related("hero_image", "campaign")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "-pk")
        )
        context.update(
            stories=paginate(request, stories),
            campaigns=campaigns,
            active_campaign=active_campaign,
            campaign_slug=campaign_slug,
            topics=topics,
            active_topic=active_topic,
            topic_slug=topic_slug,
        )
        return context


class StoryIndexPage(StoryListingMixin, SocialMetaMixin, Page):
    """The list of stories, newest first, filterable by campaign and topic."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def summary_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.intro)


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str


class CoverLayout(models.TextChoices):
    CLASSIC = "classic", _("Classic: picture above the title")
    FULL_SCREEN = "full_screen", _("Full screen: title over the picture or video")
    SPLIT = "split", _("Split: picture beside the title")


class StoryPage(SocialMetaMixin, Page):
    """One story: a cover, a standfirst and a body composed from storytelling blocks."""

    # Stories of one campaign show each other (campaign page, related cards); the cover video
    # groups nothing (delivery/dependencies.py).
    cache_groups_by = ("campaign",)

    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        help_text=_("One or two sentences that open the story and appear in listings."),
    )
    date = models.DateField(_("story date"))
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("e.g. Raqqa, Syria")
    )
    hero_image, hero_alt_text = hero_fields()
    cover_layout = models.CharField(
        _("cover layout"),
        max_length=16,
        choices=CoverLayout.choices,
        default=CoverLayout.CLASSIC,
        help_text=_(
            "How the story opens. Set the hero image's focal point (Images > edit) on the "
            "faces: every crop keeps it in view."
        ),
    )
    cover_video = models.ForeignKey(
        "media_pipeline.Video",
        verbose_name=_("cover video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Full-screen cover only: a short muted loop played behind the title, with a pause "
            "button. The hero image is its poster and what readers who prefer less motion see."
        ),
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    tags = ClusterTaggableManager(
        through=StoryPageTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics such as “education” or “heritage”; readers filter stories by them."),
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("cover_layout"),
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("cover_video"),
            ],
            heading=_("Cover"),
        ),
        FieldRowPanel([FieldPanel("date"), FieldPanel("location")], heading=_("When and where")),
        MultiFieldPanel(
            [FieldPanel("campaign"), FieldPanel("tags")], heading=_("Campaign and topics")
        ),
        FieldPanel("body"),
        InlinePanel(
            "related_stories",
            label=_("Related stories"),
            max_num=RELATED_STORIES,
            help_text=_("Leave empty to suggest the latest stories of the same campaign."),
        ),
    ]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("location"),
        index.SearchField("body"),
        index.SearchField("video_transcripts"),
        index.FilterField("date"),
        index.FilterField("campaign"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("standfirst"),
        APIField("date"),
        APIField("location"),
        APIField("hero_image"),
        APIField("hero_alt_text"),
        APIField("tags"),
        APIField("body"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def video_transcripts(self) -> str:
        """What the page's videos say, in the page's language, so search finds it."""
        return transcripts_for_search(self.body, self.locale.language_code)

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_layout != CoverLayout.CLASSIC and not self.hero_image_id:
            errors["hero_image"] = _(
                "The full-screen and split covers show the hero image: choose one, or pick "
                "the classic cover."
            )
        if self.cover_video_id and self.cover_layout != CoverLayout.FULL_SCREEN:
            errors["cover_video"] = _(
                "A cover video plays only behind a full-screen cover: pick that layout, or "
                "remove the video."
            )
        if errors:
            raise ValidationError(errors)

    def chapters(self) -> list[Chapter]:
        """The story's sections (its H2 heading blocks), in order, for the chapter navigation."""
        # From the stored data: turning the whole body into blocks would fetch every chosen
        # image and story, which the cached body fragment otherwise spares.
        return [
            Chapter(anchor=heading_anchor(block["value"]), title=block["value"].get("text", ""))
            for block in self.body.raw_data
            if block["type"] == "heading" and (block["value"] or {}).get("level", "h2") == "h2"
        ]

    def focal_position(self) -> str:
        """``object-position`` for the cover picture: the image's point at x % / y % lands on
        the box's point at x % / y %, so the focal point stays in view whatever the crop."""
        image = self.hero_image
        if image is None or image.focal_point_x is None or not image.width or not image.height:
            return "50% 50%"
        x = round(100 * image.focal_point_x / image.width)
        y = round(100 * image.focal_point_y / image.height)
        return f"{min(max(x, 0), 100)}% {min(max(y, 0), 100)}%"

    def related(self) -> list[StoryPage]:
        """The editor's picks in this language, else the latest stories of the same campaign."""
        # The picks' ids first: most stories have none, and the ids cost a far smaller query
        # than the picks with their pages, heroes and campaigns.
        ids = [item.story_id for item in self.related_stories.all()]
        if ids:
            by_pk = with_visibility(StoryPage.objects.select_related("hero_image", "campaign"))
            by_pk = by_pk.in_bulk(ids)
            picks = [by_pk[pk] for pk in ids if pk in by_pk]
            picks = keep_public(
                s for s in picks if s.locale_id == self.locale_id and s.pk != self.pk
            )
            if picks:
                return picks
        same = public_pages(StoryPage.objects.filter(locale_id=self.locale_id))
        if self.campaign_id:
            same = same.filter(campaign_id=self.campaign_id)
        return list(
            same.exclude(pk=self.pk)
            .select_related("hero_image", "campaign")
            .order_by("-date", "-pk")[:RELATED_STORIES]
        )

    def related_with_renditions(self) -> list[StoryPage]:
        stories = self.related()
        prefetch_renditions(story.hero_image for story in stories)
        return stories

    # The template renders the body inside a cached fragment that prefetches its own images,
    # and the cover and link-preview tags (hero and social image) inside fragments of theirs.
    cached_streams = ("body",)
    cached_images = ("hero_image", "social_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only if the template's cached fragments miss (stories/render_cache.py).
        context["related_stories"] = Deferred(self.related_with_renditions)
        context["topics"] = Deferred(lambda: labelled(self.tags.all(), self.locale_id))
        context["chapters"] = self.chapters()
        return context


class StoryRelatedStory(Orderable):
    page = ParentalKey(StoryPage, related_name="related_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        StoryPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]


class CampaignPage(StoryListingMixin, SocialMetaMixin, Page):
    """A campaign's own page: its intro, hero and the stories told under its hashtag."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("The stories carrying this campaign are listed on the page."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    hero_image, hero_alt_text = hero_fields()

    content_panels = [
        *Page.content_panels,
        FieldPanel("campaign"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Hero")),
    ]
    promote_panels = SocialMetaMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign page")

    def base_stories(self):
        return super().base_stories().filter(campaign_id=self.campaign_id)

    def summary_text(self) -> str:
        from django.utils.html import strip_tags

        return strip_tags(self.intro) or self.campaign.description
