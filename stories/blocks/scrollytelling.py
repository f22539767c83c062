"""Scrollytelling: a picture stays in view while the text steps past it, swapping the picture.

Rendered as a plain sequence (each step with its own picture); ``static/js/site.js``
turns it into sticky media when JavaScript runs and the reader has not asked for reduced motion.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .image import alt_text_block, require_alt_text


class ScrollyStepBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture for this step"))
    alt_text = alt_text_block()
    text = blocks.TextBlock(label=_("Text"), max_length=800)

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value)
        return value

    class Meta:
        icon = "image"
        label = _("Step")


class ScrollytellingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    steps = blocks.ListBlock(ScrollyStepBlock(), label=_("Steps"), min_num=2, max_num=12)

    class Meta:
        icon = "placeholder"
        label = _("Scrollytelling")
        template = "stories/blocks/scrollytelling.html"
        help_text = _("A picture that stays in view while the text steps past and changes it.")
        description = _("Sticky pictures that change as readers scroll through the steps.")
        preview_value = staticmethod(previews.scrollytelling)
