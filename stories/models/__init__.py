"""Stories' models: snippets (campaigns, partners, social posts) and the page types of the
storytelling site (stories, campaigns, news, digests, explainers, partners)."""

from .base import SocialMetaMixin
from .news import DigestPage, ExplainerPage, NewsIndexPage, NewsPage
from .partners import PartnerIndexPage, PartnerPage
from .snippets import Campaign, Partner, SocialPost
from .story import CampaignPage, StoryIndexPage, StoryPage, StoryPageTag, StoryRelatedStory
from .topics import TopicName

__all__ = [
    "Campaign",
    "CampaignPage",
    "DigestPage",
    "ExplainerPage",
    "NewsIndexPage",
    "NewsPage",
    "Partner",
    "PartnerIndexPage",
    "PartnerPage",
    "SocialMetaMixin",
    "SocialPost",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageTag",
    "StoryRelatedStory",
    "TopicName",
]
