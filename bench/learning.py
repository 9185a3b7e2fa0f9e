"""Training data and cross-validation for the learned relation layer, shared by
``bench/train.py`` (``make train``) and ``bench/evaluate.py`` (leave-one-chapter-out).

A gold chapter is parsed and run through every stage with the learned layer off; each
candidate pair (``cliograph.learn.features``) is labelled with the gold fact whose
(type, subject, object) it matches, once our entities are mapped to gold ids by the
referee's ``map_entities``. ``fit`` trains a model on some chapters and chooses its
calibration and thresholds by an inner leave-one-chapter-out over those same chapters,
so that no figure comes from a model that saw the chapter it is measured on.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from entity_learning import EntitySet, entity_set
from spacy.tokens import Span

from cliograph.export import export
from cliograph.learn import entity_model
from cliograph.learn.features import (
    KIN_ROLE,
    PAIR_TYPES,
    Candidate,
    all_candidates,
    evidence_span,
    pair_kinds_allow,
    rule_facts,
)
from cliograph.learn.logreg import NONE, Model, fit_platt, hashes, logit, sigmoid, train
from cliograph.pipeline import Document, parse_many, run_stages, to_analysis
from cliograph.pipeline.relations.learned import learned_relations, use_model
from cliograph.readers import read
from cliograph.store import Store

CLASSES = [NONE, *PAIR_TYPES]
PRECISION_TARGET = 0.66
"""A relation's threshold keeps the learned facts likelier than this to be right (two to
one): it maximises true - PRECISION_TARGET / (1 - PRECISION_TARGET) * false facts out of
fold. Measured leave-one-chapter-out, 0.5 let one wrong fact through and 0.33 made 40
facts of which 14 were right, lowering macro precision from 0.787 to 0.663."""
MIN_TRUE = 2  # a relation the model got right fewer times out of fold is not output
MIN_PROBABILITY = 0.5
"""No threshold is lower than this calibrated probability: a learned fact is likelier right
than wrong. Measured leave-one-chapter-out, thresholds near 0.15 (chosen on six chapters)
let Plutarch's learned facts lower its precision from 0.600 to 0.548."""


@dataclass
class ExampleSet:
    """The labelled candidate pairs of one text."""

    name: str
    features: list[list[str]] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    """Per pair: what to learn (None: not an example; the pair is tied elsewhere)."""
    truth: list[str] = field(default_factory=list)
    """Per pair: the gold relation between its two entities, wherever the text states it."""
    allowed: list[set[str]] = field(default_factory=list)
    """Per pair: the relations its kinds admit and the rules did not already state."""
    keys: list[tuple] = field(default_factory=list)
    """Per pair: (subject, object) entity ids, to count a fact once per text."""
    unreal: list[bool] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    """Per pair: its sentence, to read the errors."""
    weight: float = 1.0

    @property
    def hashed(self) -> list[np.ndarray]:
        """The features' hashes, computed once (a set is trained on many times)."""
        if len(getattr(self, "_hashed", ())) != len(self.features):
            self._hashed = [hashes(f) for f in self.features]
        return self._hashed


@dataclass
class Chapter:
    name: str
    gold: dict
    document: Document
    examples: ExampleSet
    entities: EntitySet | None = None
    """The entities the entity stage emitted, labelled (``bench/entity_learning.py``)."""


def analysed(source: Path, nlp) -> Document:  # noqa: ANN001 - a spaCy Language
    """A text through every stage, the learned layers off."""
    return restaged(next(parse_many([read(source)], nlp)))


def restaged(d: Document, entity: Model | None = None) -> Document:
    """A parsed text through every stage (again), the learned relation layer off and the
    entity layer with ``entity``: the parse is shared (what the stages keep in it
    depends on the parse alone), everything else starts afresh."""
    d = Document(source=d.source, clean=d.clean, doc=d.doc)
    with use_model(None), entity_model.use_model(entity):
        run_stages(d)
    return d


def entity_dicts(d: Document) -> list[dict]:
    """The document's entities in the export's shape, ids being their indexes."""
    return [{"id": i, "name": e.name, "kind": e.kind, "aliases": list(e.aliases)}
            for i, e in enumerate(d.entities)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def states(sentence: str, evidence: str | None) -> bool:
    """Whether a sentence is (part of) the evidence a gold fact quotes: most of the
    evidence's words are in it, or most of its words are in the evidence."""
    if not evidence:
        return False
    ev, se = _words(evidence), _words(sentence)
    if not ev or not se:
        return False
    shared = len(ev & se)
    return shared >= 0.7 * len(ev) or shared >= 0.7 * len(se)


def labelled_candidates(d: Document):  # noqa: ANN201 - an iterator of triples
    """(candidate, relations its kinds admit, the sentence or sentences holding its ends)
    for every candidate pair."""
    rules = rule_facts(d)
    for c in all_candidates(d, rules):
        yield c, pair_kinds_allow(d.entities[c.subject].kind, d.entities[c.object].kind), evidence_span(d, c)


def add_example(out: ExampleSet, d: Document, c: Candidate, allowed: list[str], sent: Span,
                truth: str, label: str | None, key: tuple) -> None:
    stated = {f.type for f in d.factoids if f.subject == c.subject and f.object == c.object}
    out.features.append(c.features)
    out.labels.append(label)
    out.truth.append(truth)
    out.allowed.append(set(allowed) - stated)
    out.keys.append(key)
    out.unreal.append("UNREAL" in c.features)
    out.where.append(f"{d.entities[c.subject].name} / {d.entities[c.object].name}: {sent.text[:160]}")


def examples(d: Document, gold_of: Callable[[int], str | None], gold_facts: dict[tuple, list[str]],
             name: str) -> ExampleSet:
    """Label every candidate pair with the relation of a gold fact (type, subject,
    object) it matches (ALLY either way) when the sentence is that fact's evidence;
    a matching pair in another sentence is not a training example (the text may not
    say it there) but still counts as right when the layer outputs it."""
    out = ExampleSet(name)
    for c, allowed, sent in labelled_candidates(d):
        gs, go = gold_of(c.subject), gold_of(c.object)
        truth, label = NONE, NONE
        if gs is not None and go is not None:
            for t in allowed:
                evidence = gold_facts.get((t, gs, go)) or (gold_facts.get((t, go, gs)) if t == "ALLY" else None)
                if evidence is not None:
                    truth = t
                    label = t if any(states(sent.text, e) for e in evidence) else None
                    break
        key = (gs if gs is not None else f"?{c.subject}", go if go is not None else f"?{c.object}")
        add_example(out, d, c, allowed, sent, truth, label, key)
    return out


def gold_chapter(ref, gold: dict, source: Path, nlp, name: str) -> Chapter:  # noqa: ANN001
    with entity_model.recording() as record:
        d = analysed(source, nlp)
    emap = ref.map_entities(entity_dicts(d), gold["entities"])
    gold_facts: dict[tuple, list[str]] = {}
    for f in gold["facts"]:
        key = ref.fact_key(f, lambda x: x)
        if key is not None:
            gold_facts.setdefault(key, []).append(f.get("evidence") or "")
    return Chapter(name, gold, d, examples(d, emap.get, gold_facts, name),
                   entity_set(ref, d, record, gold, name))


def _train(sets: Sequence[ExampleSet]) -> Model:
    rows = [(f, lab, s.weight) for s in sets for f, lab in zip(s.hashed, s.labels, strict=True)
            if lab is not None]
    feats, labels, weights = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    return train(feats, labels, CLASSES, weights=weights)


def decisions(model: Model, s: ExampleSet) -> dict[tuple, tuple[float, bool]]:
    """What the layer would output on a text, before any threshold: (relation, subject,
    object) -> (best raw probability, right?)."""
    out: dict[tuple, tuple[float, bool]] = {}
    if not s.features:
        return out
    probs = model.scores(s.hashed)
    for p, f, allowed, label, key, unreal in zip(probs, s.features, s.allowed, s.truth, s.keys, s.unreal,
                                                   strict=True):
        if unreal:
            continue
        ks = [k for k, c in enumerate(model.classes) if c in allowed and (c != "KIN" or KIN_ROLE in f)]
        if not ks:
            continue
        best = max(ks, key=lambda k: p[k])
        relation = model.classes[best]
        k = (relation, *(sorted(key) if relation == "ALLY" else key))  # ALLY is one fact either way
        if k not in out or out[k][0] < p[best]:
            out[k] = (float(p[best]), label == relation)
    return out


def choose(oof: list[tuple[str, float, bool]], precision_target: float = PRECISION_TARGET,
           floor: float = MIN_PROBABILITY) -> tuple[tuple[float, float], dict[str, float]]:
    """Platt scaling and per-relation thresholds from out-of-fold decisions."""
    if not oof:
        return (1.0, 0.0), {}
    p = np.array([x[1] for x in oof])
    right = np.array([x[2] for x in oof])
    platt = fit_platt(p, right)
    q = sigmoid(platt[0] * logit(p) + platt[1])
    cost = precision_target / (1 - precision_target)
    thresholds = {}
    for relation in sorted({x[0] for x in oof}):
        idx = [i for i, x in enumerate(oof) if x[0] == relation]
        ranked = sorted(idx, key=lambda i: -q[i])
        best_gain, best_t, tp, fp = 0.0, None, 0, 0
        for i in ranked:
            tp += right[i]
            fp += not right[i]
            gain = tp - cost * fp
            if gain > best_gain and tp >= MIN_TRUE:
                best_gain, best_t = gain, float(q[i])
        if best_t is not None:
            thresholds[relation] = round(max(best_t, floor), 4)
    return platt, thresholds


def out_of_fold(sets: Sequence[ExampleSet], extra: Sequence[ExampleSet] = ()) -> list[tuple[str, float, bool]]:
    """Each set's decisions by a model trained on the other sets (and ``extra``)."""
    oof = []
    for i, held in enumerate(sets):
        model = _train([*sets[:i], *sets[i + 1:], *extra])
        oof += [(k[0], p, ok) for k, (p, ok) in decisions(model, held).items()]
    return oof


def fit(sets: Sequence[ExampleSet], extra: Sequence[ExampleSet] = (),
        precision_target: float = PRECISION_TARGET, floor: float = MIN_PROBABILITY) -> Model:
    """A model on every set, calibrated and thresholded by leave-one-set-out over ``sets``."""
    platt, thresholds = choose(out_of_fold(sets, extra), precision_target, floor)
    model = _train([*sets, *extra])
    model.platt, model.thresholds = platt, thresholds
    return model


def export_with(d: Document, model: Model | None, pipeline: str = "evaluate") -> dict:
    """The spec JSON of a document once the learned layer (with ``model``) has run; the
    document is left as it was."""
    before = list(d.factoids)
    try:
        with use_model(model):
            learned_relations(d)
        analysis = to_analysis(d)
    finally:
        d.factoids[:] = before
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        store.write(analysis, pipeline)
        out = io.StringIO()
        export(store, "json", out)
        store.close()
    return json.loads(out.getvalue())
