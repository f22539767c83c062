from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Stories"

    def ready(self) -> None:
        from . import render_cache

        render_cache.connect_signals()
