"""Logging helpers: every record logged while a request is handled carries the visitor's address
(``%(client_ip)s``, the same one lockouts and rate limits use), and django-redis's ignored
connection errors become one short warning at a time instead of a traceback per cache call."""

from __future__ import annotations

import contextvars
import logging
import time

from .client_ip import client_ip

_current_client_ip: contextvars.ContextVar[str] = contextvars.ContextVar("client_ip", default="-")


class ClientIPMiddleware:
    """Remember the visitor's address for the log records of this request; place first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_client_ip.set(client_ip(request) or "-")
        try:
            return self.get_response(request)
        finally:
            _current_client_ip.reset(token)


class ClientIPFilter(logging.Filter):
    """Adds ``client_ip`` to every record ("-" outside a request). Django's own request records
    (404s, 500s) are logged after the middleware returned, but carry the request."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if hasattr(request, "META"):
            record.client_ip = client_ip(request) or "-"
        else:
            record.client_ip = _current_client_ip.get()
        return True


class CacheOutageFilter(logging.Filter):
    """For django-redis's "Exception ignored" records (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``):
    a WARNING naming the error, without the traceback, at most once per ``interval`` seconds
    per process, with how many were left out."""

    def __init__(self, interval: float = 10.0):
        super().__init__()
        self.interval = interval
        self._last = 0.0
        self._skipped = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self._last < self.interval:
            self._skipped += 1
            return False
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "Cache unreachable, serving without it: %s%s"
        record.args = (
            cause or "unknown error",
            f" ({self._skipped} more since the last warning)" if self._skipped else "",
        )
        record.exc_info = record.exc_text = None
        self._last, self._skipped = now, 0
        return True
