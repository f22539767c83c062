"""The production-like topology (deploy/topology.py), started once for every test here: nginx,
two gunicorns, PostgreSQL, Redis, S3 (moto) and the two task workers, all with production
settings. Tests talk HTTP to it from outside, as visitors and operators would."""

from __future__ import annotations

import os

import pytest

from deploy.topology import Topology, free_port

# Short enough that a killed video worker's job is taken over within the test's patience.
LEASE_SECONDS = 10
# Low, so the per-client search limit is reached in a few requests.
SEARCH_LIMIT = 5


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "topology: the production-like topology (nginx, 2 gunicorns, PostgreSQL…)"
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/topology/" in str(item.fspath):
            item.add_marker(pytest.mark.topology)


@pytest.fixture(scope="session")
def topology():
    environ = {
        **os.environ,
        # The variable `make prod-like` reads, on a free port.
        "PROD_LIKE_PORT": str(free_port()),
        "MEDIA_PIPELINE_LEASE_SECONDS": str(LEASE_SECONDS),
        "SEARCH_RATE_LIMIT_PER_MINUTE": str(SEARCH_LIMIT),
    }
    topo = Topology(environ=environ, log=lambda line: print(f"[topology] {line}", flush=True))
    topo.start()
    yield topo
    topo.stop()


@pytest.fixture(autouse=True)
def _log_tails_on_failure(request):
    """A failing topology test shows what each process logged last."""
    yield
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and "topology" in request.fixturenames:
        topology = request.getfixturevalue("topology")
        for name, service in topology.services.items():
            print(f"--- {name} (pid {service.pid}, {'up' if service.running else 'down'})")
            print(service.log_tail(15))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report
