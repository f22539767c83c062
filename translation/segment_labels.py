"""Labels naming the field a segment comes from, for segments inside lists and structs.

wagtail-localize labels a StreamField segment with the label of the block's first child on the
path: inside a gallery every alt text and caption reads "Images", inside scrollytelling every
step's text reads "Steps". This walks the whole block path instead and names each list item with
its block label and position, then the field: "Gallery image 2 › Alternative text",
"Step 3 › Text". The translation editor's help script (``static/translation/js/editor-help.js``)
shows these in place of wagtail-localize's labels; the group heading (the stream block's own label,
e.g. "Gallery / carousel") stays as wagtail-localize draws it.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail_localize.models import OverridableSegment, StringSegment, Translation

SEPARATOR = " › "


def _item_label(block: blocks.Block, number: int) -> str:
    return _("%(block)s %(number)d") % {"block": str(capfirst(block.label)), "number": number}


def _walk(block: blocks.Block, value, components: list[str]) -> list[str] | None:
    """Labels along ``components`` (block ids and child names) below ``block``; None when the
    path does not match the content (the segment then keeps wagtail-localize's label)."""
    if not components:
        return []
    head, rest = components[0], components[1:]
    if isinstance(block, blocks.StructBlock):
        child = block.child_blocks.get(head)
        if child is None:
            return None
        below = _walk(child, value.get(head) if value is not None else None, rest)
        if below is None or isinstance(child, blocks.ListBlock):
            return below  # a list's items are named after their own block ("Step 2")
        if isinstance(child, blocks.StreamBlock) and child.meta.max_num == 1:
            return below  # a one-item stream is a choice ("Picture" or "Video"): named by it
        return [str(capfirst(child.label)), *below]
    if isinstance(block, blocks.ListBlock):
        for number, item in enumerate(value.bound_blocks if value is not None else (), 1):
            if item.id == head:
                below = _walk(block.child_block, item.value, rest)
                return None if below is None else [_item_label(block.child_block, number), *below]
        return None
    if isinstance(block, blocks.StreamBlock):
        for child in value or ():
            if child.id == head:
                below = _walk(child.block, child.value, rest)
                return None if below is None else [str(capfirst(child.block.label)), *below]
        return None
    return []  # a leaf block: rich text and images keep their own sub-paths


def segment_label(instance, content_path: str) -> str | None:
    """The label for the segment at ``content_path`` (``body.<block id>.images.<item id>.alt_text``)
    in ``instance``, or None when wagtail-localize's own label already names the field."""
    field_name, *components = content_path.split(".")
    try:
        field = instance._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    if not isinstance(field, StreamField) or len(components) < 2:
        return None
    trail = _walk(field.stream_block, field.value_from_object(instance), components)
    # The first label is the stream block's, already the editor's group heading; a segment one
    # level down (a struct's own field) is labelled right by wagtail-localize.
    if trail is None or len(trail) < 3:
        return None
    # "Picture › Picture" (a picture step's image field) reads as one name.
    names = [name for i, name in enumerate(trail[1:], 1) if name != trail[i - 1]]
    return SEPARATOR.join(names)


def segment_labels(translation: Translation) -> dict[str, str]:
    """``"string:<id>"`` / ``"synchronised_value:<id>"`` (the editor's segment type and id) →
    label, for every segment of ``translation`` whose label should change."""
    instance = translation.source.as_instance()
    labels = {}
    for kind, model in (("string", StringSegment), ("synchronised_value", OverridableSegment)):
        segments = model.objects.filter(source=translation.source).select_related("context")
        for segment in segments:
            label = segment_label(instance, segment.context.path)
            if label:
                labels[f"{kind}:{segment.id}"] = label
    return labels
