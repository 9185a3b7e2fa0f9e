"""Score cliograph against every gold file in ../shared/gold/ with the referee's scorer.

    python bench/evaluate.py [--gold DIR] [--calibrate] [--json] [--rules-only] [--no-redocred]
                             [--train-redocred]

For each gold file it finds the source text it annotates (by file name, under
../shared/seed and ../shared/corpus), analyses it (spaCy is loaded once, for every text),
exports the spec JSON and scores it: entity precision, recall, F1, kind accuracy and
splits; fact precision and core recall per relation type; time accuracy; and the
measured precision of every extraction rule.

The learned relation layer is scored leave-one-chapter-out: each chapter is read with a
model trained (and calibrated, and thresholded) on the other chapters only, never with
the shipped model, which has seen them all (``bench/learning.py``). So is the learned
entity layer (``bench/entity_learning.py``): each chapter is read again from its parse with
an entity model trained on the other chapters, when that model chose to act at all
(``--no-entity-model`` leaves it out; ``--entity-loco`` keeps it with ``--rules-only``). Re-DocRED dev is
then scored by the shared tool, in this process too (``bench/redocred.py``): its
documents are split into folds, and each fold is read by a model trained on the chapters
and the other folds, thresholded by leave-one-fold-out over those other folds, so that no
document is read by a model that saw it. With ``--train-redocred`` the chapters' models
also learn from Re-DocRED (slow).

``--calibrate`` writes the rules' measured precisions to ``cliograph/rules/confidence.json``
so that each fact's confidence is the precision of the rule that produced it, measured
on the chapters the rules were not tuned on (every gold chapter but the seed) and
smoothed (Laplace: (true + 1) / (predicted + 2)) so that a rule right 3 times out of 3
is trusted less than one right 30 times out of 30; rules seen fewer than 3 times there
keep the prior written in their code. The learned layer's confidence is its own
probability, calibrated leave-one-chapter-out when it is trained.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CONFIDENCE = ROOT / "cliograph" / "rules" / "confidence.json"
MIN_SUPPORT = 3
SEED_CHAPTER = "with-lenin.json"  # the rules were tuned on it: it does not calibrate them


def referee():
    """The shared scorer, imported from where it lives (never copied)."""
    spec = importlib.util.spec_from_file_location("referee", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"evaluate: the referee is missing at {SHARED / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_chapters(folder: Path) -> Iterator[tuple[str, dict, Path]]:
    """(file name, gold annotations, source text) for each gold file whose text is found."""
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = source_for(gold, gold_path)
        if source is None:
            print(f"{gold_path.name}: source text not found; skipped")
            continue
        yield gold_path.name, gold, source


def source_for(gold: dict, gold_path: Path) -> Path | None:
    name = gold.get("document") or gold_path.stem + ".txt"
    for folder in (SHARED / "seed", SHARED / "corpus"):
        if (folder / name).is_file():
            return folder / name
    return None


def rule_precision(ref, pred: dict, gold: dict) -> dict[str, list[int]]:
    """extractor -> [true, predicted] over the facts it produced."""
    emap = ref.map_entities(pred.get("entities", []), gold["entities"])
    gold_keys = {ref.fact_key(f, lambda x: x) for f in gold["facts"]} - {None}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in pred.get("facts", []):
        key = ref.fact_key(f, lambda i: emap.get(i))
        c = counts[f.get("extractor", "?")]
        c[1] += 1
        c[0] += key in gold_keys
    return counts


def print_summary(results: dict[str, dict]) -> None:
    """The numbers that count: the macro average over every chapter and the worst chapter."""
    def mean(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else float("nan")

    rows = {
        "entities F1": [r["entities"]["f1"] for r in results.values()],
        "kind accuracy": [r["entities"]["kind_accuracy"] for r in results.values()],
        "facts precision": [r["facts"]["precision"] for r in results.values()],
        "facts core recall": [r["facts"]["recall"] for r in results.values()],
        "facts F1": [r["facts"]["f1"] for r in results.values()],
        "time accuracy": [r["time"]["accuracy"] for r in results.values()],
    }
    print(f"\nmacro average over {len(results)} chapters (worst chapter)")
    for label, values in rows.items():
        print(f"  {label:18} {mean(values):.3f}  (worst {min(v for v in values if v is not None):.3f})"
              if any(v is not None for v in values) else f"  {label:18} n/a")
    print(f"  {'splits':18} max {max(r['entities']['splits'] for r in results.values())}")


def print_chapter(name: str, source: Path, r: dict) -> None:
    e, f, t = r["entities"], r["facts"], r["time"]
    print(f"\n{name}  ({source.name})")
    print(f"  entities  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
          f"kind {e['kind_accuracy']:.3f}  splits {e['splits']}")
    print(f"  facts     P {f['precision']:.3f}  R-core {f['recall']:.3f}  R-all {f['recall_all']:.3f}  "
          f"F1 {f['f1']:.3f}")
    print(f"  time      accuracy {t['accuracy']} on {t['timed_true_facts']}")
    for typ, v in r["facts_by_type"].items():
        print(f"    {typ:16} P {v['precision']:.3f}  R(core) {v['recall']:.3f}  "
              f"pred {v['predicted']:3}  gold-core {v['gold']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--calibrate", action="store_true", help="write measured rule precision")
    ap.add_argument("--json", action="store_true", help="print the full results as JSON")
    ap.add_argument("--rules-only", action="store_true", help="score without the learned layer")
    ap.add_argument("--no-redocred", action="store_true", help="skip the Re-DocRED dev score")
    ap.add_argument("--train-redocred", action="store_true",
                    help="the chapters' models learn from Re-DocRED dev too (slow)")
    ap.add_argument("--no-entity-model", action="store_true", help="score without the learned entity layer")
    ap.add_argument("--entity-loco", action="store_true",
                    help="with --rules-only: still read each chapter with its learned entity layer")
    a = ap.parse_args()
    import entity_learning
    import learning
    import redocred

    from cliograph.nlp import load

    ref = referee()
    nlp = load()
    chapters, sources = [], {}
    for name, gold, source in gold_chapters(a.gold):
        chapters.append(learning.gold_chapter(ref, gold, source, nlp, name))
        sources[name] = source
    items = [] if a.no_redocred else redocred.load(nlp)
    extra = [it.examples for it in items] if a.train_redocred and not a.rules_only else []
    results = {}
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    calibration: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, ch in enumerate(chapters):
        model, document = None, ch.document
        if (not a.rules_only or a.entity_loco) and not a.no_entity_model:
            # the entity layer too, leave one chapter out: the chapter is read again with it
            entities = entity_learning.fit([c.entities for i, c in enumerate(chapters) if i != k and c.entities])
            print(f"{ch.name}: entity layer thresholds {entities.thresholds or 'none (the rules alone)'}")
            if entities.thresholds:
                document = learning.restaged(ch.document, entities)
        if not a.rules_only:
            # leave one chapter out: this chapter's model never saw it
            model = learning.fit([c.examples for i, c in enumerate(chapters) if i != k], extra)
        pred = learning.export_with(document, model)
        r = ref.score(pred, ch.gold)
        results[ch.name] = r
        for rule, (t, n) in rule_precision(ref, pred, ch.gold).items():
            rules[rule][0] += t
            rules[rule][1] += n
            if ch.name != SEED_CHAPTER:
                calibration[rule][0] += t
                calibration[rule][1] += n
        print_chapter(ch.name, sources[ch.name], r)
    if results:
        print_summary(results)
    print("\nrule precision (true / predicted; learned.* scored leave-one-chapter-out)")
    for rule, (t, n) in sorted(rules.items(), key=lambda kv: -kv[1][1]):
        print(f"  {rule:40} {t:3} / {n:3}  {t / n:.2f}")
    if items:
        models: dict[int, object] = {}
        if not a.rules_only:
            # the documents in folds: each is read by a model trained without its fold
            models = redocred.fold_models(items, [c.examples for c in chapters])
        print("\nRe-DocRED dev (../shared/tools/redocred_eval.py --split dev)")
        print(redocred.score(items, models))
    if a.calibrate:
        measured = {rule: round((t + 1) / (n + 2), 2) for rule, (t, n) in sorted(calibration.items())
                    if n >= MIN_SUPPORT and not rule.startswith("learned.")}
        CONFIDENCE.write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {len(measured)} rule precisions (measured on the chapters other than the seed)"
              f" to {CONFIDENCE.relative_to(ROOT)}")
    if a.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
