"""Template tags for the visitor's site: schema.org data for articles, public addresses."""

from __future__ import annotations

import json

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from ..public_urls import public_url as absolute_public_url

register = template.Library()

SHARE_RENDITION = "fill-1200x630|format-jpeg"


@register.simple_tag
def share_rendition(image):
    """``{% share_rendition image as social %}``: the link-preview picture, or None when the
    image's original cannot be read (a preview without a picture beats a page that fails, and
    beats Wagtail's "not found" placeholder as og:image)."""
    if image is None:
        return None
    try:
        return image.get_rendition(SHARE_RENDITION)
    except SourceImageIOError:
        return None


# The characters json_script escapes, so a title containing "</script>" cannot end the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def article_data(page: Page, request, site_name: str) -> dict:
    """schema.org NewsArticle for a story, news article, digest, explainer or spotlight."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "publisher": {"@type": "Organization", "name": site_name},
    }
    summary = page.summary_text() if hasattr(page, "summary_text") else ""
    if summary:
        data["description"] = strip_tags(summary)
    date = getattr(page, "date", None)
    if date:
        data["datePublished"] = date.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    image = page.share_image() if hasattr(page, "share_image") else None
    rendition = share_rendition(image)
    if rendition is not None:
        data["image"] = [absolute_public_url(rendition.url)]
    location = getattr(page, "location", "")
    if location:
        data["contentLocation"] = {"@type": "Place", "name": location}
    return data


@register.simple_tag
def public_url(url: str) -> str:
    """``{% public_url rendition.url %}``: one absolute address, for link previews."""
    return absolute_public_url(url)


@register.simple_tag(takes_context=True)
def article_jsonld(context) -> SafeString:
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return mark_safe("")  # noqa: S308 (constant)
    from django.conf import settings

    payload = json.dumps(
        article_data(page, request, settings.WAGTAIL_SITE_NAME), ensure_ascii=False
    ).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.inclusion_tag("stories/includes/campaign_link.html", takes_context=True)
def campaign_link(context, campaign, css_class: str = "") -> dict:
    """``{% campaign_link story.campaign "story-card__campaign" %}``: the hashtag, linked to its
    campaign page when one is live in this language (plain text otherwise)."""
    from ..campaigns import campaign_url

    return {
        "campaign": campaign,
        "css_class": css_class,
        "url": campaign_url(context.get("request"), campaign),
    }


@register.simple_tag(takes_context=True)
def campaign_href(context, campaign) -> str:
    """``{% campaign_href post.campaign as url %}``: its campaign page's address, or ""."""
    from ..campaigns import campaign_url

    return campaign_url(context.get("request"), campaign)


@register.simple_tag(takes_context=True)
def share_links(context, page) -> list[dict]:
    """Plain links that share ``page`` on the usual networks: no script of theirs runs here."""
    from ..sharing import share_links as links

    return links(page, context.get("request"))
