"""collectstatic with the manifest storage (production) fails on any static file that refers to a
file missing from the build, e.g. a vendored minified script whose source map was not copied."""

import re
from pathlib import Path

from django.conf import settings

SOURCE_MAP = re.compile(r"sourceMappingURL=([^\s*]+)")


def own_static_files() -> list[Path]:
    roots = [Path(d) for d in settings.STATICFILES_DIRS]
    roots += [p for p in Path(settings.BASE_DIR).glob("*/static") if p.parent.name != ".venv"]
    return [
        f for root in roots for f in root.rglob("*") if f.is_file() and f.suffix in (".js", ".css")
    ]


def test_every_source_map_our_static_files_name_is_shipped():
    missing = [
        f"{path} → {name}"
        for path in own_static_files()
        for name in SOURCE_MAP.findall(path.read_text(encoding="utf-8", errors="replace"))
        if not name.startswith("data:") and not (path.parent / name).exists()
    ]
    assert not missing, "collectstatic would fail on: " + ", ".join(missing)
