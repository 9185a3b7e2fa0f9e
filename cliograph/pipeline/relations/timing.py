"""Choosing a fact's date among the dates its sentence states.

A sentence may carry several dates ("On 28 February the garrison ... had started a
mutiny. ... the Congress, starting on 8 March"); a fact takes the one its words
govern (inside the trigger's subtree), else the one nearest its trigger word, else
the sentence's narrative time. An interval ("March–April 1922" -> ``1922-03/1922-04``)
gives an event its start and end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Token

from ... import timex
from ...model import Factoid, When
from ...rules.words import extractor_words
from ...timex import P_ANNOUNCED
from ..document import Document
from ..timeline import clause_verb, governs, quoted


def stated_date(
    d: Document, si: int, anchors: list[Token], *, only_governed: bool = False,
    near: list[Token] | None = None,
) -> When | None:
    """The date the sentence states for a fact whose trigger words are ``anchors``
    (the first is the main one): governed by one of them, else the nearest; of several,
    the one nearest the words ``near`` when given (the fact's entity: 'Bavaria
    followed on 12 December, and Saxony on 18 December' dates Saxony's by the 18th),
    else the nearest the main anchor."""
    if not d.sentence_dates or si >= len(d.sentence_dates):
        return None
    dates = d.sentence_dates[si]
    if not dates or not anchors:
        return None
    governed = [(sp, w) for sp, w in dates if any(governs(a, sp.root) for a in anchors)]
    pool = governed or ([] if only_governed else dates)
    if not pool:
        return None
    targets = near or [anchors[0]]

    def dist(item: tuple) -> int:
        sp = item[0]
        return min(abs(t.i - n.i) for t in sp for n in targets)

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
            anchors.append((entities.index(e), clause_verb(t), t))
            segments.add(segment)
    if not anchors:
        return None
    anchors.sort(key=lambda x: x[0])
    near = [t for k, _, t in anchors if k == anchors[0][0]]
    governed = stated_date(d, si, [a for _, a, _ in anchors], only_governed=True, near=near)
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


# ----------------------------------------------------------------- after extraction

#: A fact that states a standing relation holds from its start until something ends it.
STANDING = frozenset({"HOLDS_OFFICE", "MEMBER_OF", "ALLY"})
#: States a person is in from birth or marriage: the story's time is not theirs.
TIMELESS = frozenset({"KIN"})
#: A life's points: dated only by their own clause.
LIFE_POINTS = frozenset({"BORN", "DIED"})
#: Words that date a clause by a period ('during the war', 'most of the war').
PERIOD_WORDS = frozenset({"during", "throughout", "most", "all"})
#: Acts of a body at a sitting: dated by the month the story has reached, not its year.
SITTING_ACTS = frozenset({"DECIDES"})
#: Verbs that end a body, and with it its members' seats and its offices.
DISSOLVE_VERBS = extractor_words().timing.dissolve_verbs
#: Words that make a clause a threat, a wish or a denial rather than an event.
UNREAL = frozenset({"not", "never", "would", "could", "might", "should", "will", "shall",
                    "may", "must", "to"})


def settle(d: Document) -> None:
    """Times a careful reader would give, once every fact of the document is known.

    * kinship is a state and takes no date from the story; a birth or death takes only
      the date of its own clause ('the museum opened in 1907' does not date a birth),
      and never a span (a lifespan is not the day of a death);
    * the story's time is not given to a sentence that names its own period ('during
      the Civil War');
    * an office, membership or alliance with a start and no end ends at the first of:
      the holder's death, the start of a successor in the same post, the dissolution of
      the body it is in ('the Assembly was dissolved on 4 May'), or the latest date the
      document speaks of (its horizon), marked inferred with ``end_basis`` saying why.
    """
    horizon = _horizon(d)
    starts = [s.start_char for s in d.sents]
    facts = [_own_time(d, f, bisect_right(starts, f.start) - 1) for f in d.factoids]
    deaths: dict[int, When] = {}
    for f in facts:
        w = f.when or f.start_time
        if f.type == "DIED" and w is not None and "/" not in w.value:
            deaths.setdefault(f.subject, w)
    sentence_of = [bisect_right(starts, f.start) - 1 for f in facts]
    dies_here = {(f.subject, si) for f, si in zip(facts, sentence_of, strict=True) if f.type == "DIED"}
    facts = [_until_death(f, deaths, (f.subject, si) in dies_here)
             for f, si in zip(facts, sentence_of, strict=True)]
    facts = [_new_holder(d, f, bisect_right(starts, f.start) - 1, facts) for f in facts]
    posts: dict[int | None, list[Factoid]] = defaultdict(list)  # office -> its tenures
    for f in facts:
        if f.type == "HOLDS_OFFICE" and f.start_time is not None:
            posts[f.object].append(f)
    ended = dissolutions(d)
    d.factoids = [_close(f, posts.get(f.object, []) if f.type == "HOLDS_OFFICE" else [],
                         deaths, horizon, ended) for f in facts]


def _within(inner: When, outer: When) -> bool:
    """``inner`` is a finer date inside the period ``outer`` names (6 February 1685 in
    February 1685, or in 1685)."""
    if "/" in inner.value or "/" in outer.value or inner.value == outer.value:
        return False
    return inner.value.startswith(outer.value + "-")


def _until_death(f: Factoid, deaths: dict[int, When], dies_here: bool = False) -> Factoid:
    """An office named for its holder in the period of his death ('the death of King
    Louis took the nation by surprise', September 1715; he died on 1 September) was held
    until that death: the period is not when he held it, the death is when it ended. So
    was one named, undated, in the sentence that reports the death (``dies_here``: 'The
    death of Pope Clement was known in Avignon before the cardinals met'), dated by the
    death the text dates elsewhere."""
    death = deaths.get(f.subject)
    if f.type != "HOLDS_OFFICE" or death is None or f.start_time or f.end_time:
        return f
    if f.when is None and not dies_here or f.when is not None and not _within(death, f.when):
        return f
    end = replace(death, inferred=True, julian=None)
    # named only at the death, the tenure is attested there: no open start reaching back
    # to any earlier date the store is asked about
    return replace(f, when=end if f.when is None else None, end_time=end, end_basis="death")


#: Words that make a title a new holder's ('the new King', 'the newly elected Pope').
NEW_WORDS = extractor_words().timing.new_words


def _new_holder(d: Document, f: Factoid, si: int, facts: list[Factoid]) -> Factoid:
    """'The new King came forth': a holder the text calls new took the office when the
    one before him left it, if that was within the period the story is in. So did one
    the story only places in the month of his predecessor's death (the post passed at
    the death: 'Lyndhurst, the Lord Chancellor, addressed the Lords', in June 1830)."""
    if f.type != "HOLDS_OFFICE" or f.when is None or f.start_time or f.end_time \
            or not 0 <= si < len(d.sents):
        return f
    new = any(t.lower_ in NEW_WORDS and t.head.i != t.i
              and f.object in (d.entity_of_token(t.head), d.entity_of_token(t))
              for t in d.sents[si])
    for g in facts:
        if g.type == "HOLDS_OFFICE" and g.object == f.object and g.subject != f.subject \
                and g.end_time is not None and _within(g.end_time, f.when) \
                and (new or f.when.inferred and g.end_basis == "death"):
            return replace(f, when=None, start_time=replace(g.end_time, inferred=True))
    return f


def dissolutions(d: Document) -> dict[int, When]:
    """Bodies the text says were dissolved, with the date ('The Duma was dissolved by the
    Tsar on 21 July', 'Cromwell dissolved the Parliament in 1653'): body -> its first
    dissolution. Threats, wishes and denials ('threatened to dissolve', 'would not
    disband') end nothing; nor does a dissolution without a date."""
    out: dict[int, When] = {}
    for si, sent in enumerate(d.sents):
        for v in sent:
            if v.lemma_.lower() not in DISSOLVE_VERBS or v.pos_ != "VERB":
                continue
            if any(c.lower_ in UNREAL for c in v.children if c.dep_ in ("neg", "aux")) \
                    or v.dep_ in ("xcomp", "amod", "acl"):
                continue
            objects = [c for c in v.children if c.dep_ in ("nsubjpass", "dobj")] or \
                [c for c in v.children if c.dep_ == "nsubj"]
            when = stated_date(d, si, [v]) or (d.sentence_time[si] if si < len(d.sentence_time) else None)
            if when is None or "/" in when.value:
                continue
            for o in objects:
                e = d.entity_of_token(o)
                if e is not None and d.entities[e].kind == "BODY":
                    out.setdefault(e, when)
    return out


def _sitting_month(d: Document, f: Factoid, si: int) -> Factoid:
    """A body's decision the story dates only by its year ('The Convention adopted strict
    secrecy as its rule', paragraphs after 'the first session was held on May 25th') is
    taken in the month the story has reached in that year: the careful reader dates a
    decision by the sitting it was taken at, not by the year."""
    if f.type not in SITTING_ACTS or f.when is None or not f.when.inferred \
            or not 0 <= si < len(d.sentence_now) or timex.precision(f.when.value) != "year":
        return f
    now = d.sentence_now[si]
    if now is None or not _within(now, f.when) or timex.precision(now.value) not in ("month", "day"):
        return f
    return replace(f, when=replace(now, value=now.value[:len(f.when.value) + 3], inferred=True,
                                   julian=None))


def _dated_by_period(d: Document, si: int) -> bool:
    """The sentence dates itself by a named period ('spent most of the Civil War as a
    commissar', 'during the war'): the story's time is not its time. (A pluperfect alone
    does not say so: 'X had fallen out with Y' is what a reader dates to the story's time.)"""
    for t in d.sents[si]:
        if t.lower_ in PERIOD_WORDS:
            objects = [o for c in [t, *[p for p in t.children if p.lower_ == "of"]]
                       for o in c.children if o.dep_ == "pobj"]
            for o in objects:
                e = d.entity_of_token(o)
                if e is not None and d.entities[e].kind == "EVENT":
                    return True
    return False


def _delayed(f: Factoid) -> Factoid:
    """An act dated only by the day it waited for ('Rhode Island did not come in until May
    1790', 'the envoy waited until March') happened that day: only a standing relation
    holds until a date, an act is not a span that ends there."""
    if f.type in STANDING or f.when is None or not f.when.value.startswith("../"):
        return f
    return replace(f, when=replace(f.when, value=f.when.value[3:], julian=None))


def _own_time(d: Document, f: Factoid, si: int) -> Factoid:
    f = _delayed(_sitting_month(d, f, si))
    if f.type in TIMELESS and f.when is not None:
        return replace(f, when=None)
    if f.when is None or not f.when.inferred and f.type not in LIFE_POINTS:
        return f
    if si < 0 or si >= len(d.sents):
        return f
    if f.type in LIFE_POINTS:
        if "/" in f.when.value:
            return replace(f, when=None)
        if f.when.inferred or f.extractor == "life.lifespan.v1":
            return f  # (a life in brackets right after the name: its own dates, which the timeline may not read)
        return f if _own_date(d, si, f.subject, f.when.value) else replace(f, when=None)
    stated = {w.value for _, w in d.sentence_dates[si]} if si < len(d.sentence_dates) else set()
    if f.when.value not in stated and _dated_by_period(d, si):
        return replace(f, when=None)  # the story's time, in a sentence dated by its own period
    return f


def _own_date(d: Document, si: int, subject: int, value: str) -> bool:
    """The date ``value`` lies in the clause that names the person ('Mirabeau's death in
    April 1791', 'Hamilton, born in 1755, was...'), not in a clause the person's clause
    is only part of ('In 1907 the museum, where Bach was born, was opened')."""
    verbs = []
    for t in d.sents[si]:
        m = d.token_mention.get(t.i)
        e = d.mentions[m].entity if m is not None else d.pronoun_entity.get(t.i)
        if e == subject:
            verbs.append(clause_verb(t))
    if not verbs:
        return True
    for sp, w in d.sentence_dates[si]:
        if value == w.value or value in w.value.split("/"):  # a lifespan's first or last year
            vd = clause_verb(sp.root)
            if any(vd.i == v.i or v.left_edge.i <= vd.i <= v.right_edge.i for v in verbs):
                return True
    return False


def _horizon(d: Document) -> When | None:
    """The latest date the document speaks of (closed dates only; not one a speaker names
    in a quotation: "It is Christmas!" is the speaker's day, not one the story reaches;
    nor a look ahead the story never reaches: 'sixty years later the question divided
    the nation' is not where the story stands)."""
    reached = {w.value for w in d.sentence_now if w is not None}
    best, key = None, None
    for found in d.sentence_dates:
        for sp, w in found:
            if w.inferred and (quoted(d.text, sp.start_char)
                               or P_ANNOUNCED.search(sp.text) and w.value not in reached):
                continue
            b = timex.bounds(w.value)
            if b is None or b[1] is None or "X" in w.value or w.value.endswith(".."):
                continue
            k = timex.sort_key(b[1])
            if k is not None and (key is None or k > key):
                best, key = w, k
    if best is None:
        return None
    value = best.value.split("/", 1)[1] if "/" in best.value else best.value
    return When(value, inferred=True)


def _key_end(w: When) -> float | None:
    b = timex.bounds(w.value)
    return timex.sort_key(b[1]) if b and b[1] else None


def _close(f: Factoid, holders: list[Factoid], deaths: dict[int, When],
           horizon: When | None, dissolved: dict[int, When] | None = None) -> Factoid:
    """``f`` with an inferred end if it is a standing relation with a start and no end;
    ``holders`` are the dated tenures of its office (for a HOLDS_OFFICE); ``dissolved``
    the bodies that ended, and when (a membership of one, or an office in it, ends then)."""
    if f.type not in STANDING or f.start_time is None or f.end_time is not None:
        return f
    start = timex.sort_key(f.start_time.value)
    if start is None:
        return f
    ends: list[tuple[float, When, str]] = []
    death = deaths.get(f.subject)
    if death is not None and (k := timex.sort_key(death.value)) is not None and k >= start:
        ends.append((k, death, "death"))
    body = f.object if f.type == "MEMBER_OF" else f.body
    gone = (dissolved or {}).get(body) if body is not None else None
    if gone is not None and (k := timex.sort_key(gone.value)) is not None and k >= start:
        ends.append((k, gone, "dissolution"))
    if f.type == "HOLDS_OFFICE":
        together = {g.subject for g in holders if g.start_time is not None
                    and g.start_time.value == f.start_time.value}
        if len(together) == 1:  # a post held by one at a time: the next holder ends it
            for g in holders:
                if g.subject != f.subject and g.start_time is not None \
                        and (k := timex.sort_key(g.start_time.value)) is not None and k > start:
                    ends.append((k, g.start_time, "successor"))
    if not ends and horizon is not None:
        h, s = _key_end(horizon), _key_end(f.start_time)
        if h is not None and s is not None:
            ends.append((h, horizon if h >= s else f.start_time, "horizon"))
    if not ends:
        return f
    _, end, basis = min(ends, key=lambda e: e[0])
    end = replace(end, inferred=True, julian=None)
    if "/" in end.value:
        end = replace(end, value=end.value.split("/", 1)[1])
    return replace(f, end_time=end, end_basis=basis)
