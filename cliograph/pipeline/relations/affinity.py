"""Affinity said the other way round: ALLY and OPPOSES where the sentence's subject is
the one felt about, not the one who feels.

Court and parliamentary narrative often says whom a man was hated or loved by with the
feeler in a dative or a possessive: 'Wolsey was to the Duke an object of hatred', 'the
arrogance of the Chancellor was odious to the nobles', 'Pitt was defeated in the Commons',
and names a friend or an enemy as 'one of his friends, X'. ``stance`` reads the feeler as
the subject ('the Duke hated Wolsey'); this module reads these inverted shapes, with the
word classes of ``rules/stance.json`` (feelings, allies, enemies) and its own lists in
``rules/extractors.json`` (``affinity``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ...model import Factoid
from ...rules.words import extractor_words, stance_words
from ..document import Document
from .base import entity_at, factoid, happened, owner
from .frames import agents, expand, subject_tokens
from .stance import PEOPLE_ENDINGS

ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
POLICY = {"POLICY"}
BODIES = {"BODY"}
CONF = {
    "affinity.object_of_feeling.v1": 0.65,
    "affinity.feeling_adjective.v1": 0.6,
    "affinity.one_of.v1": 0.65,
    "affinity.defeated_in.v1": 0.6,
}


def _polarity(feeling: Token) -> int:
    """+1 for a friendly feeling ('affection'), -1 for a hostile one ('aversion',
    'contempt'), 0 for any other noun."""
    w = stance_words()
    low = feeling.lower_
    if low in w.hostile_feeling_nouns or low in w.hostile_manner_nouns:
        return -1
    if low in w.friendly_feeling_nouns:
        return 1
    return 0


def _emit(d: Document, si: int, polarity: int, feeler: int | None, felt: Token, rule: str) -> Iterator[Factoid]:
    """The feeler's stance toward what ``felt`` names: a measure (supported or opposed)
    or a party (ally or enemy)."""
    if feeler is None:
        return
    policy = entity_at(d, felt, POLICY)
    target = entity_at(d, felt, ACTORS) if policy is None else None
    if policy is not None:
        type_, obj = ("SUPPORTS_POLICY" if polarity > 0 else "OPPOSES_POLICY"), policy
    elif target is not None and target != feeler:
        type_, obj = ("ALLY" if polarity > 0 else "OPPOSES"), target
    else:
        return
    kinds = {d.entities[feeler].kind: feeler, d.entities[obj].kind: obj}
    if type_ in ("ALLY", "OPPOSES") and "PERSON" in kinds and "PLACE" in kinds \
            and not d.entities[kinds["PLACE"]].name.endswith(PEOPLE_ENDINGS):
        return  # a town and a man: only a people ('the Ionians') feels toward a man
    yield factoid(d, si, type_, feeler, obj, rule, CONF[rule])


def _to_objects(tok: Token) -> list[Token]:
    """The objects of a token's 'to' ('to James', 'to the nobles and the clergy')."""
    return expand([o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for o in c.children if o.dep_ == "pobj"])


def _felt_about(d: Document, subj: Token) -> Token:
    """What a subject stands for when it is a quality of someone: 'the arrogance of the
    Chancellor', 'his insolence' stand for the Chancellor; a name stands for itself."""
    if entity_at(d, subj, ACTORS | POLICY) is not None or subj.pos_ != "NOUN":
        return subj
    for c in subj.children:
        if c.dep_ == "poss":
            return c
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return subj


def _copula_subjects(tok: Token) -> list[Token]:
    """The subjects of the clause a predicate noun or adjective belongs to, climbing
    through 'began to be', 'seemed', and a verb coordinated with a subject's first verb."""
    return subject_tokens(tok.head, ("nsubj", "nsubjpass"), ("conj", "xcomp"), steps=3)


def object_of_feeling(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Wolsey was to the Duke an object of hatred', 'became an object of contempt to the
    Court', 'was the object of the Queen's affection': the one in the dative (or whose
    feeling it is) feels it toward the subject."""
    w = extractor_words().affinity
    for noun in sent:
        if noun.lower_ not in w.object_nouns or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "oprd"):
            continue
        if not happened(noun.head):
            continue
        feelings = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in expand([x for x in c.children if x.dep_ == "pobj"])]
        for feeling in feelings:
            polarity = _polarity(feeling)
            if polarity == 0:
                continue
            # the dative on the verb or the noun, else the feeling's own owner
            feelers = _to_objects(noun.head) + _to_objects(noun) + _to_objects(feeling)
            own = owner(d, feeling, lambda d_, t: entity_at(d_, t, ACTORS))
            found = [e for t in feelers if (e := entity_at(d, t, ACTORS)) is not None]
            if own is not None:
                found.append(own)
            for subj in _copula_subjects(noun):
                for feeler in dict.fromkeys(found):
                    yield from _emit(d, si, polarity, feeler, _felt_about(d, subj),
                                     "affinity.object_of_feeling.v1")


def feeling_adjective(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'The Chancellor was odious to the nobles', 'his insolence had become hateful to the
    Commons', 'the treaty was dear to the Whigs': the ones in the 'to' phrase feel so
    toward the subject (or the one whose quality the subject is)."""
    w = extractor_words().affinity
    for adj in sent:
        low = adj.lower_
        polarity = -1 if low in w.displeasing_adjectives else 1 if low in w.pleasing_adjectives else 0
        if polarity == 0 or adj.dep_ not in ("acomp", "oprd") or not happened(adj.head):
            continue
        # 'to the nobles' on the adjective, or hung on its copula ('odious, above all to X')
        feelers = [e for t in _to_objects(adj) + _to_objects(adj.head) if (e := entity_at(d, t, ACTORS)) is not None]
        for subj in _copula_subjects(adj):
            for feeler in dict.fromkeys(feelers):
                yield from _emit(d, si, polarity, feeler, _felt_about(d, subj), "affinity.feeling_adjective.v1")


def one_of(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'checked by one of his friends, Lord Hervey', 'Sejanus, one of Drusus's enemies': the
    person named beside 'one of' a plural ally or enemy noun is the owner's ally or enemy."""
    w = stance_words()
    for one in sent:
        if one.lower_ != "one" or one.pos_ not in ("NUM", "PRON", "NOUN"):
            continue
        for c in one.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for group in (o for o in c.children if o.dep_ == "pobj" and o.tag_ == "NNS"):
                low = group.lower_
                if low not in w.ally_nouns and low not in w.oppose_nouns:
                    continue
                whose = owner(d, group, lambda d_, t: entity_at(d_, t, ACTORS))
                if whose is None:
                    continue
                polarity = 1 if low in w.ally_nouns else -1
                # the name in apposition to 'one' (or to an 'or rather one of' beside it), or
                # the name 'one' is in apposition to
                ones = [one, *one.conjuncts]
                named = [a for o in ones for a in o.children if a.dep_ == "appos"]
                if one.dep_ == "appos":
                    named.append(one.head)
                for person in named:
                    who = entity_at(d, person, {"PERSON"})
                    if who is None or d.token_mention.get(person.i) is None:
                        continue
                    if who != whose:
                        yield factoid(d, si, "ALLY" if polarity > 0 else "OPPOSES", who, whose,
                                      "affinity.one_of.v1", CONF["affinity.one_of.v1"])


def _in_objects(prep: Token) -> list[Token]:
    """The objects of an 'in', or where the parser gave it none ('In the Diet Metternich
    had been outvoted', the body read as part of the subject's name) the word after it."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    if not objs and prep.i + 1 < len(prep.doc) and prep.doc[prep.i + 1].pos_ == "PROPN":
        objs = [prep.doc[prep.i + 1]]
    return objs


def defeated_in(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    """'Pitt was defeated in the Commons', 'the ministry was outvoted in the Lords': with
    no agent named, the body the defeat happened in opposed the one it beat."""
    w = extractor_words().affinity
    for verb in sent:
        if verb.lemma_.lower() not in w.defeat_verbs or verb.tag_ != "VBN" or agents(verb):
            continue
        if not any(c.dep_ == "auxpass" for c in verb.children) or not happened(verb):
            continue
        bodies = [e for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                  for o in _in_objects(c) if (e := entity_at(d, o, BODIES)) is not None]
        for body in bodies:
            for s in (c for c in verb.children if c.dep_ == "nsubjpass"):
                yield from _emit(d, si, -1, body, s, "affinity.defeated_in.v1")


def affinity(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    yield from object_of_feeling(d, si, sent)
    yield from feeling_adjective(d, si, sent)
    yield from one_of(d, si, sent)
    yield from defeated_in(d, si, sent)
