"""Snippets: campaigns, Coalition partners and curated social posts, all translatable.

They have drafts (Wagtail's ``DraftStateMixin``) so that a translation submitted by an editor
stays unpublished, hidden from visitors, until a translator publishes it (docs/i18n.md); every
visitor-facing query asks for ``live=True``."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

# Links visitors follow must be web pages: no ftp:, javascript: or mailto: surprises.
web_url = URLValidator(schemes=["http", "https"])


class Campaign(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A communication campaign such as #LifeafterDaesh; stories carry one."""

    hashtag = models.CharField(
        _("hashtag"),
        max_length=64,
        help_text=_("Written the same in every language, e.g. #LifeafterDaesh."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Life after Daesh”."))
    slug = models.SlugField(_("slug"), max_length=64, help_text=_("Used in filter links."))
    description = models.TextField(_("description"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="campaign")

    panels = [
        FieldPanel("hashtag"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("hashtag"),
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # The hashtag and slug are identifiers: translators change the name and description only.
    override_translatable_fields = [SynchronizedField("hashtag"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["hashtag"]

    def __str__(self) -> str:
        return self.hashtag

    @property
    def revisions(self):
        return self._revisions


class Partner(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A member of the Coalition: a country or an organisation such as NATO."""

    COUNTRY = "country"
    ORGANISATION = "organisation"
    TYPE_CHOICES = [(COUNTRY, _("Country")), (ORGANISATION, _("Organisation"))]

    name = models.CharField(_("name"), max_length=120)
    partner_type = models.CharField(_("type"), max_length=20, choices=TYPE_CHOICES, default=COUNTRY)
    logo = models.ForeignKey(
        "media_pipeline.StoryImage",
        verbose_name=_("flag or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A flag for a country, the emblem for an organisation."),
    )
    joined = models.DateField(_("joined the Coalition"), null=True, blank=True)
    summary = models.TextField(
        _("short text"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences on the partner's contribution."),
    )
    website = models.URLField(_("website"), blank=True, validators=[web_url])

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner")

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("partner_type"), FieldPanel("joined")]),
        FieldPanel("logo"),
        FieldPanel("summary"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.FilterField("locale"),
        index.FilterField("partner_type"),
    ]
    override_translatable_fields = [
        SynchronizedField("partner_type"),
        SynchronizedField("joined"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def initials(self) -> str:
        """Shown in place of a missing flag or logo."""
        words = [word for word in self.name.split() if word[:1].isalnum()]
        return "".join(word[0] for word in words[:2]).upper()


class SocialPost(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A post from the Coalition's social accounts, copied here by an editor: the site shows a
    curated feed without loading any third-party widget or tracker."""

    account = models.CharField(
        _("account"), max_length=60, default="@Coalition", help_text=_("e.g. “@Coalition”")
    )
    text = models.TextField(_("text"), max_length=600)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="social_posts",
    )
    hashtags = models.CharField(
        _("other hashtags"),
        max_length=200,
        blank=True,
        help_text=_("Space-separated, e.g. “#education #Dohuk”."),
    )
    image = models.ForeignKey(
        "media_pipeline.StoryImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(_("image alternative text"), max_length=250, blank=True)
    link = models.URLField(
        _("link"),
        blank=True,
        validators=[web_url],
        help_text=_("Where “Read more” goes: the original post or a page of this site."),
    )
    posted_on = models.DateField(_("posted on"))

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="socialpost")

    panels = [
        FieldPanel("account"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("hashtags")]),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldRowPanel([FieldPanel("link"), FieldPanel("posted_on")]),
    ]
    search_fields = [
        index.SearchField("text"),
        index.SearchField("hashtags"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [
        SynchronizedField("account"),
        SynchronizedField("hashtags"),
        SynchronizedField("link"),
        SynchronizedField("posted_on"),
        SynchronizedField("image"),
        TranslatableField("image_alt_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("social post")
        verbose_name_plural = _("social posts")
        ordering = ["-posted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.posted_on:%Y-%m-%d}: {self.text[:50]}"

    @property
    def revisions(self):
        return self._revisions


register_snippet(Campaign)
register_snippet(Partner)
register_snippet(SocialPost)
