"""World shapes for the interactive map block, projected on the server into SVG paths.

The shapes are world-atlas's Natural Earth 110m countries (``stories/vendor/world-atlas/``), the
country codes and per-language names i18n-iso-countries' (``stories/vendor/i18n-iso-countries/``).
Everything here is computed once per process and kept (``lru_cache``): a render only picks the
shapes inside the requested view, so the map costs no query and no network call, and the same
block value always gives the same HTML (cacheable with the page body).

Projection: Equal Earth (Šavrič, Patterson & Jenny 2018), an equal-area world projection that
keeps countries' relative sizes honest. Coordinates are in a 1000-unit-wide plane; y grows
southwards as in SVG. Maps are never mirrored in right-to-left languages: east stays on the right.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor"
WORLD_ATLAS = VENDOR / "world-atlas" / "countries-110m.json"
ISO_CODES = VENDOR / "i18n-iso-countries" / "codes.json"
COUNTRY_NAMES = VENDOR / "i18n-iso-countries" / "langs"

WIDTH = 1000.0
Box = tuple[float, float, float, float]
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_X_MAX = _equal_earth(180, 0)[0]
_Y_MAX = _equal_earth(0, 90)[1]
_SCALE = WIDTH / (2 * _X_MAX)
HEIGHT = round(2 * _Y_MAX * _SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude/latitude in degrees to the map plane (x east, y south), 0..WIDTH × 0..HEIGHT."""
    x, y = _equal_earth(lon, lat)
    return (x + _X_MAX) * _SCALE, (_Y_MAX - y) * _SCALE


@dataclass(frozen=True, eq=False)  # hashed by identity: the cache keys on it
class Country:
    numeric: str  # ISO 3166-1 numeric, as world-atlas names it ("" for a few disputed areas)
    alpha2: str
    alpha3: str
    english_name: str
    rings: tuple  # projected rings of (x, y) points in the map plane
    bbox: tuple[float, float, float, float]  # min x, min y, max x, max y


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs back to longitude/latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) is kept on one side of it,
    past the world's edge, instead of drawing a line across the whole map."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:], strict=False)):
        return ring
    if min(lat for _, lat in ring) < -60:  # Antarctica runs along the edge on purpose
        return ring
    east = sum(lon for lon, _ in ring) >= 0
    return [
        (lon + 360 if east and lon < 0 else lon - 360 if not east and lon > 0 else lon, lat)
        for lon, lat in ring
    ]


def _project_rings(rings) -> tuple[tuple[tuple[tuple[float, float], ...], ...], Box]:
    projected = tuple(tuple(project(lon, lat) for lon, lat in _unwrap(ring)) for ring in rings)
    xs = [x for ring in projected for x, _ in ring]
    ys = [y for ring in projected for _, y in ring]
    return projected, (min(xs), min(ys), max(xs), max(ys))


def path_data(rings, decimals: int) -> str:
    """SVG path data: an absolute move per ring, then relative steps rounded to ``decimals``.

    Relative steps take half the bytes of absolute coordinates; points that round onto the
    previous one are dropped, so a world view carries far fewer points than a zoomed one.
    """
    commands = []
    for ring in rings:
        first_x, first_y = round(ring[0][0], decimals), round(ring[0][1], decimals)
        steps, last_x, last_y = [], first_x, first_y
        for x, y in ring[1:]:
            x, y = round(x, decimals), round(y, decimals)
            dx, dy = x - last_x, y - last_y
            if dx or dy:
                steps.append(f"{svg_number(dx, decimals)} {svg_number(dy, decimals)}")
                last_x, last_y = x, y
        if len(steps) >= 2:
            step_text = " ".join(steps)
            commands.append(
                f"M{svg_number(first_x, decimals)} {svg_number(first_y, decimals)}l{step_text}z"
            )
    return "".join(commands)


def decimals_for(view: Box) -> int:
    """Enough precision for about one unit per screen pixel of a 1000-pixel-wide map."""
    return max(0, min(3, math.ceil(math.log10(WIDTH / max(view[2], 1e-3)))))


@lru_cache(maxsize=4096)
def country_path(country: Country, decimals: int) -> str:
    return path_data(country.rings, decimals)


def svg_number(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@lru_cache(maxsize=1)
def iso_codes() -> dict[str, tuple[str, str, str]]:
    """Every spelling editors may use (alpha-2, alpha-3, numeric) → (alpha-2, alpha-3, numeric)."""
    table = {}
    for alpha2, alpha3, numeric, *_ in json.loads(ISO_CODES.read_text()):
        for key in (alpha2, alpha3, numeric):
            table[key.upper()] = (alpha2, alpha3, numeric)
    return table


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    topology = json.loads(WORLD_ATLAS.read_text())
    arcs = _decode_arcs(topology)
    codes = iso_codes()
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        projected, bbox = _project_rings(rings)
        numeric = geometry.get("id", "")
        alpha2, alpha3, _ = codes.get(numeric, ("", "", numeric))
        result.append(
            Country(numeric, alpha2, alpha3, geometry["properties"]["name"], projected, bbox)
        )
    return tuple(result)


@lru_cache(maxsize=8)
def country_names(language: str) -> dict[str, str]:
    """Alpha-2 code → country name in ``language`` (English for a language not vendored)."""
    path = COUNTRY_NAMES / f"{language.split('-')[0].lower()}.json"
    if not path.exists():
        path = COUNTRY_NAMES / "en.json"
    names = json.loads(path.read_text(encoding="utf-8"))["countries"]
    # A few countries have several names, the official one first.
    return {code: name[0] if isinstance(name, list) else name for code, name in names.items()}


def country_name(country: Country, language: str) -> str:
    return country_names(language).get(country.alpha2) or country.english_name


def unknown_codes(codes: list[str]) -> list[str]:
    """The codes that name no country of the map, for the editor's error message."""
    shapes = {c.numeric for c in countries() if c.numeric}
    known = iso_codes()
    return [code for code in codes if known.get(code.upper(), ("", "", ""))[2] not in shapes]


def countries_by_code(codes: list[str]) -> list[Country]:
    wanted = {iso_codes()[code.upper()][2] for code in codes if code.upper() in iso_codes()}
    return [c for c in countries() if c.numeric in wanted]


def view_box(focus: list[Country], bounds: Box | None, points: list[tuple[float, float]]) -> Box:
    """The part of the plane to show: the chosen countries, else a lon/lat box, else the world.

    Padded by a tenth on each side, widened to at most 2:1 landscape and at least 4:3 so a
    small country is not a sliver, and never past the edges of the world.
    """
    if focus:
        boxes = [c.bbox for c in focus]
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    elif bounds:
        west, south, east, north = bounds
        corners = [project(lon, lat) for lon in (west, east) for lat in (south, north)]
        corners += [project((west + east) / 2, lat) for lat in (south, north)]
        x0, x1 = min(x for x, _ in corners), max(x for x, _ in corners)
        y0, y1 = min(y for _, y in corners), max(y for _, y in corners)
    else:
        return (0.0, 0.0, WIDTH, HEIGHT)
    for x, y in points:  # markers the editor placed must stay in view
        x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    width, height = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    pad = max(width, height) * 0.1
    x0, y0, width, height = x0 - pad, y0 - pad, width + 2 * pad, height + 2 * pad
    if width < height * 4 / 3:
        grow = height * 4 / 3 - width
        x0, width = x0 - grow / 2, width + grow
    elif width > height * 2:
        grow = width / 2 - height
        y0, height = y0 - grow / 2, height + grow
    width, height = min(width, WIDTH), min(height, HEIGHT)
    x0 = min(max(x0, 0.0), WIDTH - width)
    y0 = min(max(y0, 0.0), HEIGHT - height)
    return (round(x0, 1), round(y0, 1), round(width, 1), round(height, 1))


def overlaps(bbox: Box, view: Box) -> bool:
    x, y, width, height = view
    return bbox[2] >= x and bbox[0] <= x + width and bbox[3] >= y and bbox[1] <= y + height
