"""Is this text English? A cheap check so that a French or German file is flagged.

The extraction rules, lexicons and the spaCy pipeline are English-only: a text in another
language is still stored and searchable, but yields few or wrong facts. The check reads
the first few thousand words and counts two kinds of function word: common English ones
("the", "of", "which", ...) and common ones of the other major languages written in the
Latin alphabet that are not English words ("le", "der", "und", "het", "que", ...).
Running English prose is 30-45% English function words and next to no foreign ones,
even when dense with names; a French or German text is the other way round. Text in
another script is told by its letters.

No dependency and no model: two word lists and a regular expression.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_WORDS", "FOREIGN_WORDS", "MIN_WORDS", "english_share", "language_warning",
           "latin_share"]

#: Frequent English words (function words, mostly).
ENGLISH_WORDS = frozenset(
    """
    the of and to a in that is was he for it with as his on be at by had not are but from
    or have an they which you were her she there would their we him been has when who
    will more if out so what up its about into than them could these then do my now such
    our after did many before must through where your should because those how very any
    other some this upon only said shall being made between while against under again
    whom himself itself themselves yet though each most own same does both just why here
    well also over
    """.split()
)
#: Frequent words of French, German, Spanish, Italian, Portuguese, Dutch and Latin that
#: are not English words (so "a", "in", "was", "die" and the like are left out).
FOREIGN_WORDS = frozenset(
    """
    le la les des du une et est qui dans pour par sur pas au aux ne se ce cette il elle
    ils sont été avec mais leur comme fut
    der die das und den dem des ist nicht ein eine einen mit sich auf für von zu im zum
    zur wurde werden sie auch nach bei aus wie oder nur noch
    el los las del y que por con para una es lo como más pero fue sus entre
    il di che della nel gli per non sono alla dei delle anche
    o os da do não em um uma com ao dos mas
    het een van en dat niet zijn voor met ook aan bij hij werd naar
    et est ad cum non quod qui ut sed enim
    """.split()
) - ENGLISH_WORDS
#: Texts shorter than this many words are too short to judge.
MIN_WORDS = 40
#: Below this share of English function words a text is flagged whatever else it has.
MIN_ENGLISH = 0.04
#: Words read from the start of the text.
SAMPLE_WORDS = 3000
#: Letters looked at for the script check, and the share that must be Latin.
SAMPLE_LETTERS = 2000
MIN_LATIN = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _words(text: str, max_words: int) -> list[str]:
    """The first ``max_words`` words, lower-cased; only the start of the text is scanned."""
    words: list[str] = []
    pos = 0
    step = 20_000
    while len(words) < max_words and pos < len(text):
        chunk_end = min(len(text), pos + step)
        while chunk_end < len(text) and not text[chunk_end].isspace():
            chunk_end += 1  # never cut a word in two at the chunk boundary
        words.extend(w.lower() for w in _WORD.findall(text, pos, chunk_end))
        pos = chunk_end
    return words[:max_words]


def english_share(text: str, max_words: int = SAMPLE_WORDS) -> tuple[float, int]:
    """``(share of English function words, words looked at)`` over the first words."""
    words = _words(text, max_words)
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in ENGLISH_WORDS) / len(words), len(words)


def foreign_share(text: str, max_words: int = SAMPLE_WORDS) -> tuple[float, int]:
    """``(share of other languages' function words, words looked at)``."""
    words = _words(text, max_words)
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in FOREIGN_WORDS) / len(words), len(words)


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
        ... # doctest: +ELLIPSIS
        does not look like English (11% common English words, 33% French, ...); extraction ...
    """
    latin, letters = latin_share(text)
    if letters >= MIN_WORDS * 4 and latin < MIN_LATIN:
        return ("does not look like English (mostly non-Latin script); extraction is"
                " English-only, so expect few or wrong facts")
    words = _words(text, SAMPLE_WORDS)
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in ENGLISH_WORDS) / len(words)
    foreign = sum(1 for w in words if w in FOREIGN_WORDS) / len(words)
    if english >= MIN_ENGLISH and foreign <= english:
        return None
    return (f"does not look like English ({english:.0%} common English words, {foreign:.0%}"
            " French, German, Spanish... ones); extraction is English-only, so expect few or"
            " wrong facts")
