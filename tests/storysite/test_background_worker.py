"""Background work goes through Django's task framework and the database queue: nothing happens
until a worker runs, exactly as in the demo and production."""

import datetime

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from stories.models import StoryIndexPage, StoryPage

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def search_titles(client, query):
    from bs4 import BeautifulSoup

    html = client.get("/en/search/", {"q": query}).content
    return [
        " ".join(h.get_text().split())  # titles carry <mark> highlights
        for h in BeautifulSoup(html, "html.parser").select(".search-results h2")
    ]


# Transactional: the worker closes its database connection after each task, as in production.
def test_published_story_becomes_searchable_once_the_worker_runs(
    client, committed_demo, locales, database_queue
):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Beekeepers return to Sinjar",
        slug="beekeepers-sinjar",
        standfirst="Hives are humming again.",
        date=datetime.date(2024, 6, 1),
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    queued = DBTaskResult.objects.filter(status="READY")
    assert queued.exists()
    assert "Beekeepers return to Sinjar" not in search_titles(client, "beekeepers")

    call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)

    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    assert search_titles(client, "beekeepers") == ["Beekeepers return to Sinjar"]
