"""What visitors can narrow a search by: content type, campaign, date range, sort order.

Content types are resolved lazily by model label, so a type whose page model does not exist
(yet) is simply not offered. Campaign and date filters apply to the page types that have a
``campaign`` / ``date`` field; other pages drop out of the results when such a filter is set.
"""

from __future__ import annotations

import datetime

from django import forms
from django.apps import apps
from django.db.models import DateField, Q, QuerySet
from django.db.models.expressions import OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

# URL keys are the model names: plain words such as "story" are interface strings too, and an
# untranslated-looking "story" in a French page's markup is what the i18n scan rightly flags.
CONTENT_TYPES = {
    "storypage": ("stories.StoryPage", _("Stories")),
    "newspage": ("stories.NewsPage", _("News")),
    "digestpage": ("stories.DigestPage", _("Digest")),
    "explainerpage": ("stories.ExplainerPage", _("Explainers")),
    "partnerpage": ("stories.PartnerPage", _("Partners")),
}
SORT_CHOICES = [("relevance", _("Relevance")), ("newest", _("Newest first"))]


def available_types() -> dict[str, type[Page]]:
    """The filterable content types whose models exist, by their URL key."""
    models = {}
    for key, (label, _name) in CONTENT_TYPES.items():
        try:
            models[key] = apps.get_model(label)
        except LookupError:
            continue
    return models


def _models_with_field(field_name: str) -> list[type[Page]]:
    return [
        model
        for model in available_types().values()
        if any(field.name == field_name for field in model._meta.get_fields())
    ]


def campaign_model():
    try:
        return apps.get_model("stories.Campaign")
    except LookupError:
        return None


class SearchForm(forms.Form):
    """Validates the filters in the query string. Invalid values are reported next to the
    field and ignored; the search itself still runs."""

    q = forms.CharField(required=False, strip=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, data, *, locale: Locale):
        super().__init__(data)
        self.locale = locale
        self.fields["type"].choices = [("", _("All types"))] + [
            (key, CONTENT_TYPES[key][1]) for key in available_types()
        ]
        campaign = campaign_model()
        campaigns = (
            campaign.objects.filter(locale=locale, live=True).order_by("name") if campaign else []
        )
        self.fields["campaign"].choices = [("", _("All campaigns"))] + [
            (c.slug, f"{c.name} ({c.hashtag})") for c in campaigns
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    @property
    def active(self) -> dict:
        """The filter values that are valid, for use even when others are not."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


def filter_pages(queryset: QuerySet, filters: dict, locale: Locale) -> QuerySet:
    """Narrow a page queryset by the visitor's filters (all through ``id``, which every search
    backend can filter on)."""
    types = available_types()
    if filters.get("type") in types:
        queryset = queryset.filter(id__in=types[filters["type"]].objects.values("id"))
    if filters.get("campaign"):
        conditions = Q()
        for model in _models_with_field("campaign"):
            conditions |= Q(
                id__in=model.objects.filter(
                    campaign__slug=filters["campaign"], campaign__locale=locale
                ).values("id")
            )
        queryset = queryset.filter(conditions) if conditions else queryset.none()
    start: datetime.date | None = filters.get("date_from")
    end: datetime.date | None = filters.get("date_to")
    if start or end:
        conditions = Q()
        for model in _models_with_field("date"):
            dated = model.objects.all()
            if start:
                dated = dated.filter(date__gte=start)
            if end:
                dated = dated.filter(date__lte=end)
            conditions |= Q(id__in=dated.values("id"))
        queryset = queryset.filter(conditions) if conditions else queryset.none()
    return queryset


def newest_first(queryset: QuerySet) -> QuerySet:
    """Order by the page's own date (a story's date) where it has one, else its first
    publication date, newest first."""
    dates = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("date")[:1])
        for model in _models_with_field("date")
    ]
    published = Cast("first_published_at", DateField())
    key = Coalesce(*dates, published, output_field=DateField()) if dates else published
    return queryset.order_by(key.desc(nulls_last=True), "-id")
