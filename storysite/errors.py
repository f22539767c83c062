"""The last-resort error view: no database, no template context, never a stack trace."""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Connection-level failures only: OperationalError also covers query faults, which are bugs.
OUTAGE_MARKERS = (
    "connection",
    "could not connect",
    "server closed",
    "terminating",
    "unable to open database",
    "database is locked",
    "the database system is",
)


def is_database_outage(exception: BaseException | None) -> bool:
    if not isinstance(exception, OperationalError | InterfaceError):
        return False
    text = str(exception).lower()
    return any(marker in text for marker in OUTAGE_MARKERS)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while the exception is being handled, so sys.exc_info() says
    what went wrong. An unreachable database is a 503 with Retry-After (visitors and load
    balancers come back); anything else is a 500. Both pages are static HTML."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
    else:
        response = HttpResponse(render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response
