"""Training data and cross-validation for the learned entity layer
(``cliograph/learn/entity_model.py``), shared by ``bench/train.py`` and ``bench/evaluate.py``.

A gold chapter is read with the entity model off; every entity the entity stage emits
leaves its features (``entity_model.recording``) and is labelled by the referee's
``map_entities`` against the chapter's gold: the gold entity's kind when it maps to one,
``NONE`` (a name no careful reader lists) when it maps to none. ``fit`` trains on some
chapters and chooses the thresholds (when to drop, when to change a kind, up to which
vote margin) by an inner leave-one-chapter-out over those chapters, so that no figure
comes from a model that saw the chapter it is measured on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from cliograph.learn import entity_model
from cliograph.learn.logreg import NONE, Model, hashes, train
from cliograph.pipeline import Document

DROP_COST = 2.0
"""A right entity dropped costs this many spurious ones dropped: it loses its facts too."""
SWITCH_COST = 1.5
"""A right kind changed costs this many wrong kinds righted."""
MIN_GAIN = 2.0
"""A threshold must win this much out of fold (true minus cost times false), or the model
does not act at all: one lucky chapter is no evidence."""
MARGINS = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0)
L2 = 3e-3
EPOCHS = 80


@dataclass
class EntitySet:
    """The emitted entities of one chapter: features, the rules' kind, vote margin, label."""

    name: str
    features: list[list[str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    margins: list[float] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    """Per entity: its name, to read the errors."""

    @property
    def hashed(self) -> list[np.ndarray]:
        if len(getattr(self, "_hashed", ())) != len(self.features):
            self._hashed = [hashes(f) for f in self.features]
        return self._hashed


def entity_set(ref, d: Document, record: entity_model.Record, gold: dict, name: str) -> EntitySet:  # noqa: ANN001
    """Label what the entity stage recorded for ``d`` (entry k is entity k) with the gold."""
    preds = [{"id": i, "name": e.name, "kind": e.kind, "aliases": list(e.aliases)}
             for i, e in enumerate(d.entities[:len(record)])]
    emap = ref.map_entities(preds, gold["entities"])
    kind_of = {g["id"]: g["kind"] for g in gold["entities"]}
    out = EntitySet(name)
    for i, (feats, kind, vote_margin) in enumerate(record):
        gid = emap.get(i)
        out.features.append(feats)
        out.kinds.append(kind)
        out.margins.append(vote_margin)
        out.labels.append(kind_of[gid] if gid is not None else NONE)
        out.names.append(preds[i]["name"])
    return out


def _train(sets: Sequence[EntitySet]) -> Model:
    feats = [h for s in sets for h in s.hashed]
    labels = [lab for s in sets for lab in s.labels]
    return train(feats, labels, entity_model.CLASSES, l2=L2, epochs=EPOCHS)


def out_of_fold(sets: Sequence[EntitySet]) -> list[tuple[np.ndarray, str, float, str]]:
    """(probabilities, rules' kind, margin, label) of each entity, by a model that did not
    see its chapter."""
    out = []
    for i, held in enumerate(sets):
        model = _train([*sets[:i], *sets[i + 1:]])
        probs = model.scores(held.hashed) if held.features else np.zeros((0, len(model.classes)))
        out += list(zip(probs, held.kinds, held.margins, held.labels, strict=True))
    return out


def _best_cut(scored: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(gain, threshold) of the threshold on the score that gains most, summing the gains
    of every item at or above it (items of one score fall on the same side), or None when
    none gains ``MIN_GAIN``."""
    best, gain = None, 0.0
    ranked = sorted(scored, key=lambda x: -x[0])
    for k, (q, g) in enumerate(ranked):
        gain += g
        if k + 1 < len(ranked) and ranked[k + 1][0] == q:
            continue  # a threshold cannot split a tie
        if gain >= MIN_GAIN and (best is None or gain > best[0]):
            best = (gain, q)
    return best


def choose(oof: list[tuple[np.ndarray, str, float, str]], classes: list[str]) -> dict[str, float]:
    """The drop threshold, and the switch threshold with its margin, that gain most out of
    fold (none when nothing gains ``MIN_GAIN``)."""
    none = classes.index(NONE)
    thresholds: dict[str, float] = {}
    # drop: rank by the probability of none; a spurious entity dropped is +1, a right one -DROP_COST
    best = _best_cut([(float(p[none]), 1.0 if label == NONE else -DROP_COST) for p, _k, _m, label in oof])
    if best is not None:
        thresholds[entity_model.DROP] = round(max(best[1], 0.5), 4)
    drop_at = thresholds.get(entity_model.DROP, 2.0)
    # switch: among those kept, a wrong kind righted is +1, a right kind changed -SWITCH_COST
    best_switch = None
    for limit in MARGINS:
        cands = []
        for p, kind, m, label in oof:
            if p[none] >= drop_at or m > limit:
                continue
            k = max((j for j, c in enumerate(classes) if c != NONE), key=lambda j: p[j])
            if classes[k] == kind:
                continue
            cands.append((float(p[k]), 1.0 if label == classes[k] else -SWITCH_COST if label == kind else 0.0))
        cut = _best_cut(cands)
        if cut is not None and (best_switch is None or cut[0] > best_switch[0]):
            best_switch = (cut[0], cut[1], limit)
    if best_switch is not None:
        thresholds[entity_model.SWITCH] = round(max(best_switch[1], 0.5), 4)
        thresholds[entity_model.MARGIN] = best_switch[2]
    return thresholds


def fit(sets: Sequence[EntitySet]) -> Model:
    """A model on every set, thresholded by leave-one-set-out over ``sets``."""
    thresholds = choose(out_of_fold(sets), entity_model.CLASSES)
    model = _train(sets)
    model.thresholds = thresholds
    return model
