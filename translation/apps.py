from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """Translation work: who may translate into which language, translations made as drafts,
    checked PO imports and the translation editor's guards."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translation"
