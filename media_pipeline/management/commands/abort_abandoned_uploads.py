"""Abort direct uploads to S3 left unfinished past MEDIA_PIPELINE_ABANDONED_UPLOAD_HOURS and
delete finished ones no video refers to. The video worker does this by itself
(``tasks.sweep_uploads``); this is for task backends that cannot defer tasks."""

from django.core.management.base import BaseCommand

from media_pipeline.tasks import sweep_uploads


class Command(BaseCommand):
    help = "Abort abandoned direct uploads and delete uploaded files no video uses."

    def handle(self, *args, **options):
        result = sweep_uploads.call()
        if options["verbosity"]:
            self.stdout.write(
                f"Aborted {result['aborted']} upload(s), deleted {result['deleted']} file(s)."
            )
