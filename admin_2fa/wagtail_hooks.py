"""Two-step verification in the Wagtail admin: its pages, and its entry on the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .views import ManageView, VerifyView


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
