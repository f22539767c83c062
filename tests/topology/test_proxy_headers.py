"""What nginx tells the app about the visitor, and what a visitor cannot make it say."""

from __future__ import annotations

import time

from .conftest import SEARCH_LIMIT
from .web import admin_login, request


def test_the_app_believes_its_proxy_about_https(topology):
    """SECURE_PROXY_SSL_HEADER: a request nginx marks as https is secure for Django (HSTS is
    only ever sent on secure requests)."""
    direct = request(topology.backend_url("web-a", "/en/"), headers={"X-Forwarded-Proto": "https"})
    assert direct.status == 200
    assert "max-age=" in direct.headers.get("strict-transport-security", "")


def test_a_visitor_cannot_claim_https_through_nginx(topology):
    response = request(topology.url("/en/"), headers={"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert "strict-transport-security" not in response.headers


def test_spoofed_forwarded_for_does_not_escape_the_admin_lockout(topology):
    """Five wrong passwords from one visitor, each claiming another address, lock that visitor
    out; a colleague on another address still signs in."""
    attacker, colleague = "127.0.0.2", "127.0.0.3"
    statuses = [
        admin_login(
            topology.base_url,
            "admin",
            f"wrong-password-{n}",
            source=attacker,
            **{"X-Forwarded-For": f"6.6.6.{n}"},
        )
        for n in range(5)
    ]
    # The form again four times; the fifth failure is answered with the lockout page.
    assert statuses == [200, 200, 200, 200, 429]
    locked = admin_login(
        topology.base_url,
        "admin",
        "storysite-demo",
        source=attacker,
        **{"X-Forwarded-For": "6.6.6.99"},
    )
    assert locked == 429, "the attacker is locked out, whatever address it claims"
    assert admin_login(topology.base_url, "admin", "storysite-demo", source=colleague) == 302


def test_search_rate_limit_counts_each_real_visitor(topology):
    # The limit counts per clock minute: start well inside one.
    if time.time() % 60 > 45:
        time.sleep(61 - time.time() % 60)
    greedy, other = "127.0.0.4", "127.0.0.5"
    statuses = [
        request(
            topology.url(f"/en/search/?q=school{n}"),
            source=greedy,
            headers={"X-Forwarded-For": f"6.6.6.{n}"},
        ).status
        for n in range(SEARCH_LIMIT + 1)
    ]
    assert statuses == [200] * SEARCH_LIMIT + [429]
    assert request(topology.url("/en/search/?q=school"), source=other).status == 200
