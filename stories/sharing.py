"""Share links without trackers: plain addresses of each network's share form.

Nothing of theirs loads on our pages (no buttons, widgets or pixels); a network learns of the
visit only when the reader clicks. Where the browser has the Web Share API, ``story.js`` offers
the system's share sheet first, and "Copy link" everywhere.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.utils.translation import gettext as _


def share_links(page, request=None) -> list[dict]:
    url = page.get_full_url(request)
    title = page.seo_title or page.title
    text = page.share_text() if hasattr(page, "share_text") else ""
    return [
        {
            "network": "facebook",
            "label": _("Share on Facebook"),
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {
            "network": "x",
            "label": _("Share on X"),
            "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "linkedin",
            "label": _("Share on LinkedIn"),
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        },
        {
            "network": "whatsapp",
            "label": _("Share on WhatsApp"),
            "url": "https://wa.me/?" + urlencode({"text": f"{title} {url}"}),
        },
        {
            "network": "email",
            "label": _("Share by email"),
            "url": "mailto:?"
            + urlencode({"subject": title, "body": f"{text}\n\n{url}".strip()}, quote_via=_quote),
        },
    ]


def _quote(value, safe="", encoding=None, errors=None):
    # mailto: wants %20 for spaces, not "+", or mail programs show the plus signs.
    from urllib.parse import quote

    return quote(value, safe=safe, encoding=encoding, errors=errors)
