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
from ..timeline import clause_verb, governs


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
    governed = [(sp, w) for sp, w in dates if any(governs(a, sp.root) for a in anchors)]
    pool = governed or ([] if only_governed else dates)
    if not pool:
        return None
    main = anchors[0]

    def dist(item: tuple) -> int:
        sp = item[0]
        return min(abs(t.i - main.i) for t in sp)

    return min(pool, key=dist)[1]


def clause_date(d: Document, si: int, entities: list[int]) -> When | None:
    """The date stated in the clause that names the fact's entities ('it was Stalin who
    had arranged for him to become Chairman ... in July 1921'), the subject's clause
    first, or None when every date of the sentence belongs to another clause."""
    if not d.sentence_dates or si >= len(d.sentence_dates) or not d.sentence_dates[si]:
        return None
    sent = d.sents[si]
    anchors, segment, segments = [], 0, set()
    for t in sent:
        if t.text == ";":
            segment += 1
        m = d.token_mention.get(t.i)
        e = d.mentions[m].entity if m is not None else d.pronoun_entity.get(t.i)
        if e in entities:
            anchors.append((entities.index(e), clause_verb(t)))
            segments.add(segment)
    anchors = [a for _, a in sorted(anchors, key=lambda x: x[0])]
    if not anchors:
        return None
    governed = stated_date(d, si, anchors, only_governed=True)
    if governed is not None or not d.sentence_inherited:
        return governed
    # every date sits beyond a semicolon from the fact: the story's time, not theirs
    date_segments = {sent[:sp.start - sent.start].text.count(";") for sp, _ in d.sentence_dates[si]}
    return d.sentence_inherited[si] if not date_segments & segments else None


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
