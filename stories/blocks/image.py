"""Images in a story: inline with caption and credit, or full-bleed across the screen.

Alt text is stored per use (translators localise it); an image is either described or explicitly
marked decorative, never silently left without a text alternative.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from . import previews


def alt_text_block() -> blocks.CharBlock:
    return blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty only if "
            "the image is decorative."
        ),
    )


def require_alt_text(value, field: str = "alt_text", decorative: bool = False) -> None:
    """Raise a field error on ``field`` when the image is neither described nor decorative."""
    if not decorative and not (value.get(field) or "").strip():
        raise blocks.StructBlockValidationError(
            block_errors={
                field: ValidationError(
                    _("Describe the image, or tick “Decorative” if it adds no information.")
                )
            }
        )


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = alt_text_block()
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick if the image adds nothing a screen-reader user would miss."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_(
            "Photographer or source, translated with the page. Leave empty to use the credit "
            "stored with the image, which is the same in every language."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        require_alt_text(value, decorative=bool(value.get("decorative")))
        return value

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "stories/blocks/image_with_caption.html"
        help_text = _("A photo or illustration with its caption and credit.")
        description = _("A photo within the text column, with caption and credit.")
        preview_value = staticmethod(previews.image_with_caption)


class FullBleedImageBlock(ImageWithCaptionBlock):
    class Meta:
        icon = "image"
        label = _("Full-bleed image")
        template = "stories/blocks/full_bleed_image.html"
        help_text = _("A striking photo that spans the whole width of the screen.")
        description = _("An edge-to-edge photo that breaks out of the text column.")
        preview_value = staticmethod(previews.image_with_caption)
