"""Marks the pages the anonymous page cache may store (delivery/page_cache.py)."""

from wagtail import hooks

from .page_cache import mark_page_cacheable

# After Wagtail's view-restriction check (registered at the default order 0) in the serve chain.
hooks.register("on_serve_page", mark_page_cacheable, order=1)
