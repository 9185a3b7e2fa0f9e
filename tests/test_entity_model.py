"""The learned entity layer: the features of a name the entity stage is about to emit, the
decision a model takes from them (drop, another kind, or the rules' kind), the one call in
``entities.resolve``, and the out-of-fold choice of when the model may act at all."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import entity_named, the_entity

from cliograph.learn import entity_model
from cliograph.learn.logreg import NONE, Model, train
from cliograph.model import SourceText
from cliograph.pipeline import parse_many, run_stages

TEXT = ("Admiral Tromp sailed from Texel in the spring. Tromp wrote to the States that the "
        "wind had failed him. Hope was a word the sailors no longer used.")


def _bench(name: str):
    """A module of bench/ (not a package), loaded as the bench scripts load each other."""
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


def _read(nlp, text: str, model: Model | None):
    d = next(parse_many([SourceText(path="t.txt", text=text, title="")], nlp))
    with entity_model.use_model(model), entity_model.recording() as record:
        run_stages(d)
    return d, record


def _model(weights: dict[str, dict[str, float]], thresholds: dict[str, float]) -> Model:
    """A hand-set model: feature -> class -> weight (every other weight zero)."""
    from cliograph.learn.logreg import hashes

    names = sorted(weights)
    keys = hashes(names)
    order = np.argsort(keys)
    w = np.zeros((len(names), len(entity_model.CLASSES)), dtype=np.float32)
    for row, name in enumerate(names):
        for cls, value in weights[name].items():
            w[row, entity_model.CLASSES.index(cls)] = value
    return Model(classes=list(entity_model.CLASSES), keys=keys[order], weights=w[order],
                 bias=np.zeros(len(entity_model.CLASSES), dtype=np.float32), thresholds=thresholds)


# ---------------------------------------------------------------- features and the hook


def test_recording_gives_each_emitted_entity_its_features_in_order(nlp):
    d, record = _read(nlp, TEXT, None)
    assert len(record) == len([e for e in d.entities if e.mentions]) >= 2
    tromp = d.entities.index(the_entity(d, "Tromp"))
    feats, kind, _margin = record[tromp]
    assert kind == "PERSON" == d.entities[tromp].kind
    assert "K:PERSON" in feats and "N:2" in feats  # two mentions
    assert "TITLE" in feats  # 'Admiral'
    assert any(f.startswith("C:PERSON") for f in feats)  # 'Tromp wrote': a person's verb voted


def test_a_model_may_drop_a_name_and_the_rules_keep_it_without_one(nlp):
    # a model that calls every place none, sure of it
    drop_places = _model({"K:PLACE": {NONE: 8.0}}, {entity_model.DROP: 0.9})
    plain, _ = _read(nlp, TEXT, None)
    assert the_entity(plain, "Texel").kind == "PLACE"
    d, _ = _read(nlp, TEXT, drop_places)
    assert entity_named(d, "Texel") is None
    assert the_entity(d, "Tromp").kind == "PERSON"  # what the model is not sure of stands
    # the mentions of a dropped name belong to no entity, and the others' indexes still hold
    assert all(m.entity is None or d.entities[m.entity].mentions for m in d.mentions)


def test_a_model_that_chose_not_to_act_changes_nothing(nlp):
    idle = _model({"K:PLACE": {NONE: 8.0}}, {})
    plain, _ = _read(nlp, TEXT, None)
    d, _ = _read(nlp, TEXT, idle)
    assert [(e.name, e.kind) for e in d.entities] == [(e.name, e.kind) for e in plain.entities]


# ---------------------------------------------------------------- the decision


def _p(**probs: float) -> np.ndarray:
    return np.array([probs.get(c, 0.0) for c in entity_model.CLASSES])


@pytest.mark.parametrize(("p", "kind", "margin", "expected"), [
    (_p(NONE=0.95, PERSON=0.05), "PERSON", 9.0, None),          # sure it is none: dropped
    (_p(NONE=0.6, PERSON=0.4), "PERSON", 0.0, "PERSON"),        # not sure enough: the rules' kind
    (_p(PLACE=0.85, PERSON=0.15), "PERSON", 1.0, "PLACE"),      # a close vote, a sure model
    (_p(PLACE=0.85, PERSON=0.15), "PERSON", 5.0, "PERSON"),     # the votes were clear: they stand
    (_p(PLACE=0.55, PERSON=0.45), "PERSON", 1.0, "PERSON"),     # the model is not sure
])
def test_decide_acts_only_where_the_model_is_sure_and_the_votes_were_close(p, kind, margin, expected):
    model = _model({}, {entity_model.DROP: 0.9, entity_model.SWITCH: 0.8, entity_model.MARGIN: 2.0})
    assert entity_model.decide(model, p, kind, margin) == expected


# ---------------------------------------------------------------- out-of-fold thresholds


def test_choose_drops_only_where_out_of_fold_the_drops_were_mostly_right():
    learning = _bench("entity_learning")
    sure_none = [(_p(NONE=0.9, PERSON=0.1), "PERSON", 1.0, NONE) for _ in range(6)]
    kept = [(_p(NONE=0.2, PERSON=0.8), "PERSON", 3.0, "PERSON") for _ in range(30)]
    t = learning.choose(sure_none + kept, entity_model.CLASSES)
    assert t[entity_model.DROP] == pytest.approx(0.9)
    # the same scores, but half the 'none' calls were real names: no threshold gains
    mixed = sure_none[:3] + [(_p(NONE=0.9, PERSON=0.1), "PERSON", 1.0, "PERSON") for _ in range(3)]
    assert entity_model.DROP not in learning.choose(mixed + kept, entity_model.CLASSES)


def test_choose_switches_a_kind_only_below_the_margin_where_it_was_right():
    learning = _bench("entity_learning")
    close = [(_p(PLACE=0.9, PERSON=0.1), "PERSON", 1.0, "PLACE") for _ in range(5)]
    clear = [(_p(PLACE=0.9, PERSON=0.1), "PERSON", 6.0, "PERSON") for _ in range(5)]
    t = learning.choose(close + clear, entity_model.CLASSES)
    assert t[entity_model.SWITCH] == pytest.approx(0.9)
    assert 1.0 <= t[entity_model.MARGIN] < 6.0


def test_labels_come_from_the_referee_mapping(nlp):
    learning = _bench("entity_learning")
    d, record = _read(nlp, TEXT, None)
    gold = {"entities": [{"id": "tromp", "name": "Maarten Tromp", "kind": "PERSON", "aliases": ["Tromp"]},
                         {"id": "texel", "name": "Texel", "kind": "PLACE"}]}
    ref = _bench_referee()
    s = learning.entity_set(ref, d, record, gold, "toy")
    labels = dict(zip(s.names, s.labels, strict=True))
    tromp, texel = the_entity(d, "Tromp").name, the_entity(d, "Texel").name
    assert labels[tromp] == "PERSON" and labels[texel] == "PLACE"
    assert all(lab == NONE for name, lab in labels.items() if name not in (tromp, texel))
    assert labels.get("States") in (None, NONE)  # a name the gold does not list is none


def _bench_referee():
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score.py"
    if not shared.exists():
        pytest.skip("the referee is not beside this checkout")
    spec = importlib.util.spec_from_file_location("referee_for_tests", shared)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_is_deterministic_and_the_model_file_round_trips(tmp_path):
    feats = [["BIAS", "K:PERSON", "N:1"], ["BIAS", "K:PLACE", "GEO:1000000"], ["BIAS", "K:BODY", "LOW:more"]] * 4
    labels = ["PERSON", "PLACE", NONE] * 4
    a = train(feats, labels, entity_model.CLASSES, min_count=1)
    a.thresholds = {entity_model.DROP: 0.8}
    a.save(tmp_path / "m.npz")
    b = Model.load(tmp_path / "m.npz")
    assert b.classes == entity_model.CLASSES and b.thresholds == a.thresholds
    assert np.allclose(a.scores(feats[:3]), b.scores(feats[:3]), atol=1e-2)
