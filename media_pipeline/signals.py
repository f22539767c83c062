"""Storage follows the database: deleting a video (or caption track) deletes its objects; saved
images and published pages get their renditions made in the background."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from . import conf, storage
from .models import CaptionTrack, StoryImage, Video


@receiver(post_delete, sender=Video)
def delete_video_objects(sender, instance: Video, **kwargs) -> None:
    """A video can own thousands of objects (segments of every rung): they are removed by a
    task, in batches, never inside the admin's delete request."""
    from .tasks import delete_video_files

    source_name = instance.source.name
    prefix = f"videos/{instance.pk}"
    # Only once the deletion is committed: a rolled-back delete must find its files intact.
    transaction.on_commit(lambda: delete_video_files.enqueue(source_name, prefix))


@receiver(post_save, sender=CaptionTrack)
def publish_caption_file(sender, instance: CaptionTrack, raw: bool = False, **kwargs) -> None:
    """Write the track as a .vtt object named by its content (so it can be cached forever) and
    remove the previous one. Runs for translations too: each language gets its own file."""
    if raw:
        return
    text = instance.as_webvtt() if instance.cues else ""
    name = ""
    if text:
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        name = (
            f"videos/{instance.video_id}/captions/"
            f"{instance.locale.language_code}-{instance.pk}-{digest}.vtt"
        )
        if name != instance.file:
            storage.put_bytes(text.encode("utf-8"), name)
    previous = instance.file
    if name != previous:
        CaptionTrack.objects.filter(pk=instance.pk).update(file=name)
        instance.file = name
        # A new translation starts as a copy of its source, file name included: only delete a
        # file this very track wrote.
        if previous and f"-{instance.pk}-" in previous.rsplit("/", 1)[-1]:
            transaction.on_commit(lambda: storage.delete_names([previous]))


@receiver(post_delete, sender=CaptionTrack)
def delete_caption_file(sender, instance: CaptionTrack, **kwargs) -> None:
    if instance.file:
        name = instance.file
        transaction.on_commit(lambda: storage.delete_names([name]))


@receiver(post_save, sender=StoryImage)
def queue_image_renditions(sender, instance: StoryImage, raw: bool = False, **kwargs) -> None:
    """Every rendition the templates use is made in the background after an image is saved."""
    if raw:
        return
    from .rendition_tasks import enqueue_renditions

    enqueue_renditions([instance.pk])


@receiver(page_published)
def queue_page_renditions(sender, instance, **kwargs) -> None:
    """A published page's images get any rendition they lack (e.g. a size added since)."""
    from .rendition_tasks import enqueue_renditions, page_image_ids

    if conf.pregenerate_renditions():
        enqueue_renditions(page_image_ids(instance))
