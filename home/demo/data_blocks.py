"""The demo's interactive map and chart (issue #16): added to the Dohuk schools story after the
rest of its body is built, so the story specs in ``content.py`` stay as they are.

Idempotent like the rest of the demo: the story's body is rebuilt from its spec on every run, and
the two blocks are added only where they are missing. Their strings join the demo's translation
catalogue, so the French and Arabic stories show them translated.
"""

from __future__ import annotations

import uuid

STORY_SLUG = "four-schools-dohuk"

MAP = {
    "title": "Where the four schools are",
    "description": "Northern Iraq, with Dohuk and the camps the schools serve.",
    "countries": "IQ",
    "bounds": "",
    "markers": [
        {
            "label": "Dohuk",
            "latitude": "36.86709",
            "longitude": "42.98845",
            "popup": "The four prefabricated schools stand on the edge of the city.",
        },
        {
            "label": "Mosul",
            "latitude": "36.34000",
            "longitude": "43.13000",
            "popup": "Many of the pupils' families come from Mosul and the villages around it.",
        },
    ],
    "caption": "The schools serve the camps around Dohuk.",
    "fallback_image": None,
    "fallback_alt_text": "",
}

CHART = {
    "title": "Displaced children back at school",
    "kind": "bar",
    "data": "Year, Children\n2016, 900\n2017, 2150\n2018, 3400\n2019, 4000",
    "unit": "children",
    "source": "Demo figures",
}

TRANSLATIONS = {
    "fr": {
        MAP["title"]: "Où se trouvent les quatre écoles",
        MAP["description"]: "Le nord de l’Irak, avec Dohouk et les camps que servent les écoles.",
        "Dohuk": "Dohouk",
        "Mosul": "Mossoul",
        MAP["markers"][0]["popup"]: "Les quatre écoles préfabriquées sont en bordure de la ville.",
        MAP["markers"][1]["popup"]: (
            "Beaucoup de familles des élèves viennent de Mossoul et des villages alentour."
        ),
        MAP["caption"]: "Les écoles servent les camps autour de Dohouk.",
        CHART["title"]: "Enfants déplacés de retour à l’école",
        "Year": "Année",
        "Children": "Enfants",
        "children": "enfants",
        "Demo figures": "Chiffres de démonstration",
    },
    "ar": {
        MAP["title"]: "أين تقع المدارس الأربع",
        MAP["description"]: "شمال العراق، مع دهوك والمخيمات التي تخدمها المدارس.",
        "Dohuk": "دهوك",
        "Mosul": "الموصل",
        MAP["markers"][0]["popup"]: "تقع المدارس الجاهزة الأربع على أطراف المدينة.",
        MAP["markers"][1]["popup"]: "تأتي عائلات كثير من التلاميذ من الموصل والقرى المحيطة بها.",
        MAP["caption"]: "تخدم المدارس المخيمات المحيطة بدهوك.",
        CHART["title"]: "أطفال نازحون عادوا إلى المدرسة",
        "Year": "السنة",
        "Children": "الأطفال",
        "children": "الأطفال",
        "Demo figures": "أرقام تجريبية",
    },
}


def add_map_and_chart(stories, catalogues: dict[str, dict[str, str]]) -> None:
    """Put the map after the story's static map and the chart after its key facts."""
    for code, strings in TRANSLATIONS.items():
        catalogues.setdefault(code, {}).update(strings)
    story = next((s for s in stories if s.slug == STORY_SLUG), None)
    if story is None:
        return
    raw = list(story.body.raw_data)
    types = [block["type"] for block in raw]
    changed = False
    if "chart" not in types:
        after = max((i for i, t in enumerate(types) if t == "key_fact"), default=len(raw) - 1)
        raw.insert(after + 1, _block("chart", CHART))
        types.insert(after + 1, "chart")
        changed = True
    if "interactive_map" not in types:
        after = next((i for i, t in enumerate(types) if t == "map"), len(raw) - 1)
        raw.insert(after + 1, _block("interactive_map", _with_item_ids(MAP)))
        changed = True
    if changed:
        story.body = raw
        story.save_revision().publish()


def _block(block_type: str, value: dict) -> dict:
    # Stable ids: rebuilding the demo keeps the translations' segments attached to the blocks.
    return {
        "type": block_type,
        "value": value,
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, block_type)),
    }


def _with_item_ids(value: dict) -> dict:
    markers = [
        {
            "type": "item",
            "value": marker,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, marker["label"])),
        }
        for marker in value["markers"]
    ]
    return {**value, "markers": markers}
