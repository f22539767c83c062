"""Which machine translator wagtail-localize's editor offers, chosen by the environment.

``MACHINE_TRANSLATOR`` picks it: ``dummy`` (offline; reverses word order so a translator can see
it worked without sending text anywhere — the default for the demo and tests), ``deepl`` (needs
``DEEPL_API_KEY``; a free-plan key ending in ``:fx`` goes to DeepL's free endpoint) or ``none``
(no "Machine translate" button). Setting ``DEEPL_API_KEY`` alone selects DeepL.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def machine_translator(environ: Mapping[str, str]) -> dict | None:
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for this environment (None disables it)."""
    deepl_key = environ.get("DEEPL_API_KEY", "").strip()
    choice = environ.get("MACHINE_TRANSLATOR", "").strip().lower() or (
        "deepl" if deepl_key else "dummy"
    )
    if choice == "none":
        return None
    if choice == "dummy":
        return {"CLASS": DUMMY}
    if choice == "deepl":
        if not deepl_key:
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY (your DeepL API authentication key)."
            )
        options = {"AUTH_KEY": deepl_key}
        if formality := environ.get("DEEPL_FORMALITY", "").strip():
            options["FORMALITY"] = formality
        return {"CLASS": DEEPL, "OPTIONS": options}
    raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={choice!r} is not one of: dummy, deepl, none.")
