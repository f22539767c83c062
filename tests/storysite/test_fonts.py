"""The Arabic web font, cut down to what Arabic pages use (scripts/subset_arabic_font.py), still
draws every Arabic character the site publishes, in both weights, and fonts.css declares
exactly what the files hold: a character outside it would fall back to another font."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from fontTools.subset import parse_unicodes
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "static" / "vendor" / "noto-naskh-arabic"
CSS = (ROOT / "static" / "css" / "fonts.css").read_text()


def declared_ranges() -> list[set[int]]:
    faces = re.findall(r"@font-face\s*{([^}]*)}", CSS)
    arabic = [face for face in faces if "Noto Naskh Arabic" in face]
    assert len(arabic) == 2
    return [
        set(parse_unicodes(re.search(r"unicode-range:\s*([^;]+);", face).group(1)))
        for face in arabic
    ]


def arabic_text_we_publish() -> set[int]:
    texts = [entry.msgstr for entry in polib.pofile(ROOT / "locale/ar/LC_MESSAGES/django.po")]
    texts += [p.read_text() for p in (ROOT / "home" / "demo").rglob("*.py")]
    return {ord(c) for text in texts for c in text if 0x0600 <= ord(c) <= 0x06FF}


@pytest.mark.parametrize("weight", [400, 700])
def test_each_weight_covers_the_arabic_we_publish_and_matches_its_declared_range(weight):
    font = TTFont(FONTS / f"noto-naskh-arabic-arabic-{weight}-normal.woff2")
    covered = set(font.getBestCmap())
    used = arabic_text_we_publish()
    assert len(used) > 30  # the catalogue and the demo really are read
    assert used <= covered, sorted(hex(c) for c in used - covered)
    for declared in declared_ranges():
        assert covered - {0x20, 0xA0} <= declared, sorted(hex(c) for c in covered - declared)
    # Joining and mark placement survive the cut.
    features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig"} <= features
    assert "mark" in {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
    # Small enough for an Arabic story's page budget (bench/page_weight.py).
    assert (FONTS / f"noto-naskh-arabic-arabic-{weight}-normal.woff2").stat().st_size < 20_000
