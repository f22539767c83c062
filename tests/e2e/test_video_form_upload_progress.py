"""With local media storage (the demo default) the video form still uploads the file, now with a
progress bar; a dropped connection says so and saves nothing."""

from __future__ import annotations

import pytest

from media_pipeline.models import Video
from tests.media_pipeline.conftest import make_clip

from .conftest import sign_in_to_admin

PASSWORD = "form-upload-pw-123"  # noqa: S105

RECORD_PROGRESS = """
(() => {
  const bar = document.querySelector('[data-upload-progress-bar]');
  window.__seen = [];
  new MutationObserver(() => {
    window.__seen.push(Number(bar.value));
    sessionStorage.setItem('seen', JSON.stringify(window.__seen));
  }).observe(bar, {attributes: true});
  return true;
})()
"""


@pytest.fixture
def editor(live_server, transactional_db, django_user_model, page, settings):
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    settings.MEDIA_PIPELINE_LADDER = [360]
    django_user_model.objects.create_superuser("form-uploader", "f@example.com", PASSWORD)
    sign_in_to_admin(page, live_server.url, "form-uploader", PASSWORD)
    return live_server.url


def test_form_upload_shows_progress_to_100_and_saves(editor, page, tmp_path):
    clip = make_clip(tmp_path / "assembly.mp4", seconds=2, size="640x360")
    page.goto(editor + "/admin/videos/add/")
    assert page.locator("#id_source").get_attribute("accept") == "video/*"
    page.locator("#id_title").fill("School assembly")
    page.locator("#id_source").set_input_files(str(clip))
    page.evaluate(RECORD_PROGRESS)
    page.get_by_role("button", name="Save", exact=True).click()
    # The test settings run tasks at once, in the save request: transcoding it.
    try:
        page.wait_for_url(editor + "/admin/videos/", timeout=240_000, wait_until="commit")
    finally:
        print("after save:", page.url, page.locator("main").inner_text()[:600])
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('seen') || '[]')")
    assert seen and max(seen) == 100, seen
    video = Video.objects.get(title="School assembly")
    assert video.status == Video.Status.READY, video.error_message


def test_form_upload_cut_off_says_so_and_saves_nothing(editor, page, tmp_path):
    clip = make_clip(tmp_path / "assembly.mp4", seconds=2, size="640x360")
    page.route(
        "**/admin/videos/add/",
        lambda route: (
            route.abort("connectionreset") if route.request.method == "POST" else route.continue_()
        ),
    )
    page.goto(editor + "/admin/videos/add/")
    page.locator("#id_title").fill("Cut off")
    page.locator("#id_source").set_input_files(str(clip))
    page.get_by_role("button", name="Save", exact=True).click()
    error = page.locator("[data-upload-progress-error]")
    error.wait_for(state="visible", timeout=60_000)
    assert "the connection to the site was lost. Nothing was saved." in error.inner_text()
    assert page.url == editor + "/admin/videos/add/"
    assert not Video.objects.filter(title="Cut off").exists()
