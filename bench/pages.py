"""Page-serving benchmark: gunicorn on loopback, measured with wrk, against a static file
served by the same server in the same run.

    .venv/bin/python bench/pages.py [--seconds 8] [--connections 1,8]

Builds a throwaway SQLite site (demo content plus a 30-block story), starts gunicorn with the
production settings three times — page cache on; page cache off with the fragment caches
(stories/render_cache.py) warm; page cache off with them off ("cold", FRAGMENT_CACHE_SECONDS=0)
— and prints p50/p95 latency and throughput for the home page, the 30-block story, the story
listing and a static CSS file, each as a ratio to the static file, plus the database queries
each page costs in that mode. The navigation cache stays on, as in every earlier run.
Goals: cached throughput ≥ 0.5× static (issue #8); uncached 30-block story ≥ 1/20 of static
throughput at 1 and 8 connections with ≤ 10 queries (issue #18).
Needs Debian's wrk (apt-get install -y wrk).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from serve import (
    ROOT,
    build_site,
    free_port,
    load_average,
    manage,
    start_gunicorn,
    static_url,
    stop_gunicorn,
)

PAGES = {
    "static css": None,  # resolved after collectstatic (hashed name)
    "home": "/en/",
    "story (30 blocks)": "/en/stories/benchmark-story/",
    "story listing": "/en/stories/",
}
BUILD_STORY = """
import datetime
from stories.models import StoryIndexPage, StoryPage
from wagtail.images import get_image_model
from wagtail.models import Locale
index = StoryIndexPage.objects.get(locale=Locale.get_default())
image = get_image_model().objects.first()
blocks = []
for n in range(10):
    blocks.append(("text", f"<p>Paragraph {n}: life returns to the liberated areas.</p>"))
    blocks.append(("image", {"image": image, "alt_text": f"Picture {n}", "caption": "Caption"}))
    blocks.append(("quote", {"quote": f"Quote {n}", "attribution": "Someone"}))
story = StoryPage(title="Benchmark story", slug="benchmark-story", standfirst="Thirty blocks.",
                  date=datetime.date(2024, 1, 1), hero_image=image, hero_alt_text="Hero",
                  body=blocks)
index.add_child(instance=story)
story.save_revision().publish()
print(len(story.body))
"""
COUNT_QUERIES = """
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
for path in {paths!r}:
    client.get(path)  # warm renditions and caches of compiled templates
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(path).status_code
    print(f"QUERIES {{path}} {{status}} {{len(ctx.captured_queries)}}")
"""


def build_benchmark_site(workdir: Path) -> dict:
    env = build_site(workdir)
    manage(env, "shell", "-c", BUILD_STORY)
    PAGES["static css"] = static_url(env, "css/site.css")
    return env


def wrk(url: str, seconds: int, connections: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",  # wrk needs at least one connection per thread
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            str(ROOT / "bench/wrk_report.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    return {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", line)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", default="1,8", help="comma-separated")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    print(f"at start: {load_average()}", flush=True)

    with tempfile.TemporaryDirectory(prefix="storysite-bench-") as tmp:
        env = build_benchmark_site(Path(tmp))
        connections = [int(c) for c in args.connections.split(",")]
        modes = {
            "cached": {"PAGE_CACHE_SECONDS": "300"},
            "warm": {"PAGE_CACHE_SECONDS": "0"},
            "cold": {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
        }
        paths = [p for p in PAGES.values() if not p.startswith("/static")]
        query_counts = {}
        for mode in ("warm", "cold"):
            out = manage({**env, **modes[mode]}, "shell", "-c", COUNT_QUERIES.format(paths=paths))
            query_counts[mode] = dict(re.findall(r"QUERIES (\S+) \d+ (\d+)", out))

        results = {}
        for mode, extra in modes.items():
            port = free_port()
            server = start_gunicorn(env, port, extra_env=extra)
            try:
                # Page cache on: only the highest concurrency, as before.
                for conns in connections if mode != "cached" else connections[-1:]:
                    for name, path in PAGES.items():
                        url = f"http://127.0.0.1:{port}{path}"
                        urllib.request.urlopen(url, timeout=10).read()  # warm up
                        results[(mode, conns, name)] = wrk(url, args.seconds, conns)
            finally:
                stop_gunicorn(server)
        print(f"at end: {load_average()}", flush=True)

    print(
        f"\nwrk {args.seconds} s per URL, gunicorn 2 workers, {os.cpu_count()} cores, SQLite; "
        "warm = page cache off, fragment caches on; cold = both off\n"
    )
    header = (
        f"{'mode':7} {'conns':>5} {'page':18} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} "
        f"{'errors':>6} {'p50 ×static':>11} {'req/s ×static':>13} {'1/x':>5} {'queries':>7}"
    )
    print(header)
    print("-" * len(header))
    for mode, conns, name in results:
        r = results[(mode, conns, name)]
        static = results[(mode, conns, "static css")]
        ratio = r["rps"] / static["rps"]
        count = query_counts.get(mode, {}).get(PAGES[name], "-")
        print(
            f"{mode:7} {conns:5d} {name:18} {r['p50']:8.2f} {r['p95']:8.2f} {r['rps']:8.0f} "
            f"{int(r['errors']):6d} {r['p50'] / static['p50']:11.2f} {ratio:13.3f} "
            f"{1 / ratio:5.0f} {count:>7}"
        )
    top = connections[-1]
    cached = min(results[("cached", top, n)]["rps"] for n in PAGES if n != "static css")
    print(
        f"\ngoal cached ≥ 0.5× static throughput: worst page "
        f"{cached / results[('cached', top, 'static css')]['rps']:.2f}×"
    )
    story = "story (30 blocks)"
    for mode in ("warm", "cold"):
        for conns in connections:
            static = results[(mode, conns, "static css")]["rps"]
            ratio = results[(mode, conns, story)]["rps"] / static
            print(
                f"goal uncached story ≥ 1/20 of static ({mode}, {conns} conn): 1/{1 / ratio:.0f}, "
                f"{query_counts[mode].get(PAGES[story])} queries (goal ≤ 10)"
            )


if __name__ == "__main__":
    main()
