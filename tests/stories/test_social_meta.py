"""Link previews and the addresses pages give for themselves: each is one absolute URL, on the
site's public address (PUBLIC_BASE_URL), whatever host and port the request came in on. Media on
S3 or behind a CDN: tests/integration/test_social_meta_s3.py."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from stories.models import StoryPage
from tests.database import database_url

PROJECT = Path(__file__).resolve().parents[2]
STORY = "/en/stories/four-schools-dohuk/"
PUBLIC = "https://www.example.org"
# Allowed (ALLOWED_HOSTS) but not the public address: a proxy's upstream, a health check…
INTERNAL = {"HTTP_HOST": "10.0.0.7:8080", "SERVER_PORT": "8080"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def link_preview(response) -> dict:
    """What a link preview, a search engine or a feed reader reads from the page's head."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    def meta(**attrs):
        tag = soup.find("meta", attrs=attrs)
        return tag["content"] if tag else None

    article = json.loads(soup.find("script", type="application/ld+json").string)
    return {
        "canonical": soup.find("link", rel="canonical")["href"],
        "og:url": meta(property="og:url"),
        "og:image": meta(property="og:image"),
        "twitter:image": meta(name="twitter:image"),
        "jsonld:url": article["mainEntityOfPage"],
        "jsonld:image": article.get("image"),
        "hreflang": [link["href"] for link in soup.select("link[rel=alternate][hreflang]")],
    }


def assert_one_absolute_url(url: str) -> None:
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, url
    assert url.count("://") == 1, f"doubled address: {url}"


def jpeg_file(name: str) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, format="JPEG")
    return ImageFile(buffer, name=name)


def share_new_image(story: StoryPage) -> None:
    """Give the story a social image stored wherever media storage is now (S3 in these tests)."""
    image = get_image_model().objects.create(title="Classroom card", file=jpeg_file("card.jpg"))
    StoryPage.objects.filter(pk=story.pk).update(social_image=image)


@pytest.fixture
def story(demo):
    return StoryPage.objects.get(locale__language_code="en", slug="four-schools-dohuk")


def test_page_addresses_use_the_public_base_url_not_the_requests_host(client, demo, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    head = link_preview(client.get(STORY, **INTERNAL))
    assert head["canonical"] == PUBLIC + STORY
    assert head["og:url"] == PUBLIC + STORY
    assert head["jsonld:url"] == PUBLIC + STORY
    # Media on this server's disk: the relative media URL on the public address.
    assert head["og:image"].startswith(PUBLIC + "/media/images/")
    assert_one_absolute_url(head["og:image"])
    assert head["twitter:image"] == head["og:image"]
    assert head["jsonld:image"] == [head["og:image"]]
    assert head["hreflang"]
    assert all(href.startswith(PUBLIC + "/") for href in head["hreflang"]), head["hreflang"]


def test_the_public_base_url_falls_back_to_wagtails_base_url(client, demo, settings):
    settings.PUBLIC_BASE_URL = ""
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    head = link_preview(client.get(STORY, **INTERNAL))
    assert head["canonical"] == "https://cms.example.org" + STORY
    assert head["og:image"].startswith("https://cms.example.org/media/")


def test_feeds_and_sitemap_link_to_the_public_base_url(client, demo, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    for feed in ("/en/feeds/stories/", "/fr/feeds/news/"):
        channel = ET.fromstring(client.get(feed, **INTERNAL).content).find("channel")
        links = [channel.findtext("link")] + [i.findtext("link") for i in channel.iter("item")]
        assert len(links) > 1
        assert [link for link in links if not link.startswith(PUBLIC + "/")] == []
    sitemap = ET.fromstring(client.get("/sitemap.xml", **INTERNAL).content)
    addresses = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    addresses += [link.get("href") for link in sitemap.iter(f"{XHTML}link")]
    assert len(addresses) > 40
    elsewhere = [address for address in addresses if not address.startswith(PUBLIC + "/")]
    assert not elsewhere


def run_site(env: dict[str, str], script: str, settings_module: str = "test"):
    inherited = {k: v for k, v in os.environ.items() if not k.endswith("BASE_URL")}
    environment = {**inherited, "DJANGO_SETTINGS_MODULE": f"storysite.settings.{settings_module}"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + script],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("settings_module", "env", "expected"),
    [
        (
            "test",
            {"PUBLIC_BASE_URL": "https://stories.example.org/"},
            "https://stories.example.org",
        ),
        # Without PUBLIC_BASE_URL: the origin of Wagtail's own base URL.
        ("dev", {"WAGTAILADMIN_BASE_URL": "https://cms.example.org/"}, "https://cms.example.org"),
    ],
    ids=["PUBLIC_BASE_URL", "WAGTAILADMIN_BASE_URL"],
)
def test_site_started_with_a_base_url_links_to_it(
    committed_demo, settings, settings_module, env, expected
):
    script = (
        "from django.test import Client;"
        f"r = Client().get({STORY!r}, HTTP_HOST='10.0.0.7:8080');"
        "print(r.status_code); print(r.content.decode())"
    )
    env = {
        **env,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "10.0.0.7",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "STORYSITE_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    result = run_site(env, script, settings_module)
    status, _, html = result.stdout.partition("\n")
    assert status == "200", result.stderr[-2000:]
    head = BeautifulSoup(html, "html.parser")
    assert head.find("link", rel="canonical")["href"] == expected + STORY
    assert head.find("meta", property="og:image")["content"].startswith(expected + "/media/")


@pytest.mark.parametrize(
    "value", ["www.example.org", "https://www.example.org/stories", "ftp://example.org"]
)
def test_a_public_base_url_that_is_not_an_origin_stops_the_start(value):
    result = run_site({"PUBLIC_BASE_URL": value}, "")
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL" in result.stderr
    assert "https://www.example.org" in result.stderr  # the expected form


def test_a_share_image_whose_file_is_gone_leaves_the_page_up_without_a_preview_image(client, story):
    """The original of the story's social image went missing (a bad restore, a bucket rule):
    the story still renders; its link preview and JSON-LD name no image rather than a 500."""
    share_new_image(story)
    image = StoryPage.objects.get(pk=story.pk).social_image
    image.file.storage.delete(image.file.name)
    response = client.get(STORY)
    assert response.status_code == 200
    preview = link_preview(response)
    assert preview["jsonld:image"] is None
    assert preview["og:image"] is None
