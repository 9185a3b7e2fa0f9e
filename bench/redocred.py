"""Re-DocRED dev in one process: the shared tool's documents, analysed here, scored by it.

The tool (``../shared/tools/redocred_eval.py``) writes each document as title, blank line
and one detokenised paragraph; we build the very same text with its own ``Doc`` class,
analyse every document with the spaCy model already loaded, write each export to a
folder as ``NNN.json`` and let the tool score the folder (``--split dev --pred-dir``).

Its labels can also train the learned layer (``examples``): our entities are mapped to
its vertices as the tool maps them, and a candidate pair is labelled with the relation
of ours that a gold triple between the two vertices expresses, when the sentence is one
of that triple's evidence sentences. A document is then never scored by a model that
saw it: the documents are split into folds by index, and each fold is read with a model
trained without it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from learning import ExampleSet, add_example, export_with, fit, labelled_candidates

from cliograph.learn.logreg import NONE, Model
from cliograph.model import SourceText
from cliograph.pipeline import Document, parse_many, run_stages
from cliograph.pipeline.relations.learned import use_model

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FOLDS = 5
# Wikidata relation -> (our relation, True when our subject is the triple's tail)
OURS = {"P39": ("HOLDS_OFFICE", False), "P102": ("MEMBER_OF", False), "P463": ("MEMBER_OF", False),
        "P26": ("KIN", False), "P3373": ("KIN", False), "P22": ("KIN", True), "P25": ("KIN", True),
        "P40": ("KIN", True), "P710": ("PARTICIPATES", True)}
WEIGHT = 0.5  # an encyclopaedia's sentence counts for less than a history chapter's
PRECISION_TARGET = 0.45
"""The thresholds' aim on Re-DocRED, scored by F1 alone: a fact likelier than this to be
right raises an F1 near 0.4 (the chapters, whose precision has a floor, aim higher)."""


def tool():
    """The shared scorer, imported from where it lives (never copied)."""
    path = SHARED / "tools" / "redocred_eval.py"
    spec = importlib.util.spec_from_file_location("redocred_eval", path)
    if spec is None or spec.loader is None:
        sys.exit(f"evaluate: the Re-DocRED tool is missing at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("redocred_eval", module)
    spec.loader.exec_module(module)
    return module


@dataclass
class Item:
    index: int
    gold: object
    """The tool's ``Doc``."""
    document: Document
    examples: ExampleSet


def load(nlp) -> list[Item]:  # noqa: ANN001 - a spaCy Language
    """Every dev document with a target relation, analysed (learned layer off) and labelled."""
    t = tool()
    data = json.loads((t.DATA / "dev_revised.json").read_text(encoding="utf-8"))
    chosen = [i for i, d in enumerate(data) if any(lab["r"] in t.TARGET for lab in d["labels"])]
    docs = [t.Doc(i, data[i]) for i in chosen]
    evidence = {i: data[i]["labels"] for i in chosen}
    sources = [SourceText(path=f"{g.index:03d}.txt", text=g.text, title=g.title) for g in docs]
    items = []
    with use_model(None):
        for g, d in zip(docs, parse_many(sources, nlp, batch_size=32), strict=True):
            run_stages(d)
            items.append(Item(g.index, g, d, examples(g, d, evidence[g.index])))
    return items


def examples(g, d: Document, labels: list[dict]) -> ExampleSet:  # noqa: ANN001 - the tool's Doc
    """The document's candidate pairs, labelled from its gold triples and their evidence."""
    vertex = {i: g.vertex([e.name, *e.aliases], e.kind) for i, e in enumerate(d.entities)}
    sent_span = [(offs[0][0], offs[-1][1]) for offs in g.offsets]
    triples: dict[tuple[str, int, int], set[int]] = {}
    for lab in labels:
        if lab["r"] not in OURS:
            continue
        relation, inverse = OURS[lab["r"]]
        h, t = g.canon[lab["h"]], g.canon[lab["t"]]
        s, o = (t, h) if inverse else (h, t)
        triples.setdefault((relation, s, o), set()).update(lab.get("evidence") or [])
        if lab["r"] in ("P26", "P3373"):
            triples.setdefault((relation, o, s), set()).update(lab.get("evidence") or [])
    out = ExampleSet(f"redocred {g.index:03d}", weight=WEIGHT)
    for c, allowed, sent in labelled_candidates(d):
        vs, vo = vertex.get(c.subject), vertex.get(c.object)
        truth = label = NONE
        for relation in allowed:
            ev = triples.get((relation, vs, vo)) if vs is not None and vo is not None else None
            if ev is not None:
                truth = relation
                inside = {k for k, (a, b) in enumerate(sent_span) if a < sent.end_char and sent.start_char < b}
                label = relation if not ev or ev & inside else None
                break
        add_example(out, d, c, allowed, sent, truth, label,
                    (vs if vs is not None else f"?{c.subject}", vo if vo is not None else f"?{c.object}"))
    return out


def score(items: list[Item], models: dict[int, Model | None]) -> str:
    """Write every document's export (read with its fold's model) and score the folder;
    the tool's report, whose last line is the total."""
    t = tool()
    with tempfile.TemporaryDirectory(prefix="redocred_dev_") as tmp:
        folder = Path(tmp)
        for it in items:
            export = export_with(it.document, models.get(it.index))
            (folder / f"{it.index:03d}.json").write_text(json.dumps(export), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            t.main(["--split", "dev", "--pred-dir", str(folder), "--work", str(folder / "work")])
    return "\n".join(line for line in out.getvalue().splitlines() if not line.startswith("work folder"))


def fold_of(index: int) -> int:
    return index % FOLDS


def merged(name: str, sets: list[ExampleSet]) -> ExampleSet:
    """Several documents' pairs as one set, each pair's key prefixed by its document's
    name (vertex ids are per document)."""
    out = ExampleSet(name, weight=sets[0].weight if sets else WEIGHT)
    for s in sets:
        out.features += s.features
        out.labels += s.labels
        out.truth += s.truth
        out.allowed += s.allowed
        out.keys += [tuple(f"{s.name}: {v}" for v in k) for k in s.keys]
        out.unreal += s.unreal
        out.where += s.where
    return out


def fold_models(items: list[Item], chapters: list[ExampleSet]) -> dict[int, Model]:
    """Document index -> the model that reads it: trained on the chapters and on the
    other folds' documents, its calibration and thresholds chosen by leave-one-fold-out
    over those other folds (an encyclopaedia is not a history chapter: the chapters'
    thresholds would not fit it). No document is read by a model that saw it."""
    groups = {f: merged(f"fold {f}", [it.examples for it in items if fold_of(it.index) == f])
              for f in range(FOLDS)}
    models: dict[int, Model] = {}
    for fold in range(FOLDS):
        model = fit([g for f, g in groups.items() if f != fold], chapters, PRECISION_TARGET, floor=0.0)
        models.update({it.index: model for it in items if fold_of(it.index) == fold})
    return models
