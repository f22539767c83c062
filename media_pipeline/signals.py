"""Storage follows the database: deleting a video (or caption track) deletes its objects; saved
images and published pages get their renditions made in the background."""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index
from wagtail.signals import page_published

from . import conf, storage
from .models import Audio, CaptionTrack, StoryImage, Video, VideoText

logger = logging.getLogger(__name__)


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


@receiver(post_save, sender=VideoText)
def publish_chapters_file(sender, instance: VideoText, raw: bool = False, **kwargs) -> None:
    """The chapters as a WebVTT chapters track, named by content like caption files."""
    if raw:
        return
    text = instance.as_webvtt() if instance.chapter_list() else ""
    name = ""
    if text:
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        name = (
            f"videos/{instance.video_id}/chapters/"
            f"{instance.locale.language_code}-{instance.pk}-{digest}.vtt"
        )
        if name != instance.chapters_file:
            storage.put_bytes(text.encode("utf-8"), name)
    previous = instance.chapters_file
    if name != previous:
        VideoText.objects.filter(pk=instance.pk).update(chapters_file=name)
        instance.chapters_file = name
        if previous and f"-{instance.pk}-" in previous.rsplit("/", 1)[-1]:
            transaction.on_commit(lambda: storage.delete_names([previous]))


@receiver(post_delete, sender=VideoText)
def delete_chapters_file(sender, instance: VideoText, **kwargs) -> None:
    if instance.chapters_file:
        name = instance.chapters_file
        transaction.on_commit(lambda: storage.delete_names([name]))


def pages_showing(video_id: int) -> list[Page]:
    """The live pages whose blocks choose this video, found through Wagtail's reference index
    (so this app needs to know no page type)."""
    page_ids = {
        int(ref.object_id)
        for ref in ReferenceIndex.get_references_to(Video(pk=video_id))
        if ref.base_content_type.model_class() is Page
    }
    return [page.specific for page in Page.objects.filter(pk__in=page_ids)]


@receiver(post_save, sender=VideoText)
@receiver(post_delete, sender=VideoText)
def reindex_pages_with_transcript(sender, instance: VideoText, **kwargs) -> None:
    """A page is found by its videos' transcripts: index its pages again when one changes."""
    if kwargs.get("raw"):
        return
    video_id = instance.video_id

    def reindex() -> None:
        for page in pages_showing(video_id):
            try:
                index.insert_or_update_object(page)
            except Exception:  # the search index is a cache; a failed update must not block
                logger.exception("Reindexing page %s after a transcript change failed", page.pk)

    transaction.on_commit(reindex)


@receiver(post_delete, sender=Audio)
def delete_audio_objects(sender, instance: Audio, **kwargs) -> None:
    source_name = instance.source.name
    prefix = f"audio/{instance.pk}"
    from .tasks import delete_video_files

    transaction.on_commit(lambda: delete_video_files.enqueue(source_name, prefix))
