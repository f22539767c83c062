"""Visitor URLs of the stories app that are not pages: the feeds (inside the language prefix)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsFeed, StoryAtomFeed, StoryFeed

urlpatterns = [
    path("feeds/stories/", StoryFeed(), name="story_feed"),
    path("feeds/stories/atom/", StoryAtomFeed(), name="story_feed_atom"),
    path("feeds/news/", NewsFeed(), name="news_feed"),
    path("feeds/news/atom/", NewsAtomFeed(), name="news_feed_atom"),
]
