"""Before / after: two photos of the same place, compared with a slider.

The slider is a native ``<input type=range>`` (keyboard, touch and screen readers for free) that
``static/js/site.js`` reveals; without JavaScript both photos are shown one after the other.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .image import alt_text_block, require_alt_text


class BeforeAfterBlock(blocks.StructBlock):
    before_image = ImageChooserBlock(label=_("Before"))
    before_alt_text = alt_text_block()
    before_label = blocks.CharBlock(
        label=_("Before label"), max_length=60, default="Before", help_text=_("e.g. “2017”")
    )
    after_image = ImageChooserBlock(
        label=_("After"), help_text=_("Same framing and size as the “before” photo.")
    )
    after_alt_text = alt_text_block()
    after_label = blocks.CharBlock(
        label=_("After label"), max_length=60, default="After", help_text=_("e.g. “2019”")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value, "before_alt_text")
        require_alt_text(value, "after_alt_text")
        return value

    class Meta:
        icon = "image"
        label = _("Before / after")
        template = "stories/blocks/before_after.html"
        help_text = _("Compare two photos of the same place with a slider.")
        description = _("Two photos of the same place compared with a slider.")
        preview_value = staticmethod(previews.before_after)
