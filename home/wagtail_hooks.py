"""Wagtail hooks: a publish request from someone who may not publish is refused outright."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail import hooks

# Before Wagtail's own handling, so a refusal happens before anything is saved.
FIRST = -100


@hooks.register("before_edit_page", order=FIRST)
def refuse_publishing_without_permission(request, page):
    """An editor's page goes through the moderators' workflow; Wagtail quietly saves a draft when
    someone without the publish permission posts "Publish" (only a forged or stale form can). Say
    no instead, like every other refusal in the admin, so nobody believes it went live."""
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and not page.permissions_for_user(request.user).can_publish()
    ):
        raise PermissionDenied


@hooks.register("before_create_page", order=FIRST)
def refuse_publishing_new_pages_without_permission(request, parent_page, page_class):
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and not parent_page.permissions_for_user(request.user).can_publish_subpage()
    ):
        raise PermissionDenied
