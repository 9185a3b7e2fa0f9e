"""A historian's corrections as training examples for the learned relation layer.

The store keeps each fact's ``review`` status: a fact confirmed, edited or added by a
person says that its two entities stand in that relation in its evidence sentence; a
rejected fact says that they do not. Those are labels for the same candidate pairs the
layer reads at run time, so the documents that hold them are analysed again from their
stored text, through the stages that run before the layer (its features depend on the
rules' facts, never on its own), and each reviewed fact is matched to the candidate pair
of its evidence whose entities are, in the store, the fact's ends: the very candidates
the layer reads at run time (``features.all_candidates``), pairs whose ends lie in two
adjacent sentences included, so that what a person taught is what the layer then weighs.
In those documents the pairs that neither the machine nor the person tied are examples of
no relation too (``document_examples`` says why); a pair the machine tied and nobody
reviewed is none.

``learn`` warm-starts from a trained model (the shipped one, or the model of another
store) so that a few dozen corrections adjust it rather than replace it: training begins
at its weights and is pulled back towards them (``logreg.train(start=...)``); its
calibration and per-relation thresholds are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Chapter, SourceText
from ..pipeline import STAGES, Document, parse_many
from ..store import Store
from . import user_model
from .features import PAIR_TYPES, Candidate, all_candidates, evidence_span, rule_facts
from .logreg import NONE, Model, train

#: Review statuses that make a fact a positive example of its (current) type.
POSITIVE = ("confirmed", "corrected", "added")
#: The status that makes it a negative one: the pair is not in that relation there.
NEGATIVE = ("rejected",)
#: Warm start: how hard the weights are pulled back to the starting model's (the loss is
#: the mean over the examples). Measured with bench/corrections.py (each gold chapter's
#: corrections, scored on the six others, 42 pairs): 0.05 moved little and lost precision
#: (0.810 -> 0.800 on two chapters' corrections), 0.002 gained it (0.816 -> 0.826 over all
#: 42) and 0.0005 did no better. Without the untied pairs as examples, corrections alone
#: (mostly yes) cost a quarter of the precision elsewhere.
ANCHOR = 0.002
EPOCHS = 40
#: Corrections are few and each is a person's decision: a feature seen once counts.
MIN_COUNT = 1
#: What a pair nobody tied counts for, against a person's decision.
UNREVIEWED = 0.5
#: The relations the layer reads (the others are the rules' alone).
LEARNED_TYPES = tuple(PAIR_TYPES)


@dataclass
class Examples:
    """The labelled pairs a store's corrections give, and what could not be used."""

    features: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    """Per example: the pair's names and its sentence, to read what was learned."""
    reviewed: list[bool] = field(default_factory=list)
    """Per example: a person's decision (else a pair the machine tied nothing in, left so)."""
    unmatched: list[str] = field(default_factory=list)
    """Reviewed facts whose sentence holds no candidate pair of their ends (ids)."""

    def counts(self) -> Counter[str]:
        """A person's decisions per relation (``NONE``: rejected)."""
        return Counter(lab for lab, r in zip(self.labels, self.reviewed, strict=True) if r)

    def weights(self, unreviewed: float) -> list[float]:
        return [1.0 if r else unreviewed for r in self.reviewed]


def reviewed_facts(store: Store) -> list[dict[str, Any]]:
    """The facts a person reviewed, of the relations the layer reads, in document order."""
    statuses = (*POSITIVE, *NEGATIVE)
    sql = ("select id, doc_id, type, subject_id, object_id, evidence_start, evidence_end, review,"
           " extractor from facts where object_id is not null"
           f" and review in ({','.join('?' * len(statuses))})"
           f" and type in ({','.join('?' * len(LEARNED_TYPES))})"
           " order by doc_id, evidence_start, id")
    return list(store.db.query(sql, [*statuses, *LEARNED_TYPES]))


def source_of(store: Store, doc_id: str) -> SourceText:
    """The document as its reader made it, from the store (the stored text is what every
    offset points into, so the analysis lines up with the facts' evidence)."""
    import json

    row = store.db.execute("select source, text, title, author, format, chapters from documents"
                           " where id = ?", [doc_id]).fetchone()
    source, text, title, author, fmt, chapters = row
    return SourceText(source, text, title or "", author, fmt or "txt",
                      tuple(Chapter(**c) for c in json.loads(chapters or "[]")))


def before_layer(d: Document) -> Document:
    """The stages that run before the learned layer: its candidates and features then
    are exactly those it computes at run time."""
    for name, stage in STAGES:
        if name == "learned":
            break
        stage(d)
    return d


def store_entities(store: Store, d: Document, doc_id: str) -> dict[int, str]:
    """Document entity -> the store's entity, by the offsets of its mentions (a merge or a
    split a person made has moved the store's mention rows, so this follows it)."""
    at = {(s, e): eid for s, e, eid in store.db.execute(
        "select start, end, entity_id from mentions where doc_id = ?", [doc_id])}
    span = d.clean.span_to_raw
    votes: dict[int, Counter[str]] = {}
    for m in d.mentions:
        if m.entity is None:
            continue
        eid = at.get(span(m.start, m.end))
        if eid is not None:
            votes.setdefault(m.entity, Counter())[eid] += 1
    return {ent: c.most_common(1)[0][0] for ent, c in votes.items()}


def machine_pairs(store: Store, doc_id: str) -> list[tuple[str, str, int, int]]:
    """(subject, object, evidence start, end) of the document's facts nobody reviewed."""
    return store.db.execute(
        "select subject_id, object_id, evidence_start, evidence_end from facts where doc_id = ?"
        " and review = 'machine' and object_id is not null", [doc_id]).fetchall()


def _where(d: Document, c: Candidate) -> str:
    return f"{d.entities[c.subject].name} / {d.entities[c.object].name}: {evidence_span(d, c).text[:160]}"


def document_examples(store: Store, d: Document, doc_id: str, facts: list[dict[str, Any]],
                      out: Examples) -> None:
    """Label the candidate pairs of ``d`` that its reviewed ``facts`` speak of, and, as no
    relation, the pairs of ``d`` that neither a person nor the machine tied.

    Why the latter: a person confirms and adds far more than they reject, and examples
    that are nearly all relations would teach the model that every pair is one (measured
    on the gold chapters: a model adjusted to one chapter's corrections alone lost a
    quarter of its precision on the others). What the machine left untied and the person,
    reading the same document, did not add is no relation, as the annotated chapters'
    untied pairs are; a pair the machine tied and nobody reviewed is not an example."""
    ids = store_entities(store, d, doc_id)
    span = d.clean.span_to_raw
    bounds = [span(s.start_char, s.end_char) for s in d.sents]
    # the run-time candidates, those across a sentence boundary included, each with the
    # stored-text bounds of the sentence or sentences that hold its ends
    cands = [(c, bounds[c.sent if c.first_sent is None else c.first_sent][0], bounds[c.sent][1])
             for c in all_candidates(d, rule_facts(d))]
    found: dict[tuple[int, int, int], tuple[list[str], str, str]] = {}
    for f in facts:
        matched = False
        for c, s, e in cands:
            if e <= f["evidence_start"] or s >= f["evidence_end"]:
                continue
            pair = (ids.get(c.subject), ids.get(c.object))
            ends = (f["subject_id"], f["object_id"])
            if pair != ends and not (f["type"] == "ALLY" and pair == ends[::-1]):
                continue
            matched = True
            label = f["type"] if f["review"] in POSITIVE else NONE
            key = (c.sent, c.subject, c.object)
            if key in found and found[key][1] != NONE:
                continue  # a person's yes outweighs another fact's no on the same pair
            found[key] = (c.features, label, _where(d, c))
        if not matched:
            out.unmatched.append(f["id"])
    tied = machine_pairs(store, doc_id)
    for c, s, e in cands:
        if (c.sent, c.subject, c.object) in found:
            continue
        pair = (ids.get(c.subject), ids.get(c.object))
        if None in pair:
            continue
        near = {(a, b) for a, b, fs, fe in tied if fs < e and fe > s}
        if pair in near or pair[::-1] in near:
            continue
        out.features.append(c.features)
        out.labels.append(NONE)
        out.where.append(_where(d, c))
        out.reviewed.append(False)
    for feats, label, where in found.values():
        out.features.append(feats)
        out.labels.append(label)
        out.where.append(where)
        out.reviewed.append(True)


def examples(store: Store, nlp: Any) -> Examples:  # noqa: ANN401 - a spaCy Language
    """Every example the store's reviewed facts give (documents without any are not read)."""
    facts = reviewed_facts(store)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for f in facts:
        by_doc.setdefault(f["doc_id"], []).append(f)
    out = Examples()
    order = list(by_doc)
    for doc_id, d in zip(order, parse_many((source_of(store, i) for i in order), nlp), strict=True):
        document_examples(store, before_layer(d), doc_id, by_doc[doc_id], out)
    return out


def learn(ex: Examples, start: Model, *, anchor: float = ANCHOR, epochs: int = EPOCHS,
          unreviewed: float = UNREVIEWED) -> Model:
    """``start`` adjusted to the examples (see the module's docstring)."""
    if not any(ex.reviewed):
        raise UsageError("no example to learn from")
    return train(ex.features, ex.labels, start.classes, weights=ex.weights(unreviewed),
                 l2=anchor, epochs=epochs, min_count=MIN_COUNT, start=start)


def describe(ex: Examples) -> Iterable[str]:
    """Lines saying what the corrections taught: examples per relation, and what was not used."""
    counts = ex.counts()
    yield ("examples: " + ", ".join(f"{n} {lab if lab != NONE else 'rejected (no relation)'}"
                                    for lab, n in sorted(counts.items())))
    if ex.unmatched:
        yield (f"{len(ex.unmatched)} reviewed fact(s) name no pair the layer reads in their sentence"
               " (an end the text only describes, or kinds no relation joins): not used")


@dataclass
class Trained:
    """What ``train_store`` did: the model, where it went, and lines to show."""

    model: Model
    path: Path
    examples: Examples
    lines: list[str]


def train_store(db: str | Path, *, out: str | Path | None = None, start: str | None = None,
                record: bool = True, nlp: Any = None) -> Trained:  # noqa: ANN401
    """``cliograph train --db``: learn from a store's corrections, write the model (``out``,
    default beside the store) and, with ``record``, make it the one later ingests into the
    store read with. ``start`` is the model adjusted: ``shipped`` (the default) or a file,
    such as the model of another store whose corrections should carry over. The default is
    not the store's own earlier model: every correction is still in the store, and each
    round learns from all of them once, never twice."""
    from ..nlp import load as load_nlp
    from ..pipeline.relations.learned import shipped_model

    store = Store(db, create=False)
    try:
        if not reviewed_facts(store):
            raise UsageError(f"{db} has no confirmed, edited, added or rejected fact of a relation"
                             f" the learned layer reads ({', '.join(LEARNED_TYPES)}): nothing to"
                             " learn from; `cliograph correct` makes corrections")
        base, name = user_model.chosen(store, start or user_model.SHIPPED, shipped_model())
        if base is None:
            raise UsageError("there is no model to start from: give --start FILE")
        ex = examples(store, nlp if nlp is not None else load_nlp())
    finally:
        store.close()
    if not any(ex.reviewed):
        raise UsageError(f"none of the {len(ex.unmatched)} reviewed fact(s) names a pair the"
                         " learned layer reads in its sentence: nothing to learn from")
    model = learn(ex, base)
    path = Path(out) if out is not None else user_model.default_path(db)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        model.save(path)
    except OSError as exc:
        raise UsageError(f"cannot write the model to {path} ({exc.strerror or exc})") from exc
    lines = [f"learned from {sum(ex.reviewed)} corrected pair(s) and {len(ex.reviewed) - sum(ex.reviewed)}"
             f" pair(s) nobody tied, starting from {name}", *describe(ex),
             f"wrote {path}"]
    if record:
        writer = Store(db)
        try:
            user_model.record(writer, path)
        finally:
            writer.close()
        lines.append(f"later ingests into {db} read with it (`ingest --relations-model shipped`"
                     " to read without it)")
    return Trained(model, path, ex, lines)


__all__ = ["ANCHOR", "Examples", "Trained", "describe", "examples", "learn", "reviewed_facts",
           "train_store"]
