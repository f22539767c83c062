"""Issue #16's budget for every new storytelling block, in the demo stories as readers get them:
axe-core finds nothing serious or critical inside the block in English, French and Arabic (at
1280 px, and at 390 px where screenshots are taken), and each block is photographed at 390 x 844
and 1280 x 800 in English and Arabic: test-artifacts/screenshots/block-<name>-<lang>-<width>.png.

One browser and one tab per language: each demo story is opened once, checked and photographed
block by block at the wide size, then resized to the phone's width and photographed again.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import expect

from .conftest import ARTIFACTS

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}
PHOTOGRAPHED = ("en", "ar")
SERIOUS = ("serious", "critical")

# Each new block (or story feature), the demo story that has it, and the element that is it.
BLOCKS = {
    "zahra-draws-again-raqqa": [
        ("cover-full-screen", ".cover--full_screen"),
        ("campaign-hashtag", ".story__campaign"),
        ("chapters", "nav.chapters"),
        ("audio", ".audio-player"),
        ("scrollytelling", ".block-scrolly"),
        ("background-video", ".block-ambient"),
        ("related-story", ".block-related"),
        ("share", ".share"),
        ("back-to-top", ".back-to-top"),
        ("reading-progress", ".reading-progress"),
    ],
    "four-schools-dohuk": [
        ("cover-split", ".cover--split"),
        ("interactive-map", ".block-geomap"),
        ("chart", ".block-chart"),
    ],
    "mosul-blacksmith-market": [
        ("before-after", ".block-before-after"),
    ],
}

# Resolves when the element's pictures have loaded (lazy ones were just scrolled to), or after
# five seconds, so a slow rendition makes a blank picture in the artifact, not a hung test.
PICTURES_LOADED = """el => Promise.race([
    Promise.all([...el.querySelectorAll('img')].map(img => img.complete ? null
        : new Promise(done => {
            img.addEventListener('load', done);
            img.addEventListener('error', done);
        }))),
    new Promise(done => setTimeout(done, 5000)),
])"""

# The block's violations, and the rules axe could not decide there (reported, for a person to look
# at: text over a picture, a muted loop's captions).
AXE_IN = """selector => axe.run({include: [selector]}, {resultTypes: ['violations']})
    .then(results => ({
        violations: results.violations.map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.map(n => n.target.join(' '))})),
        review: results.incomplete.map(v => v.id),
        passed: results.passes.length,
    }))"""


def story_urls(language: str) -> dict[str, str]:
    from stories.models import StoryPage

    urls = {}
    for slug in BLOCKS:
        english = StoryPage.objects.get(locale__language_code="en", slug=slug)
        urls[slug] = StoryPage.objects.get(
            locale__language_code=language, translation_key=english.translation_key
        ).url
    return urls


# Blocks photographed as the screen shows them rather than as an element: the bar is 4 px at the
# top of the screen, and scrollytelling's pinned media is only where the screen is.
ON_SCREEN = {"reading-progress", "scrollytelling"}

# The first step's card in the middle of the screen, where it becomes the step being read.
FIRST_STEP_IN_MIDDLE = """el => {
    const card = el.querySelector('.block-scrolly__card').getBoundingClientRect();
    window.scrollBy(0, card.top + card.height / 2 - window.innerHeight / 2);
}"""


def bring_into_view(tab, name: str, selector: str):
    element = tab.locator(selector).first
    if name == "reading-progress":
        # The bar shows once the reader is into the story: halfway down it.
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    elif name == "scrollytelling":
        element.scroll_into_view_if_needed()
        element.evaluate(FIRST_STEP_IN_MIDDLE)
        expect(element).to_have_attribute("data-active-step", "0")
        # Photographed once its picture has faded in, not half-way.
        expect(element.locator(".block-scrolly__layer.is-active")).to_have_css("opacity", "1")
    else:
        element.scroll_into_view_if_needed()
    element.evaluate(PICTURES_LOADED)
    return element


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_new_blocks_have_no_serious_axe_findings_and_are_photographed(
    demo_server, browser, language
):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=WIDE)
    # A returning visitor: neither the cookie banner nor the tour invitation covers a block.
    context.add_cookies(
        [{"name": "storysite_consent", "value": "declined", "url": demo_server.url}]
    )
    context.add_init_script("localStorage.setItem('storysite-tour', 'done')")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    found: dict[str, list[str]] = {}
    serious: list[str] = []
    review: dict[str, set[str]] = {}
    for slug, url in story_urls(language).items():
        tab.set_viewport_size(WIDE)
        assert tab.goto(demo_server.url + url).status == 200, url
        tab.evaluate(AXE_SCRIPT)  # once per page; each block's run is scoped to the block
        sizes = (WIDE, NARROW) if language in PHOTOGRAPHED else (WIDE,)
        for size in sizes:
            tab.set_viewport_size(size)
            for name, selector in BLOCKS[slug]:
                assert tab.locator(selector).count() >= 1, f"{slug} ({language}) has no {name}"
                element = bring_into_view(tab, name, selector)
                results = tab.evaluate(AXE_IN, selector)
                # A block axe found nothing to check in would pass whatever it held.
                assert results["passed"], f"axe checked nothing in {name} ({language})"
                for finding in results["violations"]:
                    line = f"{finding['id']} ({finding['impact']}) at {size['width']} px"
                    found.setdefault(name, []).append(line)
                    if finding["impact"] in SERIOUS:
                        serious.append(f"{name}: {line}: {', '.join(finding['targets'])}")
                review.setdefault(name, set()).update(results["review"])
                if language in PHOTOGRAPHED:
                    path = str(ARTIFACTS / f"block-{name}-{language}-{size['width']}.png")
                    if name in ON_SCREEN:
                        tab.screenshot(path=path)
                    else:
                        element.screenshot(path=path)
    context.close()
    checked = [name for blocks in BLOCKS.values() for name, _selector in blocks]
    print(f"\naxe-core, {language}: {len(checked)} blocks checked")
    for name in checked:
        findings = "; ".join(found.get(name, [])) or "no violations"
        unsure = ", ".join(sorted(review.get(name, ()))) or "none"
        print(f"  {name}: {findings} (needs review: {unsure})")
    assert serious == [], "\n".join(serious)
