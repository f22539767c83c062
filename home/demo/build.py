"""Build (or bring up to date) the demo site. Safe to run any number of times."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from home.translators import ensure_translator_groups
from stories.models import Campaign, StoryIndexPage, StoryPage

from . import content
from .images import illustration
from .video import add_demo_video

DEMO_TOOL_NAME = "storysite demo"


def demo_image(spec: dict):
    """The demo image titled ``spec['title']``, generated and stored on first use."""
    Image = get_image_model()
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        data = illustration(spec["motif"])
        image = Image(title=spec["title"], credit=spec.get("credit", ""))
        image.file = ImageFile(_bytes_file(data), name=f"{slugify(spec['title'])}.jpg")
        image.save()
    return image


def _bytes_file(data: bytes):
    import io

    return io.BytesIO(data)


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _upsert_child(parent: Page, model, slug: str, fields: dict) -> Page:
    """Create the child page ``slug`` under ``parent``, or update it in place, then publish."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    _publish(page)
    return page


def ensure_tree_and_locales() -> Locale:
    """The locales in settings.LANGUAGES and Wagtail's root page and collection, which migrations
    create but a flushed database (``manage.py flush``, transactional tests) no longer has."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Locale.get_default()


def build_home(default_locale: Locale) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=default_locale).first()
    fields = {key: value for key, value in content.HOME.items() if key != "slug"}
    if home is None:
        # Wagtail's first migration leaves a placeholder "Welcome" page where ours belongs.
        for placeholder in root.get_children().filter(slug=content.HOME["slug"]):
            if not isinstance(placeholder.specific, HomePage):
                placeholder.delete()
        home = HomePage(slug=content.HOME["slug"], locale=default_locale, **fields)
        root.add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    _publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "Global Coalition against Daesh"
    site.save()
    return home


def build_campaigns(default_locale: Locale) -> dict[str, Campaign]:
    campaigns = {}
    for spec in content.CAMPAIGNS:
        campaign, _ = Campaign.objects.update_or_create(
            locale=default_locale,
            slug=spec["slug"],
            defaults={k: v for k, v in spec.items() if k != "slug"},
        )
        campaigns[spec["slug"]] = campaign
    return campaigns


def _stream_value(blocks: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Resolve image specs inside block values into stored images."""
    resolved = []
    for block_type, value in blocks:
        if block_type == "image":
            value = {**value, "image": demo_image(value["image"])}
        resolved.append((block_type, value))
    return resolved


def build_stories(home: HomePage, campaigns: dict[str, Campaign]) -> list[StoryPage]:
    index_fields = {key: value for key, value in content.STORY_INDEX.items() if key != "slug"}
    index = _upsert_child(
        home, StoryIndexPage, content.STORY_INDEX["slug"], {**index_fields, "show_in_menus": True}
    )
    stories = []
    for spec in content.STORIES:
        fields = {
            "title": spec["title"],
            "standfirst": spec["standfirst"],
            "date": datetime.date.fromisoformat(spec["date"]),
            "location": spec["location"],
            "campaign": campaigns[spec["campaign"]],
            "hero_image": demo_image(spec["image"]),
            "hero_alt_text": spec["hero_alt_text"],
            "body": _stream_value(spec["body"]),
        }
        stories.append(_upsert_child(index, StoryPage, spec["slug"], fields))
    return stories


def translate(instance, locale: Locale, catalogue: dict[str, str]) -> None:
    """Translate ``instance`` into ``locale`` through wagtail-localize, using ``catalogue`` for the
    strings it knows (others fall back to the source) and publishing the result. The translation
    stays open in wagtail-localize's editor, so translators carry on from the demo's wording."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = catalogue.get(segment.string.data)
        if translated is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": DEMO_TOOL_NAME,
            },
        )
    # wagtail-localize defers publishing to transaction commit; publishing here instead keeps the
    # whole demo build in one transaction and the tree counts right.
    is_page = isinstance(instance, Page)
    translated, _created = source.create_or_update_translation(
        locale, publish=not is_page, copy_parent_pages=True, fallback=True
    )
    if is_page:
        translated.get_latest_revision().publish()


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Build the demo in one transaction (all or nothing); returns counts for the summary."""
    default_locale = ensure_tree_and_locales()
    home = build_home(default_locale)
    campaigns = build_campaigns(default_locale)
    stories = build_stories(home, campaigns)
    add_demo_video(stories, translate, content.TRANSLATIONS)
    index = StoryIndexPage.objects.child_of(home).get()
    for code, catalogue in content.TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        for campaign in campaigns.values():
            translate(campaign, locale, catalogue)
        for page in [home, index, *stories]:
            translate(page, locale, catalogue)
    ensure_translator_groups()
    return {
        "stories": len(stories),
        "languages": 1 + len(content.TRANSLATIONS),
        "pages": Page.objects.live().count(),
    }
