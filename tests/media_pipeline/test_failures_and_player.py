"""What editors and visitors see around a video's life: live status in the admin, ffmpeg's
error and a working retry after a failure, and a placeholder on pages until a video is ready."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from media_pipeline.blocks import VideoBlock
from media_pipeline.models import Video


def upload(admin_client, clip, title):
    return admin_client.post(
        "/admin/videos/add/",
        {"title": title, "source": SimpleUploadedFile(clip.name, clip.read_bytes(), "video/mp4")},
    )


def test_ffmpeg_failure_is_shown_with_its_stderr_and_retry_makes_the_video_ready(
    admin_client, clips, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_PIPELINE_X264_PRESET = "no-such-preset"  # a real ffmpeg error
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, clips["silent"], "Broken encoder")
    video = Video.objects.get(title="Broken encoder")
    assert video.status == Video.Status.FAILED
    assert "no-such-preset" in video.error_message  # ffmpeg's own words
    assert not video.is_playable

    listing = admin_client.get("/admin/videos/").content.decode()
    assert "Failed" in listing
    assert f"/admin/videos/retry/{video.pk}/" in listing
    edit = admin_client.get(f"/admin/videos/edit/{video.pk}/").content.decode()
    assert "no-such-preset" in edit

    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/videos/retry/{video.pk}/")
    assert response.status_code == 302
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_message
    assert video.error_message == ""
    assert video.version == 2 and video.outputs["version"] == 2


def test_listing_and_status_endpoint_show_progress_while_processing(
    admin_client, clips, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # queued, no worker yet
        upload(admin_client, clips["silent"], "Waiting for the worker")
    video = Video.objects.get(title="Waiting for the worker")
    Video.objects.filter(pk=video.pk).update(status=Video.Status.TRANSCODING, progress=42)

    listing = admin_client.get("/admin/videos/").content.decode()
    assert "Transcoding" in listing
    assert 'value="42"' in listing  # the <progress> bar
    status = admin_client.get("/admin/videos/status/", {"id": video.pk}).json()
    assert status["videos"] == [
        {
            "id": video.pk,
            "status": "transcoding",
            "status_label": "Transcoding",
            "progress": 42,
            "busy": True,
            "detail": "",
        }
    ]


def test_page_shows_a_processing_notice_until_the_video_is_ready(
    admin_client, clips, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        upload(admin_client, clips["silent"], "Not yet")
    video = Video.objects.get(title="Not yet")
    block = VideoBlock()
    html = block.render(block.to_python({"video": video.pk, "caption": "Zahra at school"}))
    assert "being prepared" in html
    assert "<video" not in html
    assert "Zahra at school" in html


def test_ready_video_renders_an_accessible_player_with_captions_in_the_visitors_language(demo):
    from django.utils import translation

    video = Video.objects.get(title__contains="demo clip")  # built by load_demo
    block = VideoBlock()
    value = block.to_python({"video": video.pk, "caption": "Zahra back at school"})
    with translation.override("ar"):
        html = block.render(value)
    assert 'preload="none"' in html and "controls" in html and "autoplay" not in html
    assert f'poster="{video.poster_webp_url}"' in html
    assert f'<source src="{video.mp4_url}" type="video/mp4">' in html
    arabic = translation.get_language_info("ar")["name_local"]
    assert f'srclang="ar" label="{arabic}" default' in html
    assert html.count("<track ") == 3 and html.count(" default>") == 1
    assert 'aria-label="Zahra back at school"' in html


def test_editors_can_choose_a_video_for_the_story_video_block(admin_client, demo):
    from django.urls import reverse

    from stories.models import StoryPage

    chooser = Video.snippet_viewset.chooser_viewset
    response = admin_client.get(reverse(chooser.get_url_name("choose")))
    assert response.status_code == 200
    assert "Zahra’s classroom in Raqqa (demo clip)" in response.json()["html"]
    zahra = StoryPage.objects.get(slug="zahra-draws-again-raqqa")
    assert admin_client.get(f"/admin/pages/{zahra.pk}/edit/").status_code == 200
