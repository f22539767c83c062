"""Build (or bring up to date) the demo site. Safe to run any number of times."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from stories.models import (
    Campaign,
    CampaignPage,
    DigestPage,
    ExplainerPage,
    NewsIndexPage,
    NewsPage,
    Partner,
    PartnerIndexPage,
    PartnerPage,
    SocialPost,
    StoryIndexPage,
    StoryPage,
    TopicName,
)
from translation.translators import ensure_translator_groups

from . import content
from .audio import add_demo_audio
from .data_blocks import add_map_and_chart
from .images import factsheet_pdf, illustration
from .video import add_demo_video

DEMO_TOOL_NAME = "storysite demo"


def demo_image(spec: dict):
    """The demo image titled ``spec['title']``, generated and stored on first use."""
    Image = get_image_model()
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        data = illustration(spec["motif"], seed=spec.get("seed", 0))
        image = Image(title=spec["title"], credit=spec.get("credit", ""))
        image.file = ImageFile(_bytes_file(data), name=f"{slugify(spec['title'])}.jpg")
        image.save()
    return image


def demo_document(spec: dict):
    """The demo document titled ``spec['title']`` (a one-page PDF), created on first use."""
    Document = get_document_model()
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        data = factsheet_pdf(spec["motif"])
        # The admin's upload form records size and hash; a document made in code sets them here.
        document = Document(title=spec["title"], file_size=len(data))
        document.file.save(f"{slugify(spec['title'])}.pdf", ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


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
    fields["lines_of_effort"] = [
        ("line_of_effort", {"title": title, "text": text})
        for title, text in content.HOME["lines_of_effort"]
    ]
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


def _resolve(value, stories: dict[str, StoryPage]):
    """Turn the specs inside a block value into stored objects: image specs (title + motif) into
    images, the factsheet into a document, story slugs (key ``story``) into story pages."""
    if isinstance(value, dict):
        if "motif" in value and "title" in value:
            return demo_image(value)
        resolved = {}
        for key, item in value.items():
            if key == "document":
                resolved[key] = demo_document(item)
            elif key == "story":
                resolved[key] = stories[item]
            elif key in ("latitude", "longitude"):
                resolved[key] = Decimal(item)
            else:
                resolved[key] = _resolve(item, stories)
        return resolved
    if isinstance(value, list):
        return [_resolve(item, stories) for item in value]
    if isinstance(value, tuple):  # a child of a nested StreamBlock: (block type, value)
        return (value[0], _resolve(value[1], stories))
    return value


def _stream_value(blocks: list[tuple[str, object]], stories=None) -> list[tuple[str, object]]:
    """Resolve the specs inside block values (see ``_resolve``)."""
    return [(block_type, _resolve(value, stories or {})) for block_type, value in blocks]


def build_stories(home: HomePage, campaigns: dict[str, Campaign]) -> list[StoryPage]:
    index_fields = {key: value for key, value in content.STORY_INDEX.items() if key != "slug"}
    index = _upsert_child(
        home, StoryIndexPage, content.STORY_INDEX["slug"], {**index_fields, "show_in_menus": True}
    )
    built: dict[str, StoryPage] = {}
    # Stories that others link to (related-story cards) come last in STORIES: build them first.
    for spec in reversed(content.STORIES):
        fields = {
            "title": spec["title"],
            "standfirst": spec["standfirst"],
            "date": datetime.date.fromisoformat(spec["date"]),
            "location": spec["location"],
            "campaign": campaigns[spec["campaign"]],
            "hero_image": demo_image(spec["image"]),
            "hero_alt_text": spec["hero_alt_text"],
            "cover_layout": spec.get("cover_layout", "classic"),
            "body": _stream_value(spec["body"], built),
        }
        story = StoryPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if story is None:
            story = StoryPage(slug=spec["slug"], **fields)
            story.tags.set(spec.get("tags", []))
            index.add_child(instance=story)
        else:
            for name, value in fields.items():
                setattr(story, name, value)
            story.tags.set(spec.get("tags", []))
        _publish(story)
        built[spec["slug"]] = story
    return list(built.values())


def build_campaign_pages(home: HomePage, campaigns: dict[str, Campaign]) -> list[CampaignPage]:
    pages = []
    for spec in content.CAMPAIGN_PAGES:
        fields = {
            "title": spec["title"],
            "campaign": campaigns[spec["campaign"]],
            "intro": spec["intro"],
            "hero_image": demo_image(spec["image"]),
            "hero_alt_text": spec["hero_alt_text"],
        }
        pages.append(_upsert_child(home, CampaignPage, spec["slug"], fields))
    return pages


def build_news(home: HomePage) -> list[Page]:
    """The news index with its articles, the weekly digest and the explainer."""
    index = _upsert_child(
        home,
        NewsIndexPage,
        content.NEWS_INDEX["slug"],
        {
            "title": content.NEWS_INDEX["title"],
            "intro": content.NEWS_INDEX["intro"],
            "show_in_menus": True,
        },
    )
    pages: list[Page] = [index]
    for spec in content.NEWS:
        fields = {
            "title": spec["title"],
            "standfirst": spec["standfirst"],
            "date": datetime.date.fromisoformat(spec["date"]),
            "hero_image": demo_image(spec["image"]),
            "hero_alt_text": spec["hero_alt_text"],
            "body": _stream_value(spec["body"]),
        }
        pages.append(_upsert_child(index, NewsPage, spec["slug"], fields))
    digest = content.DIGEST
    items = [
        ("item", {**item, "date": datetime.date.fromisoformat(item["date"])})
        for item in digest["items"]
    ]
    pages.append(
        _upsert_child(
            index,
            DigestPage,
            digest["slug"],
            {
                "title": digest["title"],
                "date": datetime.date.fromisoformat(digest["date"]),
                "intro": digest["intro"],
                "items": items,
            },
        )
    )
    explainer = content.EXPLAINER
    body = [
        ("question", {"anchor": anchor, "question": question, "answer": answer})
        for anchor, question, answer in explainer["questions"]
    ]
    pages.append(
        _upsert_child(
            index,
            ExplainerPage,
            explainer["slug"],
            {
                "title": explainer["title"],
                "standfirst": explainer["standfirst"],
                "date": datetime.date.fromisoformat(explainer["date"]),
                "hero_image": demo_image(explainer["image"]),
                "hero_alt_text": explainer["hero_alt_text"],
                "body": body,
            },
        )
    )
    return pages


def build_partners(default_locale: Locale) -> tuple[list[Partner], list[Partner]]:
    """The seed's named partners and the numbered placeholders, in the default language."""
    named = []
    for spec in content.PARTNERS:
        partner, _ = Partner.objects.update_or_create(
            locale=default_locale,
            name=spec["name"],
            defaults={
                "partner_type": spec["partner_type"],
                "joined": datetime.date.fromisoformat(spec["joined"]),
                "logo": demo_image(spec["logo"]) if spec["logo"] else None,
                "website": spec["website"],
                "summary": spec["summary"],
            },
        )
        named.append(partner)
    placeholders = []
    for number in range(1, content.PLACEHOLDER_PARTNERS + 1):
        # Every fifth placeholder is an organisation; joining dates spread over 2014-2019.
        partner, _ = Partner.objects.update_or_create(
            locale=default_locale,
            name=content.PLACEHOLDER_NAME.format(number=number),
            defaults={
                "partner_type": "organisation" if number % 5 == 0 else "country",
                "joined": datetime.date(2014 + number % 6, 1 + number % 12, 1),
                "summary": content.PLACEHOLDER_SUMMARY,
            },
        )
        placeholders.append(partner)
    return named, placeholders


def translate_placeholder(partner: Partner, locale: Locale, catalogue: dict[str, str]) -> None:
    """Placeholders are translated directly (75 of them through wagtail-localize would make the
    demo build several times slower); editors can still sync them from the admin."""
    translated = partner.get_translation_or_none(locale) or partner.copy_for_translation(locale)
    translated.name = catalogue.get(partner.name, partner.name)
    translated.summary = catalogue.get(partner.summary, partner.summary)
    translated.partner_type = partner.partner_type
    translated.joined = partner.joined
    translated.live = True  # published as it is: the demo's own translation
    translated.save()


def build_partner_pages(home: HomePage, partners: dict[str, Partner]) -> list[Page]:
    index = _upsert_child(
        home,
        PartnerIndexPage,
        content.PARTNER_INDEX["slug"],
        {
            "title": content.PARTNER_INDEX["title"],
            "intro": content.PARTNER_INDEX["intro"],
            "show_in_menus": True,
        },
    )
    spec = content.PARTNER_SPOTLIGHT
    spotlight = _upsert_child(
        index,
        PartnerPage,
        spec["slug"],
        {
            "title": spec["title"],
            "partner": partners[spec["partner"]],
            "standfirst": spec["standfirst"],
            "date": datetime.date.fromisoformat(spec["date"]),
            "hero_image": demo_image(spec["image"]),
            "hero_alt_text": spec["hero_alt_text"],
            "body": _stream_value(spec["body"]),
        },
    )
    return [index, spotlight]


def build_social_posts(default_locale: Locale, campaigns: dict[str, Campaign]) -> list[SocialPost]:
    posts = []
    for spec in content.SOCIAL_POSTS:
        post, _ = SocialPost.objects.update_or_create(
            locale=default_locale,
            posted_on=datetime.date.fromisoformat(spec["posted_on"]),
            account="@Coalition",
            defaults={
                "text": spec["text"],
                "campaign": campaigns[spec["campaign"]] if spec["campaign"] else None,
                "hashtags": spec["hashtags"],
                "image": demo_image(spec["image"]) if spec["image"] else None,
                "image_alt_text": spec["image_alt_text"],
                "link": spec["link"],
            },
        )
        posts.append(post)
    return posts


def translate(instance, locale: Locale, catalogue: dict[str, str]) -> None:
    """Translate ``instance`` into ``locale`` through wagtail-localize, using ``catalogue`` for the
    strings it knows (others fall back to the source) and publishing the result. The translation
    stays open in wagtail-localize's editor, so translators carry on from the demo's wording."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        translated = catalogue.get(segment.string.data)
        if translated is None and not any(char.isalpha() for char in segment.string.data):
            # Figures and years ("4000", "2014") read the same in every language (the site uses
            # Western digits throughout), so they count as translated.
            translated = segment.string.data
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
    # Saved as a draft, then published here, as a translator would: a translation is never live
    # by default (docs/i18n.md). (wagtail-localize's own publish waits for the transaction to
    # commit; publishing here keeps the whole demo build in one transaction, counts right.)
    has_drafts = isinstance(instance, DraftStateMixin)
    translated, _created = source.create_or_update_translation(
        locale, publish=not has_drafts, copy_parent_pages=True, fallback=True
    )
    if has_drafts:
        translated.get_latest_revision().publish()


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Build the demo in one transaction (all or nothing); returns counts for the summary."""
    default_locale = ensure_tree_and_locales()
    home = build_home(default_locale)
    campaigns = build_campaigns(default_locale)
    stories = build_stories(home, campaigns)
    add_map_and_chart(stories, content.TRANSLATIONS)
    add_demo_video(stories, translate, content.TRANSLATIONS)
    add_demo_audio(stories, content.TRANSLATIONS)
    index = StoryIndexPage.objects.child_of(home).get()
    campaign_pages = build_campaign_pages(home, campaigns)
    news_pages = build_news(home)
    named_partners, placeholders = build_partners(default_locale)
    partner_pages = build_partner_pages(home, {p.name: p for p in named_partners})
    social_posts = build_social_posts(default_locale, campaigns)
    # Named in English when the stories' tags were made (stories/models/topics.py).
    topics = list(TopicName.objects.filter(locale=default_locale))
    # Snippets before the pages that point at them; parents before children.
    for code, catalogue in content.TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        for snippet in [*campaigns.values(), *named_partners, *social_posts, *topics]:
            translate(snippet, locale, catalogue)
        for partner in placeholders:
            translate_placeholder(partner, locale, catalogue)
        for page in [home, index, *stories, *campaign_pages, *news_pages, *partner_pages]:
            translate(page, locale, catalogue)
    ensure_translator_groups()
    return {
        "stories": len(stories),
        "languages": 1 + len(content.TRANSLATIONS),
        "pages": Page.objects.live().count(),
        "partners": Partner.objects.filter(locale=default_locale).count(),
    }
