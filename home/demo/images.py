"""Illustrations for the demo, drawn with Pillow so the demo needs no downloads."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 900)

PALETTES = {
    "drawing": (
        (255, 236, 179),
        (255, 183, 77),
        [(229, 57, 53), (30, 136, 229), (67, 160, 71), (142, 36, 170)],
    ),
    "schools": ((144, 202, 249), (227, 242, 253), [(239, 108, 0), (255, 255, 255), (96, 125, 139)]),
    "classroom": ((255, 248, 225), (215, 204, 200), [(121, 85, 72), (93, 64, 55), (46, 125, 50)]),
    "forge": ((38, 50, 56), (121, 85, 72), [(255, 143, 0), (255, 213, 79), (144, 164, 174)]),
    "ruins": ((120, 120, 120), (90, 80, 70), [(70, 64, 58), (150, 140, 128), (40, 40, 40)]),
    "map": ((236, 239, 222), (221, 232, 206), [(100, 160, 220), (200, 180, 150), (200, 40, 40)]),
    "emblem": ((11, 58, 91), (20, 91, 128), [(255, 255, 255), (242, 182, 50), (200, 220, 235)]),
    "meeting": ((230, 236, 242), (190, 200, 212), [(93, 64, 55), (11, 58, 91), (242, 182, 50)]),
}


def _gradient(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    width, height = SIZE
    image = Image.new("RGB", SIZE, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _draw_motif(draw: ImageDraw.ImageDraw, motif: str, colours: list, rng: random.Random) -> None:
    width, height = SIZE
    if motif == "drawing":
        draw.ellipse([1150, 80, 1450, 380], fill=(255, 214, 0), outline=(245, 124, 0), width=12)
        for _ in range(40):
            x, y = rng.randrange(0, width), rng.randrange(400, height)
            draw.line(
                [(x, y), (x + rng.randrange(-300, 300), y + rng.randrange(-120, 120))],
                fill=rng.choice(colours),
                width=rng.randrange(8, 26),
            )
    elif motif == "schools":
        for i in range(4):
            x = 120 + i * 370
            draw.rectangle([x, 430, x + 320, 720], fill=colours[0])
            draw.polygon([(x - 20, 430), (x + 160, 330), (x + 340, 430)], fill=colours[2])
            for j in range(3):
                draw.rectangle([x + 30 + j * 95, 500, x + 90 + j * 95, 580], fill=colours[1])
        draw.rectangle([0, 720, width, height], fill=(161, 136, 127))
    elif motif == "classroom":
        draw.rectangle([200, 120, 1400, 420], fill=colours[2], outline=colours[1], width=16)
        for row in range(3):
            for col in range(5):
                x, y = 180 + col * 260, 520 + row * 120
                draw.rectangle([x, y, x + 200, y + 40], fill=colours[0])
                draw.rectangle([x + 20, y + 40, x + 40, y + 100], fill=colours[1])
                draw.rectangle([x + 160, y + 40, x + 180, y + 100], fill=colours[1])
    elif motif == "forge":
        for i in range(5):
            x = 80 + i * 300
            draw.arc([x, 120, x + 280, 520], start=180, end=360, fill=colours[2], width=18)
            draw.line([(x, 320), (x, 900)], fill=colours[2], width=18)
        draw.rectangle([620, 620, 980, 700], fill=(69, 90, 100))
        draw.polygon([(560, 620), (620, 620), (620, 660)], fill=(69, 90, 100))
        for _ in range(80):
            x, y = 800 + rng.randrange(-260, 260), 600 - rng.randrange(0, 380)
            r = rng.randrange(3, 9)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.choice(colours[:2]))


def _draw_more(draw: ImageDraw.ImageDraw, motif: str, colours: list, rng: random.Random) -> None:
    width, height = SIZE
    if motif == "ruins":
        # The forge's arches, broken: the "before" of the blacksmith market.
        for i in range(5):
            x = 80 + i * 300
            end = 360 if i % 2 else 250
            draw.arc([x, 120, x + 280, 520], start=180, end=end, fill=colours[1], width=18)
            draw.line([(x, 320 + rng.randrange(0, 200)), (x, 900)], fill=colours[1], width=18)
        for _ in range(60):
            x, y = rng.randrange(0, width), rng.randrange(650, height)
            r = rng.randrange(10, 45)
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=rng.choice(colours))
    elif motif == "map":
        draw.line([(0, 300), (500, 380), (900, 330), (1600, 520)], fill=colours[0], width=22)
        for _ in range(14):
            x1, y1 = rng.randrange(0, width), rng.randrange(0, height)
            draw.line([(x1, y1), (x1 + 400, y1 + 150)], fill=colours[1], width=6)
        draw.ellipse([770, 400, 830, 460], fill=colours[2], outline=(255, 255, 255), width=6)
        draw.polygon([(780, 450), (820, 450), (800, 500)], fill=colours[2])
    elif motif == "emblem":
        cx, cy = width // 2, height // 2
        draw.ellipse([cx - 300, cy - 300, cx + 300, cy + 300], outline=colours[2], width=14)
        for dx, dy in ((0, -380), (380, 0), (0, 380), (-380, 0)):
            draw.polygon(
                [(cx, cy), (cx + dx, cy + dy), (cx + dy // 8, cy + dx // 8)], fill=colours[0]
            )
            draw.polygon(
                [(cx, cy), (cx + dx, cy + dy), (cx - dy // 8, cy - dx // 8)], fill=colours[1]
            )
    elif motif == "meeting":
        draw.ellipse([300, 380, 1300, 720], fill=colours[0])
        for i in range(12):
            x = 330 + i * 85
            draw.ellipse([x, 300, x + 60, 360], fill=colours[1])
            draw.ellipse([x, 740, x + 60, 800], fill=colours[1])
        draw.rectangle([700, 80, 900, 220], fill=colours[2])


def illustration(motif: str, *, seed: int = 0) -> bytes:
    """A 1600×900 JPEG for ``motif`` (see PALETTES), the same bytes for the same seed."""
    top, bottom, colours = PALETTES[motif]
    image = _gradient(top, bottom)
    rng = random.Random(f"{motif}-{seed}")  # noqa: S311 (deterministic drawing, not security)
    _draw_motif(ImageDraw.Draw(image), motif, colours, rng)
    _draw_more(ImageDraw.Draw(image), motif, colours, rng)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def factsheet_pdf(motif: str) -> bytes:
    """A one-page PDF (the illustration on a page) standing in for a downloadable factsheet."""
    image = Image.open(io.BytesIO(illustration(motif))).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
