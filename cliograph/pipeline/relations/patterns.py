"""Facts that one syntactic shape states ('X sat on the Politburo', 'the commission
consisted of X and Y', 'pushed the scheme through a commission'), as data: spaCy
DependencyMatcher patterns in ``rules/patterns.json``, each naming the anchors that are
the fact's subject and object. The file is validated when first loaded, so a malformed
pattern stops the run with its rule name, not halfway through a corpus."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from spacy.matcher import DependencyMatcher
from spacy.tokens import Span
from spacy.vocab import Vocab

from ...errors import RuleError
from ...model import RELATION_TYPES, Factoid
from ...rules import validated
from ..document import Document
from ..quotations import in_quotation
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
        found: dict[int, list[tuple[int, list[int]]]] = {}
        doc = d.doc
        for match_id, ids in _matcher(doc.vocab)(doc):
            found.setdefault(doc[ids[0]].sent.start, []).append((int(doc.vocab.strings[match_id]), ids))
        d.cache.pattern_matches = found
    return d.cache.pattern_matches


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
