"""A call-out card pointing to another story."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from stories.visibility import is_listed

from . import previews


class StoryChooserBlock(blocks.PageChooserBlock):
    """A story chooser whose values arrive with their translations, hero images and campaigns in
    one query, so a body with many cards costs no more queries than one with a single card.

    wagtail-localize keeps a translated page's chooser pointing at the source story; the card
    shows the translation in the reader's language (``translations`` on each story).

    Each story also knows whether it is in a restricted section (``with_visibility``): the value
    itself is kept, so an editor's choice survives, but the card of a restricted story is not
    shown."""

    def bulk_to_python(self, values):
        from stories.models import StoryPage
        from stories.visibility import with_visibility

        ids = [value for value in values if value]
        keys = StoryPage.objects.filter(pk__in=ids).values_list("translation_key", flat=True)
        family = list(
            with_visibility(
                StoryPage.objects.filter(translation_key__in=list(keys))
            ).select_related("hero_image", "campaign")
        )
        by_pk = {story.pk: story for story in family}
        for story in family:
            story.translations = {
                other.locale_id: other
                for other in family
                if other.translation_key == story.translation_key
            }
        return [by_pk.get(value) for value in values]


class RelatedStoryBlock(blocks.StructBlock):
    story = StoryChooserBlock(page_type="stories.StoryPage", label=_("Story"))
    lead = blocks.CharBlock(
        label=_("Call-out text"),
        required=False,
        max_length=60,
        help_text=_("Shown above the title, e.g. “Read also”. Leave empty for “Related story”."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        story = value.get("story")
        page = (parent_context or {}).get("page")
        if story is not None and page is not None and story.locale_id != page.locale_id:
            if hasattr(story, "translations"):
                story = story.translations.get(page.locale_id, story)
            else:  # a value built outside a stream (previews): one lookup is fine
                story = story.get_translation_or_none(page.locale) or story
        context["story"] = story if story is not None and is_listed(story) else None
        return context

    class Meta:
        icon = "link"
        label = _("Related story card")
        template = "stories/blocks/related_story.html"
        help_text = _("A card inviting readers to another story.")
        description = _("A card that links to another story.")
        preview_value = staticmethod(previews.related_story)
