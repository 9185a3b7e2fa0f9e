"""Score cliograph against every gold file in ../shared/gold/ with the referee's scorer.

    python bench/evaluate.py [--gold DIR] [--calibrate] [--json]

For each gold file it finds the source text it annotates (by file name, under
../shared/seed and ../shared/corpus), ingests it into a temporary database, exports the
spec JSON and scores it: entity precision, recall, F1, kind accuracy and splits; fact
precision and core recall per relation type; time accuracy; and the measured precision
of every extraction rule. ``--calibrate`` writes those precisions to
``cliograph/rules/confidence.json`` so that each fact's confidence is the measured
precision of the rule that produced it, smoothed (Laplace: (true + 1) / (predicted + 2))
so that a rule right 3 times out of 3 is trusted less than one right 30 times out of
30; rules seen fewer than 3 times keep the prior written in their code.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CONFIDENCE = ROOT / "cliograph" / "rules" / "confidence.json"
MIN_SUPPORT = 3


def referee():
    """The shared scorer, imported from where it lives (never copied)."""
    spec = importlib.util.spec_from_file_location("referee", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"evaluate: the referee is missing at {SHARED / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_for(gold: dict, gold_path: Path) -> Path | None:
    name = gold.get("document") or gold_path.stem + ".txt"
    for folder in (SHARED / "seed", SHARED / "corpus"):
        if (folder / name).is_file():
            return folder / name
    return None


def predict(source: Path) -> dict:
    import cliograph

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        report = cliograph.ingest([source], db=db)
        if not report.ok:
            sys.exit(f"evaluate: {report.failed[0]}")
        out = io.StringIO()
        store = cliograph.open(db)
        store.export("json", out)
        store.close()
    return json.loads(out.getvalue())


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--calibrate", action="store_true", help="write measured rule precision")
    ap.add_argument("--json", action="store_true", help="print the full results as JSON")
    a = ap.parse_args()
    ref = referee()
    results = {}
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold_path in sorted(a.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = source_for(gold, gold_path)
        if source is None:
            print(f"{gold_path.name}: source text not found; skipped")
            continue
        pred = predict(source)
        r = ref.score(pred, gold)
        results[gold_path.name] = r
        for rule, (t, n) in rule_precision(ref, pred, gold).items():
            rules[rule][0] += t
            rules[rule][1] += n
        e, f, t = r["entities"], r["facts"], r["time"]
        print(f"\n{gold_path.name}  ({source.name})")
        print(f"  entities  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
              f"kind {e['kind_accuracy']:.3f}  splits {e['splits']}")
        print(f"  facts     P {f['precision']:.3f}  R-core {f['recall']:.3f}  R-all {f['recall_all']:.3f}  "
              f"F1 {f['f1']:.3f}")
        print(f"  time      accuracy {t['accuracy']} on {t['timed_true_facts']}")
        for typ, v in r["facts_by_type"].items():
            print(f"    {typ:16} P {v['precision']:.3f}  R(core) {v['recall']:.3f}  "
                  f"pred {v['predicted']:3}  gold-core {v['gold']}")
    if results:
        print_summary(results)
    print("\nrule precision (true / predicted)")
    for rule, (t, n) in sorted(rules.items(), key=lambda kv: -kv[1][1]):
        print(f"  {rule:40} {t:3} / {n:3}  {t / n:.2f}")
    if a.calibrate:
        measured = {rule: round((t + 1) / (n + 2), 2) for rule, (t, n) in sorted(rules.items())
                    if n >= MIN_SUPPORT}
        CONFIDENCE.write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {len(measured)} rule precisions to {CONFIDENCE.relative_to(ROOT)}")
    if a.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
