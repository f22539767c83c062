"""Admin registration: the Videos menu, its listing actions and the live progress script."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from .models import Video
from .views import AudioViewSet, CaptionTrackViewSet, VideoTextViewSet, VideoViewSet

register_snippet(VideoViewSet)
register_snippet(CaptionTrackViewSet)
register_snippet(VideoTextViewSet)
register_snippet(AudioViewSet)


@hooks.register("register_snippet_listing_buttons")
def retry_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, Video)
        and snippet.status == Video.Status.FAILED
        and user.has_perm("media_pipeline.change_video")
    ):
        yield ListingButton(
            _("Retry"),
            reverse("wagtailsnippets_media_pipeline_video:retry", args=[snippet.pk]),
            icon_name="rotate",
            priority=5,
        )


@hooks.register("insert_global_admin_js")
def video_status_script():
    return format_html('<script src="{}" defer></script>', static("media_pipeline/video-status.js"))
