"""Search test helpers: stories made on the fly and result titles read from the page.
(tests/conftest.py empties the caches, rate-limit counts included, before each test.)"""

from __future__ import annotations

import datetime
import itertools

import pytest
from bs4 import BeautifulSoup

_slugs = itertools.count()


def result_titles(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(h.get_text().split()) for h in page.select(".search-results h2")]


@pytest.fixture
def make_story(demo, locales):
    """Publish a story under the story index of ``language`` and return it."""
    from stories.models import StoryIndexPage, StoryPage

    def make(
        title: str,
        standfirst: str = "A story made for a search test.",
        *,
        language: str = "en",
        campaign=None,
        date: str = "2024-01-01",
        publish: bool = True,
        body: str = "",
    ) -> StoryPage:
        index = StoryIndexPage.objects.get(locale=locales[language])
        story = StoryPage(
            title=title,
            slug=f"search-test-{next(_slugs)}",
            standfirst=standfirst,
            date=datetime.date.fromisoformat(date),
            campaign=campaign,
            body=[("text", f"<p>{body}</p>")] if body else [],
            live=publish,
        )
        index.add_child(instance=story)
        if publish:
            story.save_revision().publish()
        else:
            story.save_revision()
        return story

    return make
