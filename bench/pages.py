"""Page-serving benchmark: gunicorn on loopback, measured with wrk, against a static file
served by the same server in the same run.

    .venv/bin/python bench/pages.py [--seconds 8] [--connections 8]

Builds a throwaway SQLite site (demo content plus a 30-block story), starts gunicorn with the
production settings twice — page cache on, then off — and prints p50/p95 latency and
throughput for the home page, the 30-block story, the story listing and a static CSS file,
each as a ratio to the static file, plus the database queries each page costs uncached.
Goals (issue #8): cached throughput ≥ 0.5× static; uncached story p50 ≤ 10× static.
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
            "-t2",
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
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    print(f"at start: {load_average()}", flush=True)

    with tempfile.TemporaryDirectory(prefix="storysite-bench-") as tmp:
        env = build_benchmark_site(Path(tmp))
        queries = manage(
            {**env, "PAGE_CACHE_SECONDS": "0"},
            "shell",
            "-c",
            COUNT_QUERIES.format(paths=[p for p in PAGES.values() if not p.startswith("/static")]),
        )
        query_counts = dict(re.findall(r"QUERIES (\S+) \d+ (\d+)", queries))

        results = {}
        for mode, seconds in (("cached", 300), ("uncached", 0)):
            port = free_port()
            server = start_gunicorn(env, port, extra_env={"PAGE_CACHE_SECONDS": str(seconds)})
            try:
                for name, path in PAGES.items():
                    url = f"http://127.0.0.1:{port}{path}"
                    urllib.request.urlopen(url, timeout=10).read()  # warm up
                    results[(mode, name)] = wrk(url, args.seconds, args.connections)
            finally:
                stop_gunicorn(server)

    print(
        f"\nwrk {args.connections} connections, {args.seconds} s per URL, gunicorn 2 workers, "
        f"{os.cpu_count()} cores, SQLite\n"
    )
    header = (
        f"{'mode':9} {'page':18} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>6} "
        f"{'p50 ×static':>11} {'req/s ×static':>13} {'queries':>7}"
    )
    print(header)
    print("-" * len(header))
    for mode in ("cached", "uncached"):
        static = results[(mode, "static css")]
        for name, path in PAGES.items():
            r = results[(mode, name)]
            count = query_counts.get(path, "-") if mode == "uncached" else "-"
            print(
                f"{mode:9} {name:18} {r['p50']:8.2f} {r['p95']:8.2f} {r['rps']:8.0f} "
                f"{int(r['errors']):6d} {r['p50'] / static['p50']:11.2f} "
                f"{r['rps'] / static['rps']:13.2f} {count:>7}"
            )
    cached = min(results[("cached", n)]["rps"] for n in PAGES if n != "static css")
    story = results[("uncached", "story (30 blocks)")]["p50"]
    print(
        f"\ngoal cached ≥ 0.5× static throughput: worst page "
        f"{cached / results[('cached', 'static css')]['rps']:.2f}×"
    )
    print(
        f"goal uncached story p50 ≤ 10× static: "
        f"{story / results[('uncached', 'static css')]['p50']:.2f}×"
    )


if __name__ == "__main__":
    main()
