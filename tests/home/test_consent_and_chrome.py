"""Cookie consent gates everything non-essential; the banner, footer and tour are on every page."""

import pytest
from bs4 import BeautifulSoup

from home.consent import CONSENT_COOKIE

ANALYTICS = "https://stats.example.org/script.js"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def analytics(settings):
    settings.ANALYTICS_SCRIPT_URL = ANALYTICS
    return ANALYTICS


def executable_analytics(html: BeautifulSoup) -> list:
    return [
        script
        for script in html.find_all("script", src=True)
        if ANALYTICS in script["src"] and script.get("type", "text/javascript") != "text/plain"
    ]


def test_no_analytics_script_before_consent(client, demo, analytics):
    html = soup(client.get("/en/"))
    assert executable_analytics(html) == []
    assert ANALYTICS not in str(html.find_all("script", src=True))
    # An inert placeholder lets the page start analytics the moment the visitor accepts.
    assert html.select_one("script[type='text/plain'][data-consent-src]")["data-consent-src"] == (
        ANALYTICS
    )
    assert html.select_one("[data-cookie-banner]")


def test_accepting_sets_the_cookie_for_the_browser_to_start_analytics(client, demo, analytics):
    response = client.post(
        "/en/cookies/", {"choice": "accepted", "next": "/en/stories/"}, HTTP_HOST="testserver"
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/stories/"
    cookie = response.cookies[CONSENT_COOKIE]
    assert cookie.value == "accepted"
    assert cookie["samesite"] == "Lax" and cookie["max-age"] == 180 * 24 * 60 * 60
    # The page stays the same HTML (it is cached for everyone): the script in <head> reads the
    # cookie, hides the banner and site.js turns the inert placeholder into the real script.
    html = soup(client.get("/en/"))
    assert executable_analytics(html) == []
    early = html.head.find("script", src=lambda src: src and src.endswith("js/early.js"))
    assert early is not None and not early.has_attr("defer")


def test_pages_do_not_depend_on_the_consent_cookie_so_caching_is_safe(client, demo, analytics):
    anonymous = client.get("/en/stories/zahra-draws-again-raqqa/").content
    client.cookies[CONSENT_COOKIE] = "accepted"
    accepted = client.get("/en/stories/zahra-draws-again-raqqa/").content
    assert anonymous == accepted
    assert b"csrfmiddlewaretoken" not in anonymous  # a token would make every page private


def test_choice_posted_from_another_site_is_refused(client, demo):
    response = client.post(
        "/en/cookies/", {"choice": "accepted"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert CONSENT_COOKIE not in response.cookies
    same_site = client.post("/en/cookies/", {"choice": "accepted"}, HTTP_ORIGIN="http://testserver")
    assert same_site.status_code == 302


def test_no_analytics_at_all_when_none_is_configured(client, demo):
    client.cookies[CONSENT_COOKIE] = "accepted"
    html = soup(client.get("/en/"))
    assert html.select("script[data-analytics], script[data-consent-src]") == []


def test_choice_can_be_changed_from_the_footer(client, demo):
    client.post("/en/cookies/", {"choice": "accepted"})
    home = soup(client.get("/fr/"))
    link = home.select_one(".site-footer a[href='/fr/cookies/']")
    assert link.get_text(strip=True)
    page = soup(client.get(link["href"]))
    assert page.h1.get_text(strip=True)
    assert page.select_one(".cookie-status")
    response = client.post("/fr/cookies/", {"choice": "declined"})
    assert response.cookies[CONSENT_COOKIE].value == "declined"


def test_banner_has_accept_decline_and_a_link_named_for_the_settings_page(client, demo):
    # Named for where it goes, not "Read more": search engines and screen-reader link lists
    # show a link's text alone (Lighthouse's link-text audit).
    banner = soup(client.get("/en/")).select_one("[data-cookie-banner]")
    buttons = {b["value"]: b.get_text(strip=True) for b in banner.select("button")}
    assert buttons == {"accepted": "Accept", "declined": "Decline"}
    assert banner.find("a", string="Cookie settings")["href"] == "/en/cookies/"


def test_bad_choice_is_a_clear_400_not_a_500(client, demo):
    response = client.post("/en/cookies/", {"choice": "maybe"})
    assert response.status_code == 400
    assert "Choose" in soup(response).select_one("[role=alert]").get_text()
    assert CONSENT_COOKIE not in response.cookies


def test_consent_redirect_never_leaves_the_site(client, demo):
    response = client.post("/en/cookies/", {"choice": "accepted", "next": "https://evil.example/"})
    assert response["Location"] == "/en/cookies/"


def test_forged_cookie_value_counts_as_no_choice(client, demo):
    client.cookies[CONSENT_COOKIE] = "<script>"
    page = soup(client.get("/en/cookies/"))
    assert "not made a choice" in page.select_one(".cookie-status").get_text()


def test_embedded_video_is_a_placeholder_before_consent(client, demo):
    html = soup(client.get("/en/stories/zahra-draws-again-raqqa/"))
    embed = html.select_one("[data-consent-embed]")
    assert embed["data-consent-embed"].startswith("https://www.youtube-nocookie.com/embed/")
    assert html.find("iframe") is None


def test_tour_and_its_invitation_are_on_the_home_page(client, demo):
    html = soup(client.get("/en/"))
    tour = html.select_one("[data-site-tour]")
    assert tour.has_attr("hidden")  # script shows it; without script it never gets in the way
    targets = [li["data-tour-target"] for li in tour.select("li[data-tour-target]")]
    assert len(targets) == 4
    start = html.select_one(".hero-welcome [data-tour-start]")
    assert "click here to be shown around" in start.get_text()


def test_skip_link_landmarks_and_single_h1_on_the_home_page(client, demo):
    html = soup(client.get("/en/"))
    assert html.select_one("a.skip-link")["href"] == "#main"
    assert html.find("main", id="main") and html.find("header") and html.find("footer")
    assert len(html.find_all("h1")) == 1
