"""Renditions fetched in bulk: a page with many images asks the database once for all their
renditions instead of asking the cache once per image and size (a network round trip each with
Redis, and a pickled copy written back every time).

Every rendition of each image is fetched, not only the sizes today's templates use: Wagtail
trusts prefetched renditions, so a size missing from them would be generated again with Pillow
on every request (``create_rendition`` makes the file before it finds the existing row).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Model, prefetch_related_objects
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images.models import AbstractImage


def images_in(value: Any) -> Iterator[AbstractImage]:
    """Every image in a block value (a StreamField's value, a struct, a list) or a list of them,
    however nested,
    and the already-loaded images of pages it points to (a related story's hero)."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from images_in(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield from images_in(item)
    elif isinstance(value, (ListValue, list, tuple)):
        for item in value:
            yield from images_in(item)
    elif isinstance(value, Model):
        yield from loaded_images(value)


def loaded_images(instance: Model) -> Iterator[AbstractImage]:
    """Images ``instance`` already holds through foreign keys (``select_related`` or an earlier
    access); none is loaded here."""
    for related in instance._state.fields_cache.values():
        if isinstance(related, AbstractImage):
            yield related


def prefetch_renditions(images: Iterable[AbstractImage | None]) -> None:
    """Attach all existing renditions to each of ``images`` with one query; ``{% image %}``,
    ``{% srcset_image %}`` and ``get_renditions`` then find them without the cache."""
    pending = {
        id(image): image
        for image in images
        if image is not None and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
    }
    if pending:
        prefetch_related_objects(list(pending.values()), "renditions")
