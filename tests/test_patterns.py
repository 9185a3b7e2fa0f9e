"""Dependency patterns as data: the shipped file loads, and a bad one is refused by name."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from spacy.vocab import Vocab

from cliograph.errors import RuleError
from cliograph.pipeline.relations import patterns

GOOD = {
    "rule": "membership.test.v1", "example": "X sat on Y", "type": "MEMBER_OF", "confidence": 0.5,
    "subject": "person", "subject_kinds": ["PERSON"], "object": "group", "object_kinds": ["BODY"],
    "verb": "verb",
    "pattern": [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "sit"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "person", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "group", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ],
}


def test_shipped_patterns_load_and_compile():
    rules = patterns.pattern_rules()
    assert {r.rule for r in rules} >= {"membership.sat_on.v1", "membership.consisted_of.v1",
                                       "events.pushed_through.v1"}
    assert len(patterns._matcher(Vocab())) == len(rules)


def test_a_pattern_must_name_anchors_it_has():
    with pytest.raises(ValidationError, match="anchor 'group' is not a RIGHT_ID"):
        patterns.PatternRule.model_validate({**GOOD, "pattern": GOOD["pattern"][:2]})


def test_a_pattern_must_state_a_known_relation_type():
    with pytest.raises(ValidationError, match="unknown relation type"):
        patterns.PatternRule.model_validate({**GOOD, "type": "LIKES"})


def test_a_pattern_spacy_cannot_compile_is_refused_with_its_rule_name(monkeypatch):
    bad = {**GOOD, "pattern": [{**GOOD["pattern"][0]}, {**GOOD["pattern"][1], "REL_OP": ">>>>"},
                               GOOD["pattern"][2]]}
    monkeypatch.setattr(patterns, "pattern_rules", lambda: [patterns.PatternRule.model_validate(bad)])
    with pytest.raises(RuleError, match=r"patterns.json: membership.test.v1: .*>>>>"):
        patterns._matcher(Vocab())


def test_one_matcher_per_vocabulary():
    vocab = Vocab()
    assert patterns._matcher(vocab) is patterns._matcher(vocab)
    assert patterns._matcher(Vocab()) is not patterns._matcher(vocab)


@pytest.mark.model
def test_the_patterns_are_matched_once_per_document_in_its_typed_cache(analysed):
    d = analysed("In 1661 Colbert sat on the Royal Council. The council met weekly at Fontainebleau.")
    assert d.cache.pattern_matches is not None and d.cache.pattern_matches  # the sentence that matched
    assert ("Colbert", "Royal Council", "membership.sat_on.v1") in {
        (d.entities[f.subject].name, d.entities[f.object].name, f.extractor) for f in d.factoids
        if f.object is not None}
    assert not any(k.startswith("cliograph_patterns") for k in d.doc.user_data)
