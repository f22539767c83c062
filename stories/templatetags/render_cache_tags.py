"""``{% cachedfragment %}``: a template fragment kept in the ``fragments`` cache
(``stories/render_cache.py`` says what the key holds and what invalidates it).

    {% load render_cache_tags %}
    {% cachedfragment "body" page %}{% prefetch_images page.body %}…{% endcachedfragment %}

Each value after the name varies the key: a page by its live revision (a page shown from a
draft is never cached), an image or other model by its id (and file hash), anything else by
its ``repr``. ``{% prefetch_images value %}`` fetches the renditions of every image in a stream
value in one query, inside the fragment so that a cached fragment costs none.
"""

from __future__ import annotations

from django import template

from media_pipeline.renditions import images_in, prefetch_renditions

from ..render_cache import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        name = self.name.resolve(context)
        vary_on = [value.resolve(context) for value in self.vary_on]
        return cached_fragment(
            context.get("request"), name, vary_on, lambda: self.nodelist.render(context)
        )


@register.tag("cachedfragment")
def do_cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.simple_tag
def prefetch_images(value) -> str:
    prefetch_renditions(images_in(value))
    return ""
