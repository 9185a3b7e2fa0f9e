"""Measure what a historian's corrections of one book do for the next (issue 15).

    python bench/corrections.py [--gold DIR] [--anchor A] [--epochs N] [--only NAME ...] [--json]

For each gold chapter X: X is ingested into a fresh store (its learned layer read by a
model that never saw X); a careful reader's corrections are made from X's gold through
the public API (``cliograph.corrections``): every fact of a relation the learned layer
reads is confirmed when gold has it and rejected when not, and every core gold fact it
missed is added with its evidence sentence, when both ends are entities of the store.
``cliograph.learn.from_corrections`` then turns that store's review into examples, and
each other chapter Y is scored (the referee, facts precision, core recall, F1) with

  base       the model trained and thresholded on the gold chapters other than X and Y;
  corrected  that model warm-started on X's corrections (what ``cliograph train --db`` does).

Neither model saw Y, and the base did not see X either, so the difference is what X's
corrections add (the shipped model saw every chapter: comparing against it would credit
the corrections with nothing, or with what the model already knew). The chapters are
small: this takes some minutes on two cores.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from pathlib import Path

import learning
from evaluate import SHARED, gold_chapters, referee

from cliograph import corrections, ingest
from cliograph.export import export
from cliograph.learn import from_corrections as fc
from cliograph.store import Store


def correct_from_gold(ref, store: Store, gold: dict) -> dict[str, int]:  # noqa: ANN001
    """Make X's corrections from its gold; return how many of each."""
    out = {"confirmed": 0, "rejected": 0, "added": 0, "not added": 0}
    buf = io.StringIO()
    export(store, "json", buf)
    pred = json.loads(buf.getvalue())
    emap = ref.map_entities(pred["entities"], gold["entities"])
    gold_keys = {ref.fact_key(f, lambda x: x) for f in gold["facts"]} - {None}
    found = set()
    for f in pred["facts"]:
        if f["type"] not in fc.LEARNED_TYPES or f.get("object") is None:
            continue
        key = ref.fact_key(f, emap.get)
        if key in gold_keys:
            corrections.confirm(store, f["id"], note="gold", author="bench")
            out["confirmed"] += 1
            found.add(key)
        else:
            corrections.reject(store, f["id"], note="not in gold", author="bench")
            out["rejected"] += 1
    ours: dict[str, list[str]] = {}
    for pid, gid in emap.items():
        if gid is not None:
            ours.setdefault(gid, []).append(pid)
    doc_id, text = store.db.execute("select id, text from documents").fetchone()
    sentences = store.db.execute("select start, end from sentences where doc_id = ? order by start",
                                 [doc_id]).fetchall()
    mentions = store.db.execute("select entity_id, start from mentions where doc_id = ?",
                                [doc_id]).fetchall()
    for g in gold["facts"]:
        key = ref.fact_key(g, lambda x: x)
        if (not g.get("core") or g["type"] not in fc.LEARNED_TYPES or key is None or key in found
                or g.get("object") is None):
            continue
        added = False
        for s, e in sentences:
            if not learning.states(text[s:e], g.get("evidence")):
                continue
            here = {eid for eid, at in mentions if s <= at < e}
            subj = [i for i in ours.get(g["subject"], []) if i in here]
            obj = [i for i in ours.get(g["object"], []) if i in here]
            if subj and obj and subj[0] != obj[0]:
                corrections.add(store, doc_id, type=g["type"], subject=subj[0], object=obj[0],
                                start=s, end=e, note="missed core fact", author="bench")
                found.add(key)
                added = True
                break
        out["added" if added else "not added"] += 1
    return out


def facts_score(ref, d, gold: dict, model) -> dict:  # noqa: ANN001
    r = ref.score(learning.export_with(d, model), gold)["facts"]
    return {k: r[k] for k in ("precision", "recall", "f1")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--anchor", type=float, nargs="+", default=[fc.ANCHOR],
                    help="pull towards the starting model (several: each is measured)")
    ap.add_argument("--epochs", type=int, default=fc.EPOCHS)
    ap.add_argument("--unreviewed", type=float, nargs="+", default=[fc.UNREVIEWED],
                    help="weight of the pairs nobody tied (0: a person's decisions alone)")
    ap.add_argument("--only", nargs="*", default=None, help="correct only these chapters (file names)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    from cliograph.nlp import load

    ref, nlp = referee(), load()
    chapters = [learning.gold_chapter(ref, gold, source, nlp, name)
                for name, gold, source in gold_chapters(a.gold)]
    sources = {name: source for name, _, source in gold_chapters(a.gold)}
    fits: dict[frozenset, object] = {}

    def fit_without(*names: str):  # noqa: ANN202 - a Model
        key = frozenset(names)
        if key not in fits:
            fits[key] = learning.fit([c.examples for c in chapters if c.name not in key])
        return fits[key]

    settings = [(an, un) for an in a.anchor for un in a.unreviewed]
    results = []
    for x in chapters:
        if a.only and x.name not in a.only and Path(x.name).stem not in a.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            model_path = Path(tmp) / "without-x.npz"
            fit_without(x.name).save(model_path)
            store = Store(Path(tmp) / "x.db")
            ingest([sources[x.name]], store, relations_model=model_path)
            made = correct_from_gold(ref, store, x.gold)
            ex = fc.examples(store, nlp)
            store.close()
        print(f"\n{x.name}: corrections {made}; examples {dict(ex.counts())},"
              f" {len(ex.reviewed) - sum(ex.reviewed)} pairs nobody tied,"
              f" {len(ex.unmatched)} reviewed facts with no pair", flush=True)
        for y in chapters:
            if y.name == x.name:
                continue
            base = fit_without(x.name, y.name)
            before = facts_score(ref, y.document, y.gold, base)
            for anchor, unreviewed in settings:
                corrected = fc.learn(ex, base, anchor=anchor, epochs=a.epochs, unreviewed=unreviewed)
                after = facts_score(ref, y.document, y.gold, corrected)
                results.append({"corrected": x.name, "scored": y.name, "anchor": anchor,
                                "unreviewed": unreviewed, "base": before, "after": after})
                print(f"  {y.name[:24]:24} {anchor:6} {unreviewed:4}  F1 {before['f1']:.3f} -> {after['f1']:.3f}   "
                  f"P {before['precision']:.3f} -> {after['precision']:.3f}   "
                      f"R-core {before['recall']:.3f} -> {after['recall']:.3f}", flush=True)
    if not results:
        sys.exit("corrections: no chapter measured")

    def mean(rows: list[dict], side: str, k: str) -> float:
        return sum(r[side][k] for r in rows) / len(rows)

    for anchor, unreviewed in settings:
        rows_of = [r for r in results if (r["anchor"], r["unreviewed"]) == (anchor, unreviewed)]
        print(f"\nanchor {anchor}, unreviewed pairs' weight {unreviewed}: mean over"
              f" {len(rows_of)} (corrected chapter, scored chapter) pairs")
        for k in ("precision", "recall", "f1"):
            print(f"  facts {k:10} {mean(rows_of, 'base', k):.3f} -> {mean(rows_of, 'after', k):.3f}")
        worse = sum(r["after"]["f1"] < r["base"]["f1"] - 1e-9 for r in rows_of)
        better = sum(r["after"]["f1"] > r["base"]["f1"] + 1e-9 for r in rows_of)
        print(f"  F1 better on {better} pairs, worse on {worse}")
    anchor, unreviewed = settings[0]
    print(f"per scored chapter (anchor {anchor}, weight {unreviewed}; mean over the chapters corrected):")
    for y in chapters:
        rows = [r for r in results if r["scored"] == y.name
                and (r["anchor"], r["unreviewed"]) == (anchor, unreviewed)]
        if rows:
            print(f"  {y.name:28} F1 {mean(rows, 'base', 'f1'):.3f} -> {mean(rows, 'after', 'f1'):.3f}"
                  f"   P {mean(rows, 'base', 'precision'):.3f} -> {mean(rows, 'after', 'precision'):.3f}")
    if a.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
