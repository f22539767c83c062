"""Story topics in every language. Editors tag stories with topics (taggit tags, shared by the
translations of a story, like any synchronised field); a ``TopicName`` per tag and locale says
how the topic reads there. The English name is made with the tag, and translators translate it
like any other snippet; a topic without a published name in a language shows its tag's name."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Locale, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TopicName(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """How a topic reads in one language. Unpublished names (a translation submitted but not yet
    published by a translator) are not shown: the topic reads as its tag until then."""

    tag = models.ForeignKey(
        Tag,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The topic as editors type it on stories."),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("How readers see the topic in this language.")
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="topicname")

    panels = [FieldPanel("tag"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [SynchronizedField("tag"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="one_topic_name_per_language")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self) -> None:
        # The admin form has no locale field, so Django would not check the constraint itself.
        taken = TopicName.objects.filter(tag_id=self.tag_id, locale_id=self.locale_id)
        if self.tag_id and self.locale_id and taken.exclude(pk=self.pk).exists():
            raise ValidationError({"tag": _("This topic already has a name in this language.")})


register_snippet(TopicName)


def labelled(tags, locale_id: int) -> list[Tag]:
    """``tags`` with a ``label``: the topic's name in the locale, else the tag's own name."""
    published = TopicName.objects.filter(locale_id=locale_id, live=True)
    name_here = published.filter(tag=OuterRef("pk")).values("name")
    if isinstance(tags, QuerySet):
        return list(tags.annotate(label=Coalesce(Subquery(name_here[:1]), F("name"))))
    tags = list(tags)  # a page preview's unsaved tags
    names = dict(published.filter(tag__in=[t.pk for t in tags]).values_list("tag_id", "name"))
    for tag in tags:
        tag.label = names.get(tag.pk, tag.name)
    return tags


def alphabetical(label: str) -> str:
    """A sort key that files "éducation" under e, as a French reader expects."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@receiver(post_save, sender=Tag)
def name_new_topic(sender, instance: Tag, created: bool, raw: bool = False, **kwargs) -> None:
    """A new tag gets its name in the default language, ready for translators."""
    if created and not raw:
        locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        if locale is not None:
            TopicName.objects.get_or_create(
                tag=instance, locale=locale, defaults={"name": instance.name}
            )
