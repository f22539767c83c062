"""The blocks editors compose stories from. ``StoryStreamBlock`` is the one reusable set every
story-like page offers; each block has its own template under ``stories/blocks/``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from media_pipeline.blocks import VideoBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty only if "
            "the image is decorative."
        ),
    )
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
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or tick “Decorative” if it adds no information.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "stories/blocks/image_with_caption.html"
        help_text = _("A photo or illustration with its caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("Who said it"), required=False, max_length=255, help_text=_("e.g. “Jeremy Hunt”")
    )
    role = blocks.CharBlock(
        label=_("Role or context"),
        required=False,
        max_length=255,
        help_text=_("e.g. “updating the House on progress against Daesh”"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"
        help_text = _("A pull quote with who said it.")


class StoryStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="stories/blocks/text.html",
        help_text=_("Paragraphs, sub-headings, lists and links."),
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    video = VideoBlock()

    class Meta:
        block_counts = {}
