"""Editor conveniences for the story blocks."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("insert_editor_js")
def choose_several_images():
    """An "Add several images" button on galleries and scrollytelling blocks: one trip to the
    image chooser (its multiple mode) adds one gallery item, or one step, per image picked."""
    return format_html(
        '<script src="{}" data-label="{}" data-full="{}" defer></script>',
        static("stories/js/choose-several-images.js"),
        _("Add several images"),
        _("This list already has as many images as it may hold."),
    )
