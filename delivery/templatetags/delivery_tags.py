"""``{% editor_userbar %}``: Wagtail's userbar for signed-in editors, and nothing — without
touching the session — for everyone else.

``{% wagtailuserbar %}`` reads ``request.user``, which loads the session, which makes Django
send ``Vary: Cookie`` with every page: a CDN or the page cache would then keep one copy per
visitor's cookies. Without a session cookie nobody can be signed in, so the userbar is skipped
before the session is touched."""

from django import template
from django.conf import settings
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
