"""Let the page editor frame its own previews, and nothing else frame any page.

Wagtail shows the side-by-side preview (and its Checks: accessibility, word count, reading time)
in an iframe of the editor. It renders the preview by sending a dummy request for the page
through the whole middleware stack, with ``request.is_preview`` set before the view runs
(``PreviewableMixin.make_preview_request``), so the public site's ``frame-ancestors 'none'`` and
``X-Frame-Options: DENY`` land on the preview too and the browser leaves the frame blank.

The two middleware below keep the public policy and relax only the framing rule, to the site's own
origin (the admin's), on responses Wagtail marks as previews: the editor's panel, "View draft",
revisions, workflow and snippet previews. A visitor cannot set ``is_preview``; Wagtail's
preview views are behind its permission checks.
"""

from __future__ import annotations

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts


def is_preview(request) -> bool:
    return getattr(request, "is_preview", False) is True


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; on previews ``frame-ancestors`` is the site's own origin."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class PreviewFrameOptionsMiddleware:
    """``X-Frame-Options: SAMEORIGIN`` on previews, as Django's ``@xframe_options_sameorigin``
    would give a view. Listed below (inside) Django's ``XFrameOptionsMiddleware``, which leaves a
    header already set alone and sends ``X_FRAME_OPTIONS`` (DENY) on every other response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_preview(request):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
