"""An admin user's authenticator app, as a django-otp TOTP device: at most one confirmed device
per user (setting up a new phone replaces the old one) and one pending while it is being set up.
Beside it, ten single-use recovery codes (a django-otp static device) for a lost phone."""

from __future__ import annotations

from base64 import b32encode

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
RECOVERY_CODE_LENGTH = 8  # django-otp's random static token: 8 base32 characters (40 bits)


def confirmed_device(user) -> TOTPDevice | None:
    """The authenticator app ``user`` signs in with, or None when two-step verification is off."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: the same secret until it is confirmed, so reloading the set-up
    page does not invalidate a QR code the user has already scanned."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirm(device: TOTPDevice) -> None:
    """Make ``device`` the user's only authenticator app."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()


def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes for ``user``; any earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def is_recovery_code(token: str) -> bool:
    """Authenticator codes are six digits; recovery codes are eight letters and digits."""
    return len(token) == RECOVERY_CODE_LENGTH


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// set-up link as an SVG QR code in a ``data:`` URI: an inert image (no
    script can run in it) that the Content-Security-Policy's ``img-src data:`` allows. Dark on
    white whatever the admin theme, so phones can read it in dark mode too."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for apps that cannot scan a QR code."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
