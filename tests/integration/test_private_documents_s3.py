"""Documents on S3 (moto's server over real HTTP) reach readers only through the site's check:
the bucket refuses unsigned requests for them, and the site hands out short-lived signed links
after checking the collection's view restriction.

moto enforces the bucket policy for unsigned requests (an unsigned GET of an object the policy
does not open is a 403), but accepts any signed URL without checking its signature or expiry; so
expiry is proven by what the site hands out (``X-Amz-Expires``, the S3 endpoint rather than a
CDN), not by waiting for S3 to refuse a link.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from storysite.settings.storage import build_storages

pytestmark = pytest.mark.integration

PROJECT = Path(__file__).resolve().parents[2]
MINUTES = b"Minutes of the board, not for the public."


def documented_bucket_policy(bucket: str) -> dict:
    """The bucket policy docs/operations.md tells operators to apply, for ``bucket``."""
    text = (PROJECT / "docs" / "operations.md").read_text()
    section = text.split("## Private documents (S3)", 1)[1].split("\n## ", 1)[0]
    policy = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    return json.loads(policy.replace("BUCKET", bucket))


@pytest.fixture
def bucket(s3_bucket):
    """The moto bucket with the production bucket policy of docs/operations.md."""
    policy = json.dumps(documented_bucket_policy(s3_bucket["name"]))
    s3_bucket["client"].put_bucket_policy(Bucket=s3_bucket["name"], Policy=policy)
    return s3_bucket


def use_storages(settings, bucket, **environ: str) -> None:
    """Media on ``bucket`` with extra environment variables, through the settings code."""
    settings.STORAGES = build_storages(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket["name"],
            "AWS_S3_ENDPOINT_URL": bucket["endpoint"],
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            **environ,
        },
        static_backend=settings.STORAGES["staticfiles"]["BACKEND"],
    )


def http_get(url: str) -> tuple[int, bytes, dict]:
    """A plain HTTP GET, as a browser (or anyone who has the address) would send it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (test server)
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture
def board_papers(demo):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def upload_document(client, title: str, collection: Collection | None = None):
    upload = io.BytesIO(MINUTES)
    upload.name = "minutes.txt"
    data = {"title": title, "file": upload}
    if collection is not None:
        data["collection"] = collection.pk
    response = client.post(reverse("wagtaildocs:add"), data)
    assert response.status_code == 302, response.content[:500]
    return get_document_model().objects.get(title=title)


def bucket_url(bucket, document) -> str:
    """The object's plain (unsigned, permanent) address on the bucket."""
    return f"{bucket['endpoint']}/{bucket['name']}/{document.file.name}"


def signed_link(response, bucket) -> dict[str, list[str]]:
    """The signed link the site redirected to, checked to be one; its query parameters."""
    assert response.status_code == 302
    link = urlsplit(response["Location"])
    assert f"{link.scheme}://{link.netloc}" == bucket["endpoint"], response["Location"]
    query = parse_qs(link.query)
    assert "X-Amz-Signature" in query, f"unsigned: {response['Location']}"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    return query


def test_a_private_document_is_refused_to_visitors_and_by_the_bucket(
    admin_client, client, bucket, board_papers
):
    document = upload_document(admin_client, "Board minutes", board_papers)
    assert document.file.name.startswith("documents/")
    admin_client.logout()

    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/_util/login/")  # Wagtail's sign-in, no bucket
    assert bucket["endpoint"] not in response["Location"]
    # Whoever guesses the object's address (its key is the file name) gets nothing from S3,
    # through the storage's own permanent URL too.
    for url in (bucket_url(bucket, document), default_storage.url(document.file.name)):
        status, body, _headers = http_get(url)
        assert status == 403, url
        assert MINUTES not in body


def test_a_signed_in_reader_gets_a_short_lived_signed_link_that_works(
    admin_client, client, bucket, board_papers, django_user_model
):
    document = upload_document(admin_client, "Board minutes", board_papers)
    reader = django_user_model.objects.create_user("reader", password="a-long-password")
    client.force_login(reader)

    response = client.get(document.url)
    query = signed_link(response, bucket)
    assert query["X-Amz-Expires"] == ["60"]  # DOCUMENT_URL_SECONDS' default
    status, body, headers = http_get(response["Location"])
    assert status == 200
    assert body == MINUTES
    assert headers["Content-Disposition"].startswith("attachment; filename=minutes")
    # The same address without its signature is the permanent one: refused.
    assert http_get(response["Location"].split("?")[0])[0] == 403


def test_the_link_lifetime_is_configurable_and_a_cdn_domain_never_gets_document_links(
    admin_client, client, bucket, board_papers, settings
):
    use_storages(
        settings, bucket, AWS_S3_CUSTOM_DOMAIN="cdn.example.org", DOCUMENT_URL_SECONDS="30"
    )
    document = upload_document(admin_client, "Board minutes", board_papers)
    assert default_storage.url(document.file.name).startswith("https://cdn.example.org/")

    response = admin_client.get(document.url)
    query = signed_link(response, bucket)  # on the S3 endpoint, not the CDN
    assert query["X-Amz-Expires"] == ["30"]
    assert http_get(response["Location"])[1] == MINUTES


def test_public_documents_are_handed_out_by_signed_links_too(admin_client, client, bucket):
    """A public document can be made private later by moving it or restricting its collection:
    its object is never public, so the change takes effect at once."""
    document = upload_document(admin_client, "Annual report")
    admin_client.logout()
    response = client.get(document.url)
    signed_link(response, bucket)
    assert http_get(response["Location"])[1] == MINUTES
    assert http_get(bucket_url(bucket, document))[0] == 403

    restricted = Collection.get_first_root_node().add_child(name="Drafts")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    document.collection = restricted
    document.save()
    assert client.get(document.url)["Location"].startswith("/en/_util/login/")


def test_the_documented_policy_keeps_images_and_videos_public(bucket):
    for key in ("images/market.width-800.jpg", "original_images/market.jpg", "videos/1/1/a.m3u8"):
        bucket["client"].put_object(Bucket=bucket["name"], Key=key, Body=b"media")
        status, body, _headers = http_get(f"{bucket['endpoint']}/{bucket['name']}/{key}")
        assert (status, body) == (200, b"media"), key


@pytest.mark.parametrize("value", ["0", "soon", "-5", "604801"])
def test_a_wrong_document_url_lifetime_is_named_at_start(value):
    with pytest.raises(ImproperlyConfigured, match="DOCUMENT_URL_SECONDS must be"):
        build_storages(
            {"AWS_STORAGE_BUCKET_NAME": "storysite-media", "DOCUMENT_URL_SECONDS": value},
            static_backend="x",
        )


def test_the_site_boots_with_document_url_seconds_from_the_environment():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storysite.settings.test",
        "AWS_STORAGE_BUCKET_NAME": "storysite-media",
        "DOCUMENT_URL_SECONDS": "45",
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.WAGTAILDOCS_SERVE_METHOD, "
            "settings.STORAGES['documents']['OPTIONS']['querystring_expire'])",
        ],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["serve_view", "45"]
