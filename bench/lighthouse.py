"""Lighthouse (mobile profile) on the home page, an English story and its Arabic (RTL) version,
served by gunicorn with production settings on loopback.

    npm ci --prefix bench/lighthouse       # once: Lighthouse 12.2.3 (Node ≥ 18.16)
    .venv/bin/python bench/lighthouse.py   # needs /usr/bin/chromium (scripts/system-deps.sh test)

The site is bench/serve.py's throwaway demo (DEBUG off, WhiteNoise static files, page cache
on); gunicorn runs ``bench.media_wsgi`` so images load as they would from the media bucket.
Prints the four category scores per page (performance, accessibility, best practices, SEO),
the key metrics (FCP, LCP, TBT, CLS, Speed Index) and every accessibility, best-practices or
SEO audit that fails. Full reports: test-artifacts/lighthouse/<page>.report.{html,json}.

Performance is Lighthouse's simulated mobile (slow 4G, 4× CPU slowdown) computed from a trace
taken on this machine, so it moves with the machine's load: the load average and Lighthouse's
own CPU benchmark index are printed beside the scores. Chromium is started with background
networking off, since the machine refuses outside connections. A run that fails (e.g.
NO_NAVSTART, which happens now and then) is retried twice; the exit status is 1 if a page could
not be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from serve import ROOT, build_site, listed_pages, load_average, serve_with_media, stop_gunicorn

NPM_DIR = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = NPM_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Column: (audit, divisor of its numericValue, format).
METRICS = {
    "FCP s": ("first-contentful-paint", 1000, ".1f"),
    "LCP s": ("largest-contentful-paint", 1000, ".1f"),
    "TBT ms": ("total-blocking-time", 1, ".0f"),
    "CLS": ("cumulative-layout-shift", 1, ".3f"),
    "SI s": ("speed-index", 1000, ".1f"),
}
# Prints the pages to measure: the English home, the first English story and its Arabic version.
PAGES = """
from wagtail.models import Locale
from stories.models import StoryPage
story = StoryPage.objects.live().filter(locale__language_code="en").order_by("path").first()
arabic = story.get_translation(Locale.objects.get(language_code="ar"))
print("PAGE home /en/")
print("PAGE story-en " + story.url)
print("PAGE story-ar " + arabic.url)
"""


def ensure_tools() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: scripts/system-deps.sh test (apt-get install chromium)")
    if not LIGHTHOUSE.exists():
        print("installing Lighthouse: npm ci --prefix bench/lighthouse", flush=True)
        subprocess.run(
            ["npm", "ci", "--prefix", str(NPM_DIR), "--no-audit", "--no-fund"], check=True
        )


def run_lighthouse(url: str, output: Path, tmp: Path, timeout: int = 300) -> dict | None:
    """One Lighthouse run; the parsed JSON report, or None if it failed."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    # TMPDIR: chrome-launcher's profile folder goes in our temporary directory, removed with it.
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(tmp)}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # Lighthouse and the Chromium it started
        process.communicate()
        print(f"  Lighthouse timed out after {timeout} s on {url}", flush=True)
        return None
    report_file = output.with_name(output.name + ".report.json")
    if process.returncode or not report_file.exists():
        print(f"  Lighthouse failed on {url}: {stderr.decode()[-800:]}", flush=True)
        return None
    report = json.loads(report_file.read_text())
    if report.get("runtimeError"):
        print(f"  Lighthouse runtime error on {url}: {report['runtimeError']}", flush=True)
        return None
    return report


def failing_audits(report: dict) -> dict[str, list[str]]:
    """Audits that count in a non-performance category and did not pass, by category."""
    failing = {}
    for category in CATEGORIES[1:]:
        ids = []
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in ("binary", "numeric") and (audit["score"] or 0) < 1:
                ids.append(f"{ref['id']}: {audit['title']}")
        failing[category] = ids
    return failing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=3, help="runs per page before giving up")
    args = parser.parse_args()
    ensure_tools()
    version = subprocess.run(
        [str(LIGHTHOUSE), "--version"], capture_output=True, text=True
    ).stdout.strip()
    chromium = subprocess.run(
        [CHROMIUM, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ).stdout.strip()
    print(f"Storysite Lighthouse run, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
    print(f"Lighthouse {version}, {chromium}, mobile profile (simulated throttling)")
    print(f"at start: {load_average()}", flush=True)
    if REPORTS.exists():
        shutil.rmtree(REPORTS)
    REPORTS.mkdir(parents=True)

    results: dict[str, dict | None] = {}
    with tempfile.TemporaryDirectory(prefix="storysite-lighthouse-") as tmp:
        env = build_site(Path(tmp))
        pages = listed_pages(env, PAGES)
        server, port = serve_with_media(env, Path(tmp))
        try:
            for name, path in pages:
                url = f"http://127.0.0.1:{port}{path}"
                # Warm up: renditions are made on the first visit, and each worker's page cache
                # filled (gunicorn hands a request to whichever worker takes it).
                for _ in range(4):
                    urllib.request.urlopen(url, timeout=120).read()
                print(f"measuring {name}: {path}", flush=True)
                for _ in range(args.tries):
                    results[name] = run_lighthouse(url, REPORTS / name, Path(tmp))
                    if results[name]:
                        break
        finally:
            stop_gunicorn(server)

    print(f"\nat end: {load_average()}")
    header = f"{'page':9} " + " ".join(f"{c[:14]:>14}" for c in CATEGORIES)
    header += " " + " ".join(f"{m:>7}" for m in METRICS) + f" {'CPU index':>9}"
    print("\n" + header)
    print("-" * len(header))
    for name, report in results.items():
        if not report:
            print(f"{name:9} no result")
            continue
        scores = " ".join(
            f"{round(report['categories'][c]['score'] * 100):>14}" for c in CATEGORIES
        )
        metrics = " ".join(
            format(report["audits"][audit]["numericValue"] / divisor, f">7{spec}")
            for audit, divisor, spec in METRICS.values()
        )
        index = report["environment"]["benchmarkIndex"]
        print(f"{name:9} {scores} {metrics} {index:>9.0f}")

    print()
    for name, report in results.items():
        if not report:
            continue
        for category, ids in failing_audits(report).items():
            for line in ids:
                print(f"{name}: {category} fails {line}")
    print(f"\nreports: {REPORTS.relative_to(ROOT)}/<page>.report.html and .json")
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
