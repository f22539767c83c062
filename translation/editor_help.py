"""What the translation editor's help script (``static/translation/js/editor-help.js``) needs
from the server, as JSON, in the translator's admin language: the segment labels that name the
field inside lists and structs (``translation/segment_labels.py``), the counter's wording for every
count the page can show (plural rules differ by language: Arabic has six forms), and the button
labels and key hints."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import edit_translation

from .segment_labels import segment_labels

# Chosen not to clash with browsers or screen readers: Alt+Shift+letter is free in Chrome,
# Firefox and Safari, and NVDA, JAWS and VoiceOver use Insert, Caps Lock or Ctrl+Option.
NEXT_KEY = "N"
PREVIOUS_KEY = "P"


def remaining_texts(total: int) -> list[str]:
    """The counter's text for 0…``total`` segments left."""
    texts = [_("Every segment is translated.")]
    for count in range(1, total + 1):
        texts.append(
            ngettext("%(count)d segment left", "%(count)d segments left", count) % {"count": count}
        )
    return texts


@require_GET
def editor_help(request: HttpRequest, translation_id: int) -> JsonResponse:
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    total = StringSegment.objects.filter(source_id=translation.source_id).count()
    return JsonResponse(
        {
            "labels": segment_labels(translation),
            "remaining": remaining_texts(total),
            "next": _("Next untranslated"),
            "previous": _("Previous untranslated"),
            "nextKey": NEXT_KEY,
            "previousKey": PREVIOUS_KEY,
            "keys": _("Keys: Alt+Shift+N next, Alt+Shift+P previous"),
            "region": _("Translation progress"),
        }
    )
