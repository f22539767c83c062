"""The blocks editors compose stories from, one module per block.

``StoryStreamBlock`` is the one reusable set every story-like page offers (stories, news, partner
spotlights). Each block has its own template under ``stories/templates/stories/blocks/``.
"""

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
from .stream import StoryStreamBlock
from .text import RICH_TEXT_FEATURES, TextBlock
from .timeline import TimelineBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "BackgroundVideoBlock",
    "BeforeAfterBlock",
    "ChartBlock",
    "ConsentEmbedBlock",
    "DocumentDownloadBlock",
    "FullBleedImageBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageWithCaptionBlock",
    "InteractiveMapBlock",
    "KeyFactBlock",
    "MapBlock",
    "QuoteBlock",
    "RelatedStoryBlock",
    "ScrollytellingBlock",
    "StoryStreamBlock",
    "TextBlock",
    "TimelineBlock",
]
