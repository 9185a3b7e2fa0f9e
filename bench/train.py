"""Train the learned relation and entity layers and write the models the package ships.

    python bench/train.py [--gold DIR] [--out FILE] [--redocred]      (make train)

Every gold chapter (../shared/gold, its text found under ../shared/seed or
../shared/corpus) is analysed with the learned layer off, and its candidate pairs are
labelled with the gold facts (``bench/learning.py``). The model is trained on all of
them; its calibration and per-relation thresholds come from leave-one-chapter-out
predictions, so they describe chapters the model had not seen. The entity layer
(``bench/entity_learning.py``) is trained on the entities each chapter's entity stage
emitted, labelled by the gold, its thresholds chosen leave-one-chapter-out too. ``--redocred`` adds
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

import entity_learning
import learning
from evaluate import ROOT, SHARED, gold_chapters, referee

OUT = ROOT / "cliograph" / "rules" / "learned.npz"
ENTITY_OUT = ROOT / "cliograph" / "rules" / "entity_model.npz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--entity-out", type=Path, default=ENTITY_OUT)
    ap.add_argument("--redocred", action="store_true", help="also train on Re-DocRED dev")
    a = ap.parse_args()
    from cliograph.nlp import load

    began = time.monotonic()
    ref, nlp = referee(), load()
    sets, chapters = [], []
    for name, gold, source in gold_chapters(a.gold):
        ch = learning.gold_chapter(ref, gold, source, nlp, name)
        positives = sum(lab not in (None, learning.NONE) for lab in ch.examples.labels)
        print(f"{name}: {len(ch.examples.labels)} pairs, {positives} stating a gold fact")
        sets.append(ch.examples)
        chapters.append(ch)
    if not sets:
        sys.exit("train: no gold chapter found")
    extra = []
    if a.redocred:
        import redocred

        extra = [it.examples for it in redocred.load(nlp)]
        print(f"Re-DocRED dev: {sum(len(s.labels) for s in extra)} pairs")
    model = learning.fit(sets, extra)
    entity_sets = [ch.entities for ch in chapters if ch.entities]
    entities = entity_learning.fit(entity_sets)
    print(f"entity layer: {sum(len(s.labels) for s in entity_sets)} entities, thresholds (leave-one-chapter-out)"
          f" {entities.thresholds or 'none: the rules decide alone'}")
    if entities.thresholds:
        entities.save(a.entity_out)
        print(f"wrote {a.entity_out} ({a.entity_out.stat().st_size:,} bytes, {len(entities.keys):,} features)")
    elif a.entity_out.exists():
        a.entity_out.unlink()  # a model that would never act is not shipped
        print(f"removed {a.entity_out}")
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
