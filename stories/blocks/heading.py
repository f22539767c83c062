"""A section heading with an anchor, so a story's sections can be linked to directly."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .anchor import AnchorBlock


def heading_anchor(value) -> str:
    """The heading's ``id``: the editor's anchor, else one derived from the text. Unicode is
    kept so Arabic headings stay linkable instead of collapsing to ""."""
    return value.get("anchor") or slugify(value.get("text", ""), allow_unicode=True)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Sub-section (H3)"))],
        default="h2",
        help_text=_("Use H3 only under an H2 so the outline stays logical."),
    )
    anchor = AnchorBlock(
        help_text=_(
            "Letters, digits and hyphens, e.g. “rebuilding”; the same in every language. "
            "Leave empty to derive it from the heading."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value)
        return context

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("text") or "").strip():
            raise ValidationError(_("Write the heading text."))
        return value

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "stories/blocks/heading.html"
        help_text = _("A section heading others can link to (#anchor).")
        description = _("A heading that starts a new section, with a link anchor.")
        preview_value = {"text": "Back to school", "level": "h2", "anchor": "back-to-school"}
