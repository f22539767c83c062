"""Link anchors (``#rebuilding``): identifiers, not words, so the same in every language.

wagtail-localize offers every ``CharBlock`` for translation. A block that defines
``get_translatable_segments`` is asked instead (its documented hook for custom blocks); this one
gives no segment, so an anchor never waits for a translator and the translation keeps the
source's value, copied again on every sync.
"""

from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AnchorBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Anchor"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("validators", [validate_slug])
        super().__init__(**kwargs)

    def get_translatable_segments(self, value) -> list:
        return []

    def restore_translated_segments(self, value, segments):
        return value
