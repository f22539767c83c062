"""Health endpoints for load balancers and orchestrators, outside the language prefixes.

``/health/live``: the process answers (no database, no cache). ``/health/ready``: the database
answers ``SELECT 1``, the media storage answers, and the cache is tried; 200 when the site can
serve, 503 when it cannot. Redis being down is reported but keeps 200: pages are then served
uncached (docs/operations.md). Both are never cached and touch no session.
"""

from __future__ import annotations

import asyncio
import dataclasses
import uuid

from django.core.files.storage import storages
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable, ServiceWarning
from health_check.views import HealthCheckView


@dataclasses.dataclass
class StorageReachable(HealthCheck):
    """One cheap call to the media storage (an existence check on a key nobody writes): it
    fails when S3 is unreachable or refuses our credentials. health_check's own Storage check
    writes, reads and deletes a file on every probe, too costly for a check polled every
    second."""

    alias: str = "default"

    def run(self) -> None:
        try:
            storages[self.alias].exists(f"health-check/{uuid.uuid4().hex}")
        except Exception as error:  # any failure means uploads and renditions would fail too
            raise ServiceUnavailable(f"Storage unreachable: {type(error).__name__}") from error


@dataclasses.dataclass
class CacheReachable(Cache):
    """The cache answers; a failure is a warning only (pages are then served uncached)."""

    async def run(self):
        try:
            await super().run()
        except Exception as error:
            raise ServiceWarning("Cache unreachable: serving without it") from error


NAMES = {Database: "database", StorageReachable: "storage", CacheReachable: "cache"}


class ReadinessView(HealthCheckView):
    checks = (Database, StorageReachable, (CacheReachable, {"alias": "pages"}))

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        body, ready = {}, True
        for result in results:
            name = NAMES.get(type(result.check), type(result.check).__name__)
            if result.error is None:
                body[name] = "ok"
            elif isinstance(result.error, ServiceWarning):
                body[name] = f"degraded: {result.error.message}"
            else:
                body[name] = f"failed: {result.error.message}"
                ready = False
        body = {"status": "ready" if ready else "unavailable", **body}
        return JsonResponse(body, status=200 if ready else 503)


@never_cache
def live(request):
    """The process is up and answering; checks nothing else on purpose."""
    return JsonResponse({"status": "alive"})


ready = ReadinessView.as_view()
