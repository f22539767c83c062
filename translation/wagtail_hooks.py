"""Wagtail hooks for translation work: translators confined to their language
(``translation/translators.py``); the checked PO import in place of wagtail-localize's lenient
one; submitting and syncing translations that make drafts only
(``translation/translation_drafts.py``); translators' link overrides limited to web, mail and
phone addresses; the segment endpoints limited to the translation's own segments; the editor's
help script (``translation/editor_help.py``) and machine-translation confirmation."""

from __future__ import annotations

import io
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import TranslatableMixin
from wagtail.whitelist import check_url
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
)
from wagtail_localize.views import edit_translation

from .editor_help import editor_help
from .po_files import POImportError, POUploadHandler, import_po_checked
from .translation_drafts import (
    SubmitPageAsDrafts,
    SubmitSnippetAsDrafts,
    UpdateTranslationsAsDrafts,
)
from .translators import can_edit_locale

# Before wagtail-localize's own hooks, so a refusal happens before its translation editor renders.
FIRST = -100


def _refuse_other_locales(request: HttpRequest, instance) -> None:
    if isinstance(instance, TranslatableMixin) and not can_edit_locale(
        request.user, instance.locale
    ):
        raise PermissionDenied


@hooks.register("before_edit_snippet", order=FIRST)
def refuse_snippet_edit_in_other_locales(request, instance):
    _refuse_other_locales(request, instance)


@hooks.register("before_delete_snippet", order=FIRST)
def refuse_snippet_delete_in_other_locales(request, instances):
    for instance in instances:
        _refuse_other_locales(request, instance)


def _target_locale_guard(view):
    """Wrap a wagtail-localize view taking ``translation_id`` so that translators only reach
    translations into their own language (pages are covered by page permissions already; this
    closes the gap for snippets, whose permissions are not per locale)."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("target_locale"), id=translation_id
        )
        if not can_edit_locale(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


def _segment_of_this_translation(segment_model, segment_argument: str):
    """Wrap a wagtail-localize view taking ``translation_id`` and a segment id so that the
    segment must come from that translation's own source: 404 otherwise, as wagtail-localize
    answers, before anything else runs (our own checks below answer with segment data, so they
    must never see another page's segment), and the translation must be one the user may edit."""

    def decorator(view):
        @wraps(view)
        def checked(request, translation_id, *args, **kwargs):
            translation = get_object_or_404(Translation, id=translation_id)
            if not segment_model.objects.filter(
                id=kwargs[segment_argument], source_id=translation.source_id
            ).exists():
                raise Http404
            instance = translation.get_target_instance()
            if not edit_translation.user_can_edit_instance(request.user, instance):
                raise PermissionDenied
            return view(request, translation_id, *args, **kwargs)

        return checked

    return decorator


def _put_value(request: HttpRequest) -> str | None:
    """The ``value`` field of a PUT (Django parses form bodies for POST only)."""
    if request.content_type == "multipart/form-data":
        data, _files = request.parse_file_upload(request.META, io.BytesIO(request.body))
    else:
        data = QueryDict(request.body, encoding=request.encoding)
    return data.get("value")


def _overrides_must_be_safe_addresses(view):
    """wagtail-localize stores a translator's override of a link or embed address as typed and
    writes it into the translated page, where rich text links are not checked again. Refuse the
    schemes Wagtail's own rich text editor drops (``javascript:``, ``data:``…) so a translator
    cannot plant a script link on a published page.

    The refusal stores nothing and answers the way wagtail-localize reports a faulty string: the
    segment with the value still in force and an ``error``, which its editor shows next to the
    field with a warning icon (it treats any status but 200/201 as an unexplained failure)."""

    @wraps(view)
    def checked(request, translation_id, overridable_segment_id, *args, **kwargs):
        if request.method == "PUT":
            value = _put_value(request)
            if value is not None and check_url(value) is None:
                translation = get_object_or_404(Translation, id=translation_id)
                segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
                in_force = SegmentOverride.objects.filter(
                    locale_id=translation.target_locale_id, context_id=segment.context_id
                ).first()
                message = _(
                    "This address is not allowed: use a web address (https://…), an e-mail "
                    "address (mailto:…) or a phone number (tel:…)."
                )
                return JsonResponse(
                    {
                        "segment_id": segment.id,
                        "data": in_force.data if in_force else segment.data,
                        "error": message,
                    }
                )
        return view(request, translation_id, overridable_segment_id, *args, **kwargs)

    return checked


@require_POST
@csrf_exempt
def upload_checked_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's "Upload PO file", validated: all of the file or nothing. The size-capped
    upload handler must be set before anything reads the body, the CSRF check included; so the
    check runs inside (Django's documented pattern for per-view upload handlers)."""
    request.upload_handlers = [POUploadHandler(request)]
    return _upload_checked_pofile(request, translation_id)


@csrf_protect
def _upload_checked_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
    else:
        try:
            result = import_po_checked(translation, upload, user=request.user)
        except POImportError as error:
            lead = _("The PO file was not imported; nothing was changed. ")
            messages.error(request, error.message(lead))
        else:
            messages.success(
                request,
                _("Imported %(translated)d of %(entries)d segments from the PO file.")
                % {"translated": result.translated, "entries": result.entries},
            )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


@hooks.register("register_admin_urls", order=FIRST)
def guard_translation_editor_urls():
    """The same paths as wagtail-localize's (registered earlier, so they win); reversing
    ``wagtail_localize:…`` names still gives these paths, so its editor uses them unchanged."""
    views = edit_translation
    prefix = "localize/translate/<int:translation_id>/"
    return [
        path(
            prefix + "strings/<int:string_segment_id>/edit/",
            _target_locale_guard(
                _segment_of_this_translation(StringSegment, "string_segment_id")(
                    views.edit_string_translation
                )
            ),
        ),
        path(
            prefix + "overrides/<int:overridable_segment_id>/edit/",
            _target_locale_guard(
                _segment_of_this_translation(OverridableSegment, "overridable_segment_id")(
                    _overrides_must_be_safe_addresses(views.edit_override)
                )
            ),
        ),
        path(prefix + "pofile/download/", _target_locale_guard(views.download_pofile)),
        path(prefix + "pofile/upload/", _target_locale_guard(upload_checked_pofile)),
        path(prefix + "machine_translate/", _target_locale_guard(views.machine_translate)),
        path(prefix + "preview/", _target_locale_guard(views.preview_translation)),
        path(prefix + "preview/<str:mode>/", _target_locale_guard(views.preview_translation)),
        path(prefix + "disable/", _target_locale_guard(views.stop_translation)),
        # Ours, not wagtail-localize's: what the editor help script needs (editor_help.py).
        path(
            prefix + "editor-help/",
            _target_locale_guard(editor_help),
            name="translation_editor_help",
        ),
        # Submitting and syncing make drafts only (translation/translation_drafts.py).
        path("localize/submit/page/<int:page_id>/", SubmitPageAsDrafts.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetAsDrafts.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsAsDrafts.as_view(),
        ),
    ]


@hooks.register("insert_editor_js")
def confirm_machine_translation():
    """wagtail-localize's translation editor outputs ``insert_editor_js`` too: our script asks
    before "Translate with …" fills the page with machine text."""
    return format_html(
        '<script src="{}" data-confirm="{}" defer></script>',
        static("translation/js/machine-translate-confirm.js"),
        _(
            "Fill every untranslated segment with machine translation now? The machine's text "
            "is saved at once and must be reviewed before you publish. Your translations are "
            "kept; edits not yet saved are lost."
        ),
    )


@hooks.register("insert_editor_js")
def translation_editor_help():
    """A remaining-segment counter, "Next/Previous untranslated" buttons and keys, and labels
    naming the field inside lists and structs, in wagtail-localize's translation editor. The
    script does nothing on other edit pages."""
    return format_html(
        '<script src="{}" data-help-url="{}" defer></script>',
        static("translation/js/editor-help.js"),
        reverse("translation_editor_help", args=[0]),
    )


# --- Translators' dashboard (translation/views.py, translation/status.py) ---------------------


@hooks.register("register_admin_urls")
def translation_dashboard_urls():
    from . import views as dashboard

    return [
        path("translations/", dashboard.dashboard, name="translation_dashboard"),
        path("translations/bulk/", dashboard.bulk, name="translation_bulk"),
        path("translations/import/", dashboard.import_bundle, name="translation_import"),
        path(
            "translations/cell/<str:key>/<str:code>/",
            dashboard.cell_detail,
            name="translation_cell",
        ),
        path(
            "translations/cell/<str:key>/<str:code>/<slug:action>/",
            dashboard.cell_action,
            name="translation_cell_action",
        ),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        from .views import may_use_dashboard

        return may_use_dashboard(request.user)


@hooks.register("construct_reports_menu")
def translations_report_label_in_each_users_language(request, menu_items):
    """wagtail-localize names its report with a string translated once, in the language of
    the process's first admin request; this request's list gets an item whose label is read
    now, in this user's language."""
    report_url = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(menu_items):
        if item.url == report_url:
            menu_items[index] = MenuItem(
                gettext_lazy("Translations"),
                item.url,
                name=item.name,
                icon_name=item.icon_name,
                order=item.order,
            )


@hooks.register("register_admin_menu_item")
def translation_dashboard_menu_item():
    # Lazy: Wagtail builds the menu once per process, the label is read per request.
    return TranslationsMenuItem(
        gettext_lazy("Translations"), reverse("translation_dashboard"), icon_name="site", order=250
    )


class WaitingTranslationsPanel(Component):
    """ "12 pages and 3 snippets wait for Arabic", per language the user works in."""

    name = "translations_waiting"
    template_name = "translation/home_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from .status import WAITING, waiting_counts
        from .views import dashboard_url

        lines = []
        for locale, pages, snippets in waiting_counts(self.request.user):
            text = _("%(pages)s and %(snippets)s wait for %(language)s") % {
                "pages": ngettext("%(count)d page", "%(count)d pages", pages) % {"count": pages},
                "snippets": ngettext("%(count)d snippet", "%(count)d snippets", snippets)
                % {"count": snippets},
                "language": locale.get_display_name(),
            }
            url = dashboard_url(locale=locale.language_code, status=WAITING)
            lines.append({"text": text, "url": url})
        return {"lines": lines, "request": self.request}


@hooks.register("construct_homepage_panels")
def add_waiting_translations_panel(request, panels):
    from .views import may_use_dashboard

    if may_use_dashboard(request.user):
        panels.append(WaitingTranslationsPanel(request))
