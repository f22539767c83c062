"""An editor uploads a video through the admin with the media on S3 (moto over HTTP): Chromium
sends the file in parts straight to the bucket (the site receives only the signing requests),
the progress bar reaches 100 %, and after saving, the video is checked and transcoded.
A second journey drops the connection mid-upload and reloads the page: the upload carries on,
and only the parts the bucket did not have are sent again."""

from __future__ import annotations

import hashlib
import os
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from media_pipeline.models import Video
from tests.integration.conftest import s3_bucket, s3_endpoint  # noqa: F401 (fixtures)
from tests.media_pipeline.conftest import make_clip

from .conftest import sign_in_to_admin

PASSWORD = "upload-editor-pw-123"  # noqa: S105
MiB = 1024 * 1024


def allow_browser_uploads(bucket: dict, origin: str) -> None:
    """The bucket CORS rule operators apply (docs/operations.md): the admin's origin may PUT
    parts and must be able to read each part's ETag."""
    bucket["client"].put_bucket_cors(
        Bucket=bucket["name"],
        CORSConfiguration={
            "CORSRules": [
                {
                    "AllowedOrigins": [origin],
                    "AllowedMethods": ["PUT", "GET", "HEAD"],
                    "AllowedHeaders": ["*"],
                    "ExposeHeaders": ["ETag"],
                    "MaxAgeSeconds": 3000,
                }
            ]
        },
    )


@pytest.fixture
def s3_admin(
    s3_bucket,  # noqa: F811 (the fixture imported above)
    settings,
    live_server,
    transactional_db,
    django_user_model,
    page,
):
    settings.MEDIA_PIPELINE_X264_PRESET = "ultrafast"
    settings.MEDIA_PIPELINE_LADDER = [360, 540]
    allow_browser_uploads(s3_bucket, live_server.url)
    django_user_model.objects.create_superuser("uploader", "uploader@example.com", PASSWORD)
    sign_in_to_admin(page, live_server.url, "uploader", PASSWORD)
    return {"url": live_server.url, "bucket": s3_bucket}


def wait_until(page, expression: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for: {expression}")


UPLOADED = "document.querySelector('[data-direct-upload]').dataset.uploaded === 'true'"
PROGRESS = "Number(document.querySelector('[data-direct-upload-progress]').value)"


def part_number(url: str) -> int:
    """The part an UploadPart request sends (its presigned URL's partNumber)."""
    return int(parse_qs(urlsplit(url).query)["partNumber"][0])


def assert_bucket_holds(bucket: dict, page, data: bytes) -> None:
    """The object the form will save is the uploaded file, byte for byte."""
    key = page.locator("[data-direct-upload-key]").input_value()
    stored = bucket["client"].get_object(Bucket=bucket["name"], Key=key)["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(data).hexdigest()


def choose_file(page, path) -> None:
    page.locator("[data-direct-upload] input[type=file]").first.set_input_files(str(path))


def test_editor_uploads_straight_to_the_bucket_with_progress_then_it_transcodes(
    s3_admin, page, tmp_path, screenshot
):
    clip = make_clip(tmp_path / "dohuk-school.mp4", seconds=4, size="1280x720")
    requests_made = []

    def sent_bytes(origin: str) -> int:
        """Request bodies sent to ``origin`` (the site's are text: JSON and form fields)."""
        return sum(
            len(request.post_data_buffer or b"")
            for request in requests_made
            if request.url.startswith(origin)
        )

    page.goto(s3_admin["url"] + "/admin/videos/add/")
    page.on("requestfinished", lambda request: requests_made.append(request))
    page.locator("#id_title").fill("Dohuk school")
    choose_file(page, clip)
    seen = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not page.evaluate(UPLOADED):
        seen.append(page.evaluate(PROGRESS))
        time.sleep(0.05)
    assert page.evaluate(UPLOADED)
    assert page.evaluate(PROGRESS) == 100
    assert page.locator("[data-direct-upload-percent]").inner_text() == "100 %"
    screenshot(page, "admin-direct-upload-complete")
    # The file went to the bucket; the site got only the small signing requests.
    key = page.locator("[data-direct-upload-key]").input_value()
    bucket = s3_admin["bucket"]
    stored = bucket["client"].get_object(Bucket=bucket["name"], Key=key)["Body"].read()
    assert stored == clip.read_bytes()
    signing = sent_bytes(s3_admin["url"])
    assert signing < 4096, signing

    page.get_by_role("button", name="Save", exact=True).click()
    # The test settings run tasks at once, in the save request: checking and transcoding it.
    try:
        page.wait_for_url(f"{s3_admin['url']}/admin/videos/", timeout=240_000, wait_until="commit")
    finally:
        print("after save:", page.url, page.locator("main").inner_text()[:600])
    video = Video.objects.get(title="Dohuk school")
    assert video.status == Video.Status.READY, video.error_message
    assert video.source.name.startswith("uploads/") and video.source.name.endswith(
        "/dohuk-school.mp4"
    )
    assert "ready" in page.locator("td.media-pipeline-status").first.inner_text().lower()
    # Saving posted only the form fields, never the file.
    site_total = sent_bytes(s3_admin["url"])
    assert site_total < 8192, site_total
    print(f"bytes to the bucket: {clip.stat().st_size}, to the site: {site_total}")


def test_upload_resumes_after_a_dropped_connection_and_a_reload_sending_only_missing_parts(
    s3_admin, page, tmp_path
):
    data = os.urandom(20 * MiB)  # three parts of 8, 8 and 4 MiB
    path = tmp_path / "long-interview.mp4"
    path.write_bytes(data)
    endpoint = s3_admin["bucket"]["endpoint"]
    attempts: dict[str, list[int]] = {"before": [], "after": []}
    phase = {"name": "before"}

    def route(route) -> None:
        request = route.request
        if request.method != "PUT":
            route.continue_()
            return
        number = part_number(request.url)
        attempts[phase["name"]].append(number)
        if phase["name"] == "before" and number != 1:
            route.abort("connectionreset")  # the connection drops for every part but the first
        else:
            route.continue_()

    page.context.route(f"{endpoint}/**", route)
    page.goto(s3_admin["url"] + "/admin/videos/add/")
    choose_file(page, path)

    bucket = s3_admin["bucket"]

    def stored_parts() -> list[int]:
        uploads = bucket["client"].list_multipart_uploads(Bucket=bucket["name"]).get("Uploads", [])
        if not uploads:
            return []
        parts = bucket["client"].list_parts(
            Bucket=bucket["name"], Key=uploads[0]["Key"], UploadId=uploads[0]["UploadId"]
        )
        return [part["PartNumber"] for part in parts.get("Parts", [])]

    # Uppy retries a part after 0, 1, 3 and 5 s: 45 s covers every retry on a slow machine.
    # The wait must go through Playwright (not time.sleep): its sync API runs the route handler
    # above only while the test is inside a Playwright call, so a plain sleep holds every part.
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        tried = attempts["before"]
        if tried.count(2) >= 2 and tried.count(3) >= 2 and stored_parts() == [1]:
            break
        page.wait_for_timeout(100)
    # Part 1 is in the bucket; parts 2 and 3 failed and were each tried again.
    assert stored_parts() == [1]
    assert attempts["before"].count(2) >= 2 and attempts["before"].count(3) >= 2
    assert not page.evaluate(UPLOADED)

    phase["name"] = "after"
    page.reload()
    wait_until(page, UPLOADED, timeout=60)
    assert page.evaluate(PROGRESS) == 100
    # Only the missing parts were sent after the reload.
    assert sorted(set(attempts["after"])) == [2, 3], attempts
    assert_bucket_holds(bucket, page, data)


def test_upload_carries_on_by_itself_when_a_dropped_connection_comes_back(s3_admin, page, tmp_path):
    """No reload: the connection drops for the first two tries of parts 2 and 3, then comes
    back; Uppy's retries finish the upload, and the object is the file, byte for byte."""
    data = os.urandom(20 * MiB)
    path = tmp_path / "testimony.mp4"
    path.write_bytes(data)
    endpoint = s3_admin["bucket"]["endpoint"]
    attempts: list[int] = []

    def route(route) -> None:
        request = route.request
        if request.method != "PUT":
            route.continue_()
            return
        number = part_number(request.url)
        attempts.append(number)
        if number != 1 and attempts.count(number) <= 2:
            route.abort("connectionreset")
        else:
            route.continue_()

    page.context.route(f"{endpoint}/**", route)
    page.goto(s3_admin["url"] + "/admin/videos/add/")
    choose_file(page, path)
    wait_until(page, UPLOADED, timeout=60)
    assert page.evaluate(PROGRESS) == 100
    assert page.locator("[data-direct-upload-error]").is_hidden()
    assert attempts.count(1) == 1 and attempts.count(2) == 3 and attempts.count(3) == 3
    assert_bucket_holds(s3_admin["bucket"], page, data)
