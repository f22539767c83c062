"""Admin for videos: listing with live status and progress, upload/replace form, retry, chooser."""

from __future__ import annotations

import functools
import json
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from . import direct_upload, storage
from .forms import STORAGE_UNAVAILABLE, AudioForm, CaptionTrackForm, VideoForm, VideoTextForm
from .models import Audio, CaptionTrack, Video, VideoText
from .tasks import schedule_upload_sweep


def status_detail(video: Video) -> str:
    """What an editor should know about a video waiting out a storage outage, or why its
    uploaded file was refused ("" otherwise)."""
    if video.status == Video.Status.REFUSED:
        return video.error_message
    if video.status != Video.Status.WAITING or video.retry_at is None:
        return ""
    return gettext(
        "The media storage cannot be reached at the moment. Processing starts again "
        "automatically at %(time)s (attempt %(attempt)s of %(attempts)s); there is nothing "
        "you need to do."
    ) % {
        "time": dateformat.format(timezone.localtime(video.retry_at), "H:i"),
        "attempt": video.attempt,
        "attempts": video.max_attempts,
    }


class StatusColumn(Column):
    """Status with a progress bar while busy; updated in place by video-status.js."""

    cell_template_name = "media_pipeline/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["video"] = instance
        context["status_detail"] = status_detail(instance)
        return context


class DurationColumn(Column):
    def get_value(self, instance):
        if not instance.duration:
            return ""
        minutes, seconds = divmod(int(round(instance.duration)), 60)
        return f"{minutes}:{seconds:02d}"


class StatusPanel(Panel):
    """Read-only status, progress, outputs and ffmpeg's error on the edit page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "media_pipeline/admin/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["video"] = self.instance
            context["status_detail"] = status_detail(self.instance)
            context["retry_url"] = reverse(
                "wagtailsnippets_media_pipeline_video:retry", args=[self.instance.pk]
            )
            context["status_url"] = reverse("wagtailsnippets_media_pipeline_video:status")
            return context


def _require_change_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("media_pipeline.change_video"):
        raise PermissionDenied


def retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a new job for a failed (or stalled, or waiting) video. GET asks, POST does it."""
    _require_change_permission(request)
    video = get_object_or_404(Video, pk=pk)
    edit_url = reverse("wagtailsnippets_media_pipeline_video:edit", args=[video.pk])
    if request.method == "POST":
        with transaction.atomic():
            video.request_transcode()
        messages.success(
            request, _("“%(title)s” is queued for processing again.") % {"title": video.title}
        )
        # Only a next URL on this site: a crafted form must not bounce editors elsewhere.
        return redirect(get_valid_next_url_from_request(request) or edit_url)
    return TemplateResponse(
        request, "media_pipeline/admin/retry_confirm.html", {"video": video, "edit_url": edit_url}
    )


# ASCII digits only: str.isdigit() also accepts "²" (int() then fails) and "١٢" (Arabic-Indic),
# and a 30-digit number overflows the database's integer.
VIDEO_ID = re.compile(r"[0-9]{1,18}")
MAX_STATUS_IDS = 200


@require_GET
def status_view(request: HttpRequest) -> JsonResponse:
    """Status and progress of the videos ``?id=1&id=2`` for the live progress bars. Read-only:
    jobs whose worker died are taken over by the workers themselves (``tasks.watch_job``)."""
    if not request.user.has_perm("media_pipeline.view_video") and not request.user.has_perm(
        "media_pipeline.change_video"
    ):
        raise PermissionDenied
    values = request.GET.getlist("id")[:MAX_STATUS_IDS]
    if not all(VIDEO_ID.fullmatch(value) for value in values):
        return JsonResponse(
            {"error": gettext("Each “id” must be a video number written with the digits 0–9.")},
            status=400,
        )
    ids = [int(value) for value in values]
    videos = Video.objects.filter(pk__in=ids).only(
        "pk", "status", "progress", "error_message", "attempt", "retry_at"
    )
    return JsonResponse(
        {
            "videos": [
                {
                    "id": video.pk,
                    "status": video.status,
                    "status_label": str(video.get_status_display()),
                    "progress": video.progress,
                    "busy": video.is_busy,
                    "detail": status_detail(video),
                }
                for video in videos
            ]
        }
    )


# --- Chooser ------------------------------------------------------------------------------------
#
# Choosing a video that is not ready is allowed, with a warning: editors prepare a story while its
# video is still being made, and the page shows the "being prepared" placeholder until the video
# is ready, so nothing breaks. Refusing would make them come back later just to choose it.


def chooser_label(video: Video) -> str:
    """The chosen video's name in the page editor, with a warning while it cannot be played."""
    if video.is_playable:
        return str(video)
    if video.status == Video.Status.FAILED:
        return gettext(
            "%(title)s — failed: visitors see “being prepared” until it is retried and ready"
        ) % {"title": video}
    return gettext("%(title)s — %(status)s: not ready yet; visitors see “being prepared”") % {
        "title": video,
        "status": video.get_status_display(),
    }


class PosterColumn(Column):
    cell_template_name = "media_pipeline/admin/poster_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["video"] = instance
        return context


class ChooserStatusColumn(Column):
    cell_template_name = "media_pipeline/admin/chooser_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["video"] = instance
        return context


class LanguagesColumn(Column):
    """Which languages have captions and which a transcript, e.g. "en fr ar / en fr"."""

    def get_value(self, instance):
        captions = sorted({t.locale.language_code for t in instance.caption_tracks.all() if t.file})
        transcripts = sorted({t.locale.language_code for t in instance.texts.all() if t.transcript})
        return gettext("Captions: %(captions)s · Transcript: %(transcripts)s") % {
            "captions": " ".join(captions) or "—",
            "transcripts": " ".join(transcripts) or "—",
        }


class VideoChooserColumnsMixin:
    @property
    def columns(self):
        return [
            PosterColumn("poster", label=_("Poster")),
            *super().columns,
            ChooserStatusColumn("status", label=_("Status")),
            DurationColumn("duration", label=_("Duration")),
            LanguagesColumn("languages", label=_("Languages")),
        ]

    def get_object_list(self):
        return (
            super()
            .get_object_list()
            .select_related("poster")
            .prefetch_related("caption_tracks__locale", "texts__locale")
        )


class VideoChooseView(VideoChooserColumnsMixin, ChooseView):
    pass


class VideoChooseResultsView(VideoChooserColumnsMixin, ChooseResultsView):
    pass


class VideoChosenView(SnippetChosenView):
    def get_display_title(self, instance):
        return chooser_label(instance)


class VideoChooserWidget(AdminSnippetChooser):
    def get_display_title(self, instance):
        return chooser_label(instance)


class VideoChooserViewSet(SnippetChooserViewSet):
    choose_view_class = VideoChooseView
    choose_results_view_class = VideoChooseResultsView
    chosen_view_class = VideoChosenView
    base_widget_class = VideoChooserWidget


# --- Direct upload to S3 (signed by the server, sent by the browser) ---------------------------


def upload_endpoint(view):
    """Only for editors who may add or change videos, and only with S3 media storage. A refusal
    is a JSON answer the uploader shows (Wagtail would redirect a PermissionDenied)."""

    @functools.wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (
            request.user.has_perm("media_pipeline.add_video")
            or request.user.has_perm("media_pipeline.change_video")
        ):
            return JsonResponse({"error": gettext("You may not upload videos.")}, status=403)
        if not direct_upload.is_enabled():
            raise Http404("Direct upload needs S3 media storage")
        return view(request, *args, **kwargs)

    return checked


def _json_body(request: HttpRequest) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ValidationError(gettext("The request was not understood. Reload the page."))
    return body


def _upload_answer(action) -> JsonResponse:
    """Run one signing step; what the editor can act on becomes a JSON error message."""
    try:
        return JsonResponse(action())
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    except Exception as exc:
        if storage.is_unavailable(exc):
            return JsonResponse({"error": str(STORAGE_UNAVAILABLE)}, status=503)
        if getattr(exc, "response", {}).get("Error", {}).get("Code") in {
            "NoSuchUpload",
            "NoSuchKey",
        }:
            return JsonResponse(
                {"error": gettext("This upload has expired. Upload the file again.")},
                status=404,
            )
        raise


def _owned(request: HttpRequest, values) -> tuple[str, str]:
    name = direct_upload.check_owner(str(values.get("key", "")), request.user.pk)
    upload_id = str(values.get("uploadId", ""))
    if not upload_id or len(upload_id) > 1024:
        raise ValidationError(gettext("The upload is not named. Upload the file again."))
    return name, upload_id


@require_POST
@upload_endpoint
def upload_create_view(request: HttpRequest) -> JsonResponse:

    def create() -> dict:
        body = _json_body(request)
        try:
            size = int(body.get("size"))
        except (TypeError, ValueError):
            raise ValidationError(gettext("The file size is missing. Reload the page.")) from None
        answer = direct_upload.create(
            request.user.pk, str(body.get("filename", "")), size, str(body.get("type", ""))
        )
        schedule_upload_sweep()
        return answer

    return _upload_answer(create)


@require_GET
@upload_endpoint
def upload_sign_part_view(request: HttpRequest) -> JsonResponse:

    def sign() -> dict:
        name, upload_id = _owned(request, request.GET)
        part = request.GET.get("partNumber", "")
        if not VIDEO_ID.fullmatch(part):
            raise ValidationError(gettext("Part numbers go from 1 to 10000."))
        return {"url": direct_upload.sign_part(name, upload_id, int(part)), "method": "PUT"}

    return _upload_answer(sign)


@require_GET
@upload_endpoint
def upload_list_parts_view(request: HttpRequest) -> JsonResponse:
    return _upload_answer(
        lambda: {"parts": direct_upload.list_parts(*_owned(request, request.GET))}
    )


@require_POST
@upload_endpoint
def upload_complete_view(request: HttpRequest) -> JsonResponse:

    def complete() -> dict:
        body = _json_body(request)
        name, upload_id = _owned(request, body)
        parts = body.get("parts")
        if not isinstance(parts, list) or not parts:
            raise ValidationError(gettext("No part of the file arrived. Upload it again."))
        return direct_upload.complete(name, upload_id, parts)

    return _upload_answer(complete)


@require_POST
@upload_endpoint
def upload_abort_view(request: HttpRequest) -> JsonResponse:

    def abort() -> dict:
        direct_upload.abort(*_owned(request, _json_body(request)))
        return {"aborted": True}

    return _upload_answer(abort)


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Videos")
    menu_order = 250
    add_to_admin_menu = True
    # Wagtail's default namespace (wagtailsnippets_<app>_<model>): wagtail-localize's editor
    # builds snippet edit links from it.
    url_namespace = "wagtailsnippets_media_pipeline_video"
    url_prefix = "videos"
    list_display = [
        "title",
        StatusColumn("status", label=_("Status")),
        DurationColumn("duration", label=_("Duration")),
        UpdatedAtColumn(),
    ]
    list_filter = ["status"]
    list_per_page = 30
    chooser_viewset_class = VideoChooserViewSet
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("source"),
            FieldPanel("poster"),
            StatusPanel(heading=_("Processing")),
        ],
        base_form_class=VideoForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", retry_view, name="retry"),
            path("status/", status_view, name="status"),
            path("uploads/create/", upload_create_view, name="upload_create"),
            path("uploads/sign/", upload_sign_part_view, name="upload_sign"),
            path("uploads/parts/", upload_list_parts_view, name="upload_parts"),
            path("uploads/complete/", upload_complete_view, name="upload_complete"),
            path("uploads/abort/", upload_abort_view, name="upload_abort"),
        ]


class CaptionTrackViewSet(SnippetViewSet):
    model = CaptionTrack
    icon = "comment"
    menu_label = _("Captions")
    menu_order = 260
    add_to_admin_menu = True
    url_namespace = "wagtailsnippets_media_pipeline_captiontrack"
    url_prefix = "captions"
    list_display = ["video", "kind", "language_name", UpdatedAtColumn()]
    edit_handler = ObjectList(
        [FieldPanel("video"), FieldPanel("kind"), FieldPanel("vtt_file"), FieldPanel("cues")],
        base_form_class=CaptionTrackForm,
    )


class VideoTextViewSet(SnippetViewSet):
    model = VideoText
    icon = "doc-full"
    menu_label = _("Transcripts")
    menu_order = 265
    add_to_admin_menu = True
    url_namespace = "wagtailsnippets_media_pipeline_videotext"
    url_prefix = "transcripts"
    list_display = ["video", "locale", UpdatedAtColumn()]
    edit_handler = ObjectList(
        [
            FieldPanel("video"),
            FieldPanel("description"),
            FieldPanel("transcript"),
            FieldPanel("chapters_upload"),
            FieldPanel("chapters"),
        ],
        base_form_class=VideoTextForm,
    )


class AudioViewSet(SnippetViewSet):
    model = Audio
    icon = "media"
    menu_label = _("Audio")
    menu_order = 255
    add_to_admin_menu = True
    url_namespace = "wagtailsnippets_media_pipeline_audio"
    url_prefix = "audio"
    list_display = [
        "title",
        "status",
        DurationColumn("duration", label=_("Duration")),
        UpdatedAtColumn(),
    ]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("source"), FieldPanel("error_message", read_only=True)],
        base_form_class=AudioForm,
    )
