"""The learned relation layer: features of entity pairs, the numpy classifier, and the
pipeline step that adds the model's facts beside the rules'."""

from __future__ import annotations

import numpy as np
import pytest

from cliograph.learn.features import KIN_ROLE, all_candidates, candidates, evidence_span, kin_role, word_classes
from cliograph.learn.logreg import NONE, Model, fit_platt, train
from cliograph.model import SourceText
from cliograph.pipeline import parse_many, run_stages
from cliograph.pipeline.relations import learned
from cliograph.pipeline.relations.learned import EXTRACTOR, learned_relations, use_model

# ---------------------------------------------------------------- the classifier (no spaCy)

TOY = [(["BIAS", "LCA:besiege", "K:PERSON>PLACE"], "OPPOSES"),
       (["BIAS", "LCA:besiege", "K:BODY>PLACE"], "OPPOSES"),
       (["BIAS", "LCA:visit", "K:PERSON>PLACE"], NONE),
       (["BIAS", "LCA:visit", "K:BODY>PLACE"], NONE),
       (["BIAS", "LCA:join", "K:PERSON>BODY"], "MEMBER_OF"),
       (["BIAS", "LCA:join", "K:PERSON>FACTION"], "MEMBER_OF")]


def toy_model() -> Model:
    feats, labels = zip(*TOY, strict=True)
    return train(list(feats) * 3, list(labels) * 3, ["OPPOSES", "MEMBER_OF"], epochs=80, min_count=1)


def test_logreg_learns_the_trigger_that_decides_the_relation():
    model = toy_model()
    p = model.scores([["BIAS", "LCA:besiege", "K:FACTION>PLACE"], ["BIAS", "LCA:join", "K:PERSON>BODY"],
                      ["BIAS", "LCA:visit", "K:FACTION>PLACE"]])
    assert [model.classes[k] for k in p.argmax(axis=1)] == ["OPPOSES", "MEMBER_OF", NONE]


def test_logreg_training_is_deterministic_and_the_file_round_trips(tmp_path):
    a, b = toy_model(), toy_model()
    assert np.array_equal(a.weights, b.weights)
    a.platt, a.thresholds = (0.8, -0.2), {"OPPOSES": 0.4}
    a.save(tmp_path / "m.npz")
    c = Model.load(tmp_path / "m.npz")
    assert c.classes == a.classes and c.thresholds == {"OPPOSES": 0.4} and c.platt == (0.8, -0.2)
    batch = [["BIAS", "LCA:besiege"], ["LCA:unseen"]]
    assert np.allclose(c.scores(batch), a.scores(batch), atol=1e-2)  # float16 weights on disk


def test_logreg_platt_scaling_lowers_overconfident_probabilities():
    p = np.array([0.9] * 10 + [0.1] * 10)
    right = np.array([1] * 5 + [0] * 5 + [0] * 10)
    a, b = fit_platt(p, right)
    assert 0.4 < 1 / (1 + np.exp(-(a * np.log(9) + b))) < 0.6


# ---------------------------------------------------------------- features and the layer (spaCy)


@pytest.fixture(scope="module")
def rules_only(nlp):
    """A text through every stage with the learned layer off."""
    def run(text: str):
        d = next(parse_many([SourceText("inline.txt", text, "inline")], nlp))
        with use_model(None):
            run_stages(d)
        return d
    return run


def pair(d, subject: str, obj: str):
    names = {e.name: i for i, e in enumerate(d.entities)}
    for si, sent in enumerate(d.sents):
        for c in candidates(d, si, sent):
            if (c.subject, c.object) == (names[subject], names[obj]):
                return c
    raise AssertionError(f"no candidate {subject} -> {obj}")


@pytest.mark.model
def test_features_name_kinds_path_trigger_and_roles(rules_only):
    d = rules_only("Edmund Burke outflanked Warren Hastings.")
    f = pair(d, "Edmund Burke", "Warren Hastings").features
    assert {"K:PERSON>PERSON", "LCA:outflank", "A:nsubj", "B:dobj", "ORD:fwd"} <= set(f)
    assert "P:nsubj|VERB|dobj" in f
    assert not any(x.startswith("W:") and x != "W:outflank" for x in f)  # the ends' own words are not between


def test_word_classes_name_the_rules_lists_a_trigger_is_in():
    classes = word_classes()
    assert "oppose_verbs" in classes["denounce"] and "ally_verbs" not in classes["denounce"]
    assert "kin_roles" in classes["wife"]
    assert "throw" in classes  # a phrasal entry ('throw weight') is filed under its verb


@pytest.mark.model
def test_features_carry_the_class_of_the_trigger_not_only_its_word(rules_only):
    d = rules_only("Edmund Burke denounced Warren Hastings.")
    f = set(pair(d, "Edmund Burke", "Warren Hastings").features)
    assert {"C:oppose_verbs", "CK:PERSON>PERSON|oppose_verbs", "CV:oppose_verbs"} <= f
    d = rules_only("Edmund Burke dined with Warren Hastings.")
    assert not any(x.startswith("C:") and ("oppose" in x or "ally" in x)
                   for x in pair(d, "Edmund Burke", "Warren Hastings").features)


@pytest.mark.model
def test_a_kin_noun_joining_the_pair_is_a_feature(rules_only):
    d = rules_only("Caroline Lamb, the wife of William Lamb, wrote novels.")
    assert KIN_ROLE in pair(d, "Caroline Lamb", "William Lamb").features
    d = rules_only("Edmund Burke dined with Warren Hastings.")
    assert KIN_ROLE not in pair(d, "Edmund Burke", "Warren Hastings").features


@pytest.mark.model
def test_pairs_across_adjacent_sentences_are_candidates_with_their_gap(rules_only):
    d = rules_only("Edmund Burke rose in the Commons in 1787. Warren Hastings listened in silence.")
    names = {e.name: i for i, e in enumerate(d.entities)}
    cross = [c for c in all_candidates(d) if c.first_sent is not None]
    got = {(d.entities[c.subject].name, d.entities[c.object].name) for c in cross}
    assert {("Edmund Burke", "Warren Hastings"), ("Warren Hastings", "Edmund Burke")} <= got
    c = next(c for c in cross if (c.subject, c.object) == (names["Edmund Burke"], names["Warren Hastings"]))
    assert (c.first_sent, c.sent) == (0, 1)
    assert {"XS", "XS:1", "XA:nsubj", "XB:nsubj", "XLATERSUBJ:B"} <= set(c.features)
    assert evidence_span(d, c).text.startswith("Edmund Burke rose") and evidence_span(d, c).text.endswith("silence.")
    # a pair one sentence names both ends of is not paired again across the boundary
    d = rules_only("Edmund Burke met Warren Hastings. Warren Hastings left.")
    assert not [c for c in all_candidates(d) if c.first_sent is not None]


@pytest.mark.model
def test_features_mark_a_negated_clause_unreal(rules_only):
    d = rules_only("Edmund Burke never outflanked Warren Hastings.")
    assert "UNREAL" in pair(d, "Edmund Burke", "Warren Hastings").features


@pytest.mark.model
def test_kin_role_comes_from_the_kin_noun_that_owns_the_object(rules_only):
    d = rules_only("Caroline Lamb, the wife of William Lamb, wrote novels.")
    assert kin_role(d, pair(d, "Caroline Lamb", "William Lamb")) == "wife"


TRAINING = ["Edward Coke outflanked Francis Bacon.", "Thomas Cromwell outflanked Stephen Gardiner.",
            "Robert Walpole outflanked William Pulteney.", "Edward Coke dined with Francis Bacon.",
            "Thomas Cromwell dined with Stephen Gardiner.", "Robert Walpole dined with William Pulteney."]


@pytest.fixture(scope="module")
def tiny_model(rules_only) -> Model:
    """A model trained on six sentences: 'X outflanked Y' states OPPOSES, dining does not."""
    feats, labels = [], []
    for text in TRAINING:
        d = rules_only(text)
        for si, sent in enumerate(d.sents):
            for c in candidates(d, si, sent):
                feats.append(c.features)
                labels.append("OPPOSES" if "outflank" in text and c.subject < c.object else NONE)
    model = train(feats, labels, ["OPPOSES"], epochs=80, min_count=1)
    model.thresholds = {"OPPOSES": 0.5}
    return model


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Edmund Burke outflanked Warren Hastings in 1787.", {("Edmund Burke", "Warren Hastings")}),
    ("Edmund Burke dined with Warren Hastings in 1787.", set()),
    ("Edmund Burke never outflanked Warren Hastings.", set()),
])
def test_layer_adds_the_models_fact_where_no_rule_fired(rules_only, tiny_model, text, expected):
    d = rules_only(text)
    with use_model(tiny_model):
        learned_relations(d)
    got = {(d.entities[f.subject].name, d.entities[f.object].name) for f in d.factoids
           if f.extractor == EXTRACTOR and f.type == "OPPOSES"}
    assert got == expected
    for f in d.factoids:
        if f.extractor == EXTRACTOR:
            assert 0.5 <= f.confidence <= 1 and f.when is not None and f.when.value == "1787"


@pytest.mark.model
def test_layer_leaves_alone_a_pair_a_rule_already_stated(rules_only, tiny_model):
    d = rules_only("Edmund Burke denounced Warren Hastings.")
    assert any(f.type == "OPPOSES" for f in d.factoids)
    before = len(d.factoids)
    with use_model(tiny_model):
        learned_relations(d)
    assert len(d.factoids) == before


@pytest.mark.model
def test_a_missing_model_file_means_no_learned_facts(rules_only, tiny_model, monkeypatch):
    monkeypatch.setattr(learned.SLOT, "file_name", "no-such-model.npz")
    assert learned.current_model() is None
    d = rules_only("Edmund Burke outflanked Warren Hastings.")
    learned_relations(d)
    assert not any(f.extractor == EXTRACTOR for f in d.factoids)


# ---------------------------------------------------------------- training labels (bench/learning.py)


def _bench(name: str):
    """A module of bench/ (not a package), loaded as the bench scripts load each other."""
    import importlib.util
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    try:
        spec = importlib.util.spec_from_file_location(name, bench / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules.setdefault(name, mod)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(bench))


def _learning():
    return _bench("learning")


@pytest.mark.parametrize(("sentence", "evidence", "expected"), [
    ("In 1641 Pym moved the Grand Remonstrance against the King's ministers.", "Pym moved the Grand Remonstrance",
     True),
    ("Pym dined at Westminster.", "Pym moved the Grand Remonstrance", False),
    ("Pym moved it.", "In 1641 Pym moved it, and the Commons passed it by eleven votes.", True),
    ("Pym moved the adjournment of the House after the King left.", "Pym moved the Grand Remonstrance", False),
    ("Pym moved it; the Commons passed it.", "Pym moved it; the Commons passed it by eleven votes.", True),
    ("Pym moved it.", None, False),
])
def test_training_label_needs_the_sentence_to_be_the_facts_evidence(sentence, evidence, expected):
    assert _learning().states(sentence, evidence) is expected


def test_logreg_trains_the_same_model_from_features_or_their_hashes():
    from cliograph.learn.logreg import hashes

    feats, labels = zip(*TOY, strict=True)
    a = train(list(feats), list(labels), ["OPPOSES", "MEMBER_OF"], epochs=30, min_count=1)
    b = train([hashes(f) for f in feats], list(labels), ["OPPOSES", "MEMBER_OF"], epochs=30, min_count=1)
    assert np.array_equal(a.weights, b.weights)
    assert np.allclose(a.scores([["BIAS", "LCA:join"]]), b.scores([hashes(["BIAS", "LCA:join"])]))


def test_a_lower_precision_target_admits_more_facts():
    learning = _learning()
    # out-of-fold decisions (relation, probability, right?): two right at the top, then mixed
    oof = [("OPPOSES", p, ok) for p, ok in [(0.9, True), (0.8, True), (0.7, False), (0.6, True),
                                           (0.5, False), (0.4, True), (0.3, False), (0.2, False)]]
    _, strict = learning.choose(oof, 0.8, floor=0.0)
    _, loose = learning.choose(oof, 0.45, floor=0.0)
    assert loose["OPPOSES"] < strict["OPPOSES"]
    _, floored = learning.choose(oof, 0.45, floor=0.9)
    assert floored["OPPOSES"] == 0.9  # never below the floor


def _redocred():
    _learning()  # redocred imports it
    return _bench("redocred")


def test_merged_documents_keep_their_pairs_apart():
    learning, redocred = _learning(), _redocred()
    a, b = learning.ExampleSet("doc 1"), learning.ExampleSet("doc 2")
    for s in (a, b):
        s.features, s.labels, s.truth, s.allowed = [["BIAS"]], ["KIN"], ["KIN"], [{"KIN"}]
        s.keys, s.unreal, s.where = [(0, 1)], [False], ["x"]
    m = redocred.merged("fold 0", [a, b])
    assert len(m.labels) == 2 and len(set(m.keys)) == 2  # vertex 0 of one document is not vertex 0 of another
