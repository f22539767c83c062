"""Image model for the whole site.

A custom image model from day one, because swapping ``WAGTAILIMAGES_IMAGE_MODEL`` later means
migrating every image reference. It adds the credit line that every published photo needs; alt
text stays per use (in the image blocks), where translators can localise it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class StoryImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, shown under the image, e.g. “© Coalition / A. Name”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class StoryRendition(AbstractRendition):
    image = models.ForeignKey(StoryImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
