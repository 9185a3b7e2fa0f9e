"""Choosing a fact's date among the dates its sentence states.

A sentence may carry several dates ("On 28 February the garrison ... had started a
mutiny. ... the Congress, starting on 8 March"); a fact takes the one its words
govern (inside the trigger's subtree), else the one nearest its trigger word, else
the sentence's narrative time. An interval ("March–April 1922" -> ``1922-03/1922-04``)
gives an event its start and end.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ...model import When
from ..document import Document


def stated_date(
    d: Document, si: int, anchors: list[Token], *, only_governed: bool = False
) -> When | None:
    """The date the sentence states for a fact whose trigger words are ``anchors``
    (the first is the main one): governed by one of them, else the nearest."""
    if not d.sentence_dates or si >= len(d.sentence_dates):
        return None
    dates = d.sentence_dates[si]
    if not dates or not anchors:
        return None
    governed = [(sp, w) for sp, w in dates if any(_governs(a, sp.root) for a in anchors)]
    pool = governed or ([] if only_governed else dates)
    if not pool:
        return None
    main = anchors[0]

    def dist(item: tuple) -> int:
        sp = item[0]
        return min(abs(t.i - main.i) for t in sp)

    return min(pool, key=dist)[1]


NESTED = ("advcl", "relcl", "acl", "ccomp", "xcomp", "csubj", "parataxis", "conj")


def _governs(anchor: Token, tok: Token) -> bool:
    """The date hangs on the anchor itself, not inside a clause nested under it
    ('suffered a stroke while recovering from ... the attempt in August 1918')."""
    cur = tok
    for _ in range(12):
        if cur.i == anchor.i:
            return True
        if cur.head.i == cur.i or cur.dep_ in NESTED:
            return False
        cur = cur.head
    return False


def fact_time(d: Document, si: int, anchors: list[Token]) -> When | None:
    """A stated date for the fact, else the sentence's (narrative) time."""
    w = stated_date(d, si, anchors)
    if w is not None:
        return w
    if d.sentence_time and si < len(d.sentence_time):
        return d.sentence_time[si]
    return None


def split_interval(w: When | None) -> tuple[When | None, When | None]:
    """``1922-03/1922-04`` -> (1922-03, 1922-04); an open ``1919/..`` -> (1919, None);
    a single date -> (it, None)."""
    if w is None:
        return None, None
    if "/" not in w.value:
        return w, None
    a, b = w.value.split("/", 1)
    start = replace(w, value=a) if a and a != ".." else None
    end = replace(w, value=b, julian=None) if b and b != ".." else None
    if start is not None and start.julian and "/" in start.julian:
        start = replace(start, julian=start.julian.split("/", 1)[0])
    return start, end
