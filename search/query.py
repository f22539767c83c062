"""Turn whatever arrives in ``?q=`` into a query the search backend can take safely."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
# Anything that is not a letter, digit or space is dropped: the search backends give operator
# meaning to quotes, brackets, &, |, !, *, : and friends, and visitors do not mean them.
_NOT_A_WORD_CHARACTER = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def normalise_query(raw: str | None) -> str:
    """The visitor's words: NFC; combining marks, punctuation and control characters (NUL
    included) removed; spaces collapsed; at most MAX_QUERY_LENGTH characters."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw)[: MAX_QUERY_LENGTH * 4]
    # Combining marks left after NFC (Arabic harakat, stray accents) would split words in two.
    text = "".join(char for char in text if unicodedata.category(char) != "Mn")
    text = _NOT_A_WORD_CHARACTER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return text[:MAX_QUERY_LENGTH].strip()
