"""Candidate pairs of entity mentions, and the features that describe them.

A candidate is an ordered pair (subject, object) of two entities named (or pointed at
by a resolved pronoun or a description the entity stage tied to them) in one sentence,
or in two adjacent sentences when neither names both, whose kinds some relation admits
(the fact model's table: PERSON -> OFFICE for HOLDS_OFFICE, ...). Most facts a reader
takes from a history are not stated with both ends named in one sentence: the pairs
across a sentence boundary let the model weigh those too. Its features are strings that
name classes of language rather than words of one text: the kinds of both ends, the
dependency path between their heads with the lemmas on it (the trigger: 'appoint',
'against', 'wife') and the rules' word lists those lemmas are in (the trigger's class,
which carries to a text whose words the training chapters never used), the words
between, the ends' own grammatical roles, negation and modality of the clause that
joins them, distance and order. They are cheap: a path is two walks up the parse tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..pipeline.document import Document
from ..pipeline.relations.base import asserted
from ..pipeline.timeline import clause_verb
from ..rules import lexicon, load_json

ACTORS = frozenset({"PERSON", "FACTION", "BODY", "PLACE"})
# relation -> (subject kinds, object kinds), after the fact model (spec/facts.md)
PAIR_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "HOLDS_OFFICE": (frozenset({"PERSON"}), frozenset({"OFFICE"})),
    "MEMBER_OF": (frozenset({"PERSON"}), frozenset({"BODY", "FACTION"})),
    "KIN": (frozenset({"PERSON"}), frozenset({"PERSON"})),
    "ALLY": (ACTORS, ACTORS),
    "OPPOSES": (ACTORS, ACTORS),
    "SUPPORTS_POLICY": (ACTORS, frozenset({"POLICY"})),
    "OPPOSES_POLICY": (ACTORS, frozenset({"POLICY"})),
    "PARTICIPATES": (ACTORS, frozenset({"EVENT"})),
    "DECIDES": (frozenset({"BODY", "EVENT"}), frozenset({"POLICY", "EVENT"})),
}
MAX_OCCURRENCES = 3   # of one entity in one sentence, tried for the shortest path
MAX_PATH = 6          # longer paths are summarised, not spelled out
MAX_BETWEEN = 12      # words between the ends, as a bag
KIN_ROLE = "KR"       # the feature of a pair a kin noun joins: only such a pair can state KIN
NEXT_SENTENCES = 1    # a pair may also span this many sentence boundaries
# the rules' word lists whose names become class features (the trigger's class, not its word)
LEXICON_CLASSES = ("kin_roles", "leading_verbs", "office_heads", "office_lower_heads", "body_heads",
                   "event_heads", "policy_heads", "faction_heads", "speech_verbs", "health_words")


@dataclass
class Candidate:
    """One ordered pair of entities in one sentence, with its features."""

    sent: int
    subject: int
    object: int
    subject_token: int
    object_token: int
    lca: int
    """Token index of the lowest common ancestor of the two heads."""
    features: list[str]
    first_sent: int | None = None
    """For a pair whose ends lie in different sentences, the earlier sentence."""


def pair_kinds_allow(subject_kind: str, object_kind: str) -> list[str]:
    """The relation types whose subject and object kinds these are."""
    return [t for t, (s, o) in PAIR_TYPES.items() if subject_kind in s and object_kind in o]


def _head(sent: Span, start: int, end: int) -> Token:
    """The syntactic head of a token range (the token whose head lies outside it)."""
    doc = sent.doc
    for i in range(start, end):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return doc[i]
    return doc[end - 1]


def occurrences(d: Document, sent: Span) -> dict[int, list[Token]]:
    """Entity -> the head tokens of its names (and resolved pronouns) in the sentence."""
    out: dict[int, list[Token]] = {}
    seen_mentions = set()
    for i in range(sent.start, sent.end):  # (indices: a Token is made only where one is kept)
        mi = d.token_mention.get(i)
        if mi is not None:
            if mi in seen_mentions:
                continue
            seen_mentions.add(mi)
            m = d.mentions[mi]
            if m.entity is None:
                continue
            start, end = max(m.tokens[0], sent.start), min(m.tokens[1], sent.end)
            if end <= start:
                continue
            tok, ent = _head(sent, start, end), m.entity
        else:
            ent = d.pronoun_entity.get(i)
            if ent is None:
                continue
            tok = sent.doc[i]
        heads = out.setdefault(ent, [])
        if len(heads) < MAX_OCCURRENCES:
            heads.append(tok)
    return out


@lru_cache(maxsize=2)
def _heads(doc: Doc) -> list[int]:
    """Each token's head index, read once per parse: walking the tree through Token
    objects made the layer the slowest reader of it."""
    return [i + int(rel) for i, rel in enumerate(doc.to_array("HEAD").astype(np.int64))]


def _ancestors(heads: list[int], i: int) -> list[int]:
    chain = [i]
    while heads[chain[-1]] != chain[-1] and len(chain) < 40:
        chain.append(heads[chain[-1]])
    return chain


def _path_ids(heads: list[int], a: int, b: int) -> tuple[list[int], int, list[int]] | None:
    up_a, up_b = _ancestors(heads, a), _ancestors(heads, b)
    index_b = {t: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t in index_b:
            return up_a[:k], t, up_b[:index_b[t]]
    return None


def path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]] | None:
    """The walk up from ``a`` to the lowest common ancestor and down to ``b``:
    (a's chain below it, the ancestor, b's chain below it), or None across roots."""
    doc = a.doc
    found = _path_ids(_heads(doc), a.i, b.i)
    if found is None:
        return None
    below_a, lca, below_b = found
    return [doc[i] for i in below_a], doc[lca], [doc[i] for i in below_b]


def _bucket(n: int) -> str:
    for limit in (2, 5, 10, 20):
        if n <= limit:
            return str(limit)
    return "far"


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """Word -> the names of the rules' word lists it is in ('denounce' -> oppose_verbs,
    policy_oppose_verbs): the class of a trigger carries to a text whose words the
    training chapters never used, where the word itself does not."""
    table: dict[str, set[str]] = {}

    def add(name: str, words: Iterable[str]) -> None:
        for w in words:
            table.setdefault(w.split()[0].lower(), set()).add(name)

    for name, words in load_json("stance.json").items():  # type: ignore[union-attr]
        add(name, words)
    for group, lists in load_json("relations.json").items():  # type: ignore[union-attr]
        for name, words in lists.items():
            add(f"{group}.{name}", words)
    lex = lexicon()
    for name in LEXICON_CLASSES:
        add(name, getattr(lex, name))
    return {w: tuple(sorted(names)) for w, names in table.items()}


def classes_of(t: Token) -> tuple[str, ...]:
    """The word lists a token's lemma (or its own form: 'allies') is in."""
    table = word_classes()
    return table.get(_lemma(t)) or table.get(t.lower_) or ()


def _class_features(tag: str, kinds: str, tokens: Iterable[Token]) -> list[str]:
    out = []
    for t in tokens:
        for c in classes_of(t):
            out += [f"{tag}:{c}", f"{tag}K:{kinds}|{c}"]
    return out


def pair_features(d: Document, a: Token, b: Token, kind_a: str, kind_b: str) -> tuple[list[str], int] | None:
    """The features of the pair whose heads are ``a`` (subject) and ``b`` (object)."""
    p = path(a, b)
    if p is None:
        return None
    below_a, lca, below_b = p
    kinds = f"{kind_a}>{kind_b}"
    f = ["BIAS", f"K:{kinds}", f"ORD:{'fwd' if a.i < b.i else 'back'}",
         f"D:{_bucket(abs(a.i - b.i))}", f"PL:{_bucket(len(below_a) + len(below_b))}"]
    # the path: dependency labels up from a, the common ancestor, labels down to b
    ups = [t.dep_ for t in below_a]
    downs = [t.dep_ for t in reversed(below_b)]
    inner = below_a[1:] + below_b[1:]
    lca_word = _lemma(lca) if lca.i not in (a.i, b.i) else "<end>"
    deps = "^".join(ups) + f"|{lca.pos_}|" + "v".join(downs)
    if len(below_a) + len(below_b) <= MAX_PATH:
        f.append(f"P:{deps}")
        f.append(f"PW:{'^'.join(ups)}|{lca_word}|{'v'.join(downs)}")
        f.append(f"PK:{kinds}|{deps}")
    else:
        f.append("P:long")
    f.append(f"LCA:{lca_word}")
    f.append(f"LCAK:{kinds}|{lca_word}")
    for t in inner:
        if t.pos_ in ("VERB", "NOUN", "ADP", "ADJ", "AUX"):
            f.append(f"T:{_lemma(t)}")
            f.append(f"TK:{kinds}|{_lemma(t)}")
    f += _class_features("C", kinds, [*inner, lca] if lca.i not in (a.i, b.i) else inner)
    f.append(f"A:{a.dep_}")
    f.append(f"B:{b.dep_}")
    for end, tag in ((a, "A"), (b, "B")):
        if end.dep_ == "pobj":
            f.append(f"{tag}P:{end.head.lower_}")
            f.append(f"{tag}PK:{kinds}|{end.head.lower_}|{_lemma(end.head.head)}")
        if end.dep_ in ("poss", "compound", "appos", "conj"):
            f.append(f"{tag}H:{end.dep_}|{_lemma(end.head)}")
    if ups == ["conj"] and not downs or downs == ["conj"] and not ups:
        f.append("CONJ")
    lo, hi = sorted((a.i, b.i))
    ends = {d.entity_of_token(a), d.entity_of_token(b)} - {None}
    between = [t for t in a.doc[lo + 1:hi]
               if (not t.is_punct or t.text in (";", ":")) and d.entity_of_token(t) not in ends]
    for t in between[:MAX_BETWEEN]:
        if t.is_stop and t.pos_ not in ("ADP", "CCONJ", "PART"):
            continue
        f.append(f"W:{_lemma(t)}")
        f.append(f"WK:{kinds}|{_lemma(t)}")
    if any(t.text == ";" for t in between):
        f.append("SEMI")
    verb = clause_verb(lca)
    if not asserted(verb):
        f.append("UNREAL")
    f.append(f"V:{kinds}|{_lemma(verb)}")
    f += _class_features("CV", kinds, [verb])
    if a.pos_ == "PRON" or b.pos_ == "PRON":
        f.append("PRON")
    return f, lca.i


def rule_facts(d: Document) -> dict[tuple[int, int], set[str]]:
    """(subject, object) -> the relations the rules already found for the pair: a pair the
    rules tie one way is seldom tied another way too, and the model may learn so."""
    out: dict[tuple[int, int], set[str]] = {}
    for f in d.factoids:
        if f.object is not None:
            out.setdefault((f.subject, f.object), set()).add(f.type)
    return out


def kin_role(d: Document, c: Candidate) -> str | None:
    """What the subject is to the object, from a kin noun that owns the object ('X's
    wife', 'the wife of X'); None when no such noun joins them."""
    roles = lexicon().kin_roles
    obj = d.doc[c.object_token]
    owner = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "of" else obj.head
    if obj.dep_ in ("poss", "pobj") and owner.lower_ in roles and owner.i != c.subject_token:
        return roles[owner.lower_]
    return None


def candidates(d: Document, si: int, sent: Span,
               rules: dict[tuple[int, int], set[str]] | None = None,
               occ: dict[int, list[Token]] | None = None) -> Iterator[Candidate]:
    """Every ordered pair of distinct entities in the sentence that some relation's kinds
    admit, with the features of its closest pair of occurrences (and, given ``rules``,
    of the facts the rules found for the pair)."""
    occ = occ if occ is not None else occurrences(d, sent)
    for ea, heads_a in occ.items():
        for eb, heads_b in occ.items():
            if ea == eb:
                continue
            kind_a, kind_b = d.entities[ea].kind, d.entities[eb].kind
            if not pair_kinds_allow(kind_a, kind_b):
                continue
            best = None
            tree = _heads(sent.doc)
            for a in heads_a:
                for b in heads_b:
                    if a.i == b.i:
                        continue
                    p = _path_ids(tree, a.i, b.i)
                    if p is None:
                        continue
                    length = len(p[0]) + len(p[2])
                    if best is None or length < best[0]:
                        best = (length, a, b)
            if best is None:
                continue
            _, a, b = best
            out = pair_features(d, a, b, kind_a, kind_b)
            if out is None:
                continue
            feats, lca = out
            if rules:
                feats += [f"R:{t}" for t in sorted(rules.get((ea, eb), ()))]
                feats += [f"RR:{t}" for t in sorted(rules.get((eb, ea), ()))]
            c = Candidate(si, ea, eb, a.i, b.i, lca, feats)
            role = kin_role(d, c) if kind_a == kind_b == "PERSON" else None
            if role is not None:
                feats.append(KIN_ROLE)
            yield c


def cross_features(d: Document, a: Token, b: Token, kind_a: str, kind_b: str) -> list[str]:
    """The features of a pair whose ends lie in different sentences: no parse joins them,
    so each end speaks for itself (its role, the verb that governs it and that verb's
    class), with the sentence gap and which end comes first."""
    kinds = f"{kind_a}>{kind_b}"
    gap = abs(d.sent_index(a) - d.sent_index(b))
    f = ["BIAS", "XS", f"XS:{gap}", f"K:{kinds}", f"XK:{kinds}", f"XORD:{'fwd' if a.i < b.i else 'back'}",
         f"XD:{_bucket(abs(a.i - b.i))}"]
    for end, tag in ((a, "XA"), (b, "XB")):
        verb = clause_verb(end)
        f += [f"{tag}:{end.dep_}", f"{tag}V:{kinds}|{end.dep_}|{_lemma(verb)}"]
        f += _class_features(f"{tag}C", kinds, [verb])
        if end.dep_ == "pobj":
            f.append(f"{tag}P:{kinds}|{end.head.lower_}|{_lemma(end.head.head)}")
            f += _class_features(f"{tag}PC", kinds, [end.head.head])
        if end.dep_ in ("poss", "compound", "appos"):
            f.append(f"{tag}H:{end.dep_}|{_lemma(end.head)}")
            f += _class_features(f"{tag}HC", kinds, [end.head])
        if end.pos_ == "PRON":
            f.append(f"{tag}PRON")
        if not asserted(verb):
            f.append("UNREAL")
    later = a if a.i > b.i else b
    if clause_verb(later).dep_ == "ROOT" and later.dep_ in ("nsubj", "nsubjpass"):
        f.append(f"XLATERSUBJ:{'A' if later is a else 'B'}")
    return f


def _closest(heads_a: list[Token], heads_b: list[Token]) -> tuple[Token, Token] | None:
    pairs = [(abs(a.i - b.i), a, b) for a in heads_a for b in heads_b if a.i != b.i]
    if not pairs:
        return None
    _, a, b = min(pairs, key=lambda x: x[0])
    return a, b


def cross_candidates(d: Document, si: int, rules: dict[tuple[int, int], set[str]] | None = None,
                     occ: list[dict[int, list[Token]]] | None = None) -> Iterator[Candidate]:
    """Pairs with one end in sentence ``si`` and the other in one of the ``NEXT_SENTENCES``
    before it, when no single one of those sentences names both: 'He was made consul.
    The Senate ...' ties ends that no parse joins. The candidate belongs to the later
    sentence; ``first_sent`` is the earlier one."""
    occ = occ if occ is not None else [occurrences(d, s) for s in d.sents]
    for back in range(1, NEXT_SENTENCES + 1):
        pi = si - back
        if pi < 0:
            return
        here, before = occ[si], occ[pi]
        for e_here, heads_here in here.items():
            for e_before, heads_before in before.items():
                if e_here == e_before or e_before in here or e_here in before:
                    continue
                for ea, eb, heads_a, heads_b in ((e_before, e_here, heads_before, heads_here),
                                                 (e_here, e_before, heads_here, heads_before)):
                    kind_a, kind_b = d.entities[ea].kind, d.entities[eb].kind
                    if not pair_kinds_allow(kind_a, kind_b):
                        continue
                    closest = _closest(heads_a, heads_b)
                    if closest is None:
                        continue
                    a, b = closest
                    feats = cross_features(d, a, b, kind_a, kind_b)
                    if rules:
                        feats += [f"R:{t}" for t in sorted(rules.get((ea, eb), ()))]
                        feats += [f"RR:{t}" for t in sorted(rules.get((eb, ea), ()))]
                    yield Candidate(si, ea, eb, a.i, b.i, a.i if a.i > b.i else b.i, feats, first_sent=pi)


def all_candidates(d: Document, rules: dict[tuple[int, int], set[str]] | None = None) -> Iterator[Candidate]:
    """Every candidate of the document: pairs within a sentence, then pairs across
    adjacent sentences."""
    occ = [occurrences(d, s) for s in d.sents]
    for si, sent in enumerate(d.sents):
        yield from candidates(d, si, sent, rules, occ[si])
        yield from cross_candidates(d, si, rules, occ)


def evidence_span(d: Document, c: Candidate) -> Span:
    """The sentence (or sentences) that hold both ends of a candidate."""
    sent = d.sents[c.sent]
    if c.first_sent is None:
        return sent
    return d.doc[d.sents[c.first_sent].start:sent.end]
