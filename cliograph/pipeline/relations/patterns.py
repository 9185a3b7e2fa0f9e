"""Facts that one syntactic shape states ('X sat on the Politburo', 'the commission
consisted of X and Y', 'pushed the scheme through a commission'), as data: spaCy
DependencyMatcher patterns in ``rules/patterns.json``, each naming the anchors that are
the fact's subject and object. The file is validated when first loaded, so a malformed
pattern stops the run with its rule name, not halfway through a corpus."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ...errors import RuleError
from ...model import RELATION_TYPES, Factoid
from ...rules import validated
from ..document import Document
from ..quotations import in_quotation
from ..span_docs import SpanDocs
from .base import asserted, entity_at, factoid
from .frames import antecedent, listed

FILE = "cliograph/rules/patterns.json"


class PatternRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    example: str
    type: str
    role: str | None = None
    confidence: float
    subject: str
    subject_kinds: frozenset[str]
    object: str
    object_kinds: frozenset[str]
    verb: str
    """The anchor whose clause must be asserted (not negated, modal or a mere plan)."""
    pattern: list[dict]

    @field_validator("type")
    @classmethod
    def _known_type(cls, v: str) -> str:
        if v not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {v!r}")
        return v

    @model_validator(mode="after")
    def _anchors_exist(self) -> PatternRule:
        ids = {spec.get("RIGHT_ID") for spec in self.pattern}
        for anchor in (self.subject, self.object, self.verb):
            if anchor not in ids:
                raise ValueError(f"{self.rule}: anchor {anchor!r} is not a RIGHT_ID of its pattern")
        return self


class PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str
    patterns: list[PatternRule]


@lru_cache(maxsize=1)
def pattern_rules() -> list[PatternRule]:
    return validated(PatternFile, "patterns.json").patterns


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> DependencyMatcher:
    """One matcher per vocabulary, compiled on first use (the cache holds the vocabulary
    itself, so a new one never takes an old one's matcher)."""
    matcher = DependencyMatcher(vocab, validate=True)
    for i, r in enumerate(pattern_rules()):
        try:
            matcher.add(str(i), [r.pattern])
        except (ValueError, KeyError) as exc:
            first = str(exc).splitlines()[0]
            raise RuleError(f"rule file {FILE}: {r.rule}: {first}") from exc
    return matcher


def _matches(d: Document) -> dict[int, list[tuple[int, list[int]]]]:
    """Sentence start -> (rule index, matched token indices), matched once per document
    (``Document.cache.pattern_matches``)."""
    if d.cache.pattern_matches is None:
        doc = d.doc
        found = _sentence_matches(doc)
        if found is None:
            found = {}
            for match_id, ids in _matcher(doc.vocab)(doc):
                found.setdefault(doc[ids[0]].sent.start, []).append((int(doc.vocab.strings[match_id]), ids))
        d.cache.pattern_matches = found
    return d.cache.pattern_matches


# Matching sentence by sentence, where a match can be. The DependencyMatcher runs the
# token pattern of every node over every token ('DEP: nsubj' holds for thousands) and
# walks each hit up to its root: over a whole document that cost more than all the
# rules' own work. A match needs, for each node of its pattern, a token that has the
# node's words, tags and relation, and the whole match lies in one sentence's tree; so
# only the sentences where some pattern's every node has such a token are matched, each
# as a document of its own (the same tree, hence the same matches, in the same order).
#: Token attributes a node may constrain that a token array tests as the matcher does;
#: any other constraint (lengths, shapes, NOT_IN) is left to the matcher itself.
ARRAY_ATTRS = ("LEMMA", "LOWER", "ORTH", "DEP", "TAG", "POS")
#: Constraints a sentence copied out of its document may not keep (an entity crossing the
#: sentence's edge is cut; extension attributes stay behind): with these, the whole document.
WHOLE_DOC_ATTRS = ("ENT_", "_")


def _node_words(node: dict) -> list[tuple[str, frozenset[str]]] | None:
    """(attribute, the values it may take) for each constraint of a node a token array can
    test; None when the node has a constraint only the whole document answers."""
    out = []
    for attr, value in node.get("RIGHT_ATTRS", {}).items():
        attr = "ORTH" if attr.upper() == "TEXT" else attr.upper()
        if attr.startswith(WHOLE_DOC_ATTRS):
            return None
        if attr not in ARRAY_ATTRS:
            continue
        if isinstance(value, str):
            out.append((attr, frozenset([value])))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            out.append((attr, frozenset(value["IN"])))
    return out


def _sentence_matches(doc: Doc) -> dict[int, list[tuple[int, list[int]]]] | None:
    """``_matches`` sentence by sentence; None where it cannot be told so (a constraint
    only the whole document answers, a sentence whose tree reaches outside it)."""
    nodes = [[_node_words(node) for node in r.pattern] for r in pattern_rules()]
    if any(words is None for pattern in nodes for words in pattern):
        return None
    sents = list(doc.sents)
    if not sents:
        return {}
    arr = doc.to_array(list(ARRAY_ATTRS))
    strings = doc.vocab.strings  # (a value's id is what the matcher compares too)
    sent_of = np.searchsorted(np.array([s.start for s in sents]), np.arange(len(doc)), side="right") - 1
    chosen: set[int] = set()
    for pattern in nodes:
        possible: set[int] | None = None
        for words in pattern:
            mask = np.ones(len(doc), dtype=bool)
            for attr, values in words or []:
                k = ARRAY_ATTRS.index(attr)
                mask &= np.isin(arr[:, k], np.array([strings[v] for v in values], dtype=arr.dtype))
            here = set(sent_of[mask].tolist())
            possible = here if possible is None else possible & here
        chosen |= possible or set()
    heads = np.arange(len(doc)) + doc.to_array("HEAD").astype(np.int64)
    for si in chosen:
        s = sents[si]
        if heads[s.start:s.end].min() < s.start or heads[s.start:s.end].max() >= s.end:
            return None
    out: dict[int, list[tuple[int, list[int]]]] = {}
    copies = SpanDocs(doc) if chosen else None
    matcher = _matcher(doc.vocab)
    for si in sorted(chosen):
        s = sents[si]
        for match_id, found in matcher(copies.parse_of(s)):
            out.setdefault(s.start, []).append((int(strings[match_id]), [i + s.start for i in found]))
    return out


def pattern_facts(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    rules = pattern_rules()
    for index, ids in _matches(d).get(sent.start, []):
        r = rules[index]
        at = {spec["RIGHT_ID"]: d.doc[i] for spec, i in zip(r.pattern, ids, strict=True)}
        verb = at[r.verb]
        if not asserted(verb) or in_quotation(d, verb):
            continue
        subjects = [e for t in listed([antecedent(at[r.subject])])
                    if (e := entity_at(d, t, set(r.subject_kinds))) is not None]
        objects = [e for t in listed([antecedent(at[r.object])])
                   if (e := entity_at(d, t, set(r.object_kinds))) is not None]
        for s in subjects:
            for o in objects:
                if s != o:
                    yield factoid(d, si, r.type, s, o, r.rule, r.confidence, role=r.role)
