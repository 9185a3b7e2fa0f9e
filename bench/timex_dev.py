"""Value F1 of the dates cliograph reads in news prose, against bench/timex_dev.txt.

TempEval-3 scores a DATE by its span and its normalised value; its platinum set is not
ours to ship, so this dev set holds sentences of our own in its shapes (weekdays, 'last
June', quarters, fiscal years, decades, 'four years ago'), each read against its own
document date. A date counts as found when a predicted date span overlaps its span, and
as right when the value is the same too:

    precision = right / predicted,   recall = right / gold,   F1 their harmonic mean.

    .venv/bin/python bench/timex_dev.py [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from cliograph import nlp as nlp_mod  # noqa: E402
from cliograph.model import SourceText  # noqa: E402
from cliograph.pipeline import parse_many, timeline  # noqa: E402

MARK = re.compile(r"\[([^\[\]|]+)\|([^\[\]|]+)\]")


@dataclass(frozen=True)
class Item:
    reference: str
    text: str
    gold: tuple[tuple[int, int, str], ...]  # (start, end, value)


def load(path: Path) -> list[Item]:
    """Lines 'REFERENCE<TAB>text with [phrase|value]' (comments start with '#')."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reference, marked = line.split("\t", 1)
        text, gold, pos = "", [], 0
        for m in MARK.finditer(marked):
            text += marked[pos:m.start()]
            gold.append((len(text), len(text) + len(m[1]), m[2]))
            text += m[1]
            pos = m.end()
        text += marked[pos:]
        items.append(Item(reference.strip(), text, tuple(gold)))
    return items


def predict(items: list[Item], nlp=None) -> list[list[tuple[int, int, str]]]:
    """The dates the timeline stage reads in each sentence, with their values (``nlp``:
    a loaded spaCy pipeline, else the installed one is loaded)."""
    sources = [SourceText(f"dev{i}.txt", it.text, "dev", date=it.reference)
               for i, it in enumerate(items)]
    out = []
    for d in parse_many(sources, nlp or nlp_mod.load()):
        timeline.anchor(d)
        out.append([(sp.start_char, sp.end_char, w.value)
                    for dates in d.sentence_dates for sp, w in dates])
    return out


def score(items: list[Item], predicted: list[list[tuple[int, int, str]]], show: bool = False) -> dict:
    right = n_pred = n_gold = 0
    for it, pred in zip(items, predicted, strict=True):
        n_pred += len(pred)
        n_gold += len(it.gold)
        for s, e, value in it.gold:
            hits = [v for ps, pe, v in pred if ps < e and s < pe]
            ok = value in hits
            right += ok
            if show and not ok:
                print(f"  miss {it.text[s:e]!r}: gold {value}, read {hits or 'nothing'}  | {it.text}")
        if show:
            for ps, pe, v in pred:
                if not any(ps < e and s < pe for s, e, _ in it.gold):
                    print(f"  extra {it.text[ps:pe]!r} = {v}  | {it.text}")
    p = right / n_pred if n_pred else 0.0
    r = right / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "right": right, "predicted": n_pred, "gold": n_gold}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE / "timex_dev.txt")
    ap.add_argument("--show", action="store_true", help="list the misses and the extra dates")
    a = ap.parse_args()
    items = load(a.data)
    r = score(items, predict(items), a.show)
    print(f"date value F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f}; "
          f"{r['right']} right of {r['predicted']} read, {r['gold']} gold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
