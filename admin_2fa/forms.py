"""Forms of the two-step verification: the code asked after the password, and turning the
authenticator app on or off (both need the current password, checked through ``authenticate`` so
that django-axes counts wrong ones)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import devices


def code_field(inputmode: str = "numeric", **kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        **kwargs,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": inputmode,
                "autocapitalize": "none",
                "autofocus": True,
            }
        ),
    )


class VerifyForm(OTPAuthenticationFormMixin, forms.Form):
    """The code asked after a correct password. django-otp checks it (and throttles the device
    after wrong codes, see ``OTP_TOTP_THROTTLE_FACTOR``); the messages are ours, translated."""

    otp_token = code_field(
        # Recovery codes have letters: a phone's digits-only keyboard could not type them.
        inputmode="text",
        help_text=_("Lost your phone? Enter one of your recovery codes instead."),
    )

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code shown by your authenticator app."),
        "invalid_token": _("That code is not right. Check the time on your phone and try again."),
        "n_failed_attempts": _("Too many wrong codes. Wait a moment, then try the newest code."),
        "verification_not_allowed": _("Codes cannot be checked right now. Try again later."),
    }

    def __init__(self, user, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device

    def clean(self) -> dict:
        cleaned_data = super().clean()
        # django-otp checks a code against the device it is told: the authenticator app, or the
        # recovery codes when the code has their length.
        token = (cleaned_data.get("otp_token") or "").replace(" ", "").replace("-", "").lower()
        cleaned_data["otp_token"] = token
        recovery = devices.recovery_device(self.user)
        device = recovery if recovery and devices.is_recovery_code(token) else self.device
        cleaned_data["otp_device"] = device.persistent_id
        self.clean_otp(self.user)
        return cleaned_data

    def verified_device(self):
        return self.user.otp_device


class CurrentPasswordForm(forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False, widget=forms.PasswordInput)

    def __init__(self, request, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = authenticate(
            self.request, username=self.request.user.get_username(), password=password
        )
        if user is None or user.pk != self.request.user.pk:
            raise forms.ValidationError(_("That is not your password."))
        return password


class TurnOnForm(CurrentPasswordForm):
    """Confirms the pending device: the user proves the app shows the right codes."""

    otp_token = code_field()

    def __init__(self, request, device: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        self.device = device

    def clean_otp_token(self) -> str:
        token = self.cleaned_data["otp_token"].replace(" ", "")
        if "password" not in self.cleaned_data:
            return token  # wrong password: keep the code unused for the next try
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right. Scan the QR code again and enter the newest code.")
            )
        return token


class TurnOffForm(CurrentPasswordForm):
    pass


class NewRecoveryCodesForm(CurrentPasswordForm):
    prefix = "codes"  # its password field shares the page with the turn-off form's
