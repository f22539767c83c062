from django.apps import AppConfig


class AdminTwoFactorConfig(AppConfig):
    name = "admin_2fa"
    verbose_name = "Two-step verification for the admin"
