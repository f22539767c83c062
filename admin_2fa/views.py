"""The code page after the password, and the account page that turns the authenticator app on
or off and hands out recovery codes."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import devices
from .forms import NewRecoveryCodesForm, TurnOffForm, TurnOnForm, VerifyForm

# Fresh recovery codes wait here between the POST that made them and the page that shows them
# once, so reloading the page later does not show them again.
NEW_CODES_SESSION_KEY = "admin_2fa_new_recovery_codes"


@method_decorator([never_cache, sensitive_post_parameters("otp_token")], name="dispatch")
class VerifyView(FormView):
    """Second step of signing in: the code from the user's authenticator app."""

    template_name = "admin_2fa/verify.html"
    form_class = VerifyForm

    def dispatch(self, request, *args, **kwargs):
        self.device = devices.confirmed_device(request.user)
        if request.user.is_verified() or self.device is None:
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "user": self.request.user, "device": self.device}

    def get_success_url(self) -> str:
        next_url = self.request.POST.get("next", self.request.GET.get("next", ""))
        if url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={self.request.get_host()},
            require_https=self.request.is_secure(),
        ):
            return next_url
        return reverse("wagtailadmin_home")

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "next": self.get_success_url()}

    def form_valid(self, form):
        device = form.verified_device()
        otp_login(self.request, device)
        if device != self.device:  # a recovery code, now used up
            left = devices.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code; %(count)d code is left. Make new "
                    "codes, or set up your new phone, under Account → Two-step verification.",
                    "You signed in with a recovery code; %(count)d codes are left. Make new "
                    "codes, or set up your new phone, under Account → Two-step verification.",
                    left,
                )
                % {"count": left},
            )
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        # A wrong code counts as a failed sign-in for django-axes, like a wrong password: enough
        # of them lock the account, and the half-signed-in session is closed so that the
        # password (refused during the lockout) is needed again.
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.request.user.get_username()},
            request=self.request,
        )
        if getattr(self.request, "axes_locked_out", False):
            logout(self.request)
            return redirect("wagtailadmin_login")  # AxesMiddleware answers with its lockout page
        return super().form_invalid(form)


@method_decorator(
    [never_cache, sensitive_post_parameters("password", "otp_token")], name="dispatch"
)
class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """Account → Two-step verification: set up an authenticator app, or turn it off."""

    template_name = "admin_2fa/manage.html"
    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": reverse_lazy("wagtailadmin_account"), "label": gettext_lazy("Account")},
        {"url": "", "label": gettext_lazy("Two-step verification")},
    ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = devices.confirmed_device(user)
        context.update(device=device, required=settings.WAGTAIL_2FA_REQUIRED)
        if device is not None:
            context.setdefault("turn_off_form", TurnOffForm(self.request))
            context.setdefault("new_codes_form", NewRecoveryCodesForm(self.request))
            context["new_codes"] = self.request.session.pop(NEW_CODES_SESSION_KEY, None)
            context["codes_left"] = devices.recovery_codes_left(user)
        else:
            pending = devices.pending_device(user)
            context.setdefault("turn_on_form", TurnOnForm(self.request, pending))
            context["qr_code"] = devices.qr_code_data_uri(pending)
            context["secret"] = devices.secret_for_typing(pending)
        return context

    def post(self, request, *args, **kwargs):
        if "turn_off" in request.POST:
            form = TurnOffForm(request, data=request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(turn_off_form=form))
            devices.turn_off(request.user)
            messages.success(request, _("Two-step verification is off for your account."))
            return redirect("admin_2fa_manage")

        if "new_codes" in request.POST:
            form = NewRecoveryCodesForm(request, data=request.POST)
            if not form.is_valid() or devices.confirmed_device(request.user) is None:
                return self.render_to_response(self.get_context_data(new_codes_form=form))
            request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
            return redirect("admin_2fa_manage")

        pending = devices.pending_device(request.user)
        form = TurnOnForm(request, pending, data=request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(turn_on_form=form))
        devices.confirm(pending)
        otp_login(request, pending)  # this session has just given a code
        request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
        messages.success(
            request,
            _("Two-step verification is on: from now on, signing in asks for a code."),
        )
        return redirect("admin_2fa_manage")
