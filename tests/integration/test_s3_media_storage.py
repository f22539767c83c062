"""Images uploaded in the admin land in S3 (moto's server over real HTTP), renditions too, and
pages link to them there."""

import datetime
import io
import urllib.request

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from stories.models import StoryIndexPage, StoryPage

from .conftest import bucket_keys

pytestmark = pytest.mark.integration


def jpeg_bytes(size=(640, 480), colour=(200, 80, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def upload_through_admin(client, title: str, data: bytes, filename: str):
    upload = io.BytesIO(data)
    upload.name = filename
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": upload, "credit": "Test photographer"},
    )


def test_admin_image_upload_stores_original_and_rendition_in_s3(admin_client, s3_bucket, locales):
    response = upload_through_admin(admin_client, "Market at dawn", jpeg_bytes(), "market.jpg")
    assert response.status_code == 302, response.content[:500]

    image = get_image_model().objects.get(title="Market at dawn")
    assert image.credit == "Test photographer"
    keys = bucket_keys(s3_bucket)
    assert keys == [image.file.name]
    assert keys[0].startswith("original_images/market")

    # A story using the image: rendering the page creates renditions in the bucket too.
    index = StoryIndexPage.objects.get(locale=locales["en"])
    story = StoryPage(
        title="Market story",
        slug="market-story",
        standfirst="A story with an image in S3.",
        date=datetime.date(2024, 5, 1),
        hero_image=image,
        hero_alt_text="The market at dawn",
    )
    index.add_child(instance=story)
    story.save_revision().publish()

    html = admin_client.get("/en/stories/market-story/").content
    hero = BeautifulSoup(html, "html.parser").select_one(".story__hero img")
    src = hero["src"]
    assert src.startswith(f"{s3_bucket['endpoint']}/{s3_bucket['name']}/images/")

    keys = bucket_keys(s3_bucket)
    renditions = [key for key in keys if key.startswith("images/")]
    assert len(renditions) >= 2  # large and small hero sizes
    with urllib.request.urlopen(src, timeout=10) as reply:  # noqa: S310 - loopback moto server
        assert reply.status == 200
        body = reply.read()
    # The <img> is the JPEG fallback; browsers that can take AVIF get it from the <source>.
    assert PILImage.open(io.BytesIO(body)).format == "JPEG"
    avif = BeautifulSoup(html, "html.parser").select_one(".story__hero source[type='image/avif']")
    avif_url = avif["srcset"].split(",")[0].split()[0]
    assert avif_url.startswith(f"{s3_bucket['endpoint']}/{s3_bucket['name']}/images/")
    with urllib.request.urlopen(avif_url, timeout=10) as reply:  # noqa: S310 - loopback moto
        assert PILImage.open(io.BytesIO(reply.read())).format == "AVIF"


def test_fake_image_is_rejected_and_nothing_is_stored(admin_client, s3_bucket):
    response = upload_through_admin(
        admin_client, "Not an image", b"this is plain text pretending to be a photo", "fake.jpg"
    )
    assert response.status_code == 200  # the form is shown again with its error
    assert "Upload a valid image" in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.filter(title="Not an image").exists()
    assert bucket_keys(s3_bucket) == []


def test_deleting_an_image_removes_it_from_the_bucket(
    admin_client, s3_bucket, django_capture_on_commit_callbacks
):
    upload_through_admin(admin_client, "Short-lived", jpeg_bytes(), "short.jpg")
    image = get_image_model().objects.get(title="Short-lived")
    image.get_rendition("fill-100x100")
    assert len(bucket_keys(s3_bucket)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert bucket_keys(s3_bucket) == []
