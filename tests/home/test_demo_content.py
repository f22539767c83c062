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
