"""HOLDS_OFFICE: who held which post, from titles, appositions, copulas and appointments.

A candidacy, proposal or refusal is not a tenure: only asserted clauses count.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ..document import Document
from .base import asserted, conjuncts, entity_at, factoid

APPOINT = {"appoint", "make", "elect", "name", "nominate", "promote", "confirm", "install",
           "choose", "designate", "proclaim", "crown", "declare", "create", "select", "reappoint"}
SERVE = {"serve", "act", "remain", "continue", "sit", "stay", "rule", "reign", "govern"}
BECOME = {"be", "become", "remain"}
START_VERBS = APPOINT | {"become"}
PERSON = {"PERSON"}
OFFICE = {"OFFICE"}


def _office_tokens(d: Document, sent: Span) -> list[Token]:
    """The root token of each OFFICE mention in the sentence."""
    roots = []
    seen = set()
    for t in sent:
        mi = d.token_mention.get(t.i)
        if mi is None or mi in seen:
            continue
        seen.add(mi)
        m = d.mentions[mi]
        if m.entity is not None and d.entities[m.entity].kind == "OFFICE":
            roots.append(d.doc[m.tokens[0]:m.tokens[1]].root)
    return roots


def holds_office(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    doc = d.doc
    for off in _office_tokens(d, sent):
        office = entity_at(d, off, OFFICE)
        if office is None:
            continue
        m = d.mention_of_token(off)
        s, e = m.tokens if m else (off.i, off.i + 1)
        # 'Finance Commissar Sokolnikov': a title standing before a name
        if e < len(doc):
            person = entity_at(d, doc[e], PERSON)
            if person is not None:
                yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.title_before_name.v1", 0.85)
                continue
        # 'X, the General Secretary,' / 'the General Secretary, X,'
        if off.dep_ == "appos":
            for p in conjuncts(off.head):
                person = entity_at(d, p, PERSON)
                if person is not None:
                    yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.apposition.v1", 0.75)
            continue
        appos = [c for c in off.children if c.dep_ == "appos"]
        if appos:
            for a in appos:
                for p in conjuncts(a):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.apposition.v1", 0.75)
            continue
        verb = off.head
        # 'X was/became General Secretary'
        if off.dep_ in ("attr", "acomp", "oprd") and verb.lemma_ in BECOME | APPOINT:
            if not asserted(verb):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            holders = objects if verb.lemma_ in APPOINT and objects else subjects
            for h in holders:
                for p in conjuncts(h):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        rule = "offices.appointment.v1" if verb.lemma_ in APPOINT else "offices.copula.v1"
                        yield _dated(d, si, person, office, rule, 0.7, verb)
            continue
        # 'X was appointed as OFFICE', 'made X his OFFICE', 'with Molotov as his Assistant Secretaries'
        if off.dep_ == "pobj" and verb.lower_ == "as":
            gov = verb.head
            if not asserted(gov):
                continue
            if gov.lemma_ in APPOINT | SERVE:
                holders = [c for c in gov.children if c.dep_ in (
                    ("dobj",) if gov.lemma_ in APPOINT and gov.tag_ != "VBN" else ("nsubj", "nsubjpass", "dobj"))]
                for h in holders:
                    for p in conjuncts(h):
                        person = entity_at(d, p, PERSON)
                        if person is not None:
                            yield _dated(d, si, person, office, "offices.as_office.v1", 0.65, gov)
            elif entity_at(d, gov, PERSON) is not None:
                for p in conjuncts(gov):
                    person = entity_at(d, p, PERSON)
                    if person is not None:
                        yield factoid(d, si, "HOLDS_OFFICE", person, office, "offices.as_office.v1", 0.6)


def _dated(d: Document, si: int, person: int, office: int, rule: str, conf: float,
           verb: Token) -> Factoid:
    """An appointment or 'became' gives the tenure's start, not a point in it."""
    f = factoid(d, si, "HOLDS_OFFICE", person, office, rule, conf)
    if verb.lemma_ in START_VERBS and f.when is not None:
        from dataclasses import replace

        return replace(f, start_time=f.when, when=None)
    return f
