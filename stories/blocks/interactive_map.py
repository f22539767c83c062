"""An interactive map drawn on the server from vendored open data: no tiles, keys or trackers.

The SVG (``stories/world_map.py``) and the list of places under it are the whole content without
JavaScript; ``stories/static/stories/js/map.js`` adds popups (click or Enter on a marker) and
zoom/pan buttons. Marker labels, popups, title and description are wagtail-localize segments;
country codes and coordinates are synchronised (``RegexBlock``/``DecimalBlock`` are not strings
to translate), and country names come from the vendored per-language list.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from stories import world_map

from .image import alt_text_block

CODES_PATTERN = r"^\s*[A-Za-z]{2,3}(\s*,\s*[A-Za-z]{2,3})*\s*$"
NUMBER = r"-?\d+(\.\d+)?"
BOUNDS_PATTERN = rf"^\s*{NUMBER}(\s*,\s*{NUMBER}){{3}}\s*$"


def parse_codes(text: str) -> list[str]:
    return [code.strip().upper() for code in (text or "").split(",") if code.strip()]


def parse_bounds(text: str) -> tuple[float, float, float, float] | None:
    if not (text or "").strip():
        return None
    west, south, east, north = (float(part) for part in text.split(","))
    return west, south, east, north


class MarkerBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80, help_text=_("e.g. “Mosul”"))
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
    popup = blocks.TextBlock(
        label=_("Popup text"),
        required=False,
        max_length=400,
        help_text=_("Shown when the reader opens the marker, and in the list of places."),
    )

    class Meta:
        icon = "location"
        label = _("Marker")


class InteractiveMapBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=160, help_text=_("Names the map for screen readers too.")
    )
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        max_length=400,
        help_text=_("What the map shows, in a sentence. Read out before the places."),
    )
    countries = blocks.RegexBlock(
        regex=CODES_PATTERN,
        label=_("Zoom to countries"),
        required=False,
        help_text=_(
            "ISO country codes separated by commas, e.g. “IQ, SY”. Highlighted on the map."
        ),
        error_messages={"invalid": _("Use two- or three-letter country codes: “IQ, SY”.")},
    )
    bounds = blocks.RegexBlock(
        regex=BOUNDS_PATTERN,
        label=_("Or zoom to a box"),
        required=False,
        help_text=_("West, south, east, north in degrees, e.g. “38, 29, 49, 38”."),
        error_messages={"invalid": _("Four numbers: west, south, east, north.")},
    )
    markers = blocks.ListBlock(MarkerBlock(), label=_("Markers"), min_num=0, max_num=30)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    fallback_image = ImageChooserBlock(
        label=_("Fallback image"),
        required=False,
        help_text=_("Optional: a drawn map shown instead where the vector map cannot be."),
    )
    fallback_alt_text = alt_text_block()

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        unknown = world_map.unknown_codes(parse_codes(value.get("countries")))
        if unknown:
            errors["countries"] = ValidationError(
                _("No country has the code %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        bounds = parse_bounds(value.get("bounds"))
        if bounds:
            west, south, east, north = bounds
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                errors["bounds"] = ValidationError(
                    _("West must be less than east (−180…180), south less than north (−90…90).")
                )
        if value.get("fallback_image") and not (value.get("fallback_alt_text") or "").strip():
            errors["fallback_alt_text"] = ValidationError(_("Describe the fallback image."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        language = get_language() or "en"
        focus = world_map.countries_by_code(parse_codes(value.get("countries")))
        markers = []
        for index, marker in enumerate(value.get("markers") or [], start=1):
            x, y = world_map.project(float(marker["longitude"]), float(marker["latitude"]))
            markers.append({"index": index, "x": round(x, 1), "y": round(y, 1), "value": marker})
        view = world_map.view_box(
            focus, parse_bounds(value.get("bounds")), [(m["x"], m["y"]) for m in markers]
        )
        focus_ids = {c.numeric for c in focus}
        decimals = world_map.decimals_for(view)
        shapes = [
            {
                "path": world_map.country_path(country, decimals),
                "name": world_map.country_name(country, language),
                "focus": country.numeric in focus_ids,
            }
            for country in world_map.countries()
            if world_map.overlaps(country.bbox, view)
        ]
        # Marker size follows the view, so a zoomed map does not get giant dots; about 24 px
        # across on a phone (WCAG 2.5.8 target size).
        radius = round(max(view[2], view[3]) / 36, 2)
        digest = hashlib.sha256(repr((value.get("title"), view, markers)).encode()).hexdigest()
        context.update(
            {
                "map_id": f"map-{digest[:8]}",
                "view_box": " ".join(world_map.svg_number(n) for n in view),
                "shapes": shapes,
                "markers": markers,
                "marker_radius": radius,
                "focus_names": [world_map.country_name(c, language) for c in focus],
            }
        )
        return context

    class Meta:
        icon = "site"
        label = _("Interactive map")
        template = "stories/blocks/interactive_map.html"
        help_text = _("A map drawn from open data, with markers readers can open, zoom and pan.")
        description = _("A world or regional map with markers and popups, no third-party tiles.")
        preview_value = {
            "title": "Where the coalition works",
            "description": "Iraq and Syria, with the two cities this story visits.",
            "countries": "IQ, SY",
            "markers": [
                {
                    "label": "Mosul",
                    "latitude": "36.34000",
                    "longitude": "43.13000",
                    "popup": "The old city's markets reopened in 2019.",
                },
                {
                    "label": "Raqqa",
                    "latitude": "35.95000",
                    "longitude": "39.01000",
                    "popup": "Schools rebuilt with partners' support.",
                },
            ],
        }
