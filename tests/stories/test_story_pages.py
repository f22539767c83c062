import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model

from stories.blocks import ImageWithCaptionBlock
from stories.models import Campaign, StoryIndexPage, StoryPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_story_page_renders_hero_blocks_and_campaign(client, demo):
    response = client.get("/en/stories/four-schools-dohuk/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Four new schools for 4000 displaced children in Dohuk"
    assert page.select_one(".story__campaign").get_text(strip=True) == "#foreverychild"
    hero = page.select_one(".story__hero img")
    assert hero["alt"] == "Rows of prefabricated classrooms under a clear sky"
    figure = page.select_one(".block-image")
    assert figure.img["alt"] == "Desks lined up in a bright prefabricated classroom"
    caption = figure.figcaption.get_text(" ", strip=True)
    assert "Each of the four schools has 12 classrooms." in caption
    assert "Demo illustration" in caption  # credit from the image when the block has none
    assert page.select_one('time[datetime="2019-02-21"]')


def test_quote_block_shows_who_said_it(client, demo):
    page = soup(client.get("/en/stories/zahra-draws-again-raqqa/"))
    quote = page.select_one(".block-quote")
    assert "broken Daesh's grip" in quote.blockquote.get_text()
    assert quote.cite.get_text(strip=True) == "Jeremy Hunt"


def test_arabic_story_has_translated_body_and_alt_text(client, demo):
    response = client.get("/ar/")
    link = soup(response).find("a", string="أربع مدارس جديدة لـ4000 طفل نازح في دهوك")
    page = soup(client.get(link["href"]))
    assert page.html["dir"] == "rtl"
    assert page.select_one(".block-image img")["alt"] == "مقاعد مصفوفة في فصل دراسي جاهز ومضيء"
    assert "لا تزال آلاف العائلات" in page.select_one(".story__body").get_text()


def test_story_index_filters_by_campaign(client, demo):
    page = soup(client.get("/en/stories/?campaign=lifeafterdaesh"))
    titles = [h.get_text(strip=True) for h in page.select(".story-card__title")]
    assert sorted(titles) == [
        "Rebuilding the blacksmith market in Mosul",
        "Zahra draws again after the liberation of Raqqa",
    ]
    unknown = soup(client.get("/en/stories/?campaign=does-not-exist"))
    assert not unknown.select(".story-card")
    assert "No stories yet." in unknown.get_text()


def test_story_index_paginates_newest_first(client, demo, locales):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    for day in range(1, 14):
        index.add_child(
            instance=StoryPage(
                title=f"Generated story {day:02d}",
                slug=f"generated-{day}",
                standfirst="Generated for the pagination test.",
                date=datetime.date(2024, 1, day),
                locale=locales["en"],
            )
        )
    first = soup(client.get("/en/stories/"))
    titles = [h.get_text(strip=True) for h in first.select(".story-card__title")]
    assert len(titles) == 12
    assert titles[0] == "Generated story 13"
    assert first.select_one("a[rel=next]")["href"] == "?page=2"
    second = soup(client.get("/en/stories/?page=2"))
    assert len(second.select(".story-card")) == 4
    assert soup(client.get("/en/stories/?page=abc")).select(".story-card")


def test_draft_story_is_not_listed_or_served(client, demo, locales):
    index = StoryIndexPage.objects.get(locale=locales["en"])
    draft = StoryPage(
        title="Secret draft",
        slug="secret-draft",
        standfirst="Not yet.",
        date=datetime.date(2024, 1, 1),
        live=False,
    )
    index.add_child(instance=draft)
    assert "Secret draft" not in client.get("/en/stories/").content.decode()
    assert client.get("/en/stories/secret-draft/").status_code == 404


def test_image_block_requires_alt_text_unless_decorative(demo):
    block = ImageWithCaptionBlock()
    image = get_image_model().objects.first()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "decorative": False}))
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    assert value["decorative"] is True


def test_decorative_image_renders_empty_alt(demo):
    block = ImageWithCaptionBlock()
    image = get_image_model().objects.first()
    html = block.render(
        block.to_python({"image": image.pk, "alt_text": "ignored", "decorative": True})
    )
    assert 'alt=""' in html


def test_campaign_hashtag_is_synchronised_not_translated():
    from wagtail_localize.fields import get_translatable_fields

    kinds = {field.field_name: type(field).__name__ for field in get_translatable_fields(Campaign)}
    assert kinds["hashtag"] == "SynchronizedField"
    assert kinds["name"] == "TranslatableField"
