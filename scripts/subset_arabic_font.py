"""Cut the vendored Noto Naskh Arabic files down to the characters Arabic pages use.

Fontsource's "arabic" subset also carries Arabic Supplement and Extended-A/B, and the Arabic
block's own second half (U+0671–06FF) is letters for other languages written in Arabic script
(Persian, Urdu, Pashto, Sindhi…) with all their joining forms. The site publishes Arabic only, so
we keep U+0600–0670; each weight drops to a third (≈ 53 → 17.5 kB), which is what keeps an Arabic
story with a video within its 150 kB budget (bench/page_weight.py). A character outside the range
(say, a Persian name's گ) is still shown, in the visitor's system font. Every OpenType layout
feature is kept, so joining, ligatures and mark placement are unchanged.
``static/css/fonts.css`` declares the same ``unicode-range``, and ``tests/storysite/test_fonts.py``
checks both against each other and against the Arabic text the site ships.

    .venv/bin/python scripts/subset_arabic_font.py <folder with fontsource's 400 and 700 woff2>
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "static" / "vendor" / "noto-naskh-arabic"
# Arabic (letters, marks, Arabic-Indic digits, punctuation, superscript alef), the joiners and
# direction marks, hyphens, the dotted circle (shown under a lone mark), and the presentation
# forms old documents paste in.
UNICODE_RANGE = "U+0600-0670,U+200C-200F,U+2010-2011,U+25CC,U+FE70-FE74,U+FE76-FEFC"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = Path(sys.argv[1])
    for weight in (400, 700):
        name = f"noto-naskh-arabic-arabic-{weight}-normal.woff2"
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]  # keep the font's name and licence records
        options.notdef_outline = True
        font = subset.load_font(str(source / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODE_RANGE))
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / name), options)
        before, after = (source / name).stat().st_size, (TARGET / name).stat().st_size
        print(f"{name}: {before:,} → {after:,} bytes")


if __name__ == "__main__":
    main()
