"""Social images with media on S3 (moto's server over real HTTP) or behind a CDN: og:image,
twitter:image and the JSON-LD image are one absolute URL, the storage's own, never prefixed with
the site's address (tests/stories/test_social_meta.py covers media on local disk)."""

import io
import urllib.request

import pytest
from PIL import Image as PILImage

from stories.models import StoryPage
from storysite.settings.storage import build_storages
from tests.stories.test_social_meta import (
    INTERNAL,
    PUBLIC,
    STORY,
    assert_one_absolute_url,
    link_preview,
    share_new_image,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def story(demo):
    return StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")


def test_social_image_on_s3_is_one_absolute_url_that_serves_the_image(
    client, story, s3_bucket, settings
):
    settings.PUBLIC_BASE_URL = PUBLIC
    share_new_image(story)
    head = link_preview(client.get(STORY, **INTERNAL))
    image = head["og:image"]
    assert_one_absolute_url(image)
    assert image.startswith(f"{s3_bucket['endpoint']}/{s3_bucket['name']}/images/")
    assert head["twitter:image"] == image
    assert head["jsonld:image"] == [image]
    with urllib.request.urlopen(image, timeout=10) as reply:  # noqa: S310 - loopback moto server
        assert reply.status == 200
        assert PILImage.open(io.BytesIO(reply.read())).size == (1200, 630)


def test_social_image_behind_a_cdn_is_the_cdn_address(client, story, s3_bucket, settings):
    environ = {
        "AWS_STORAGE_BUCKET_NAME": s3_bucket["name"],
        "AWS_S3_ENDPOINT_URL": s3_bucket["endpoint"],
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_CUSTOM_DOMAIN": "cdn.example.net",
    }
    settings.STORAGES = build_storages(
        environ, static_backend=settings.STORAGES["staticfiles"]["BACKEND"]
    )
    settings.PUBLIC_BASE_URL = PUBLIC
    share_new_image(story)
    head = link_preview(client.get(STORY, **INTERNAL))
    assert head["og:image"].startswith("https://cdn.example.net/images/")
    assert_one_absolute_url(head["og:image"])
    assert head["twitter:image"] == head["og:image"]
    assert head["jsonld:image"] == [head["og:image"]]
