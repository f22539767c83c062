"""The visitor's address, the one way every part of the site reads it (login lockout, search
rate limits, logs).

``X-Forwarded-For`` is whatever the client sent, plus one address appended by each proxy on the
way in. Only the entries our own proxies appended can be believed, so the address is read at a
fixed distance from the right: with ``PROXY_COUNT=1`` (nginx in front) it is the last entry,
the address nginx saw; anything the client wrote further left is ignored. ``TRUSTED_PROXIES``
(addresses or networks) instead trusts each hop from the right while it is one of ours; with
both, at most ``PROXY_COUNT`` hops are trusted. With neither, the header is ignored and
``REMOTE_ADDR`` is the visitor.

The entry is picked by django-ipware, given the number of hops to trust.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from ipware.ip import get_client_ip
from python_ipware.modern.parsers import split_proxy_chain

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple:
    """``CLIENT_IP_TRUSTED_PROXIES`` as networks (checked when the settings load)."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address, networks) -> bool:
    return any(address in network for network in networks)


def _forwarded_chain(request: HttpRequest) -> list:
    """The ``X-Forwarded-For`` addresses, client first. Entries that are not addresses are
    dropped: they can only come from the client, left of what our proxies appended, so the
    positions counted from the right stay true."""
    raw = request.META.get(FORWARDED_HEADER, "")
    return (split_proxy_chain(raw, False) or []) if raw.strip() else []


def _trusted_hops(request: HttpRequest, chain: list) -> int:
    """How many proxies in front of us to believe: REMOTE_ADDR, then the chain from the right."""
    count = max(settings.CLIENT_IP_PROXY_COUNT, 0)
    networks = trusted_networks(tuple(settings.CLIENT_IP_TRUSTED_PROXIES))
    if not networks:
        return count
    try:
        hops = [ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")), *reversed(chain)]
    except ValueError:
        return 0
    trusted = 0
    for hop in hops[:-1]:  # the left-most entry is the client, never a proxy to skip
        if not _is_trusted(hop, networks) or (count and trusted == count):
            break
        trusted += 1
    return trusted


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's address as our own proxies saw it; None when the request has none (a
    request built in code, e.g. the test client's ``force_login``)."""
    remote = request.META.get("REMOTE_ADDR") or None
    chain = _forwarded_chain(request)
    hops = min(_trusted_hops(request, chain), len(chain))
    if hops <= 0:
        return remote
    # ipware counts the proxies listed *inside* the header, client excluded; ours are one more,
    # since the nearest proxy is REMOTE_ADDR and appears in no header. Not strict: the client
    # may have written any number of entries of its own on the left.
    address, _routable = get_client_ip(
        request,
        proxy_count=hops - 1,
        request_header_order=[FORWARDED_HEADER],
        strict=False,
    )
    return address or remote


def client_ip_for_axes(request: HttpRequest) -> str | None:
    """``AXES_CLIENT_IP_CALLABLE``: the same address for login lockouts."""
    return client_ip(request)
