"""One visitor address for lockouts, rate limits and logs: what our own proxies saw, never what
the client wrote into X-Forwarded-For."""

import logging

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from delivery.client_ip import client_ip

NGINX = "127.0.0.1"


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # Nginx appends the address it saw (5.6.7.8); 1.2.3.4 is what the client made up.
        (1, "1.2.3.4, 5.6.7.8", "5.6.7.8"),
        (0, "1.2.3.4, 5.6.7.8", NGINX),
        (2, "1.2.3.4, 5.6.7.8, 10.0.0.2", "5.6.7.8"),  # CDN, then nginx
        (1, "5.6.7.8", "5.6.7.8"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "not-an-address, 5.6.7.8", "5.6.7.8"),
        (1, None, NGINX),  # reached directly (health checks): the peer itself
        (2, "5.6.7.8", "5.6.7.8"),  # fewer entries than proxies: the left-most we have
    ],
)
def test_the_address_is_read_at_the_proxy_count_from_the_right(
    settings, proxies, forwarded, expected
):
    settings.CLIENT_IP_PROXY_COUNT = proxies
    assert client_ip(request_from(NGINX, forwarded)) == expected


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.7", "1.2.3.4, 5.6.7.8", "5.6.7.8"),  # our load balancer
        ("10.0.0.7", "1.2.3.4, 5.6.7.8, 10.0.0.9", "5.6.7.8"),  # two of ours
        ("198.51.100.4", "1.2.3.4", "198.51.100.4"),  # not one of ours: header ignored
    ],
)
def test_trusted_proxies_are_skipped_from_the_right(settings, remote, forwarded, expected):
    settings.CLIENT_IP_PROXY_COUNT = 0
    settings.CLIENT_IP_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from(remote, forwarded)) == expected


def test_proxy_count_caps_the_trusted_proxies(settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    settings.CLIENT_IP_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from("10.0.0.7", "1.2.3.4, 10.0.0.9")) == "10.0.0.9"


def test_login_lockout_counts_per_visitor_behind_the_proxy(client, django_user_model, settings):
    """Five wrong passwords from one visitor lock that visitor out, not everybody behind nginx,
    and a made-up X-Forwarded-For does not give an attacker new attempts."""
    settings.CLIENT_IP_PROXY_COUNT = 1
    django_user_model.objects.create_user("editor", password="a-long-correct-password")
    login = reverse("wagtailadmin_login")
    attacker = {"REMOTE_ADDR": NGINX}
    for attempt in range(5):
        response = client.post(
            login,
            {"username": "editor", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"10.9.9.{attempt}, 203.0.113.66",
            **attacker,
        )
    assert response.status_code == 429
    editor = Client()
    signed_in = editor.post(
        login,
        {"username": "editor", "password": "a-long-correct-password"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
        REMOTE_ADDR=NGINX,
    )
    assert signed_in.status_code == 302
    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}


def test_search_rate_limit_counts_per_visitor_behind_the_proxy(client, demo, settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 2

    def search(visitor: str, spoofed: str = ""):
        forwarded = f"{spoofed}, {visitor}" if spoofed else visitor
        return client.get(
            "/en/search/", {"q": "schools"}, HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=NGINX
        )

    assert search("203.0.113.1").status_code == 200
    assert search("203.0.113.1", spoofed="1.1.1.1").status_code == 200
    assert search("203.0.113.1", spoofed="2.2.2.2").status_code == 429
    assert search("203.0.113.2").status_code == 200  # someone else behind the same nginx


def test_autocomplete_rate_limit_uses_the_same_address(client, demo, settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    settings.SUGGEST_RATE_LIMIT_PER_MINUTE = 1
    url = reverse("search_suggest")
    first = client.get(url, {"q": "sch"}, HTTP_X_FORWARDED_FOR="203.0.113.5")
    second = client.get(url, {"q": "sch"}, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    other = client.get(url, {"q": "sch"}, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert (first.status_code, second.status_code, other.status_code) == (200, 429, 200)


def test_log_records_name_the_visitor(client, demo, settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    from delivery.log import ClientIPFilter

    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep()
    handler.addFilter(ClientIPFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/en/no-such-page/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.77")
    finally:
        logger.removeHandler(handler)
    assert records, "Django logs a warning for every 404"
    assert {record.client_ip for record in records} == {"203.0.113.77"}
