from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import HomePage
from stories.models import Campaign, StoryPage


def test_demo_has_seed_stories_in_three_languages(demo, locales):
    for code in ("en", "fr", "ar"):
        titles = set(
            StoryPage.objects.live().filter(locale=locales[code]).values_list("title", flat=True)
        )
        assert len(titles) == 3, code
    english = set(StoryPage.objects.filter(locale=locales["en"]).values_list("title", flat=True))
    assert "Zahra draws again after the liberation of Raqqa" in english
    assert "Four new schools for 4000 displaced children in Dohuk" in english
    arabic = set(StoryPage.objects.filter(locale=locales["ar"]).values_list("title", flat=True))
    assert "زهراء تعود إلى الرسم بعد تحرير الرقة" in arabic


def test_demo_stories_carry_their_campaigns(demo, locales):
    zahra = StoryPage.objects.get(locale=locales["en"], slug="zahra-draws-again-raqqa")
    dohuk = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    assert zahra.campaign.hashtag == "#LifeafterDaesh"
    assert dohuk.campaign.hashtag == "#foreverychild"
    arabic_zahra = zahra.get_translation(locales["ar"])
    # The translated story points at the Arabic version of the campaign, hashtag unchanged.
    assert arabic_zahra.campaign.locale == locales["ar"]
    assert arabic_zahra.campaign.hashtag == "#LifeafterDaesh"
    assert arabic_zahra.campaign.name == "الحياة بعد داعش"


def test_load_demo_twice_creates_no_duplicates(demo):
    counts_before = (
        Page.objects.count(),
        Campaign.objects.count(),
        get_image_model().objects.count(),
    )
    call_command("load_demo", verbosity=0)
    counts_after = (
        Page.objects.count(),
        Campaign.objects.count(),
        get_image_model().objects.count(),
    )
    assert counts_after == counts_before
    assert HomePage.objects.filter(locale__language_code="en").count() == 1


def test_load_demo_restores_edited_demo_text(demo, locales):
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    story.title = "Vandalised"
    story.save_revision().publish()
    call_command("load_demo", verbosity=0)
    story.refresh_from_db()
    assert story.title == "Four new schools for 4000 displaced children in Dohuk"


def test_demo_images_are_real_images_with_credit(demo):
    image = get_image_model().objects.get(title="Prefabricated schools in Dohuk")
    assert (image.width, image.height) == (1600, 900)
    assert image.credit == "Demo illustration"
    with image.open_file() as handle:
        assert handle.read(3) == b"\xff\xd8\xff"  # JPEG magic


def test_load_demo_admin_option_creates_stated_superuser(demo, django_user_model, client):
    call_command("load_demo", "--admin", verbosity=0)
    user = django_user_model.objects.get(username="admin")
    assert user.is_superuser
    response = client.post("/admin/login/", {"username": "admin", "password": "storysite-demo"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_demo_stories_use_every_story_block(demo, locales):
    from stories.blocks import StoryStreamBlock

    used = set()
    for story in StoryPage.objects.filter(locale=locales["en"]):
        used |= {block.block_type for block in story.body}
    assert used == set(StoryStreamBlock().child_blocks)


def test_demo_has_every_page_type_in_every_language(demo, locales):
    from stories.models import (
        CampaignPage,
        DigestPage,
        ExplainerPage,
        NewsPage,
        PartnerIndexPage,
        PartnerPage,
    )

    for model, count in [
        (CampaignPage, 2),
        (NewsPage, 2),
        (DigestPage, 1),
        (ExplainerPage, 1),
        (PartnerIndexPage, 1),
        (PartnerPage, 1),
    ]:
        for code in ("en", "fr", "ar"):
            assert model.objects.live().filter(locale=locales[code]).count() == count


def test_demo_partners_are_79_in_each_language_and_placeholders_say_so(demo, locales):
    from stories.models import Partner, SocialPost

    for code in ("en", "fr", "ar"):
        assert Partner.objects.filter(locale=locales[code]).count() == 79
        assert SocialPost.objects.filter(locale=locales[code]).count() == 5
    nato = Partner.objects.get(locale=locales["en"], name="NATO")
    assert nato.partner_type == "organisation" and nato.logo is not None
    placeholder = Partner.objects.get(locale=locales["fr"], name="Partenaire de démonstration 07")
    assert "démonstration" in placeholder.summary


def test_every_demo_text_has_french_and_arabic_translations(demo, locales):
    """Each segment wagtail-localize extracted from the demo is translated in both languages
    (single tokens such as anchors, years and hashtags are identifiers and stay as they are)."""
    from wagtail_localize.models import StringSegment, StringTranslation

    translated = {
        code: set(
            StringTranslation.objects.filter(locale=locales[code]).values_list(
                "translation_of_id", flat=True
            )
        )
        for code in ("fr", "ar")
    }
    missing = {
        code: sorted(
            {
                segment.string.data
                for segment in StringSegment.objects.select_related("string")
                if segment.string_id not in ids and len(segment.string.data.split()) > 1
            }
        )
        for code, ids in translated.items()
    }
    assert missing == {"fr": [], "ar": []}
