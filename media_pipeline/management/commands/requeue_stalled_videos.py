"""Requeue videos whose worker died mid-job (no progress heartbeat for
MEDIA_PIPELINE_STALE_AFTER_SECONDS). Safe to run from cron every few minutes."""

from django.core.management.base import BaseCommand

from media_pipeline.tasks import requeue_stalled


class Command(BaseCommand):
    help = "Start a fresh transcoding job for videos whose worker stopped (killed, machine lost)."

    def handle(self, *args, **options):
        requeued = requeue_stalled()
        if options["verbosity"]:
            self.stdout.write(f"Requeued {len(requeued)} stalled video(s): {requeued}")
