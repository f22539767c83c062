"""Translator groups: who may translate into which language.

Each non-default language gets a group, "Translators (French)" and "Translators (Arabic)", whose
members may edit and publish only the pages under that language's home page (Wagtail's own page
permissions on that subtree, so the page editor, wagtail-localize's translation editor and every
API behind them refuse the other languages) and only that language's snippets.

Wagtail has no per-locale snippet permission: a snippet permission covers every row of the model.
The locale rule for snippets is therefore enforced here, in ``can_edit_locale``, which the
``before_edit_snippet`` / ``before_delete_snippet`` hooks and the guarded translation-editor
URLs (``translation/wagtail_hooks.py``) call. Users in no translator group (editors,
administrators) are not restricted by language.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import GroupPagePermission, Locale, Page, Site, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

# Group names per language code. The names are what administrators see in Settings → Groups;
# renaming a group in the admin detaches it from its language (run ``load_demo`` or
# ``setup_translators`` to recreate it).
TRANSLATOR_GROUPS: dict[str, str] = {
    "fr": "Translators (French)",
    "ar": "Translators (Arabic)",
}

# Page permissions on the language's subtree: edit and publish translations; never create pages
# (new translations are submitted by editors from the English page) nor delete them.
PAGE_PERMISSIONS = ("change_page", "publish_page")


def translatable_snippet_models() -> list[type[models.Model]]:
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def translator_languages(user) -> set[str] | None:
    """The language codes ``user`` translates into, or None when not confined to any language."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    codes = {code for code, name in TRANSLATOR_GROUPS.items() if name in names}
    return codes or None


def can_edit_locale(user, locale: Locale) -> bool:
    """May ``user`` change content in ``locale``? Translators only in their own languages."""
    languages = translator_languages(user)
    return languages is None or locale.language_code in languages


def _language_home(site_root: Page, locale: Locale) -> Page | None:
    return site_root.get_translation_or_none(locale)


def ensure_translator_groups() -> dict[str, Group]:
    """Create or refresh the translator groups and their permissions. Idempotent.

    A language whose home page does not exist yet gets its group without page permissions (a
    warning is logged); run this again once the home page is translated.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = list(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page), codename__in=PAGE_PERMISSIONS
        )
    )
    # Change (and publish, for snippets with drafts) every translatable snippet model; the locale
    # rule narrows it to the group's language, see can_edit_locale.
    snippet_permissions = []
    for model in translatable_snippet_models():
        name = model._meta.model_name
        snippet_permissions += Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            codename__in=[f"change_{name}", f"publish_{name}"],
        )
    languages = {code for code, _name in settings.LANGUAGES}
    groups = {}
    for code, name in TRANSLATOR_GROUPS.items():
        if code not in languages:
            continue
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access, *snippet_permissions)
        locale = Locale.objects.filter(language_code=code).first()
        home = _language_home(site.root_page, locale) if site and locale else None
        if home is None:
            logger.warning("No %s home page yet: %s has no page permissions.", code, name)
        else:
            # Exactly this subtree: a stale grant elsewhere (an old home page) is removed.
            GroupPagePermission.objects.filter(group=group).exclude(page=home).delete()
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        groups[code] = group
    return groups


def ensure_translator_user(language_code: str, username: str, password: str):
    """A demo translator for ``language_code``, created with ``password`` if missing (an existing
    user keeps their password) and put in that language's group."""
    from django.contrib.auth import get_user_model

    group = ensure_translator_groups()[language_code]
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.com",
            "first_name": "Demo",
            "last_name": group.name.replace("Translators", "translator"),  # "translator (French)"
        },
    )
    if created:
        user.set_password(password)
        user.save()
    user.groups.add(group)
    return user, created
