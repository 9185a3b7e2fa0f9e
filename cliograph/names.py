"""Normalising names so that spellings of one name compare equal.

Two levels: ``norm`` folds case, diacritics, quotes, a leading article and a trailing
possessive ("the Workers’ Opposition" = "workers' opposition"); ``translit_key`` also
folds the spelling variants that transliteration from Russian, Greek or Latin
produces (Trotski/Trotsky, Zinoviev/Zinovyev, Preobrazhenskii/Preobrazhensky), so it
is only used to compare names of the same kind.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Case-, accent- and article-insensitive form of a name (memoised: the sieve and the
    store ask for the same few hundred names of a document tens of thousands of times).

    >>> norm("the Workers’ Opposition")
    "workers' opposition"
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_QUOTES)
    s = s.casefold().strip().strip("'\"")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^(the|a|an)\s+", "", s)
    s = re.sub(r"[^\w' -]", " ", s)
    return re.sub(r"\s+", " ", s).strip(" '")


def _fold_word(w: str) -> str:
    if re.fullmatch(r"[ivxlcdm]+", w):
        return w  # a regnal number: Henry VII is not Henry VIII
    w = re.sub(r"(ii|iy|yi|yy|y|ij)$", "i", w)  # Preobrazhenskii, -sky, -skiy
    w = w.replace("tz", "ts")  # Trotzky
    w = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "i", w)  # Mariya -> Maria... vowel-y-vowel
    w = w.replace("ye", "e").replace("ie", "e").replace("yo", "e").replace("ya", "ia")
    w = w.replace("kh", "h").replace("ks", "x").replace("ph", "f").replace("w", "v")
    w = re.sub(r"(.)\1", r"\1", w)  # doubled letters
    return w


@lru_cache(maxsize=1 << 16)
def translit_key(name: str) -> str:
    """A key under which transliteration variants of one name coincide (memoised, as
    ``norm``).

    >>> translit_key("Trotski") == translit_key("Trotsky")
    True
    >>> translit_key("Zinoviev") == translit_key("Zinovyev")
    True
    >>> translit_key("Henry VII") == translit_key("Henry VIII")
    False
    """
    return " ".join(_fold_word(w) for w in norm(name).replace("-", " ").split())


def slug(name: str) -> str:
    """A stable, URL-safe id from a canonical name."""
    s = re.sub(r"[^\w]+", "-", norm(name)).strip("-")
    return s or "x"


def initials(name: str) -> str:
    """'Workers’ and Peasants’ Inspectorate' -> 'WPI' (for matching acronyms)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


# 'the Duke of York', 'Earl of Feversham': a title that names its holder
TITLE_OF = re.compile(r"^(?:the\s+)?((?:Duke|Duchess|Earl|Count|Countess|Prince|Princess|Marquess|Marquis|"
                      r"Marchioness|Viscount|Baron|Baroness|Bishop|Archbishop|Lord|Lady|Elector|Margrave|"
                      r"Landgrave|Grand Duke|Dauphin|Doge|Emir|Sultan|Shah|Khan)\s+of\s+[A-Z][\w’'-]*"
                      r"(?:\s+[A-Z][\w’'-]*)*)$")


#: Letters that accent folding keeps whole (NFKD and FTS5's unicode61 strip accents, not
#: ligatures): a searched word is also tried with each of them spelled out, and in.
_LIGATURES = {"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "þ": "th"}
#: Transliteration variants a reader types either way: Trotski/Trotsky, Tchernov/Chernov.
_TRANSLIT = ((r"(?<=\w)(?:y|i|ii|iy)$", ("y", "i", "ii", "iy")), (r"^t?ch", ("tch", "ch")))


def spell_out(text: str) -> str:
    """Ligatures written as their letters: 'Cæsar' -> 'Caesar'."""
    return "".join(_LIGATURES.get(c, _LIGATURES.get(c.lower(), c)) for c in text)


def spellings(word: str) -> list[str]:
    """The spellings of a searched word that should find it: ligatures spelled out and in,
    transliteration endings either way; the word itself first.

    Example:
        >>> spellings("Caesar")
        ['Caesar', 'Cæsar']
        >>> spellings("Trotsky")[:3]
        ['Trotsky', 'Trotski', 'Trotskii']
    """
    out = [word]
    folded = spell_out(word)
    out.append(folded)
    for letter, spelled in _LIGATURES.items():
        if len(spelled) == 2 and spelled in folded.lower():
            out.append(re.sub(spelled, letter, folded, count=1, flags=re.IGNORECASE))
    for pattern, forms in _TRANSLIT:
        for w in list(out):
            if w[:1].isupper() and len(w) > 4 and re.search(pattern, w, re.IGNORECASE):
                out += [re.sub(pattern, lambda m, f=f: f.capitalize() if m[0][0].isupper() else f,
                               w, count=1, flags=re.IGNORECASE) for f in forms]
    return list(dict.fromkeys(out))
