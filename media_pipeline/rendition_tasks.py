"""Renditions made ahead of visitors: after an image is saved, or a page that shows images is
published, a task on the ``default`` queue makes every rendition in ``rendition_specs`` that the
image still lacks (AVIF encoding takes a noticeable fraction of a second per size)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import models, transaction
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from . import conf
from .rendition_specs import all_specs
from .renditions import images_in

logger = logging.getLogger(__name__)


@task(queue_name="default")
def generate_renditions(image_ids: list[int]) -> int:
    """Make the missing renditions of ``image_ids``; returns how many images were handled. An
    image deleted meanwhile is skipped; an unreadable file is logged, not retried."""
    handled = 0
    for image in get_image_model().objects.filter(pk__in=image_ids).prefetch_related("renditions"):
        try:
            image.get_renditions(*all_specs())
        except (SourceImageIOError, OSError) as error:
            logger.warning("Could not make the renditions of image %s: %s", image.pk, error)
            continue
        handled += 1
    return handled


def enqueue_renditions(image_ids: Iterable[int]) -> None:
    """Queue the task once the transaction commits (a rolled-back save needs none)."""
    ids = sorted({pk for pk in image_ids if pk})
    if ids and conf.pregenerate_renditions():
        transaction.on_commit(lambda: generate_renditions.enqueue(ids))


def page_image_ids(page: models.Model) -> set[int]:
    """The images a page shows: its image foreign keys and every image in its stream fields."""
    image_model = get_image_model()
    ids: set[int] = set()
    for field in page._meta.fields:
        if isinstance(field, models.ForeignKey) and field.related_model is image_model:
            ids.add(getattr(page, field.attname))
        elif isinstance(field, StreamField):
            ids.update(image.pk for image in images_in(getattr(page, field.name)))
    ids.discard(None)
    return ids
