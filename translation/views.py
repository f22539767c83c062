"""The translators' dashboard: every translatable page and snippet × every language the user may
see (``translation/status.py``), with per-cell and bulk actions and each translation's history.

Every action checks the locale first: a translator acting on another language's cell gets 403,
whatever the form said. Submitting and syncing go through ``translation/translation_drafts.py``,
so they make drafts only; publishing is what the translation editor's *Publish* does."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.apps import apps
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail.log_actions import registry as log_registry
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from . import bundles
from . import status as statuses
from .po_files import (
    TRANSLATION_ID_HEADER,
    POImportError,
    POUploadHandler,
    read_po_upload,
    validate_po,
)
from .translation_drafts import save_translation_draft, translate_as_drafts
from .translators import can_edit_locale, translatable_snippet_models, translator_languages

PER_PAGE = 50
SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


# --- Who may do what ------------------------------------------------------------------------


def refuse_with_403(view):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message;
    acting on another language's cell is an answer the caller (agency script, test, browser)
    must be able to tell from success: a plain 403."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return HttpResponseForbidden(
                _("You may not act on this language: it is not one you translate into."),
                content_type="text/plain; charset=utf-8",
            )

    return checked


def may_use_dashboard(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def column_locale(user, code: str) -> Locale:
    """The target locale ``code`` if ``user`` has rights there; 403 otherwise (404 unknown)."""
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None or locale.pk == Locale.get_default().pk:
        raise Http404
    if not can_edit_locale(user, locale):
        raise PermissionDenied
    return locale


def may_submit(user, locale: Locale) -> bool:
    """wagtail-localize's permission, or a translator into that very language: submitting only
    makes a draft in their own language, which they then translate."""
    if not can_edit_locale(user, locale):
        return False
    languages = translator_languages(user)
    return user.has_perm(SUBMIT_PERMISSION) or bool(languages and locale.language_code in languages)


def may_publish(user, target) -> bool:
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    if isinstance(target, DraftStateMixin):
        return policy_registry.get_by_type(type(target)).user_has_permission(user, "publish")
    return user_can_edit_instance(user, target)


def source_item(key: str):
    """The source-language page or snippet a form names (``page:12``, ``stories.campaign:3``)."""
    label, _sep, pk = key.partition(":")
    if label == "page":
        instance = Page.objects.filter(pk=pk).first() if pk.isdigit() else None
        instance = instance.specific if instance else None
    else:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            raise Http404 from None
        if model not in translatable_snippet_models():
            raise Http404
        instance = model.objects.filter(pk=pk).first() if pk.isdigit() else None
    if instance is None or not isinstance(instance, TranslatableMixin):
        raise Http404
    if instance.locale_id != Locale.get_default().pk:
        raise Http404
    return instance


def _back(request):
    url = request.POST.get("next", "")
    if url.startswith(reverse("translation_dashboard")):
        return redirect(url)
    return redirect("translation_dashboard")


def _translation(instance, locale) -> Translation | None:
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            source__locale_id=instance.locale_id,
            target_locale=locale,
        )
        .select_related("source", "target_locale")
        .first()
    )


# --- The grid ---------------------------------------------------------------------------------


def _filters(request) -> statuses.Filters:
    def integer(name):
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    status = request.GET.get("status") or None
    return statuses.Filters(
        locale=request.GET.get("locale") or None,
        type=request.GET.get("type") or None,
        status=status if status in statuses.STATUS_FILTERS else None,
        campaign=integer("campaign"),
        section=integer("section"),
    )


def _type_choices():
    choices = [("page", _("All pages")), ("snippet", _("All snippets"))]
    page_models = [
        model for model in apps.get_models() if issubclass(model, Page) and model is not Page
    ]
    for model in sorted(page_models, key=lambda m: str(m._meta.verbose_name)):
        choices.append((str(ContentType.objects.get_for_model(model).pk), model._meta.verbose_name))
    for model in translatable_snippet_models():
        choices.append((str(ContentType.objects.get_for_model(model).pk), model._meta.verbose_name))
    return choices


@refuse_with_403
def dashboard(request):
    if not may_use_dashboard(request.user):
        raise PermissionDenied
    from stories.models import Campaign

    filters = _filters(request)
    locales = statuses.target_locales(request.user)
    shown = [loc for loc in locales if not filters.locale or loc.language_code == filters.locale]
    order = request.GET.get("order") or "waiting"
    paginator = Paginator(statuses.StatusGrid(request.user, filters, locales, order), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    default = Locale.get_default()
    home = Page.objects.filter(depth=2, locale=default).first()
    sections = list(home.get_children().filter(live=True).order_by("path")) if home else []
    rows = [
        {
            "item": item,
            "cells": [
                _cell_context(request.user, item, item.cells[locale.language_code], locale)
                for locale in shown
            ],
        }
        for item in page.object_list
    ]
    return TemplateResponse(
        request,
        "translation/dashboard.html",
        {
            "header_title": _("Translations"),
            "page_title": _("Translations"),
            "header_icon": "site",
            "rows": rows,
            "columns": shown,
            "all_locales": locales,
            "filters": filters,
            "order": order,
            "items": page,
            "paginator": paginator,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "total": paginator.count,
            "type_choices": _type_choices(),
            "status_choices": list(statuses.STATUS_FILTERS.items()),
            "campaigns": Campaign.objects.filter(locale=default).order_by("name"),
            "sections": sections,
            "here": request.get_full_path(),
            "bulk_locales": [loc for loc in shown if may_submit(request.user, loc)] or shown,
        },
    )


def _cell_context(user, item, cell, locale) -> dict:
    """What a cell offers this user: every action only where they have rights in the locale
    (the action views check again)."""
    rights = can_edit_locale(user, locale)
    submit = rights and cell.target_id is None and may_submit(user, locale)
    where = [item.key, locale.language_code]
    return {
        "cell": cell,
        "locale": locale,
        "detail_url": reverse("translation_cell", args=[item.key, locale.language_code]),
        "editor_url": item.target_edit_url(cell) if rights else None,
        "can_submit": submit,
        "can_sync": bool(rights and cell.translation_id and may_submit(user, locale)),
        "can_publish": bool(
            rights
            and cell.translation_id
            and (not cell.target_live or cell.has_unpublished_changes)
        ),
        "submit_url": reverse("translation_cell_action", args=[*where, "submit"]),
        "sync_url": reverse("translation_cell_action", args=[*where, "sync"]),
        "publish_url": reverse("translation_cell_action", args=[*where, "publish"]),
    }


# --- Per-cell actions -------------------------------------------------------------------------


@refuse_with_403
@require_POST
def cell_action(request, action: str, key: str, code: str):
    if not may_use_dashboard(request.user):
        raise PermissionDenied
    locale = column_locale(request.user, code)
    instance = source_item(key)
    name = str(instance)
    if action == "submit":
        if not may_submit(request.user, locale):
            raise PermissionDenied
        with transaction.atomic():
            translate_as_drafts(instance, [locale], user=request.user)
        messages.success(
            request,
            _("“%(object)s” was submitted for translation into %(language)s (a draft).")
            % {"object": name, "language": locale.get_display_name()},
        )
    elif action == "sync":
        if not may_submit(request.user, locale):
            raise PermissionDenied
        translation = _translation(instance, locale)
        if translation is None:
            raise Http404
        with transaction.atomic():
            # As "Sync translated pages" (translation_drafts.UpdateTranslationsAsDrafts), for this
            # one language: re-extract the source, then the target gets it as a draft.
            translation.source.update_from_db()
            save_translation_draft(translation, request.user)
        messages.success(
            request,
            _("“%(object)s” in %(language)s now has the latest source text as a draft.")
            % {"object": name, "language": locale.get_display_name()},
        )
    elif action == "publish":
        translation = _translation(instance, locale)
        if translation is None:
            raise Http404
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            raise Http404 from None
        if not may_publish(request.user, target):
            raise PermissionDenied
        with transaction.atomic():
            translation.save_target(user=request.user, publish=True)  # the editor's Publish
        messages.success(
            request,
            _("“%(object)s” was published in %(language)s.")
            % {"object": name, "language": locale.get_display_name()},
        )
    else:
        raise Http404
    return _back(request)


# --- Cell detail: the translation's history ---------------------------------------------------


@refuse_with_403
def cell_detail(request, key: str, code: str):
    if not may_use_dashboard(request.user):
        raise PermissionDenied
    locale = column_locale(request.user, code)
    instance = source_item(key)
    item = next(
        (
            candidate
            for candidate in (
                statuses.build_items(
                    request.user, locales=[locale], kinds=("page",), page_ids=[instance.pk]
                )
                if isinstance(instance, Page)
                else statuses.build_items(request.user, locales=[locale], kinds=("snippet",))
            )
            if candidate.key == key
        ),
        None,
    )
    if item is None:
        raise Http404
    cell = item.cells[code]
    translation = _translation(instance, locale)
    target = instance.get_translation_or_none(locale)
    events = []
    if target is not None:
        for entry in log_registry.get_logs_for_instance(target).select_related("user")[:50]:
            events.append(
                {
                    "when": entry.timestamp,
                    "who": entry.user_display_name,
                    "what": entry.message,
                }
            )
    translators = []
    if translation is not None:
        translators = list(
            StringTranslation.objects.filter(
                locale=locale,
                translation_of__segments__source=translation.source,
                context__stringsegment__source=translation.source,
            )
            .values("last_translated_by__username", "translation_type")
            .annotate(segments=Count("pk", distinct=True), last=Max("updated_at"))
            .order_by("-last")
        )
        for entry in translation.source.translation_logs.filter(locale=locale).select_related(
            "revision__user"
        ):
            who = entry.revision.user if entry.revision and entry.revision.user else None
            events.append(
                {
                    "when": entry.created_at,
                    "who": who.get_username() if who else "",
                    "what": _("Translation saved from the source (wagtail-localize)"),
                }
            )
    events.sort(key=lambda event: event["when"], reverse=True)
    # Who published the live version: the user of its revision (the publish log entry may have
    # none when wagtail-localize publishes on commit, outside the request's log context).
    live_revision = getattr(target, "live_revision", None) if target is not None else None
    published_by = live_revision.user if live_revision and live_revision.user else None
    return TemplateResponse(
        request,
        "translation/cell_detail.html",
        {
            "header_title": _("%(object)s in %(language)s")
            % {"object": item.title, "language": locale.get_display_name()},
            "page_title": _("%(object)s in %(language)s")
            % {"object": item.title, "language": locale.get_display_name()},
            "header_icon": "history",
            "item": item,
            "cell": cell,
            "locale": locale,
            "translation": translation,
            "target": target,
            "events": events,
            "translators": translators,
            "published_by": published_by,
            "context": _cell_context(request.user, item, cell, locale),
        },
    )


# --- Bulk actions -----------------------------------------------------------------------------


@refuse_with_403
@require_POST
def bulk(request):
    if not may_use_dashboard(request.user):
        raise PermissionDenied
    locale = column_locale(request.user, request.POST.get("locale", ""))
    instances = [source_item(key) for key in request.POST.getlist("item")]
    if not instances:
        messages.error(request, _("Select at least one row first."))
        return _back(request)
    action = request.POST.get("action")
    if action == "submit":
        if not may_submit(request.user, locale):
            raise PermissionDenied
        fresh = [obj for obj in instances if not obj.has_translation(locale)]
        with transaction.atomic():
            for instance in fresh:
                translate_as_drafts(instance, [locale], user=request.user)
        messages.success(
            request,
            _("%(count)s submitted for translation into %(language)s; %(skipped)s already had one.")
            % {
                "count": len(fresh),
                "skipped": len(instances) - len(fresh),
                "language": locale.get_display_name(),
            },
        )
        return _back(request)
    if action == "export":
        return _export(request, instances, locale)
    raise Http404


def _export(request, instances, locale):
    """One PO or XLIFF file for every selected row that has a translation into ``locale``
    (``translation/bundles.py``)."""
    chosen = request.POST.get("format")
    kind = chosen if chosen in bundles.FORMATS else "po"
    pairs = [(instance, _translation(instance, locale)) for instance in instances]
    pairs = [(instance, translation) for instance, translation in pairs if translation]
    if not pairs:
        messages.error(
            request,
            _("None of the selected rows has a translation into %(language)s yet: submit first.")
            % {"language": locale.get_display_name()},
        )
        return _back(request)
    if kind == "xliff":
        data = bundles.bundle_xliff(pairs, Locale.get_default(), locale)
    else:
        data = bundles.bundle_po(pairs, locale)
    content_type, extension = bundles.FORMATS[kind]
    response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = (
        f'attachment; filename="translations-{locale.language_code}-{len(pairs)}-items-'
        f'{stamp}.{extension}"'
    )
    return response


@require_POST
@csrf_exempt
def import_bundle(request):
    """Re-import an exported bundle (PO or XLIFF) or one wagtail-localize PO file. The size-capped
    upload handler must be set before anything reads the body, the CSRF check included, so the
    check runs inside (as for the translation editor's PO upload)."""
    request.upload_handlers = [POUploadHandler(request)]
    return _import_bundle(request)


@refuse_with_403
@csrf_protect
def _import_bundle(request):
    """Every item is checked with the PO import's rules (``translation/po_files.py``) before
    anything is written; one bad item rejects the whole file."""
    if not may_use_dashboard(request.user):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO or XLIFF file to upload."))
        return _back(request)
    try:
        data = read_po_upload(
            upload, advice=_("Export and translate fewer rows at a time (PO_UPLOAD_MAX_BYTES).")
        )
        items = bundles.split(data)
        found = {
            str(translation.uuid): translation
            for translation in Translation.objects.filter(
                uuid__in=[tid for tid, _po in items if bundles.is_uuid(tid)]
            ).select_related("source", "target_locale")
        }
        checked, problems = [], []
        for translation_id, po in items:
            translation = found.get(translation_id)
            if translation is None:
                problems.append(
                    _("Item %(id)s is not a translation of this site (%(header)s header).")
                    % {"id": translation_id or "?", "header": TRANSLATION_ID_HEADER}
                )
                continue
            target = translation.get_target_instance()
            if not can_edit_locale(request.user, translation.target_locale) or not (
                user_can_edit_instance(request.user, target)
            ):
                raise PermissionDenied
            name = f"“{translation.source.object_repr}”"
            problems += [f"{name}: {problem}" for problem in validate_po(translation, po)]
            checked.append((translation, po))
        if problems:
            raise POImportError(problems)
        with transaction.atomic():
            for translation, po in checked:
                translation.import_po(po, user=request.user, tool_name="PO File")
    except POImportError as error:
        lead = _("The file was not imported; nothing was changed. ")
        messages.error(request, error.message(lead))
    else:
        messages.success(
            request,
            ngettext(
                "Imported the translation of %(count)d item; review and publish it.",
                "Imported the translations of %(count)d items; review and publish them.",
                len(checked),
            )
            % {"count": len(checked)},
        )
    return _back(request)


def dashboard_url(**params) -> str:
    return reverse("translation_dashboard") + ("?" + urlencode(params) if params else "")
