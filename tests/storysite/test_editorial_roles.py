"""Who may do what in the admin: editors draft and submit, moderators approve and publish.

Refusals are checked with ``assert_forbidden`` (tests/admin_refusals.py): 403 to the admin's
scripts, Wagtail's "no permission" redirect to a browser.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision, Site, WorkflowState

from stories.models import StoryPage
from tests.admin_refusals import XHR, assert_forbidden

LIVE_TITLE = "Four new schools for 4000 displaced children in Dohuk"


@pytest.fixture
def story(demo, locales):
    return StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")


def member_of(django_user_model, group_name: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_data(page, title: str, action: str, body=()) -> dict:
    """The story page editor's form as a browser posts it, with ``body`` as its blocks."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "date": page.date.isoformat(),
            "location": page.location,
            "hero_image": page.hero_image_id or "",
            "hero_alt_text": page.hero_alt_text,
            "cover_layout": page.cover_layout,
            "cover_video": page.cover_video_id or "",
            "campaign": page.campaign_id or "",
            "body": streamfield(list(body)),
            "related_stories": inline_formset([]),
            action: "1",
        }
    )


def edit_post(client, page, title: str, action: str, body=(), **kwargs):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, edit_data(page, title, action, body), **kwargs)


def submit_for_moderation(client, django_user_model, story) -> WorkflowState:
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    response = edit_post(client, story, "Edited by an editor", "action-submit")
    assert response.status_code == 302, response.content[:2000]
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))


def workflow_action_url(story, action: str, state: WorkflowState) -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[story.pk, action, state.current_task_state.pk],
    )


def test_anonymous_visitors_are_sent_to_the_login_page(client, story):
    """Not a 403: someone not signed in is asked to sign in (a script, which cannot sign in,
    gets Wagtail's 403)."""
    for path in ("/admin/", f"/admin/pages/{story.pk}/edit/", "/admin/sites/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")
        assert client.get(path, headers=XHR).status_code == 403


def test_editor_may_open_the_page_editor(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200


def test_editor_cannot_unpublish(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    url = reverse("wagtailadmin_pages:unpublish", args=[story.pk])
    assert_forbidden(client, "get", url)
    assert_forbidden(client, "post", url)
    story.refresh_from_db()
    assert story.live


def test_editor_publish_is_refused_while_the_workflow_wants_a_moderator(
    client, django_user_model, story
):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    revisions = Revision.page_revisions.filter(object_id=str(story.pk)).count()
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    assert_forbidden(client, "post", url, data=edit_data(story, "Sneaky publish", "action-publish"))
    story.refresh_from_db()
    assert story.title == LIVE_TITLE
    assert story.has_workflow
    # Refused outright: not even saved as a draft.
    assert Revision.page_revisions.filter(object_id=str(story.pk)).count() == revisions


def test_editor_cannot_approve_their_own_submission(client, django_user_model, story):
    state = submit_for_moderation(client, django_user_model, story)
    assert_forbidden(client, "post", workflow_action_url(story, "approve", state), data={})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    story.refresh_from_db()
    assert story.title == LIVE_TITLE


def test_editor_submission_waits_for_a_moderator_who_approves_it(client, django_user_model, story):
    state = submit_for_moderation(client, django_user_model, story)
    story.refresh_from_db()
    assert story.title == LIVE_TITLE  # still live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(member_of(django_user_model, "Moderators", "maud"))
    approve = workflow_action_url(story, "approve", state)
    assert client.post(approve, {"comment": "Good"}).status_code == 302
    story.refresh_from_db()
    assert story.title == "Edited by an editor"
    assert story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_moderator_publishes_directly(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Moderators", "maud"))
    response = edit_post(client, story, "Published by a moderator", "action-publish")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Published by a moderator"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/sites/",
        "/admin/sites/edit/{site}/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/locales/",
        "/admin/redirects/",
        "/admin/workflows/list/",
    ],
)
def test_editor_is_refused_site_settings(client, django_user_model, story, path):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    site = Site.objects.get(is_default_site=True)
    assert_forbidden(client, "get", path.format(site=site.pk))


def test_editor_cannot_change_the_site_through_a_forged_form(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    site = Site.objects.get(is_default_site=True)
    data = {"hostname": "pirate.example", "port": "80", "root_page": site.root_page_id}
    assert_forbidden(client, "post", f"/admin/sites/edit/{site.pk}/", data=data)
    site.refresh_from_db()
    assert site.hostname != "pirate.example"
