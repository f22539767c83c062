"""Rendered fragments (story bodies, related-story cards, topic links, pictures) and page routes
kept across requests in the ``fragments`` cache, so a page whose whole-page copy is gone (a
publish elsewhere, a signed-in editor, a cookie) still skips most of its rendering and queries.

A fragment's key holds everything its HTML depends on:

- the *render generation*, which moves whenever content that fragments may show changes: any
  page published, unpublished, moved or deleted; any image, document or snippet saved or
  deleted (related-story cards, rich-text links and pictures show other objects). It is ours,
  bumped by the signals below, independent of the page cache's generation in ``delivery/``;
- each page's live revision id (a publish gives a new one);
- the active language (``/ar/`` and ``/fr/`` never share HTML);
- ``TEMPLATE_VERSION``, a digest of every template file and of the rendition specs, so a deploy
  that changes a template or a size never serves HTML rendered by the old one from a shared Redis.

Previews and draft views (``request.is_preview``) neither read nor store fragments: their page
object holds a draft while its ``live_revision_id`` still names the published revision. CSP
nonces a fragment carries are stored as a placeholder and replaced by the current request's.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import models, transaction
from django.utils.translation import get_language
from wagtail.models import Page

logger = logging.getLogger(__name__)

ALIAS = "fragments"
GENERATION_KEY = "render-generation"
NONCE_PLACEHOLDER = "\x00csp-nonce\x00"
MISSING = object()


def _template_digest() -> str:
    """Digest of every template file the site renders and of the rendition specs."""
    from media_pipeline.rendition_specs import all_specs

    digest = hashlib.sha256(repr(sorted(all_specs())).encode())
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    dirs += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    for folder in dirs:
        if not folder.is_dir() or ".venv" in folder.parts or "site-packages" in folder.parts:
            continue
        for path in sorted(folder.rglob("*.html")):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


_version: str | None = None


def template_version() -> str:
    global _version
    if _version is None:
        _version = _template_digest()
    return _version


# --- The render generation ---------------------------------------------------------------------


def timeout() -> int:
    """Fragments are made stale by their key; the lifetime only bounds memory."""
    return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 24 * 60 * 60))


def current_generation() -> int | None:
    """The generation fragments are stored under; None when fragments are turned off or the
    cache cannot be reached (then nothing is cached, since it could not be invalidated)."""
    if timeout() <= 0:
        return None
    cache = caches[ALIAS]
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Milliseconds since the epoch: a generation lost from the cache comes back higher.
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _bump() -> None:
    cache = caches[ALIAS]
    try:
        bumped = cache.incr(GENERATION_KEY)
    except ValueError:
        bumped = cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
    if bumped is None:
        logger.warning("Could not reach the fragments cache to invalidate rendered fragments.")


def invalidate(**_kwargs: Any) -> None:
    """Make every stored fragment and route stale: at once, and again after the commit, since
    a request that started in between read the rows as they were and may have stored them."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


# --- Fragments ---------------------------------------------------------------------------------


def key_part(value: Any) -> str | None:
    """What of ``value`` a fragment depends on; None means "do not cache" (a page shown from a
    draft or never published)."""
    if isinstance(value, Page):
        if not value.live or value.live_revision_id is None:
            return None
        return f"page{value.pk}r{value.live_revision_id}"
    if isinstance(value, models.Model):
        return f"{value._meta.label_lower}{value.pk}:{getattr(value, 'file_hash', '')}"
    return repr(value)


def fragment_key(name: str, vary_on: Sequence[Any], generation: int) -> str | None:
    parts = [name, str(generation), template_version(), get_language() or ""]
    for value in vary_on:
        part = key_part(value)
        if part is None:
            return None
        parts.append(part)
    return "fragment:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def may_use_cache(request) -> bool:
    return request is not None and not getattr(request, "is_preview", False)


def _nonce(request) -> str | None:
    nonce = getattr(request, "csp_nonce", None)
    return str(nonce) if nonce is not None else None


def cached_fragment(request, name: str, vary_on: Sequence[Any], render: Callable[[], str]) -> str:
    """``render()``'s HTML, kept under a key made from ``name`` and ``vary_on``."""
    generation = current_generation() if may_use_cache(request) else None
    key = fragment_key(name, vary_on, generation) if generation is not None else None
    if key is None:
        return render()
    cache = caches[ALIAS]
    html = cache.get(key)
    if html is not None:
        if NONCE_PLACEHOLDER in html:
            html = html.replace(NONCE_PLACEHOLDER, _nonce(request) or "")
        return html
    html = render()
    stored = html
    if "nonce" in html:
        # Only a rendered nonce appears in the HTML, so reading it here creates none.
        nonce = _nonce(request)
        if nonce:
            stored = html.replace(nonce, NONCE_PLACEHOLDER)
    cache.set(key, stored, timeout())
    return html


class Deferred(Sequence):
    """A list built on first use: context that only a fragment which missed the cache reads
    (related stories, topics) costs no query when the fragment is found."""

    def __init__(self, build: Callable[[], list]) -> None:
        self._build = build
        self._items: list | None = None

    @property
    def items(self) -> list:
        if self._items is None:
            self._items = list(self._build())
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator:
        return iter(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


# --- Routes ------------------------------------------------------------------------------------


def find_descendant(root: Page, path_components: list[str]) -> Page | None:
    """The page at ``path_components`` below ``root`` (live or not, as Wagtail's own routing
    finds it), in one query: its id and type come from a cached map of URL paths."""
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    generation = current_generation()
    cache = caches[ALIAS]
    key = f"route:{generation}:{root.pk}:{hashlib.sha256(url_path.encode()).hexdigest()}"
    found = cache.get(key, MISSING) if generation is not None else MISSING
    if found is MISSING:
        found = (
            Page.objects.filter(url_path=url_path, path__startswith=root.path)
            .values_list("pk", "content_type_id")
            .first()
        )
        if generation is not None:
            cache.set(key, found, timeout())
    if found is None:
        return None
    from django.contrib.contenttypes.models import ContentType

    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return model.objects.filter(pk=pk).first()


def connect_signals() -> None:
    """Called from ``StoriesConfig.ready``."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    uid = "stories.render_cache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.page_published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.page_unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.post_page_move")
    published.connect(invalidate, dispatch_uid=f"{uid}.published")  # snippets with drafts
    unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_save.connect(_on_save, dispatch_uid=f"{uid}.post_save")
    post_delete.connect(_on_delete, dispatch_uid=f"{uid}.post_delete")


def _watched(sender) -> bool:
    """Images, documents and snippets: what cards, pictures and links in fragments show. Read
    when a signal arrives, since snippets register themselves after ``ready()``."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return sender in (get_image_model(), get_document_model()) or sender in get_snippet_models()


def _on_save(sender, raw: bool = False, **kwargs) -> None:
    if not raw and _watched(sender):
        invalidate()


def _on_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) or _watched(sender):
        invalidate()
