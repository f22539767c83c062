"""Submitting for translation makes drafts: a French or Arabic page or snippet goes live only when
a translator publishes it (docs/i18n.md, "The fallback rule").

``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` (settings) keeps wagtail-localize from
publishing a *new* translation because its English source is live. It does not cover a target
that is live already: wagtail-localize saves every target through ``Translation.save_target``,
which writes the row visitors read, with the English text of each segment not translated yet,
even when asked for a draft (and unpublishes a live snippet). That happens to the live French
translation of a snippet a submitted page points at, to the translated pages of a submitted
subtree, and would happen on "Sync translated pages". The views here do wagtail-localize's work
but save a live target's update as a draft revision (Wagtail's own ``save_revision``, which never
writes the live row), so the update waits in the translation editor until a translator publishes.
"""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.tasks import background
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView


def save_translation_draft(translation: Translation, user=None) -> None:
    """Bring ``translation``'s target up to date with its source as a draft.

    A missing or unpublished target is (re)built by wagtail-localize as an unpublished page or
    snippet. A live one keeps its row, the version visitors see, untouched: the update becomes
    its latest revision. A model without drafts cannot hold one, so an existing target of such a
    model is left as its translator published it."""
    source, locale = translation.source, translation.target_locale
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        target = None
    draftable = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
    with contextlib.suppress(ValidationError):  # as wagtail-localize: the editor shows them
        if target is None or (draftable and not target.live):
            translation.save_target(user=user, publish=not draftable)
        elif draftable:
            draft = source.get_ephemeral_translated_instance(locale, fallback=True)
            draft.save_revision(user=user)
            source.update_target_view_restrictions(locale)


class DraftOnlyTranslationCreator(TranslationCreator):
    """wagtail-localize's ``TranslationCreator`` (the page or snippet, one level of the snippets
    it points at, each target locale), saving targets with ``save_translation_draft``; a page's
    parents missing in a target language are translated first, as drafts too (wagtail-localize
    would make them live aliases of the English parents)."""

    def create_translations(self, instance, include_related_objects=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)
        if isinstance(instance, Page):
            self._translate_missing_parents(instance)
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            # Before the translation records, which need the related objects in the locale.
            for segment in source.relatedobjectsegment_set.all():
                related = segment.object.get_instance(instance.locale)
                self.create_translations(related, include_related_objects=False)
        mode = getattr(
            instance,
            "localize_default_translation_mode",
            getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
        )
        for locale in self.target_locales:
            if locale == source.locale:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": mode == "synced"}
            )
            self.mappings[source].append(translation)
            save_translation_draft(translation, self.user)

    def _translate_missing_parents(self, page: Page) -> None:
        parent = page.get_parent()
        if parent is None or parent.is_root():  # a language's home page: its parent is shared
            return
        missing = [
            locale
            for locale in self.target_locales
            if locale.pk != page.locale_id and not parent.has_translation(locale)
        ]
        if missing:
            parents = DraftOnlyTranslationCreator(self.user, missing)
            parents.seen_objects = self.seen_objects
            parents.create_translations(parent)
            for source, translations in parents.mappings.items():
                self.mappings[source].extend(translations)


def translate_as_drafts(instance, locales, components=None, user=None) -> None:
    creator = DraftOnlyTranslationCreator(user, locales)
    creator.create_translations(instance)
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)


@transaction.atomic
def translate_subtree_as_drafts(page_id: int, locales, components, user) -> None:
    """The pages under ``page_id`` (by id: this may run in wagtail-localize's job queue)."""
    creator = DraftOnlyTranslationCreator(user, locales)

    def walk(page):
        for child in page.get_children():
            creator.create_translations(child)
            if child.numchild:
                walk(child)

    walk(Page.objects.get(id=page_id))
    if components is not None:
        components.save(creator, sources_and_translations=creator.mappings)


class SubmitAsDraftsMixin:
    """wagtail-localize's "Translate" form, making drafts (its ``form_valid`` with the functions
    above in place of ``translate_object`` and ``translate_page_subtree``)."""

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        translate_as_drafts(self.object, locales, self.components, self.request.user)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_subtree_as_drafts,
                [self.object.id, locales, self.components, self.request.user],
                {},
            )
        single = None
        if len(locales) == 1:
            names = locales[0].get_display_name()
            single = self.object.get_translation(locales[0])
        else:
            names = _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(names))
        return redirect(self.get_success_url() or self.get_default_success_url(single))


class SubmitPageAsDrafts(SubmitAsDraftsMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetAsDrafts(SubmitAsDraftsMixin, SubmitSnippetTranslationView):
    pass


class UpdateTranslationsAsDrafts(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without "Publish immediately": the French and
    Arabic versions get the change as a draft, and their translators publish it once translated
    (a live translation with English sentences inside is what the fallback rule forbids)."""

    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations", None)
        return form

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        if self.request.POST.get("publish_translations"):  # a form from before this change
            messages.warning(
                self.request,
                _(
                    "Translations were updated but not published: the changed text is not "
                    "translated yet and would appear in English. Translators publish them "
                    "once translated."
                ),
            )
        response = super().form_valid(form)
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            save_translation_draft(translation, self.request.user)
        return response
