"""A visitor on a 390 px phone opens Zahra's story: no video byte is fetched until they press
play, then the stream starts on the rung that fits the player. Both players are checked: hls.js
(Chromium with Media Source Extensions) and the browser's own HLS player (the path of iPhones
without MSE, forced here by hiding MediaSource). Media comes from S3 (moto over HTTP)."""

from __future__ import annotations

import re
import urllib.request

import pytest
from wagtail.models import Locale

from media_pipeline.models import Video, VideoText
from stories.models import StoryPage
from tests.e2e.conftest import PHONE
from tests.e2e.test_video_playback import s3_demo_server, wait_until  # noqa: F401 (fixture)
from tests.integration.conftest import s3_bucket, s3_endpoint  # noqa: F401 (fixtures)

MEDIA = re.compile(r"\.(m3u8|ts|m4s|mp4)(\?|$)")
SEGMENT = re.compile(r"/hls/(\d+p)/[^/]+\.(ts|m4s)(\?|$)")
PLAYING = """(() => { const v = document.querySelector('figure.video-player video');
    return !v.paused && v.currentTime > 1; })()"""


@pytest.fixture
def story_server(s3_demo_server):
    return s3_demo_server


class MediaMeter:
    """Bytes of every finished media request (playlists, segments, MP4), as the network saw."""

    def __init__(self, page):
        self.requests: list[tuple[str, int]] = []
        page.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        if MEDIA.search(request.url):
            sizes = request.sizes()
            self.requests.append((request.url, sizes["responseBodySize"]))

    @property
    def bytes(self) -> int:
        return sum(size for _url, size in self.requests)

    def rungs(self) -> set[str]:
        return {m.group(1) for url, _size in self.requests if (m := SEGMENT.search(url))}


def zahra_in(language: str) -> StoryPage:
    return next(
        p
        for p in StoryPage.objects.live().filter(locale__language_code=language)
        if any(block.block_type == "video" for block in p.body)
    )


def press_play(page) -> None:
    """As a visitor does: tap the play button over the poster."""
    page.locator("figure.video-player .video-player__play").click()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="ar", device_scale_factor=3)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def open_story(page, server, language: str) -> MediaMeter:
    meter = MediaMeter(page)
    url = server.url + zahra_in(language).url
    # The test settings make no renditions in advance (production does, in the worker), so the
    # first render encodes every AVIF/WebP size inline; do that before the browser counts bytes.
    with urllib.request.urlopen(url, timeout=120) as reply:  # noqa: S310 - the live test server
        reply.read()
    page.goto(url)
    page.locator("figure.video-player video").wait_for()
    page.wait_for_load_state("networkidle")
    return meter


def test_phone_fetches_no_video_bytes_before_play_then_the_rung_that_fits(
    story_server, phone, screenshot
):
    video = Video.objects.get()
    assert video.status == Video.Status.READY, video.error_message
    widths = sorted(r["width"] for r in video.outputs["renditions"])
    meter = open_story(phone, story_server, "ar")
    assert phone.locator("figure.video-player video").get_attribute("preload") == "none"
    before = meter.bytes
    print(f"\nhls.js, 390 px: media bytes before play {before} ({len(meter.requests)} requests)")
    assert meter.requests == []
    screenshot(phone, "video-before-play-phone-ar")

    press_play(phone)
    wait_until(phone, PLAYING)
    engine = phone.evaluate("document.querySelector('figure.video-player video').dataset.engine")
    assert engine == "hls.js"
    shown = phone.evaluate("document.querySelector('figure.video-player video').clientWidth")
    start_width = int(
        phone.evaluate("document.querySelector('figure.video-player video').dataset.startWidth")
    )
    after = meter.bytes
    print(
        f"hls.js, 390 px: player {shown} px wide, first rung {start_width} px; media bytes after "
        f"play {after}; segment rungs fetched {sorted(meter.rungs())}"
    )
    assert after > 0
    # The player is narrower than every rung here: the narrowest one, never a wider one.
    assert shown < widths[0]
    assert start_width == widths[0]
    assert meter.rungs() == {f"{min(r['height'] for r in video.outputs['renditions'])}p"}


def test_native_hls_also_fetches_nothing_before_play(story_server, phone):
    # The browser's own HLS player, as on an iPhone without Media Source Extensions.
    phone.add_init_script("delete window.MediaSource; delete window.ManagedMediaSource;")
    meter = open_story(phone, story_server, "en")
    print(f"\nnative HLS, 390 px: media bytes before play {meter.bytes}")
    assert meter.requests == []
    press_play(phone)
    wait_until(phone, PLAYING)
    engine = phone.evaluate("document.querySelector('figure.video-player video').dataset.engine")
    assert engine == "native-hls"
    print(f"native HLS, 390 px: media bytes after play {meter.bytes}")
    assert meter.bytes > 0


def test_save_data_visitor_gets_the_lowest_rung_on_a_wide_screen(story_server, browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-GB")
    page = context.new_page()
    page.add_init_script(
        "Object.defineProperty(navigator, 'connection', {value: {saveData: true, "
        "effectiveType: '4g'}});"
    )
    try:
        meter = open_story(page, story_server, "en")
        assert meter.requests == []
        press_play(page)
        wait_until(page, PLAYING)
        level = page.evaluate(
            "document.querySelector('figure.video-player video').dataset.startLevel"
        )
        assert level == "0"
        video = Video.objects.get()
        lowest = f"{min(r['height'] for r in video.outputs['renditions'])}p"
        assert meter.rungs() == {lowest}
    finally:
        context.close()


def test_arabic_visitor_reads_transcript_and_seeks_by_chapter_with_the_keyboard(
    story_server, phone, screenshot
):
    video = Video.objects.get()
    arabic = Locale.objects.get(language_code="ar")
    VideoText.objects.create(
        video=video,
        locale=arabic,
        transcript="زهراء ترسم في الصف من جديد.\nالمعلمة تبتسم.",
        chapters=[
            ("chapter", {"start": 0, "end": 4, "title": "الصف"}),
            ("chapter", {"start": 4, "end": 9.5, "title": "الرسم"}),
        ],
    )
    meter = open_story(phone, story_server, "ar")
    assert meter.requests == []
    # The video's own transcript (the demo story also has a recording with one).
    transcript = phone.locator("figure.video-player details.video-player__transcript")
    assert not transcript.evaluate("d => d.open")
    transcript.locator("summary").focus()
    phone.keyboard.press("Enter")
    assert transcript.evaluate("d => d.open")
    assert "زهراء ترسم في الصف من جديد." in transcript.inner_text()
    chapters = phone.locator(".video-player__chapters a")
    assert chapters.count() == 2
    assert phone.locator("video track[kind=chapters]").count() == 1
    chapters.nth(1).focus()
    phone.keyboard.press("Enter")
    phone.evaluate("document.querySelector('figure.video-player video').muted = true")
    wait_until(
        phone,
        """(() => { const v = document.querySelector('figure.video-player video');
            return v.currentTime >= 4 && !v.paused; })()""",
    )
    screenshot(phone, "video-transcript-chapters-ar")
