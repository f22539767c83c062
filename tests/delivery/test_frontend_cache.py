"""A CDN in front is purged, after the commit, of the published page and of the pages that
show it (the story index, the home page, its campaign page, the feeds, the sitemap), not of
the others."""

from urllib.parse import urlsplit

from stories.models import StoryPage
from stories.public_urls import public_url


def test_publishing_purges_the_page_and_its_listings_after_the_commit(
    demo, locales, settings, purge_recorder, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_recorder.url,
        }
    }
    story = StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Four schools open in Dohuk"
        story.save_revision().publish()
        before_commit = purge_recorder.purged_paths()
    purged = purge_recorder.purged_paths()
    assert {"/en/stories/", "/en/"} <= purged
    assert "/en/stories/four-schools-dohuk/" in purged
    assert {"/en/foreverychild/", "/en/feeds/stories/", "/sitemap.xml"} <= purged
    assert "/fr/recits/quatre-ecoles-dohuk/" in purged  # its translations' language links
    # The same scope as the page cache's: a story that shows nothing of this one stays.
    assert "/en/stories/mosul-blacksmith-market/" not in purged
    assert not {"/en/stories/", "/en/"} & before_commit  # listings only once committed
    # Purged under the address visitors (and so the CDN) know the pages by, PUBLIC_BASE_URL.
    public_host = urlsplit(public_url("/")).hostname
    assert {host for _method, host, _path in purge_recorder.requests} == {public_host}
