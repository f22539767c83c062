"""Result snippets with the visitor's words marked.

Everything is escaped piece by piece and only our own ``<mark>`` tags are added, so neither the
query nor the page text can inject markup. Matching is deliberately looser than exact: case,
Latin accents and Arabic spelling variants are ignored, the Arabic article is dropped, and a
word matches when it shares a stem-like prefix with a query word (``schools`` marks ``school``,
``forgeron`` marks ``forgerons``), roughly what the search backends' stemmers accept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modelsearch.index import SearchField

from .analysis import fold_arabic

_WORDS = re.compile(r"(\w+)")
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
SNIPPET_WORDS = 36
# Snippets come from the start of long texts: scanning a 5 000-word body for every result would
# cost more than the search itself.
MAX_SNIPPET_SOURCE = 6000
SEARCHABLE_TEXT_SECONDS = 24 * 60 * 60


@lru_cache(maxsize=50_000)
def match_key(word: str) -> str:
    """The form of a word used to compare it with query words."""
    word = fold_arabic(word).casefold()
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def _matches(key: str, term_keys: list[str]) -> bool:
    for term in term_keys:
        if key == term:
            return True
        if len(term) >= 4 and len(key) >= 4:
            stem = term[: max(4, len(term) - 2)]
            if key.startswith(stem) or term.startswith(key[: max(4, len(key) - 2)]):
                return True
    return False


def highlight(text: str, query: str, max_words: int | None = SNIPPET_WORDS) -> SafeString:
    """``text`` escaped, cut to about ``max_words`` words around the first match (None: whole
    text), with matching words wrapped in ``<mark>``."""
    term_keys = [match_key(term) for term in _WORDS.findall(query)]
    if max_words is not None:
        text = (text or "")[:MAX_SNIPPET_SOURCE]
    pieces = _WORDS.split(text or "")  # even indexes: separators, odd: words

    def is_match(i: int) -> bool:
        return bool(term_keys) and _matches(match_key(pieces[i]), term_keys)

    start, end = 0, len(pieces)
    if max_words is not None and len(pieces) > max_words * 2:
        first = next((i for i in range(1, len(pieces), 2) if is_match(i)), 1)
        start = max(0, first - (max_words // 3) * 2)  # a few words of context before
        start -= start % 2  # start on a separator
        end = min(len(pieces), start + max_words * 2)
    out = ["… "] if start > 0 else []
    for i in range(start, end):
        piece = escape(pieces[i])
        out.append(f"<mark>{piece}</mark>" if i % 2 and is_match(i) else piece)
    if end < len(pieces):
        out.append(" …")
    return mark_safe("".join(out).strip())  # noqa: S308 - every piece went through escape()


def searchable_text(page) -> str:
    """The text a page is found by, minus its title: standfirst/intro first, body after.

    Extracting it parses the page's StreamField, which costs more than the search itself; it is
    kept per published revision, so a new revision is read afresh and nothing needs clearing."""
    revision = getattr(page, "live_revision_id", None)
    if revision is None:
        return _searchable_text(page)
    key = f"search:text:{page.pk}:{revision}"
    text = cache.get(key)
    if text is None:
        text = _searchable_text(page)[:MAX_SNIPPET_SOURCE]  # all a snippet reads
        cache.set(key, text, SEARCHABLE_TEXT_SECONDS)
    return text


def _searchable_text(page) -> str:
    texts = []
    for field in page.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        value = field.get_value(page)
        if isinstance(value, (list, tuple)):
            texts.extend(str(item) for item in value if item)
        elif value:
            texts.append(str(value))
    if not texts and getattr(page, "search_description", ""):
        texts.append(page.search_description)
    return " ".join(texts)
