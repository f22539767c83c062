"""The read-only Wagtail API v2 (pages and images) for headless reuse of the content.

Pages are the public ones only (``stories.visibility``): a page under a view restriction is
neither listed, found by ``?search=`` nor served by id or path, whoever asks. ``?search=`` costs
what a site search costs, so it shares the site search's per-client limit
(``SEARCH_RATE_LIMIT_PER_MINUTE``, ``search.ratelimit``) and answers 429 JSON beyond it.
"""

from django.conf import settings
from django.utils.translation import ngettext
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.ratelimit import seconds_until_allowed
from stories.visibility import public_pages

API_SEARCH_SCOPE = "api-search"


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        """Public pages of the requested site, in every language (Wagtail's scoping, without
        the per-visitor restriction check that would list a page to some callers only)."""
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request)
            root = site.site_obj.root_page if site.site_obj else None
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if root is None:
            return public_pages().none()
        pages = public_pages()
        in_site = pages.descendant_of(root, inclusive=True)
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            for translation in root.get_translations():
                in_site |= pages.descendant_of(translation, inclusive=True)
        return in_site

    def listing_view(self, request):
        if "search" in request.GET:
            wait = seconds_until_allowed(
                request, API_SEARCH_SCOPE, settings.SEARCH_RATE_LIMIT_PER_MINUTE
            )
            if wait:
                return too_many_searches(wait)
        return super().listing_view(request)


def too_many_searches(wait: int) -> Response:
    message = ngettext(
        "You have searched a lot in a short time. Please wait %(seconds)s second and try again.",
        "You have searched a lot in a short time. Please wait %(seconds)s seconds and try again.",
        wait,
    ) % {"seconds": wait}
    return Response(
        {"message": message, "retry_after": wait}, status=429, headers={"Retry-After": str(wait)}
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
