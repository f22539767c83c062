from django.apps import AppConfig
from django.core import checks


class MediaPipelineConfig(AppConfig):
    name = "media_pipeline"
    verbose_name = "Media pipeline"

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the receivers)
        from .storage import register_content_types

        register_content_types()
        checks.register(check_video_queue)


def check_video_queue(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Video jobs belong on a queue of their own; without it they share the default queue."""
    from django_tasks import default_task_backend

    from . import conf

    queue = conf.queue_name()
    if queue in default_task_backend.queues:
        return []
    return [
        checks.Warning(
            f"The task backend has no {queue!r} queue: video jobs run on the default queue, "
            "where an hour-long transcode delays every other task.",
            hint=f'Add {queue!r} to TASKS["default"]["QUEUES"] and run a worker for it '
            f"(manage.py db_worker --queue-name {queue}).",
            id="media_pipeline.W001",
        )
    ]
