"""Train the learned relation layer and write the model the package ships.

    python bench/train.py [--gold DIR] [--out FILE] [--redocred]      (make train)

Every gold chapter (../shared/gold, its text found under ../shared/seed or
../shared/corpus) is analysed with the learned layer off, and its candidate pairs are
labelled with the gold facts (``bench/learning.py``). The model is trained on all of
them; its calibration and per-relation thresholds come from leave-one-chapter-out
predictions, so they describe chapters the model had not seen. ``--redocred`` adds
Re-DocRED dev's labelled pairs as extra training data (``bench/redocred.py``; then
``bench/evaluate.py --train-redocred`` measures that model, reading the benchmark by folds).
The result is deterministic (full-batch training, no sampling) and takes a few minutes
on two cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import learning
from evaluate import ROOT, SHARED, gold_chapters, referee

OUT = ROOT / "cliograph" / "rules" / "learned.npz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--redocred", action="store_true", help="also train on Re-DocRED dev")
    a = ap.parse_args()
    from cliograph.nlp import load

    began = time.monotonic()
    ref, nlp = referee(), load()
    sets = []
    for name, gold, source in gold_chapters(a.gold):
        ch = learning.gold_chapter(ref, gold, source, nlp, name)
        positives = sum(lab not in (None, learning.NONE) for lab in ch.examples.labels)
        print(f"{name}: {len(ch.examples.labels)} pairs, {positives} stating a gold fact")
        sets.append(ch.examples)
    if not sets:
        sys.exit("train: no gold chapter found")
    extra = []
    if a.redocred:
        import redocred

        extra = [it.examples for it in redocred.load(nlp)]
        print(f"Re-DocRED dev: {sum(len(s.labels) for s in extra)} pairs")
    model = learning.fit(sets, extra)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(a.out)
    print(f"calibration (leave-one-chapter-out): a {model.platt[0]:.3f}, b {model.platt[1]:.3f}")
    print("thresholds (calibrated probability a pair needs): "
          + (", ".join(f"{k} {v:.2f}" for k, v in sorted(model.thresholds.items())) or "none"))
    print(f"wrote {a.out} ({a.out.stat().st_size:,} bytes, {len(model.keys):,} features) "
          f"in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
