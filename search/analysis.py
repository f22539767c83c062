"""Text analysis we apply ourselves, identically at index and at query time.

PostgreSQL's ``arabic`` Snowball configuration stems, and SQLite's FTS5 ``unicode61`` tokenizer
folds Latin accents, but neither treats the spelling variants of Arabic as the same letter. A
visitor types ``مدرسة`` or ``مدرسه``, ``إلى`` or ``الى``, with or without short vowels; editors
write whichever they write. Folding both sides to one spelling makes them meet. The rules are the
ones Lucene's ``ArabicNormalizer`` uses (widely deployed, well understood):

- alef with hamza above/below, alef with madda and alef wasla → bare alef (ا)
- taa marbuta and haa at the end of a word → taa marbuta (ة); see ``_FINAL_HAA`` for why
- alef maqsura (ى) → yaa (ي)
- tatweel (ـ, the stretching stroke) removed
- harakat and other Quranic annotation marks (fatha, damma, kasra, tanwin, shadda, sukun,
  superscript alef, …) removed

Only Arabic code points change, so applying the fold to English or French text is a no-op.
"""

from __future__ import annotations

import re

_ARABIC_LETTER_FOLDS = str.maketrans(
    {
        "\u0622": "\u0627",  # آ alef with madda above
        "\u0623": "\u0627",  # أ alef with hamza above
        "\u0625": "\u0627",  # إ alef with hamza below
        "\u0671": "\u0627",  # ٱ alef wasla
        "\u0649": "\u064a",  # ى alef maqsura → ي yaa
        "\u0640": None,  # ـ tatweel
    }
)
# Harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_HAS_ARABIC = re.compile("[\u0600-\u06ff]")
# A word-final haa written for a taa marbuta (مدرسه for مدرسة). Folded towards taa marbuta, not
# the other way round as Lucene does: PostgreSQL's Arabic Snowball stemmer strips a final ة
# together with the article (المدرسة → مدرس) but keeps a final ه after it (المدرسه → مدرسه).
_FINAL_HAA = re.compile("\u0647(?![\u0621-\u064a])")


def fold_arabic(text: str) -> str:
    """The text with Arabic spelling variants folded to one form; other scripts untouched."""
    if not text or not _HAS_ARABIC.search(text):
        return text
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTER_FOLDS)
    return _FINAL_HAA.sub("\u0629", text)


def fold_searchable_value(value, fold=fold_arabic):
    """``fold`` applied through the shapes a search field can return (string, list of strings
    from a StreamField, dict); anything else is returned unchanged."""
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [fold_searchable_value(item, fold) for item in value]
    if isinstance(value, dict):
        return {key: fold_searchable_value(item, fold) for key, item in value.items()}
    return value


# Attached prefixes: the article (ال) alone or after wa-/bi-/fa-/ka-, and li- + article (لل).
_ARABIC_ARTICLE = re.compile("(?<![\u0621-\u064a])(?:[وبفك]?ال|لل)(?=[\u0621-\u064a]{2})")


def strip_arabic_article(text: str) -> str:
    """Arabic words without their definite article (المدرسة → مدرسة, بالمدرسة → مدرسة).

    A light stemmer for indexes that have none (SQLite FTS5); PostgreSQL's Arabic Snowball
    stemmer does this and more by itself. Words that merely begin with ال and have fewer than
    two letters after it are left alone."""
    if not text or not _HAS_ARABIC.search(text):
        return text
    return _ARABIC_ARTICLE.sub("", text)
