"""RSS and Atom feeds of stories and news, one per language (the URL's language prefix)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import NewsIndexPage, NewsPage, StoryIndexPage, StoryPage
from .public_urls import public_url
from .visibility import public_pages

FEED_ITEMS = 20


class _PageFeed(Feed):
    """Newest live pages of ``model`` in the language being read."""

    model = StoryPage
    index_model = StoryIndexPage
    url_name = "story_feed"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        try:
            return Locale.objects.get(language_code=get_language())
        except Locale.DoesNotExist as error:
            raise Http404("No content in this language") from error

    def link(self, locale):
        index = public_pages(self.index_model.objects.filter(locale=locale)).first()
        return index.get_full_url(self.request) if index else public_url("/")

    def feed_url(self, locale):
        return public_url(reverse(self.url_name))

    def items(self, locale):
        pages = public_pages(self.model.objects.filter(locale=locale))
        return pages.order_by("-date", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class StoryFeed(_PageFeed):
    description = _("The latest stories from the Global Coalition against Daesh.")

    def title(self, locale):
        return f"{settings.WAGTAIL_SITE_NAME}: {_('Stories')}"

    def item_categories(self, item):
        return [item.campaign.hashtag] if item.campaign_id else []

    def items(self, locale):
        return super().items(locale).select_related("campaign")


class StoryAtomFeed(StoryFeed):
    feed_type = Atom1Feed
    url_name = "story_feed_atom"
    subtitle = StoryFeed.description


class NewsFeed(_PageFeed):
    model = NewsPage
    index_model = NewsIndexPage
    url_name = "news_feed"
    description = _("News from the Global Coalition against Daesh.")

    def title(self, locale):
        return f"{settings.WAGTAIL_SITE_NAME}: {_('News')}"


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    url_name = "news_feed_atom"
    subtitle = NewsFeed.description
