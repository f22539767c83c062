from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Delivery (caching, client addresses, health)"

    def ready(self) -> None:
        from .invalidation import connect

        connect()
