"""The cookie settings page: explains the cookies and records the visitor's choice."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .consent import CHOICES, CONSENT_COOKIE, CONSENT_MAX_AGE, consent_choice


@require_http_methods(["GET", "POST"])
def cookie_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        choice = request.POST.get("choice")
        if choice not in CHOICES:
            response = render(
                request,
                "home/cookie_settings.html",
                {"error": _("Choose “Accept” or “Decline”."), "current": consent_choice(request)},
                status=400,
            )
            return response
        target = request.POST.get("next") or request.path
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = request.path
        response = HttpResponseRedirect(target)
        response.set_cookie(
            CONSENT_COOKIE,
            choice,
            max_age=CONSENT_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response
    return render(request, "home/cookie_settings.html", {"current": consent_choice(request)})
