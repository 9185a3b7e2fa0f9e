"""Two wordings of one institution, office, event or measure: one key for both.

English names a thing after its people either way round: 'the Danish king' and 'the king
of the Danes', 'the Mexican War' and 'the war with the Mexicans', 'the Venetian Senate' and
'the Senate of Venice'. It also drops a rank's 'in-chief' ('commander-in-chief of the
Swedes' is the commander of the Swedes), calls a fleet a navy or a squadron, a
union's government general, central or federal, the Southern Provinces the South, and a
murder an assassination ('Lincoln's murder', 'the assassination of Lincoln'). The
entity sieve (``entities._merge_variants``) and the entities extractors derive
(``Document.add_entity``) both ask ``variant_key``; two names of one kind with the same
key are one entity. Persons are never keyed: a person's name is not worded round.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules.words import entity_words

#: Endings of a people's adjective or plural and of its land ('Danish', 'Danes', 'Mexicans',
#: 'Prussia', 'Hellenic', 'Rome'): what is left is the root both wordings share.
ROOT_ENDINGS = ("ians", "eans", "ans", "ian", "ean", "an", "ic", "ish", "ese", "es", "ia", "s", "e")
#: Adjectives of a people or a land end so ('Egyptian', 'Hellenic', 'Danish', 'Chinese').
PEOPLE_ADJECTIVE = re.compile(r"(an|ic|ish|ese)$")
SYNONYMS = entity_words().variants.synonyms
KEYED_KINDS = ("BODY", "OFFICE", "EVENT", "POLICY", "FACTION", "PLACE")
WHOLE = entity_words().variants.whole
COMPASS = entity_words().variants.compass
REGION_PARTS = entity_words().variants.region_parts
MOVEMENTS = entity_words().variants.movements
DOCTRINES = entity_words().variants.doctrines
GROUP_EPITHETS = entity_words().variants.group_epithets
#: 'of almost the whole of ': what stands between an 'of' and the land it names all or most of
WHOLE_OF = re.compile(r"(?i)\bof (?:" + "|".join(re.escape(w) for w in sorted(entity_words().variants.whole_of,
                                                                          key=len, reverse=True)) + r") ")


def root(word: str) -> str:
    """'libyans' and 'libyan' -> 'liby', 'medes' and 'median' -> 'med', 'egypt' -> 'egypt':
    a people's word without its ending (three letters at least are kept)."""
    w = word.lower()
    for ending in ROOT_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)]
    return w


@lru_cache(maxsize=4096)
def variant_key(name: str) -> str | None:
    """'Danish king' and 'king of the Danes' -> 'king of dan'; 'Mexican War' and 'war
    with the Mexicans' -> 'war of mexic'; 'commander-in-chief of the Swedes' -> 'commander of
    swed'. None for a name of any other shape (no key, no variant).

    >>> variant_key("the Danish king") == variant_key("king of the Danes")
    True
    >>> variant_key("Spanish navy") == variant_key("the Spanish fleet")
    True
    >>> variant_key("Provisional Government") is None
    True
    >>> variant_key("Master of the Court of Wards") == variant_key("the Master of the Wards")
    True
    >>> variant_key("revolt of nearly the whole of Syria") == variant_key("the Syrian revolt")
    True
    """
    text = re.sub(r"(?i)[\s-]+in[\s-]+chief\b", "", name.strip())
    text = WHOLE_OF.sub("of ", text)  # 'the rising of almost the whole of Hungary' is the rising of Hungary
    # 'Chief Justice of the Court of Common Pleas' is the Chief Justice of the Common Pleas:
    # a court named with and without its 'Court of'
    text = re.sub(r"\b(of the) Court of\b", r"\1", text)
    words = text.replace("’", "'").split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    low = [w.lower() for w in words]
    if len(words) == 2 and low[0] in WHOLE and low[1] == "government" and words[0][:1].isupper():
        return "government of the whole"  # 'the Central Government', 'the Federal Government'
    if len(words) == 2 and low[0] in COMPASS and low[1] in REGION_PARTS and words[0][:1].isupper():
        return "region " + COMPASS[low[0]]  # 'the Southern Provinces'
    if len(words) == 1 and low[0] in COMPASS.values() and words[0][:1].isupper():
        return "region " + low[0]  # 'the North'
    if len(words) == 2 and low[1] in DOCTRINES and words[0][:1].isupper() and low[0].endswith("ist"):
        return "doctrine " + low[0][:-3]  # 'Marxist theory' is Marxism
    if len(words) == 1 and words[0][:1].isupper() and low[0].endswith("ism") and len(low[0]) > 5:
        return "doctrine " + low[0][:-3]
    if len(words) == 2 and low[1] in MOVEMENTS and words[0][:1].isupper() and words[0].isalpha():
        return "people " + root(words[0])  # 'the Chartist movement' is the Chartists
    if len(words) == 2 and low[0] in GROUP_EPITHETS and words[1][:1].isupper() and low[1].endswith("s"):
        return "people " + root(words[1])  # 'the zealous Jacobins' are the Jacobins
    if len(words) == 1 and words[0][:1].isupper() and low[0].endswith("s") and words[0].isalpha() \
            and not words[0].isupper() and not low[0].endswith(("ss", "us", "is", "os", "as")):  # (no 'Congress')
        return "people " + root(words[0])
    if len(words) == 2 and words[0][:1].isupper() and words[0].endswith("'s") and words[1].isalpha():
        return f"{_noun(words[1])} of {root(words[0][:-2])}"  # 'Lincoln's murder'
    if len(words) == 2 and words[0][:1].isupper() and PEOPLE_ADJECTIVE.search(words[0]) \
            and words[1].isalpha():
        return f"{_noun(words[1])} of {root(words[0])}"  # 'Danish king'
    if len(words) == 3 and words[0][:1].isupper() and PEOPLE_ADJECTIVE.search(words[0]) \
            and words[1][:1].isupper() and words[1].isalpha() and words[2].isalpha() and words[2][:1].isupper():
        # 'Roman Catholic Church' is the Church of Rome; the middle word is kept after a '~'
        # (the Polish Central and the Polish Revolutionary Committee are two: ``same_key``)
        return f"{_noun(words[2])} of {root(words[0])} ~{words[1].lower()}"
    if 3 <= len(words) <= 4 and words[1] in ("of", "with") and words[-1][:1].isupper() \
            and words[-1].isalpha() and (len(words) == 3 or words[2] == "the") and words[0].isalpha():
        return f"{_noun(words[0])} of {root(words[-1])}"  # 'king of the Danes'
    if len(words) >= 4 and "of" in words and words[0][:1].isupper() and words[-1][:1].isupper():
        return "= " + " ".join(words).lower()  # a longer title, compared whole once 'Court of' is gone
    return None


def _noun(word: str) -> str:
    w = word.lower()
    return SYNONYMS.get(w, w)


def same_key(a: str | None, b: str | None) -> bool:
    """Two variant keys of one thing: equal, or equal once the one with a middle word
    ('church of rom ~catholic') drops it and the other has none ('church of rom')."""
    if a is None or b is None:
        return False
    return a == b or a.split(" ~")[0] == b.split(" ~")[0] and (" ~" in a) != (" ~" in b)


def same_thing(a: str, b: str) -> bool:
    """Two names that ``variant_key`` gives one key."""
    return same_key(variant_key(a), variant_key(b))


FUNCTION_WORDS = {"of", "for", "the", "a", "an", "and", "to", "in", "on", "by", "with", "its", "their", "his", "her"}


def stem(word: str) -> str:
    """'plans' -> 'plan', 'evacuation' and 'evacuating' -> 'evacu': a word's first five
    letters once a plural 's' is gone (enough to tell measures apart, not their wording)."""
    w = word.lower()
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    return w[:5]


def described_stems(name: str) -> tuple[str, frozenset[str]] | None:
    """(head, content words) of a measure described in common nouns, stemmed: 'plans for
    evacuating the capital' -> ('plan', {'plan', 'evacu', 'capit'}); None for a capitalised
    name, which the sieve compares word for word."""
    words = name.replace("’", "'").replace("-", " ").split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if not words or any(w[:1].isupper() for w in words):
        return None
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words))
    return stem(words[cut - 1]), frozenset(stem(w) for w in words if w not in FUNCTION_WORDS)
