"""A video or post hosted elsewhere (YouTube, Vimeo), loaded only after the visitor consents.

Third-party players set cookies, so the page renders a placeholder with a link to the original;
``static/js/site.js`` swaps in a privacy-enhanced player once cookies are accepted. The
media pipeline's own ``video`` block is separate and needs no consent.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import previews

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def player_url(url: str) -> str | None:
    """The embeddable player address for a known provider's page URL, else ``None``."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/")
    if video_id and _YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in {"vimeo.com", "player.vimeo.com"}:
        digits = [part for part in parsed.path.split("/") if part.isdigit()]
        if digits:
            return f"https://player.vimeo.com/video/{digits[-1]}?dnt=1"
    return None


class ConsentEmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Address of the video"),
        help_text=_("A YouTube or Vimeo page, e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("What the video is, e.g. “Zahra draws”.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if player_url(value.get("url", "")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Use the address of a YouTube or Vimeo video, starting with https://.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player_url"] = player_url(value.get("url", ""))
        context["provider"] = urlparse(value.get("url", "")).hostname or ""
        return context

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "stories/blocks/embed.html"
        help_text = _("A YouTube or Vimeo video; it loads only after the visitor accepts cookies.")
        description = _("A video hosted on YouTube or Vimeo, shown after cookie consent.")
        preview_value = staticmethod(previews.embed)
