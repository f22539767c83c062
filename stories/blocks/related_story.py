"""A call-out card pointing to another story."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StoryChooserBlock(blocks.PageChooserBlock):
    """A story chooser whose values arrive with their hero image and campaign in one query, so
    a body with many cards costs no more queries than one with a single card."""

    def bulk_to_python(self, values):
        from stories.models import StoryPage

        stories = StoryPage.objects.select_related("hero_image", "campaign").in_bulk(
            [value for value in values if value]
        )
        return [stories.get(value) for value in values]


class RelatedStoryBlock(blocks.StructBlock):
    story = StoryChooserBlock(page_type="stories.StoryPage", label=_("Story"))
    lead = blocks.CharBlock(
        label=_("Call-out text"),
        required=False,
        max_length=60,
        help_text=_("Shown above the title, e.g. “Read also”. Leave empty for “Related story”."),
    )

    class Meta:
        icon = "link"
        label = _("Related story card")
        template = "stories/blocks/related_story.html"
        help_text = _("A card inviting readers to another story.")
        description = _("A card that links to another story.")
