"""The video admin's own endpoints take no order from the request they should not: no redirect
off the site, no state change on GET, and malformed ids are a client error, not a 500."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from media_pipeline.models import Video


@pytest.fixture
def stalled_video(db):
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    return Video.objects.create(
        title="Orphaned",
        source="videos/sources/x/orphaned.mp4",
        status=Video.Status.TRANSCODING,
        progress=30,
        version=1,
        heartbeat_at=an_hour_ago,
    )


def test_retry_redirect_never_leaves_the_site(
    admin_client, stalled_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = admin_client.post(
            f"/admin/videos/retry/{stalled_video.pk}/", {"next": "https://evil.example/phish"}
        )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert response["Location"].endswith(f"/admin/videos/edit/{stalled_video.pk}/")


def test_retry_redirect_keeps_a_next_url_on_the_site(
    admin_client, stalled_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = admin_client.post(
            f"/admin/videos/retry/{stalled_video.pk}/", {"next": "/admin/videos/?status=failed"}
        )
    assert response["Location"] == "/admin/videos/?status=failed"


def test_status_endpoint_does_not_change_a_stalled_video_on_get(
    admin_client, stalled_video, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = admin_client.get("/admin/videos/status/", {"id": stalled_video.pk})
    assert response.status_code == 200
    assert response.json()["videos"][0]["status"] == "transcoding"
    assert not callbacks
    stalled_video.refresh_from_db()
    assert (stalled_video.status, stalled_video.version) == (Video.Status.TRANSCODING, 1)


def test_status_endpoint_refuses_post(admin_client, stalled_video):
    response = admin_client.post("/admin/videos/status/", {"id": stalled_video.pk})
    assert response.status_code == 405


@pytest.mark.parametrize("value", ["١٢", "²", "12abc", "-1", "9" * 30])
def test_status_endpoint_answers_400_to_an_id_that_is_not_a_plain_number(
    admin_client, stalled_video, value
):
    response = admin_client.get("/admin/videos/status/", {"id": [stalled_video.pk, value]})
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Each “id” must be a video number written with the digits 0–9."
    )
