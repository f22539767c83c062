"""Admin panels of our own: the social card preview on the Promote tab."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .public_urls import public_base_url

CARD_RENDITION = "fill-1200x630|format-jpeg"


class SocialCardPreviewPanel(Panel):
    """How the page looks when its link is shared: the image, title, text and site address
    that link previews (OpenGraph, Twitter cards) take from ``partials/social_meta.html``.
    It shows the saved page: editors save a draft to see their changes here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Preview when shared"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/social_card_preview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            image = page.share_image() if hasattr(page, "share_image") else None
            context.update(
                card_title=page.seo_title or page.title,
                card_text=strip_tags(page.share_text()) if hasattr(page, "share_text") else "",
                card_image=image.get_rendition(CARD_RENDITION) if image is not None else None,
                card_site=urlsplit(public_base_url()).netloc,
            )
            return context
