"""A visitor opens Zahra's story in Arabic and plays the video: playback advances and the Arabic
caption track is the one shown. Media is served from S3 (moto over HTTP), cross-origin, as in
production."""

from __future__ import annotations

import json
import time

import pytest

from media_pipeline.models import Video
from stories.models import StoryPage
from storysite.settings.security import content_security_policy
from tests.integration.conftest import s3_bucket, s3_endpoint  # noqa: F401 (fixtures)


def allow_cross_origin_reads(bucket: dict) -> None:
    bucket["client"].put_bucket_cors(
        Bucket=bucket["name"],
        CORSConfiguration={
            "CORSRules": [
                {
                    "AllowedOrigins": ["*"],
                    "AllowedMethods": ["GET", "HEAD"],
                    "AllowedHeaders": ["*"],
                }
            ]
        },
    )


@pytest.fixture
def s3_demo_server(s3_bucket, settings, live_server, transactional_db):
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    # The site's Content-Security-Policy lets media come from the bucket's origin, as production
    # settings derive it from AWS_S3_ENDPOINT_URL / AWS_S3_CUSTOM_DOMAIN.
    settings.CONTENT_SECURITY_POLICY = content_security_policy([s3_bucket["endpoint"]], [])
    allow_cross_origin_reads(s3_bucket)
    from django.core.management import call_command

    # Transactional tests start with whatever the session committed (the demo, with its video
    # in local storage): rebuild the demo video so it goes through S3.
    Video.objects.all().delete()
    call_command("load_demo", verbosity=0)
    store_image_originals_in_bucket()
    return live_server


def store_image_originals_in_bucket() -> None:
    """The demo built before the bucket existed stored its images' originals on disk; the
    article's share image (JSON-LD) needs its original, so put a stand-in in the bucket."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image as PILImage

    from media_pipeline.models import StoryImage

    for image in StoryImage.objects.all():
        if not default_storage.exists(image.file.name):
            buffer = BytesIO()
            size = (image.width or 800, image.height or 600)
            PILImage.new("RGB", size, "#8a6").save(buffer, "JPEG")
            default_storage.save(image.file.name, ContentFile(buffer.getvalue()))


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll from Python: page.wait_for_function evaluates its predicate with eval(), which the
    site's Content-Security-Policy (rightly) forbids."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for: {expression}")


def test_visitor_plays_story_video_with_arabic_captions(s3_demo_server, page, screenshot):
    video = Video.objects.get()
    assert video.status == Video.Status.READY, video.error_message
    story = next(
        p
        for p in StoryPage.objects.live().filter(locale__language_code="ar")
        if any(block.block_type == "video" for block in p.body)
    )
    page.goto(s3_demo_server.url + story.url)
    player = page.locator("figure.video-player video")
    player.wait_for()
    assert player.get_attribute("preload") == "none"
    assert player.get_attribute("autoplay") is None
    page.evaluate("document.querySelector('figure.video-player video').muted = true")
    # Keep asking to play until the chosen source (HLS, or the MP4 fallback) is playing.
    wait_until(
        page,
        """(() => { const v = document.querySelector('figure.video-player video');
            if (v.paused) v.play().catch(() => {}); return v.currentTime > 1; })()""",
    )
    # The adaptive stream plays (hls.js where Media Source Extensions exist), not the MP4.
    engine = page.evaluate("document.querySelector('figure.video-player video').dataset.engine")
    assert engine in {"native-hls", "hls.js"}, engine
    assert ".mp4" not in page.evaluate(
        "document.querySelector('figure.video-player video').currentSrc"
    )
    tracks = json.loads(
        page.evaluate(
            """JSON.stringify(Array.from(document.querySelector('figure.video-player video')
                .textTracks).map(t => ({lang: t.language, mode: t.mode})))"""
        )
    )
    assert {t["lang"] for t in tracks} == {"en", "fr", "ar"}
    assert [t["lang"] for t in tracks if t["mode"] == "showing"] == ["ar"]
    wait_until(
        page,
        """(() => { const t = Array.from(document.querySelector('figure.video-player video')
            .textTracks).find(t => t.language === 'ar');
            return t.cues && t.cues.length === 3; })()""",
    )
    screenshot(page, "video-player-ar")
