"""Two-step verification in the Wagtail admin: its pages, its entry on the account page, and the
second step asked before restricted pages and private documents."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import BaseViewRestriction

from .steps import missing_step
from .views import ManageView, VerifyView

# Restrictions that a signed-in user passes by being signed in (a password restriction asks
# for its own password, whoever the visitor is).
SIGNED_IN_RESTRICTIONS = {BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS}
# Before Wagtail's own view-restriction checks, so its answer never depends on a half sign-in.
BEFORE_WAGTAIL = -10


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/verify/", VerifyView.as_view(), name="admin_2fa_verify"),
        path("account/2fa/", ManageView.as_view(), name="admin_2fa_manage"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("admin_2fa_manage"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }


def _second_step_first(request, restrictions):
    """A user who has given the password but still owes the code (or, when it is mandatory, the
    set-up) is not signed in yet for content restricted to signed-in users or groups: send them
    to that step, then back here. ``restrictions`` is a callable, so that visitors and verified
    users cost no query."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        # No session, nobody signed in: reading request.user would load the (empty) session
        # and mark the page ``Vary: Cookie``, which keeps it out of the shared page cache.
        return None
    step = missing_step(request.user)
    if step is None:
        return None
    if not any(r.restriction_type in SIGNED_IN_RESTRICTIONS for r in restrictions()):
        return None
    response = redirect_to_login(request.get_full_path(), login_url=reverse(step))
    add_never_cache_headers(response)
    return response


@hooks.register("before_serve_page", order=BEFORE_WAGTAIL)
def second_step_before_restricted_pages(page, request, serve_args, serve_kwargs):
    return _second_step_first(request, page.get_view_restrictions)


@hooks.register("before_serve_document", order=BEFORE_WAGTAIL)
def second_step_before_private_documents(document, request):
    return _second_step_first(request, document.collection.get_view_restrictions)
