"""Help when a search finds nothing: a spelling suggestion ("did you mean") drawn from the
words of page titles in the visitor's language, and recent stories to read instead."""

from __future__ import annotations

import difflib
import re

from django.core.cache import cache
from wagtail.models import Locale, Page

from stories.visibility import public_pages

from .filters import available_types

_WORDS = re.compile(r"\w{3,}")
VOCABULARY_PAGES = 5000  # most recently published titles: bounded work on a large site
VOCABULARY_SECONDS = 600


def title_vocabulary(locale: Locale) -> list[str]:
    key = f"search:vocabulary:{locale.pk}"
    words = cache.get(key)
    if words is None:
        titles = (
            public_pages(Page.objects.filter(locale=locale, depth__gt=1))
            .order_by("-first_published_at")
            .values_list("title", flat=True)[:VOCABULARY_PAGES]
        )
        words = sorted({word.lower() for title in titles for word in _WORDS.findall(title)})
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def did_you_mean(query: str, locale: Locale) -> str | None:
    """The query with each unknown word replaced by the closest title word, if any changed."""
    vocabulary = title_vocabulary(locale)
    known = set(vocabulary)
    corrected, changed = [], False
    for word in query.split():
        lower = word.lower()
        if lower in known or len(lower) < 3:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def recent_stories(locale: Locale, count: int = 3) -> list[Page]:
    story_model = available_types().get("storypage")
    if story_model is not None:
        stories = public_pages(story_model.objects.filter(locale=locale)).order_by("-date")
    else:
        stories = public_pages(Page.objects.filter(locale=locale, depth__gt=2))
        stories = stories.order_by("-first_published_at").specific()
    return list(stories[:count])
