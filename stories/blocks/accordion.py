"""Questions and answers that open in place: native ``<details>``, so no JavaScript is needed."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import TextBlock


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question or heading"), max_length=250)
    answer = TextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Item")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1, max_num=30)

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "stories/blocks/accordion.html"
        help_text = _("Questions whose answers open in place.")
        description = _("Collapsible questions and answers.")
        preview_value = {
            "title": "Questions",
            "items": [
                {"question": "Who built the schools?", "answer": "<p>Coalition partners.</p>"}
            ],
        }
