"""Story page weight before any video plays, on a 390 px phone, in English, French and Arabic
(issues #15 and #16: budget ≤ 150 kB with a video on the page).

    .venv/bin/python bench/page_weight.py          # needs /usr/bin/chromium

Builds the production-like demo site (``bench/serve.py``: SQLite, demo content with its videos
transcoded, collected static files) and serves it with gunicorn and the media files
(``bench/media_wsgi.py``). Chromium (Playwright, 390×844, device pixel ratio 3, as a mid-range
phone) opens each demo story, waits until the network is idle and nothing has been fetched for
two seconds, and adds up what it received by kind: HTML, CSS, JS, fonts, images, video/audio.
gunicorn leaves HTML uncompressed (the proxy or CDN compresses it, docs/operations.md), so text
responses that arrive uncompressed are also counted at their Brotli size, as nginx would send
them ("proxied" column); static files are already compressed by WhiteNoise. The home page of each
language is measured the same way as the baseline, so the ratio says what a story costs on top.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve import build_site, listed_pages, load_average, serve_with_media, stop_gunicorn  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BUDGET = 150 * 1000
PHONE = {"width": 390, "height": 844}
TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml")
KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "font",
    "image": "image",
    "media": "media",
}
PAGES = """
from stories.models import StoryPage
from wagtail.models import Locale
for locale in Locale.objects.order_by("pk"):
    print("PAGE", locale.language_code, "home", f"/{locale.language_code}/")
    for story in StoryPage.objects.live().filter(locale=locale).order_by("path"):
        video = any(block.block_type in ("video", "background_video") for block in story.body)
        print("PAGE", locale.language_code, story.slug + ("*" if video else ""), story.url)
"""


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport=PHONE, device_scale_factor=3, is_mobile=True)
    page = context.new_page()
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(url, wait_until="networkidle")
    count = -1
    while count != len(seen):  # lazy images, fonts found late
        count = len(seen)
        page.wait_for_timeout(2000)
    totals: dict[str, int] = defaultdict(int)
    proxied, largest = 0, []
    for request in seen:
        response = request.response()
        if response is None:
            continue
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        kind = KINDS.get(request.resource_type, "other")
        totals[kind] += size
        encoded = response.headers.get("content-encoding")
        content_type = response.headers.get("content-type", "")
        if not encoded and content_type.startswith(TEXT):
            body = response.body()
            proxied += len(brotli.compress(body, quality=6)) - len(body)
        totals["all"] += size
        largest.append((size, kind, request.url.split("?")[0].rsplit("/", 1)[-1][:60]))
    totals["proxied"] = totals["all"] + proxied
    totals["largest"] = sorted(largest, reverse=True)[:6]
    totals["requests"] = len(seen)
    context.close()
    return totals


def main() -> None:
    from playwright.sync_api import sync_playwright

    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    print(f"bench/page_weight.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, {load_average()}")
    with tempfile.TemporaryDirectory(prefix="storysite-weight-") as tmp:
        env = build_site(Path(tmp))
        pages = listed_pages(env, PAGES)
        server, port = serve_with_media(env, Path(tmp))
        rows = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM)
                for language, name, path in pages:
                    url = f"http://127.0.0.1:{port}{path}"
                    for _ in range(3):  # renditions made on first view; page cache filled
                        urllib.request.urlopen(url, timeout=300).read()
                    rows.append((language, name, measure(browser, url)))
                browser.close()
        finally:
            stop_gunicorn(server)

    columns = ["html", "css", "js", "font", "image", "media", "other"]
    header = f"{'lang':4} {'page (* has video)':38} " + " ".join(f"{c:>7}" for c in columns)
    header += f" {'total':>8} {'proxied':>8} {'÷ home':>7} {'budget':>8}"
    print("\nkB transferred before any play (1 kB = 1000 bytes), 390×844 @3x")
    print(header)
    print("-" * len(header))
    homes = {language: totals["proxied"] for language, name, totals in rows if name == "home"}
    worst = 0
    for language, name, totals in rows:
        cells = " ".join(f"{totals[c] / 1000:7.1f}" for c in columns)
        proxied = totals["proxied"]
        verdict = "" if name == "home" else ("met" if proxied <= BUDGET else "OVER")
        if name != "home":
            worst = max(worst, proxied)
        print(
            f"{language:4} {name[:38]:38} {cells} {totals['all'] / 1000:8.1f} "
            f"{proxied / 1000:8.1f} {proxied / homes[language]:7.2f} {verdict:>8}"
        )
    heaviest = max((row for row in rows if row[1] != "home"), key=lambda row: row[2]["proxied"])
    print(f"\nlargest responses of the heaviest story ({heaviest[0]} {heaviest[1]}):")
    for size, kind, name in heaviest[2]["largest"]:
        print(f"   {size / 1000:7.1f} kB  {kind:6} {name}")
    print(
        f"\nbudget ≤ {BUDGET / 1000:.0f} kB per story (proxied): "
        f"{'met' if worst <= BUDGET else 'NOT met'} (heaviest story {worst / 1000:.1f} kB); "
        f"{load_average()}"
    )


if __name__ == "__main__":
    main()
