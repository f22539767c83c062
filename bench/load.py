"""Load test: mixed anonymous traffic at a fixed arrival rate (default 200 requests/s for 60 s)
against gunicorn on loopback, with a static-file baseline at the same rate in the same run.

    .venv/bin/python bench/load.py                     # 200 req/s, 60 s (issue #8 goal)
    .venv/bin/python bench/load.py --duration 10       # quick check
    .venv/bin/python bench/load.py --rate 300 --workers 3 --threads 4

The site is the one bench/pages.py serves (bench/serve.py: production settings, DEBUG off,
WhiteNoise, page cache on, SQLite with the demo content). Traffic mixes home pages in English,
French and Arabic, stories, listings (campaign/topic filters, ?page=), "Load more" fragments,
news/digest/explainer/partner pages, searches, autocomplete, feeds, the sitemap, the static
files pages load, and a few deliberate 404s (shares in MIX below). Media files are left out: in
production they come from S3/a CDN, not from gunicorn.

Why a generator of our own rather than locust: the goal is an *offered* rate, so requests must
leave on schedule whatever the server does (open loop, like wrk2). Locust's constant_throughput
is a closed loop per simulated user — a slow response delays that user's next request, so the
load eases exactly when the server struggles — and locust measures from the actual send, hiding
the queueing (coordinated omission). wrk2 is not packaged by Debian. So this script schedules
request i at start + i/rate on one asyncio loop, opens a new loopback connection per request
(gunicorn closes it after the response anyway, as it does for a browser without keep-alive) and
measures latency from the *scheduled* time, so a stalled server or a late generator both show
up in the figures. It needs no dependency, and one asyncio thread costs far less CPU than
locust's gevent users — which matters on a 2-core machine where the generator shares the CPU
with the server: its own CPU use and how late it sent requests are printed, so a reader can
tell generator lag from server latency.

Each request comes from one of --visitors loopback addresses (127.0.x.y are all loopback on
Linux) so the per-address search rate limit stays on, as in production, without one address
exhausting it. Errors: a status other than 2xx/3xx (404 for the deliberate 404s), a timeout or
a connection error; any error makes the exit status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from serve import (
    GUNICORN,
    build_site,
    free_port,
    load_average,
    manage,
    process_tree_cpu_seconds,
    start_gunicorn,
    static_url,
    stop_gunicorn,
)

# Share of each kind of request in the mixed traffic (per cent).
MIX = {
    "home": 14,
    "story": 22,
    "listing": 12,
    "load more": 5,
    "article": 10,
    "search": 6,
    "autocomplete": 3,
    "feed": 3,
    "sitemap": 1,
    "static": 22,
    "404": 2,
}
SEARCHES = {
    "en": ["school", "schools dohuk", "blacksmith market", "heritage", "children drawing", "qwzx"],
    "fr": ["école", "forgerons mossoul", "enfants", "patrimoine"],
    "ar": ["مدارس", "سوق الحدادين", "الموصل", "أطفال"],
}
PREFIXES = {"en": ["sc", "mos", "bla"], "fr": ["éc", "for"], "ar": ["مد", "سو"]}
NOT_FOUND = [
    "/en/stories/this-story-does-not-exist/",
    "/fr/recits/page-supprimee/",
    "/ar/no-such-page/",
    "/wp-login.php",
    "/.env",
]
# Prints the visitor URLs of the demo site as JSON, by kind.
DISCOVER = """
import json
from wagtail.models import Page
from stories.models import Campaign
from taggit.models import Tag
from home.models import HomePage
from stories.models import (CampaignPage, DigestPage, ExplainerPage, NewsIndexPage, NewsPage,
                            PartnerIndexPage, PartnerPage, StoryIndexPage, StoryPage)
urls = {"home": [], "story": [], "listing": [], "load more": [], "article": []}
for page in Page.objects.live().public().specific():
    url = page.url
    if isinstance(page, HomePage):
        urls["home"].append(url)
    elif isinstance(page, StoryPage):
        urls["story"].append(url)
    elif isinstance(page, (NewsPage, DigestPage, ExplainerPage, PartnerPage)):
        urls["article"].append(url)
    elif isinstance(page, (StoryIndexPage, CampaignPage, NewsIndexPage, PartnerIndexPage)):
        urls["listing"] += [url, url + "?page=2"]
        if isinstance(page, (StoryIndexPage, CampaignPage, NewsIndexPage)):
            urls["load more"] += [url + "?fragment=1&page=2", url + "?fragment=1&page=1"]
        if isinstance(page, StoryIndexPage):
            campaigns = Campaign.objects.filter(locale=page.locale).values_list("slug", flat=True)
            urls["listing"] += [url + "?campaign=" + slug for slug in campaigns]
            urls["listing"] += [url + "?topic=" + t.slug + "&page=2" for t in Tag.objects.all()]
            urls["load more"] += [url + "?fragment=1&page=2&topic=" + t.slug
                                  for t in Tag.objects.all()]
print("URLS " + json.dumps(urls))
"""
STATIC_REF = re.compile(r'(?:src|href)="(/static/[^"]+)"')


@dataclass(frozen=True)
class Target:
    kind: str
    path: str

    @property
    def expected_404(self) -> bool:
        return self.kind == "404"


@dataclass
class Result:
    kind: str
    path: str
    latency: float  # seconds from the scheduled send time to the last byte
    send_lag: float  # seconds the generator sent after the scheduled time
    status: int = 0
    error: str = ""


def discover_targets(env: dict, port: int) -> dict[str, list[str]]:
    """Every URL of the mix, by kind, from the demo's pages and the HTML they serve."""
    output = manage(env, "shell", "-c", DISCOVER)
    urls = json.loads(next(line for line in output.splitlines() if line.startswith("URLS "))[5:])
    urls["search"] = [
        f"/{lang}/search/?q={quote(q)}" for lang, queries in SEARCHES.items() for q in queries
    ]
    urls["search"] += [f"/{lang}/search/?q={quote(SEARCHES[lang][0])}&page=2" for lang in SEARCHES]
    urls["autocomplete"] = [
        f"/{lang}/search/suggest/?q={quote(p)}"
        for lang, prefixes in PREFIXES.items()
        for p in prefixes
    ]
    urls["feed"] = [
        f"/{lang}/feeds/{feed}/"
        for lang in SEARCHES
        for feed in ("stories", "stories/atom", "news")
    ]
    urls["sitemap"] = ["/sitemap.xml"]
    urls["404"] = NOT_FOUND
    static = set()
    for path in urls["home"] + urls["story"][:3] + urls["article"][:1]:
        html = urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()
        static.update(STATIC_REF.findall(html.decode()))
    urls["static"] = sorted(static)
    return urls


def warm_up(port: int, urls: dict[str, list[str]], rounds: int) -> None:
    """Fetch every URL a few times, so image renditions exist and each worker has compiled its
    templates before the clock starts (gunicorn hands connections to whichever worker is free)."""
    for _ in range(rounds):
        for paths in urls.values():
            for path in paths:
                with contextlib.suppress(urllib.error.HTTPError):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()


def schedule(urls: dict[str, list[str]], count: int, seed: int) -> list[Target]:
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [Target(kind, rng.choice(urls[kind])) for kind in kinds]


async def fetch(port: int, target: Target, scheduled: float, source: str, timeout: float) -> Result:
    loop = asyncio.get_running_loop()
    result = Result(target.kind, target.path, 0.0, loop.time() - scheduled)
    request = (
        f"GET {target.path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "User-Agent: storysite-bench-load\r\nAccept: text/html,*/*\r\n"
        "Accept-Encoding: gzip, br\r\nAccept-Language: en\r\nConnection: close\r\n\r\n"
    ).encode()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=(source, 0)
            )
            writer.write(request)
            status_line = await reader.readline()
            while await reader.read(65536):  # the server closes after the body
                pass
        result.status = int(status_line.split()[1])
    except TimeoutError:
        result.error = "timeout"
    except (OSError, IndexError, ValueError) as error:
        result.error = type(error).__name__
    finally:
        if writer is not None:
            writer.close()
    result.latency = loop.time() - scheduled
    ok = result.status == 404 if target.expected_404 else 200 <= result.status < 400
    if not result.error and not ok:
        result.error = f"HTTP {result.status}"
    return result


async def run_phase(
    port: int, targets: list[Target], rate: float, visitors: int, timeout: float
) -> tuple[list[Result], float]:
    """Send ``targets`` at ``rate`` per second on schedule; returns the results and the wall
    time from the first scheduled send to the last response."""
    loop = asyncio.get_running_loop()
    sources = [f"127.0.{1 + n // 250}.{1 + n % 250}" for n in range(visitors)]
    rng = random.Random(1)
    start = loop.time() + 0.05
    tasks = []
    for i, target in enumerate(targets):
        scheduled = start + i / rate
        delay = scheduled - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(
            asyncio.create_task(fetch(port, target, scheduled, rng.choice(sources), timeout))
        )
    results = await asyncio.gather(*tasks)
    return results, loop.time() - start


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))] * 1000


def allow_many_sockets() -> None:
    """An overloaded server leaves up to rate × timeout connections open: raise the soft limit
    on open files, so the generator never fails on its own side first."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else hard
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))


def measure(port: int, server_pid: int, targets: list[Target], args: argparse.Namespace) -> dict:
    server_cpu = process_tree_cpu_seconds(server_pid)
    own = resource.getrusage(resource.RUSAGE_SELF)
    results, wall = asyncio.run(run_phase(port, targets, args.rate, args.visitors, args.timeout))
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "results": results,
        "wall": wall,
        "server_cores": (process_tree_cpu_seconds(server_pid) - server_cpu) / wall,
        "generator_cores": (after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime) / wall,
    }


ROW = "{:<16} {:>6} {:>9} {:>7} {:>8} {:>8} {:>8} {:>8}"


def row(name: str, results: list[Result], share: str = "") -> str:
    latencies = [r.latency for r in results if not r.error]
    errors = sum(1 for r in results if r.error)
    return ROW.format(
        name,
        share,
        len(results),
        errors,
        f"{percentile(latencies, 50):.1f}",
        f"{percentile(latencies, 95):.1f}",
        f"{percentile(latencies, 99):.1f}",
        f"{max(latencies, default=0) * 1000:.0f}",
    )


def report(name: str, phase: dict, rate: float, duration: float) -> None:
    results = phase["results"]
    answered = sum(1 for r in results if not r.error or r.error.startswith("HTTP"))
    lags = [r.send_lag for r in results]
    print(
        f"\n{name}: offered {rate:.0f} req/s for {duration:g} s = {len(results)} requests; "
        f"achieved {answered / phase['wall']:.1f} responses/s over {phase['wall']:.1f} s"
    )
    print(
        f"  CPU: gunicorn {phase['server_cores']:.2f} cores, load generator "
        f"{phase['generator_cores']:.2f} cores; generator send lag p99 "
        f"{percentile(lags, 99):.1f} ms, max {max(lags) * 1000:.1f} ms"
    )
    header = ROW.format(
        "kind", "share", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"
    )
    print("  " + header)
    print("  " + "-" * len(header))
    by_kind = defaultdict(list)
    for result in results:
        by_kind[result.kind].append(result)
    if len(by_kind) > 1:
        for kind in MIX:
            print("  " + row(kind, by_kind[kind], f"{MIX[kind]}%"))
        print("  " + "-" * len(header))
    print("  " + row("all", results, "100%"))
    errors = Counter((r.error, r.kind) for r in results if r.error)
    for (error, kind), count in errors.most_common(10):
        example = next(r.path for r in results if r.error == error and r.kind == kind)
        print(f"  error: {count} × {error} on {kind}, e.g. {example}")


def print_server_log(lines: list[str], limit: int = 40) -> None:
    """gunicorn's log, less Django's "Not Found" warnings (the deliberate 404s)."""
    notable = [line for line in lines if not line.startswith("Not Found:")]
    if notable:
        print(f"\nserver log ({len(notable)} lines besides 404 warnings, first {limit}):")
        print("\n".join("  " + line for line in notable[:limit]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests per second offered")
    parser.add_argument("--duration", type=float, default=60, help="seconds of mixed traffic")
    parser.add_argument(
        "--baseline-duration", type=float, default=10, help="seconds of static-file baseline"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (gthread)")
    parser.add_argument("--page-cache-seconds", type=int, default=60)
    parser.add_argument("--visitors", type=int, default=250, help="loopback source addresses")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before an error")
    args = parser.parse_args()
    allow_many_sockets()
    print(f"Storysite load test, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    print(f"at start: {load_average()}", flush=True)

    with tempfile.TemporaryDirectory(prefix="storysite-load-") as tmp:
        env = build_site(Path(tmp))
        port = free_port()
        server_log = Path(tmp) / "gunicorn.log"
        server = start_gunicorn(
            env,
            port,
            workers=args.workers,
            threads=args.threads,
            extra_env={"PAGE_CACHE_SECONDS": str(args.page_cache_seconds)},
            log=server_log,
        )
        try:
            urls = discover_targets(env, port)
            warm_up(port, urls, rounds=args.workers)
            baseline = [Target("static", static_url(env, "css/site.css"))] * int(
                args.rate * args.baseline_duration
            )
            print(f"after warm-up: {load_average()}", flush=True)
            static_phase = measure(port, server.pid, baseline, args)
            mixed = schedule(urls, int(args.rate * args.duration), seed=8)
            mixed_phase = measure(port, server.pid, mixed, args)
        finally:
            stop_gunicorn(server)
            log_lines = server_log.read_text(errors="replace").splitlines()

    version = subprocess.run([GUNICORN, "--version"], capture_output=True, text=True).stdout.strip()
    worker_class = "gthread" if args.threads > 1 else "sync"
    print(
        f"\nserver: {version}, {args.workers} workers × {args.threads} threads ({worker_class}), "
        f"production settings, SQLite, page cache {args.page_cache_seconds} s per process "
        f"(no Redis), search rate limit on ({args.visitors} loopback client addresses)"
    )
    print(
        "generator: open loop at a constant arrival rate, a new connection per request; "
        "latency of answered requests from their scheduled send time"
    )
    print(
        f"URLs: {sum(len(v) for v in urls.values())} distinct "
        f"({', '.join(f'{k} {len(v)}' for k, v in urls.items())})"
    )
    report("static baseline (css/site.css)", static_phase, args.rate, args.baseline_duration)
    report("mixed anonymous traffic", mixed_phase, args.rate, args.duration)

    mixed_ok = [r.latency for r in mixed_phase["results"] if not r.error]
    static_ok = [r.latency for r in static_phase["results"] if not r.error]
    errors = sum(1 for r in mixed_phase["results"] + static_phase["results"] if r.error)
    p95 = percentile(mixed_ok, 95)
    print(
        f"\np95 mixed {p95:.1f} ms = {p95 / percentile(static_ok, 95):.1f}× static baseline p95; "
        f"median {statistics.median(mixed_ok) * 1000:.1f} ms"
    )
    verdict = "met" if not errors else f"NOT met: {errors} errors"
    print(f"goal {args.rate:.0f} req/s for {args.duration:g} s with no errors: {verdict}")
    print(f"at end: {load_average()}")
    print_server_log(log_lines)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
