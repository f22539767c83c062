"""Who may do what in the admin: editors draft and submit, moderators approve and publish."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState

from stories.models import StoryPage


@pytest.fixture
def story(demo, locales):
    return StoryPage.objects.get(locale=locales["en"], slug="four-schools-dohuk")


def member_of(django_user_model, group_name: str, username: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_post(client, page, title: str, action: str):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "date": page.date.isoformat(),
            "location": page.location,
            "hero_image": page.hero_image_id or "",
            "hero_alt_text": page.hero_alt_text,
            "campaign": page.campaign_id or "",
            "body": streamfield([]),
            action: "1",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_cannot_unpublish(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    url = reverse("wagtailadmin_pages:unpublish", args=[story.pk])
    # Wagtail answers a permission failure in the admin by sending the user back to the
    # dashboard with "Sorry, you do not have permission to access this area."
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    story.refresh_from_db()
    assert story.live


def test_editor_submission_waits_for_a_moderator(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    response = edit_post(client, story, "Edited by an editor", "action-submit")
    assert response.status_code == 302, response.content[:2000]
    story.refresh_from_db()
    assert story.title == "Four new schools for 4000 displaced children in Dohuk"  # still live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(member_of(django_user_model, "Moderators", "maud"))
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": "Good"}).status_code in (200, 302)
    story.refresh_from_db()
    assert story.title == "Edited by an editor"
    assert story.live


def test_editor_publish_button_is_refused(client, django_user_model, story):
    client.force_login(member_of(django_user_model, "Editors", "eddie"))
    edit_post(client, story, "Sneaky publish", "action-publish")
    story.refresh_from_db()
    assert story.title == "Four new schools for 4000 displaced children in Dohuk"
