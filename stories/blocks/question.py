"""A question and its answer, for explainers; each question gets an anchor for the contents list."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .anchor import AnchorBlock
from .text import TextBlock


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    anchor = AnchorBlock(
        help_text=_(
            "Letters, digits and hyphens; the same in every language. Leave empty to number "
            "the questions."
        ),
    )
    answer = TextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "stories/blocks/question.html"
        help_text = _("One question with its answer; it opens in place.")
        description = _("A question whose answer opens in place, linked from the contents.")
        preview_value = {
            "question": "What is the Coalition Ministerial Meeting?",
            "anchor": "what",
            "answer": "<p>Ministers of the 79 partners meet to coordinate their efforts.</p>",
        }


class ExplainerStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()
    text = TextBlock()

    class Meta:
        block_counts = {"question": {"min_num": 1}}
