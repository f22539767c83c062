"""A gallery shown as a swipeable carousel (scroll-snap) with previous/next buttons.

Without JavaScript it is a horizontally scrollable row; the buttons are added by
``static/js/site.js`` and move by slide, so they follow the reading direction in Arabic.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .image import alt_text_block, require_alt_text


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = alt_text_block()
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value)
        return value

    class Meta:
        icon = "image"
        label = _("Gallery image")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=160,
        help_text=_("Read out to screen-reader users as the carousel's name."),
    )
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=2, max_num=20)

    class Meta:
        icon = "image"
        label = _("Gallery / carousel")
        template = "stories/blocks/gallery.html"
        help_text = _("Two to twenty photos the reader swipes through.")
        description = _("A row of photos that readers swipe or step through.")
        preview_value = staticmethod(previews.gallery)
