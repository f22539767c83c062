"""Every image rendition the site's templates ask for, in one place.

Templates must spell their ``{% picture %}`` / ``{% image %}`` specs literally (Wagtail parses them
when the template is compiled), so this list repeats them; ``tests/media_pipeline/
test_rendition_specs.py`` fails when a template asks for a spec missing here. The background task
in ``rendition_tasks.py`` generates all of them for every saved image, so no visitor's request
encodes an image.
"""

from __future__ import annotations

import itertools
import re

# Each entry as written in the templates (brace groups expand to one rendition per choice).
TEMPLATE_SPECS = (
    # stories/includes/responsive_image.html: hero (wide) and image blocks.
    "width-{640,1200,2000} format-{avif,webp,jpeg}",
    # partials/story_card.html, news_card.html, partner_index_page.html (cards).
    "fill-640x360 format-{avif,webp,jpeg}",
    # stories/blocks/related_story.html
    "fill-320x180 format-{avif,webp,jpeg}",
    # partials/social_post.html
    "fill-480x270 format-{avif,webp,jpeg}",
    # partner logos
    "fill-96x64 format-{avif,webp,jpeg}",
    # partials/social_meta.html and the JSON-LD image (link previews want JPEG).
    "fill-1200x630 format-jpeg",
)
BRACES = re.compile(r"\{([^}]*)\}")


def expand(spec: str) -> list[str]:
    """``"width-{640,1200} format-{webp,jpeg}"`` → ``["width-640|format-webp", …]``."""
    choices = []
    for segment in spec.split():
        match = BRACES.search(segment)
        if match:
            options = match.group(1).split(",")
            choices.append([BRACES.sub(option, segment, count=1) for option in options])
        else:
            choices.append([segment])
    return ["|".join(combo) for combo in itertools.product(*choices)]


def all_specs() -> list[str]:
    """Every single rendition spec, as Wagtail stores them (``op|op``)."""
    return sorted({one for spec in TEMPLATE_SPECS for one in expand(spec)})
