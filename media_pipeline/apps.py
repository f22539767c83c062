from django.apps import AppConfig


class MediaPipelineConfig(AppConfig):
    name = "media_pipeline"
    verbose_name = "Media pipeline"

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the receivers)
        from .storage import register_content_types

        register_content_types()
