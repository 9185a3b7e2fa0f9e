"""Is this text English? A cheap check so that a French or German file is flagged.

The extraction rules, lexicons and the spaCy pipeline are English-only: a text in another
language is still stored and searchable, but yields few or wrong facts. The check counts
how many of the first few thousand words are common English function words ("the", "of",
"which", ...). Running English prose scores 30-45%; French, German, Spanish, Italian
or Dutch score a few percent, and text in another script scores nothing. Words that are
also frequent in those languages ("a", "in", "an", "on", "was", "will", "also", "is",
"of"...) are left out of the list so they cannot lift a foreign text over the bar.

No dependency and no model: a word list and a regular expression.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_WORDS", "MIN_SHARE", "MIN_WORDS", "english_share", "language_warning",
           "latin_share"]

#: Frequent English words that are not (frequent) words of the other major European
#: languages. Deliberately missing: a, an, in, on, is, of, so, no, me, as, was, will,
#: also, man, die, den, over, war, hat, per, con, son, fast, bald.
ENGLISH_WORDS = frozenset(
    """
    the and to that he for it with his be at by had not are but from or have they which
    you were her she there would their we him been has when who more if out what up its
    about into than them could these then do my now such our after did many before must
    through where your should because those how very any other some this upon only said
    shall being made between while against under again whom himself itself themselves
    yet though each most own same does both just why here well
    """.split()
)
#: Share of English function words below which a text is flagged.
MIN_SHARE = 0.10
#: Texts shorter than this many words are too short to judge.
MIN_WORDS = 40
#: Words read from the start of the text.
SAMPLE_WORDS = 3000
#: Letters looked at for the script check, and the share that must be Latin.
SAMPLE_LETTERS = 2000
MIN_LATIN = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def english_share(text: str, max_words: int = SAMPLE_WORDS) -> tuple[float, int]:
    """``(share of English function words, words looked at)`` over the first words.

    Only the start of the text is scanned, so the cost does not grow with its size.
    """
    words: list[str] = []
    pos = 0
    step = 20_000
    while len(words) < max_words and pos < len(text):
        chunk_end = min(len(text), pos + step)
        # never cut a word in two at the chunk boundary
        while chunk_end < len(text) and not text[chunk_end].isspace():
            chunk_end += 1
        words.extend(_WORD.findall(text, pos, chunk_end))
        pos = chunk_end
    words = words[:max_words]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.lower() in ENGLISH_WORDS)
    return hits / len(words), len(words)


def latin_share(text: str, max_letters: int = SAMPLE_LETTERS) -> tuple[float, int]:
    """``(share of Latin-script letters, letters looked at)`` over the first letters."""
    latin = total = 0
    for ch in text[: max_letters * 4]:
        if ch.isalpha():
            total += 1
            latin += ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00
            if total >= max_letters:
                break
    return (latin / total if total else 0.0), total


def language_warning(text: str) -> str | None:
    """A one-line warning when ``text`` does not look like English, else None.

    Example:
        >>> language_warning("Le président de la République a nommé le général.") is None
        True
        >>> print(language_warning("Le président de la République a nommé le général " * 10))
        does not look like English (0% common English words); extraction is English-only, so expect few or wrong facts
    """
    latin, letters = latin_share(text)
    if letters >= MIN_WORDS * 4 and latin < MIN_LATIN:
        return ("does not look like English (mostly non-Latin script); extraction is"
                " English-only, so expect few or wrong facts")
    share, n = english_share(text)
    if n < MIN_WORDS or share >= MIN_SHARE:
        return None
    return (f"does not look like English ({share:.0%} common English words); extraction is"
            " English-only, so expect few or wrong facts")
