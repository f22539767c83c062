"""The cookie settings page: explains the cookies and records the visitor's choice."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .consent import CHOICES, CONSENT_COOKIE, CONSENT_MAX_AGE, consent_choice


def _is_same_site(request: HttpRequest) -> bool:
    """Browsers send Origin (or at least Referer) with a form POST: a choice posted from another
    site is refused, so nobody can give consent on a visitor's behalf."""
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin or origin == "null":
        return origin is None
    return url_has_allowed_host_and_scheme(
        origin, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


# No CSRF token: the banner sits on pages cached for every visitor, and a token would make each
# page private. The Origin check above protects this one cookie-setting form instead.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def cookie_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and not _is_same_site(request):
        return render(
            request,
            "home/cookie_settings.html",
            {
                "error": _("Your choice must be made on this site."),
                "current": consent_choice(request),
            },
            status=403,
        )
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
