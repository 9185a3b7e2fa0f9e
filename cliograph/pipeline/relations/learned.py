"""The learned relation layer: facts a statistical model reads where no rule fired.

It runs after every rule extractor, over the whole document, so that it can leave alone
each pair and relation a rule already stated. For every candidate pair of entities in
a sentence (``learn.features``) the model gives a probability per relation; a relation
the pair's kinds admit becomes a fact when its calibrated probability reaches the
threshold cross-validation chose for it, and the clause is asserted (not negated or
hypothetical). The fact names its source ``learned.pair.v1`` and carries that calibrated
probability as its confidence; its date is found as the rules' dates are
(``base.factoid``).

Which model: the one ``use_model`` sets for the current context (``bench/evaluate.py``
scores every chapter with a model trained without it), else the file shipped in
``cliograph/rules/learned.npz``, loaded once; without that file the layer adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from ...learn import features as pairs  # the module: learn.features imports the pipeline too
from ...learn.logreg import Model, ModelSlot
from ..document import Document
from .base import factoid

EXTRACTOR = "learned.pair.v1"
MODEL_FILE = "learned.npz"
SLOT = ModelSlot(MODEL_FILE)
shipped_model, current_model, set_model, use_model = SLOT.shipped, SLOT.current, SLOT.set, SLOT.use


def decide(model: Model, d: Document,
           cands: list[pairs.Candidate]) -> Iterator[tuple[pairs.Candidate, str, float]]:
    """(candidate, relation, calibrated probability) for the pairs that pass."""
    if not cands:
        return
    probs = model.scores([c.features for c in cands])
    for c, p in zip(cands, probs, strict=True):
        if "UNREAL" in c.features:
            continue
        allowed = set(pairs.pair_kinds_allow(d.entities[c.subject].kind, d.entities[c.object].kind))
        if pairs.KIN_ROLE not in c.features:  # no kin noun joins the pair: it cannot state KIN
            allowed.discard("KIN")
        best = max((k for k, name in enumerate(model.classes) if name in allowed),
                   key=lambda k: p[k], default=None)
        if best is None:
            continue
        relation = model.classes[best]
        if relation not in model.thresholds:
            continue  # never output: no need to calibrate
        q = float(model.calibrate(np.array([p[best]]))[0])
        if q >= model.thresholds[relation]:
            yield c, relation, q


def learned_relations(d: Document) -> None:
    """Add the model's facts for pairs and relations the rules did not state."""
    model = current_model()
    if model is None:
        return
    rules = pairs.rule_facts(d)
    known = {(t, s, o) for (s, o), types in rules.items() for t in types}
    cands = list(pairs.all_candidates(d, rules))
    for c, relation, q in decide(model, d, cands):
        s, o = c.subject, c.object
        if (relation, s, o) in known or relation == "ALLY" and (relation, o, s) in known:
            continue
        fields = {}
        if relation == "KIN":
            role = pairs.kin_role(d, c)
            if role is None:
                continue
            fields["role"] = role
        known.add((relation, s, o))
        fact = factoid(d, c.sent, relation, s, o, EXTRACTOR, round(q, 3), **fields)
        if c.first_sent is not None:  # the evidence is both sentences
            fact = replace(fact, start=d.sents[c.first_sent].start_char)
        d.factoids.append(fact)
