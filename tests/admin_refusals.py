"""How the Wagtail admin refuses a request, and how tests check it.

Every refusal in the admin is a ``PermissionDenied`` raised by the view: Wagtail's own permission
checks, wagtail-localize's, and ours (``translation/wagtail_hooks.py``). Wagtail's
``require_admin_access`` (``wagtail/admin/auth.py``) answers it in two ways:

- to a script (``X-Requested-With: XMLHttpRequest``, as the admin's own JavaScript sends), with
  the exception itself, which Django turns into **403 Forbidden**;
- to a browser loading a page, with a redirect to the dashboard and the message "Sorry, you do
  not have permission to access this area." — Wagtail's deliberate behaviour, with no setting or
  hook to render a 403 page instead.

``assert_forbidden`` checks both faces of the same refusal: the 403 proves that the view refused
(rather than redirecting for some other reason), the redirect that editors keep Wagtail's way.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.messages import ERROR
from django.utils import translation

XHR = {"x-requested-with": "XMLHttpRequest"}
DASHBOARD = "/admin/"
NO_PERMISSION = "Sorry, you do not have permission to access this area."


def _no_permission_messages() -> set[str]:
    messages = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            messages.add(translation.gettext(NO_PERMISSION))
    return messages


def assert_forbidden(client, method: str, url: str, **kwargs) -> None:
    """``method url`` is refused: 403 to a script, back to the dashboard for a browser."""
    send = getattr(client, method.lower())
    scripted = send(url, headers=XHR, **kwargs)
    assert scripted.status_code == 403, f"{method} {url}: {scripted.status_code}, not 403"

    browsed = send(url, **kwargs)
    assert browsed.status_code == 302, f"{method} {url}: {browsed.status_code}, not 302"
    assert browsed["Location"] == DASHBOARD
    shown = [
        str(message).strip() for message in browsed.wsgi_request._messages if message.level == ERROR
    ]
    assert set(shown) & _no_permission_messages(), shown
