#!/usr/bin/env bash
# Refresh the interface catalogues after templates or models changed, then compile them.
# 1. extracts every {% translate %}/gettext string into locale/{fr,ar}/LC_MESSAGES/django.po
# 2. compiles the .mo files the site reads (committed, so a deploy needs no gettext)
# 3. lists what still needs a translator and exits 1 while anything is untranslated or fuzzy
# Translate the listed entries in the .po files (Poedit, or any editor), then run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
export DJANGO_SETTINGS_MODULE=storysite.settings.test
$py manage.py makemessages -l fr -l ar --ignore=.venv --ignore=.tools --ignore=tests \
    --ignore=bench --ignore=node_modules --no-obsolete
$py manage.py compilemessages --ignore=.venv --ignore=.tools
$py - <<'PY'
import sys
import polib

todo = 0
for language in ("fr", "ar"):
    po = polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
    for entry in po.untranslated_entries() + po.fuzzy_entries():
        todo += 1
        print(f"{language}: needs translation: {entry.msgid!r}  ({entry.occurrences[0][0] if entry.occurrences else ''})")
    print(f"{language}: {po.percent_translated()}% translated")
sys.exit(1 if todo else 0)
PY
