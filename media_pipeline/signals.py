"""Storage follows the database: deleting a video (or caption track) deletes its objects."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import storage
from .models import Video


@receiver(post_delete, sender=Video)
def delete_video_objects(sender, instance: Video, **kwargs) -> None:
    source_name = instance.source.name
    source_storage = instance.source.storage
    prefix = f"videos/{instance.pk}"

    def delete() -> None:
        if source_name:
            storage.with_retries(lambda: source_storage.delete(source_name), "deleting source")
        storage.delete_prefix(prefix)

    # Only once the deletion is committed: a rolled-back delete must find its files intact.
    transaction.on_commit(delete)
