"""A map as a static image plus coordinates: no third-party tiles, scripts or cookies."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .image import alt_text_block, require_alt_text


class MapBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Map image"), help_text=_("A map drawn or exported for the story.")
    )
    alt_text = alt_text_block()
    place = blocks.CharBlock(label=_("Place"), max_length=120, help_text=_("e.g. “Dohuk, Iraq”"))
    latitude = blocks.DecimalBlock(
        label=_("Latitude"),
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        decimal_places=5,
        help_text=_("Decimal degrees, north positive, e.g. 36.86709"),
    )
    longitude = blocks.DecimalBlock(
        label=_("Longitude"),
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        decimal_places=5,
        help_text=_("Decimal degrees, east positive, e.g. 42.98845"),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value)
        return value

    class Meta:
        icon = "site"
        label = _("Map")
        template = "stories/blocks/map.html"
        help_text = _("A static map image with the place's coordinates.")
        description = _("A map image with coordinates and a link to open the place.")
        preview_value = staticmethod(previews.static_map)
