"""``StoryStreamBlock``: the one block set every story-like page offers.

Names are stored in page data: keep ``text``, ``image``, ``quote`` and ``video`` as they are.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from media_pipeline.blocks import AudioBlock, VideoBlock

from .accordion import AccordionBlock
from .background_video import BackgroundVideoBlock
from .before_after import BeforeAfterBlock
from .chart import ChartBlock
from .document import DocumentDownloadBlock
from .embed import ConsentEmbedBlock
from .gallery import GalleryBlock
from .heading import HeadingBlock
from .image import FullBleedImageBlock, ImageWithCaptionBlock
from .interactive_map import InteractiveMapBlock
from .key_fact import KeyFactBlock
from .map import MapBlock
from .quote import QuoteBlock
from .related_story import RelatedStoryBlock
from .scrollytelling import ScrollytellingBlock
from .text import TextBlock
from .timeline import TimelineBlock

TEXT = _("Text")
MEDIA = _("Media")
DATA = _("Data")
LAYOUT = _("Layout")


class StoryStreamBlock(blocks.StreamBlock):
    text = TextBlock(group=TEXT)
    heading = HeadingBlock(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    accordion = AccordionBlock(group=TEXT)
    image = ImageWithCaptionBlock(group=MEDIA)
    full_bleed_image = FullBleedImageBlock(group=MEDIA)
    gallery = GalleryBlock(group=MEDIA)
    video = VideoBlock(group=MEDIA)
    audio = AudioBlock(group=MEDIA)
    embed = ConsentEmbedBlock(group=MEDIA)
    background_video = BackgroundVideoBlock(group=MEDIA)
    before_after = BeforeAfterBlock(group=MEDIA)
    key_fact = KeyFactBlock(group=DATA)
    map = MapBlock(group=DATA)
    interactive_map = InteractiveMapBlock(group=DATA)
    chart = ChartBlock(group=DATA)
    timeline = TimelineBlock(group=DATA)
    scrollytelling = ScrollytellingBlock(group=LAYOUT)
    related_story = RelatedStoryBlock(group=LAYOUT)
    document = DocumentDownloadBlock(group=LAYOUT)

    class Meta:
        block_counts = {}
