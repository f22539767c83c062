"""Background work goes through Django's task framework and the database queue: nothing happens
until a worker runs, exactly as in the demo and production."""

import datetime

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from stories.models import StoryIndexPage, StoryPage

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "video"]}
}


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


def test_a_publish_is_indexed_while_a_video_waits_on_its_own_queue(
    client, committed_demo, locales, database_queue, tmp_path
):
    """Transcodes run on the "video" queue: the default worker indexes a publish at once even
    while a video job is waiting (or running for an hour) on the video worker."""
    from django.core.files.base import ContentFile
    from django.db import transaction

    from media_pipeline.models import Video

    with transaction.atomic():
        video = Video(title="Long interview")
        video.source.save("long.mp4", ContentFile(b"not needed: no video worker runs"), save=False)
        video.save()
        video.request_transcode()
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Orchards replanted in Bashiqa",
        slug="orchards-bashiqa",
        standfirst="Olive trees again.",
        date=datetime.date(2024, 6, 2),
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    call_command(
        "db_worker", "--batch", "--queue-name", "default", "--no-startup-delay", verbosity=0
    )

    assert search_titles(client, "orchards") == ["Orchards replanted in Bashiqa"]
    waiting = DBTaskResult.objects.filter(status="READY")
    assert [(task.queue_name, task.task_path) for task in waiting] == [
        ("video", "media_pipeline.tasks.transcode_video")
    ]
    video.refresh_from_db()
    assert video.status == Video.Status.QUEUED
