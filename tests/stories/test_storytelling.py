"""What visitors get from the storytelling features: the three cover layouts, scrollytelling
steps that change or zoom their media, the background video, chapters, sharing without trackers
and hashtags that lead to campaign pages — read from the HTML a visitor receives."""

from __future__ import annotations

import datetime
import importlib
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from media_pipeline.models import Video
from stories.blocks import ScrollytellingBlock
from stories.models import CampaignPage, StoryIndexPage, StoryPage

ZAHRA = "/en/stories/zahra-draws-again-raqqa/"
DOHUK = "/en/stories/four-schools-dohuk/"
MOSUL = "/en/stories/mosul-blacksmith-market/"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def story(slug: str, language: str = "en") -> StoryPage:
    """A demo story by its English slug, in ``language`` (translations have their own slugs)."""
    english = StoryPage.objects.get(slug=slug, locale__language_code="en")
    if language == "en":
        return english
    return StoryPage.objects.get(
        translation_key=english.translation_key, locale__language_code=language
    )


def republish(page: StoryPage) -> None:
    page.save_revision().publish()


# ---- Covers -------------------------------------------------------------------------------


def test_full_screen_cover_sets_title_and_standfirst_on_a_box_over_the_picture(client, demo):
    page = soup(client.get(ZAHRA))
    cover = page.select_one("header.cover")
    assert "cover--full_screen" in cover["class"]
    image = cover.select_one(".cover__media img.cover__image")
    assert image["alt"] == "Bright crayon strokes and a sun drawn on paper"
    assert image.get("fetchpriority") == "high" and not image.get("loading")
    box = cover.select_one(".cover__text")
    assert box.h1.get_text(strip=True) == "Zahra draws again after the liberation of Raqqa"
    assert "deaf and mute" in box.select_one(".story__standfirst").get_text()
    # The text box follows the picture in the header: one heading, read in order.
    assert len(page.find_all("h1")) == 1


def test_split_cover_puts_the_picture_beside_the_title(client, demo):
    cover = soup(client.get(DOHUK)).select_one("header.cover")
    assert "cover--split" in cover["class"]
    children = [child for child in cover.children if getattr(child, "name", None)]
    assert [child.name for child in children] == ["figure", "div"]
    assert children[0].img["alt"] == "Rows of prefabricated classrooms under a clear sky"
    assert children[1].h1.get_text(strip=True).startswith("Four new schools")


def test_classic_cover_keeps_the_picture_above_the_title(client, demo):
    cover = soup(client.get(MOSUL)).select_one("header.cover")
    assert "cover--classic" in cover["class"]
    assert cover.select_one("figure.story__hero img")
    assert cover.select_one(".container.story__intro h1")


def test_focal_point_decides_which_part_of_the_picture_every_crop_keeps(client, demo):
    zahra = story("zahra-draws-again-raqqa")
    image = zahra.hero_image
    assert soup(client.get(ZAHRA)).select_one(".cover__image")["style"] == (
        "object-position: 50% 50%"
    )
    image.focal_point_x = image.width // 10
    image.focal_point_y = image.height // 5
    image.focal_point_width = image.focal_point_height = 40
    image.save()
    assert soup(client.get(ZAHRA)).select_one(".cover__image")["style"] == (
        "object-position: 10% 20%"
    )


def test_full_screen_or_split_cover_without_a_picture_is_refused(demo):
    zahra = story("zahra-draws-again-raqqa")
    zahra.hero_image = None
    with pytest.raises(ValidationError) as error:
        zahra.full_clean()
    assert "hero_image" in error.value.message_dict


def test_cover_video_only_behind_a_full_screen_cover(demo):
    mosul = story("mosul-blacksmith-market")
    mosul.cover_video = Video.objects.first()
    with pytest.raises(ValidationError) as error:
        mosul.full_clean()
    assert "cover_video" in error.value.message_dict


def test_cover_video_is_a_muted_loop_with_a_pause_button_and_the_hero_as_poster(client, demo):
    zahra = story("zahra-draws-again-raqqa")
    video = Video.objects.get()
    assert video.is_playable
    zahra.cover_video = video
    republish(zahra)
    cover = soup(client.get(ZAHRA)).select_one("header.cover")
    player = cover.select_one(".cover__media video")
    assert player.has_attr("muted") and player.has_attr("loop") and player.has_attr("playsinline")
    assert not player.has_attr("controls") and not player.has_attr("autoplay")
    assert player["data-ladder-src"].endswith(".m3u8")  # the HLS ladder, MP4 rung as fallback
    assert player["data-rung-src"].endswith(".mp4")
    assert "/images/" in player["poster"]  # the hero image's rendition
    button = cover.select_one("button[data-ambient-toggle]")
    assert button.get_text(strip=True) == "Pause the video"
    # The picture stays underneath: what readers without JavaScript or motion see.
    assert cover.select_one("img.cover__image")


def test_arabic_cover_is_right_to_left_with_translated_title(client, demo):
    arabic = story("zahra-draws-again-raqqa", "ar")
    page = soup(client.get(arabic.url))
    assert page.html["dir"] == "rtl" and page.html["lang"] == "ar"
    cover = page.select_one("header.cover")
    assert "cover--full_screen" in cover["class"]
    assert cover.h1.get_text(strip=True) == arabic.title
    assert arabic.title != "Zahra draws again after the liberation of Raqqa"
    assert cover.select_one(".cover__text .story__standfirst").get_text() == arabic.standfirst


# ---- Scrollytelling ------------------------------------------------------------------------


def test_scrollytelling_steps_bring_new_media_or_zoom_into_the_last(client, demo):
    block = soup(client.get(ZAHRA)).select_one("[data-scrolly]")
    steps = block.select(".block-scrolly__step")
    assert [step["data-shows"] for step in steps] == ["0", "1", "2", "2"]
    assert [step["data-zoom"] for step in steps] == ["1", "1", "1", "2"]
    assert steps[3]["data-focus"] == "70% 30%"
    # Without JavaScript: each step's own picture (with its alt text), then its text, in order.
    assert [step.img["alt"] if step.img else None for step in steps] == [
        "A blank sheet with a few grey strokes",
        "A sheet half covered in bright colours",
        "A sheet full of colour with a big sun",
        None,
    ]
    assert steps[3].get_text(strip=True) == "The sun comes first in every picture she draws."


def test_scrollytelling_video_step_is_a_muted_loop(demo):
    video = Video.objects.get()
    raw = {
        "title": "",
        "steps": [
            {
                "media": [{"type": "video", "value": {"video": video.pk, "description": "A loop"}}],
                "text": "One",
            },
            {"media": [], "zoom": "1.5", "focus_x": 20, "focus_y": 80, "text": "Two"},
        ],
    }
    block = ScrollytellingBlock()
    html = BeautifulSoup(block.render(block.to_python(raw)), "html.parser")
    player = html.select_one(".block-scrolly__step-media[data-kind=video] video")
    assert player.has_attr("muted") and player.has_attr("loop") and not player.has_attr("controls")
    assert player["aria-label"] == "A loop"
    assert html.select(".block-scrolly__step")[1]["data-focus"] == "20% 80%"


def test_scrollytelling_first_step_needs_media(demo):
    block = ScrollytellingBlock()
    value = block.to_python(
        {"title": "", "steps": [{"media": [], "text": "One"}, {"media": [], "text": "Two"}]}
    )
    with pytest.raises((ValidationError, StructBlockValidationError)):
        block.clean(value)


def test_existing_scrollytelling_steps_keep_their_picture_after_the_migration():
    migration = importlib.import_module(
        "stories.migrations.0007_story_covers_scrolly_media_background_video"
    )
    old = {"image": 7, "alt_text": "A sheet", "text": "Step"}
    new = migration.StepImageIntoMedia().apply(old)
    assert new["text"] == "Step" and new["zoom"] == "1"
    assert [(m["type"], m["value"]) for m in new["media"]] == [
        ("image", {"image": 7, "alt_text": "A sheet"})
    ]
    assert migration.StepImageIntoMedia().apply(new) == new


# ---- Background video ----------------------------------------------------------------------


def test_background_video_block_has_no_controls_a_poster_and_a_pause_button(client, demo):
    figure = soup(client.get(ZAHRA)).select_one(".block-ambient")
    player = figure.video
    assert player.has_attr("muted") and player.has_attr("loop") and player.has_attr("playsinline")
    assert not player.has_attr("controls") and not player.has_attr("autoplay")
    assert player["preload"] == "none" and not player.find("source")  # no bytes without JS
    assert player["poster"].endswith(".webp")
    assert player["aria-label"].startswith("A moving test pattern")
    assert figure.select_one("button[data-ambient-toggle]").get_text(strip=True) == (
        "Pause the video"
    )
    assert (
        figure.select_one(".block-ambient__overlay").get_text() == "Every child deserves a school."
    )


# ---- Long stories ---------------------------------------------------------------------------


def test_chapter_navigation_is_built_from_the_section_headings(client, demo):
    page = soup(client.get(ZAHRA))
    nav = page.select_one("nav.chapters")
    assert nav["aria-label"] == "Chapters"
    links = [(a.get_text(strip=True), a["href"]) for a in nav.select("a")]
    assert links == [
        ("A room full of pictures", "#pictures"),
        ("Back at school", "#back-at-school"),
    ]
    for _title, href in links:
        assert page.select_one(f"h2{href}")
    back = page.find("a", string="Back to top")
    assert page.select_one(back["href"]).name == "header"
    assert page.select_one("[data-reading-progress]")["aria-hidden"] == "true"


def test_story_with_one_heading_has_no_chapter_navigation(client, demo):
    assert not soup(client.get(MOSUL)).select("nav.chapters")


# ---- Sharing ---------------------------------------------------------------------------------


def test_share_links_are_plain_links_and_no_third_party_script_loads(client, demo, settings):
    page = soup(client.get(ZAHRA))
    share = page.select_one("[data-share]")
    full_url = story("zahra-draws-again-raqqa").full_url
    assert share["data-share-url"] == full_url
    links = {a["href"].split("?")[0]: a for a in share.select("ul a")}
    assert set(links) == {
        "https://www.facebook.com/sharer/sharer.php",
        "https://x.com/intent/post",
        "https://www.linkedin.com/sharing/share-offsite/",
        "https://wa.me/",
        "mailto:",
    }
    facebook = parse_qs(urlsplit(links["https://www.facebook.com/sharer/sharer.php"]["href"]).query)
    assert facebook == {"u": [full_url]}
    assert "%20" in links["mailto:"]["href"] and "+" not in links["mailto:"]["href"]
    assert all("noopener" in a["rel"] for a in links.values())
    # Nothing of theirs on our page: every script is ours, no frames, no tracking pixels.
    for script in page.find_all("script", src=True):
        assert script["src"].startswith(settings.STATIC_URL), script["src"]
    assert not page.find("iframe")
    assert not page.find("img", src=lambda src: src and "facebook" in src)


# ---- Campaigns -------------------------------------------------------------------------------


def test_hashtags_on_cards_and_stories_link_to_their_campaign_page(client, demo):
    campaign_url = CampaignPage.objects.get(slug="lifeafterdaesh", locale__language_code="en").url
    listing = soup(client.get("/en/stories/"))
    card = listing.find("a", string="Zahra draws again after the liberation of Raqqa")
    card = card.find_parent("article")
    assert card.select_one(".story-card__campaign a")["href"] == campaign_url
    page = soup(client.get(ZAHRA))
    assert page.select_one(".story__campaign a")["href"] == campaign_url
    dohuk = soup(client.get(DOHUK)).select_one(".story__campaign a")
    assert dohuk.get_text(strip=True) == "#foreverychild"
    assert (
        dohuk["href"]
        == CampaignPage.objects.get(slug="foreverychild", locale__language_code="en").url
    )


def test_arabic_hashtags_lead_to_the_arabic_campaign_page(client, demo):
    arabic = story("zahra-draws-again-raqqa", "ar")
    link = soup(client.get(arabic.url)).select_one(".story__campaign a")
    target = CampaignPage.objects.get(
        locale__language_code="ar",
        translation_key=CampaignPage.objects.get(
            slug="lifeafterdaesh", locale__language_code="en"
        ).translation_key,
    )
    assert link["href"] == target.url and target.url.startswith("/ar/")


def test_hashtag_is_plain_text_when_its_campaign_page_is_unpublished(client, demo):
    CampaignPage.objects.get(slug="lifeafterdaesh", locale__language_code="en").unpublish()
    page = soup(client.get(ZAHRA))
    assert page.select_one(".story__campaign").get_text(strip=True) == "#LifeafterDaesh"
    assert not page.select(".story__campaign a")


def test_home_page_lists_the_campaigns(client, demo):
    section = soup(client.get("/en/")).find(id="campaigns-heading").find_parent("section")
    links = {
        a.select_one(".campaign-card__hashtag").get_text(): a["href"] for a in section.select("a")
    }
    assert links == {
        "#LifeafterDaesh": CampaignPage.objects.get(
            slug="lifeafterdaesh", locale__language_code="en"
        ).url,
        "#foreverychild": CampaignPage.objects.get(
            slug="foreverychild", locale__language_code="en"
        ).url,
    }


def test_campaign_page_lists_its_stories_with_load_more(client, demo):
    campaign_page = CampaignPage.objects.get(slug="foreverychild", locale__language_code="en")
    index = StoryIndexPage.objects.get(locale__language_code="en")
    for day in range(1, 14):
        index.add_child(
            instance=StoryPage(
                title=f"Campaign story {day:02d}",
                slug=f"campaign-story-{day}",
                standfirst="One more story of the campaign.",
                date=datetime.date(2024, 1, day),
                campaign=campaign_page.campaign,
            )
        )
    first = soup(client.get(campaign_page.url))
    assert len(first.select(".story-card")) == 12
    pager = first.select_one("[data-load-more]")
    assert pager["data-load-more-label"] == "Load more stories"
    assert pager.select_one("a[rel=next]")["href"] == "?page=2"
    more = client.get(campaign_page.url + "?page=2&fragment=1")
    fragment = soup(more)
    assert not fragment.find("html") and not fragment.find("header")
    titles = [h.get_text(strip=True) for h in fragment.select(".story-card__title")]
    # 13 new stories and the demo's Dohuk story (2019): two on the second page, oldest last.
    assert titles == [
        "Campaign story 01",
        "Four new schools for 4000 displaced children in Dohuk",
    ]


# ---- Promote tab -----------------------------------------------------------------------------


def test_promote_tab_shows_the_social_card_preview(admin_client, demo):
    zahra = story("zahra-draws-again-raqqa")
    zahra.social_text = "Zahra draws again: read her story."
    republish(zahra)
    page = soup(admin_client.get(f"/admin/pages/{zahra.pk}/edit/"))
    preview = page.select_one("[data-social-card-preview]")
    assert preview.find_parent(id="tab-promote")
    assert preview.select_one(".social-card-preview__title").get_text() == zahra.title
    assert preview.select_one(".social-card-preview__text").get_text() == (
        "Zahra draws again: read her story."
    )
    assert preview.select_one("img.social-card-preview__image")["width"] == "1200"
