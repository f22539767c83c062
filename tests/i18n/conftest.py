from __future__ import annotations

from wagtail_localize.models import Translation


def translation_for(instance) -> Translation:
    """The wagtail-localize translation that produced ``instance`` (a page or snippet)."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=instance.locale
    )
