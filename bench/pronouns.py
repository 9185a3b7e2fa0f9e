"""Pronoun resolution benchmark: how often ``coref`` links a pronoun to the right entity.

The data (``bench/pronouns.jsonl``, one paragraph per line) are paragraphs of the
public-domain corpus in ``../shared/corpus`` (Plutarch's *Caesar*, Macaulay, Thayer's
*Washington*, Reed), with every he/him/his/she/her/they/them/their in each paragraph
annotated by hand (none from the seed chapter):

    {"text": "plutarch_caesar.txt", "paragraph": 8,    # 0-based, blank-line separated
     "set": "dev",                                      # or "heldout" (see below)
     "context": "<the paragraph before>", "paragraph_text": "<the paragraph>",
     "pronouns": [{"offset": 98, "pronoun": "him", "gold": "Artemidorus"},
                  {"offset": 349, "pronoun": "their", "gold": null, "note": "the nobles"},
                  {"offset": 1552, "pronoun": "they", "gold": ["Flavius", "Marullus"]}]}

``offset`` is a character offset in ``paragraph_text``. ``gold`` names the person or
group (BODY, FACTION) the pronoun stands for, matched case-insensitively against the
resolved entity's name and aliases. A list accepts any of its names: another name of
the same referent, or any member of 'X and Y' (a pronoun holds one entity). ``null``
means no named person or group antecedent in the passage (generic or common-noun
referents such as 'the priests', peoples such as 'the English', places, a 'his wife'
never named): the right output is to leave the pronoun unresolved. A list holding
null accepts either ('the Cossacks', a people or a group). ``note`` says what a null
pronoun stands for.

The "dev" paragraphs were used while writing the resolver's rules; the "heldout" ones
were annotated afterwards, scored once untouched, and only then looked into.

Two ways to run the pipeline (``parse_many``, then the stages up to ``coref``):
``files`` (the default when the corpus is beside the checkout) parses each corpus file
whole, as an ingest does, so names get their kinds from the whole document;
``windows`` runs each paragraph after the one before it, from the data file alone.

    accuracy   right answers (resolved to a gold name, or unresolved when gold is null) / all
    precision  resolved and right / resolved
    recall     resolved and right / pronouns with a gold antecedent
    missing    pronouns whose gold antecedent is no person or group entity of the document:
               a mention or entity error that coref cannot repair
    baseline   accuracy of answering every pronoun with the person named last before it
               (coref must never do worse)

Run: ``.venv/bin/python bench/pronouns.py [--mode files|windows] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "pronouns.jsonl"
CORPUS = HERE.parent.parent / "shared" / "corpus"
PLURAL = {"they", "them", "their"}


@dataclass
class Result:
    text: str
    paragraph: int
    offset: int
    pronoun: str
    gold: list[str | None]
    """Accepted names; None in it when leaving the pronoun unresolved is right."""
    predicted: str | None
    """Name of the entity the pipeline chose, or None."""
    correct: bool
    snippet: str
    note: str | None = None
    set: str = "dev"
    reachable: bool = True
    """False when no person or group entity of the document carries a gold name."""
    baseline: bool = False
    """Whether the most recent person named before the pronoun is a right answer."""


def norm(name: str) -> str:
    n = name.casefold().replace("æ", "ae").strip(" ‘’“”'\"")
    n = re.sub(r"^the\s+", "", n)
    n = re.sub(r"(’s|'s)$", "", n)
    return re.sub(r"\s+", " ", n)


def load(path: Path = DATA) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")


def check_corpus(records: list[dict], corpus: Path = CORPUS) -> list[str]:
    """Stored paragraphs that differ from the corpus files (where the files are present)."""
    problems = []
    for r in records:
        f = corpus / r["text"]
        paras = _paragraphs(f) if f.is_file() else None
        if paras is not None and paras[r["paragraph"]:r["paragraph"] + 1] != [r["paragraph_text"]]:
            problems.append(f"{r['text']} paragraph {r['paragraph']} differs from the corpus file")
    return problems


def _sources(records: list[dict], corpus: Path | None) -> tuple[list, list[int], list[int]]:
    """What to parse: each paragraph after the one before it, or each corpus file once.
    Also, per record, where its paragraph starts in its source and which source it is."""
    from cliograph.model import SourceText

    sources, bases, which = [], [], []
    files: dict[str, int] = {}
    for r in records:
        if corpus is None:
            text = (r["context"] + "\n\n" if r["context"] else "") + r["paragraph_text"]
            sources.append(SourceText(f"{r['text']}#{r['paragraph']}", text, r["text"]))
            bases.append(len(r["context"]) + 2 if r["context"] else 0)
            which.append(len(sources) - 1)
            continue
        if r["text"] not in files:
            files[r["text"]] = len(sources)
            text = (corpus / r["text"]).read_text(encoding="utf-8")
            sources.append(SourceText(r["text"], text, r["text"]))
        paras = sources[files[r["text"]]].text.split("\n\n")
        bases.append(sum(len(p) + 2 for p in paras[:r["paragraph"]]))
        which.append(files[r["text"]])
    return sources, bases, which


def _through_coref(d):
    """The stages up to coref (the later ones never change what coref reads or fills)."""
    from cliograph.pipeline import STAGES

    for name, stage in STAGES:
        stage(d)
        if name == "coref":
            break
    return d


def evaluate(records: list[dict], nlp=None, corpus: Path | None = None) -> list[Result]:
    """Run the pipeline and compare each pronoun: on paragraph windows, or (given the
    ``corpus`` directory) on each whole corpus file."""
    from cliograph.pipeline import parse_many

    if nlp is None:
        from cliograph.nlp import load as load_nlp
        nlp = load_nlp()
    sources, bases, which = _sources(records, corpus)
    docs = [_through_coref(d) for d in parse_many(sources, nlp)]
    people = [sorted((m.tokens[0], m.entity) for m in d.mentions if m.entity is not None
                     and d.entities[m.entity].kind == "PERSON" and m.tokens[1] > m.tokens[0]) for d in docs]
    results = []
    unexplained: list[str] = []
    for r, base, k in zip(records, bases, which, strict=True):
        d = docs[k]
        at_raw = {d.clean.to_raw(t.idx): t for t in d.doc}
        para = r["paragraph_text"]
        for p in r["pronouns"]:
            o, word = p["offset"], p["pronoun"]
            tok = at_raw.get(base + o)
            if tok is None or tok.lower_ != word.lower():
                raise ValueError(f"{r['text']} #{r['paragraph']}: no token {word!r} at {o}")
            gold = p["gold"]
            gold = [None] if gold is None else [gold] if isinstance(gold, str) else list(gold)
            wanted = {norm(g) for g in gold if g is not None}
            if None in gold and p.get("note"):
                # 'none (the Americans)': no entity then; a people named so since is right
                wanted.add(norm(re.sub(r"\s*\(.*\)$", "", p["note"])))  # '(a state)' glosses it
            kinds = ("PERSON", "BODY", "FACTION", "PLACE") if word.lower() in PLURAL else ("PERSON",)
            reachable = None in gold or any(
                e.kind in kinds and wanted & {norm(n) for n in (e.name, *e.aliases)}
                for e in d.entities)
            ei = d.pronoun_entity.get(tok.i)
            if ei is None and not d.pronoun_unknown.get(tok.i):
                unexplained.append(f"{r['text']}#{r['paragraph']}@{o}")
            if ei is None:
                predicted, correct = None, None in gold
            else:
                ent = d.entities[ei]
                predicted = ent.name
                correct = bool(wanted & {norm(n) for n in (ent.name, *ent.aliases)})
            snippet = f"{para[max(0, o - 90):o]}[{word}]{para[o + len(word):o + 40]}"
            # the baseline: the person named last before the pronoun
            before = [e for i, e in people[k] if i < tok.i]
            if before:
                last = d.entities[before[-1]]
                baseline = bool(wanted & {norm(n) for n in (last.name, *last.aliases)})
            else:
                baseline = None in gold
            results.append(Result(r["text"], r["paragraph"], o, word, gold, predicted, correct,
                                  snippet, p.get("note"), r.get("set", "dev"), reachable, baseline))
    if unexplained:
        raise ValueError(f"pronouns left unresolved without a reason: {', '.join(unexplained)}")
    return results


def score(results: list[Result]) -> dict[str, float]:
    n = len(results)
    resolved = [x for x in results if x.predicted is not None]
    with_gold = [x for x in results if any(g is not None for g in x.gold)]
    right_resolved = sum(x.correct for x in resolved)
    return {
        "n": n,
        "accuracy": sum(x.correct for x in results) / n if n else 0.0,
        "precision": right_resolved / len(resolved) if resolved else 0.0,
        "recall": right_resolved / len(with_gold) if with_gold else 0.0,
        "resolved": len(resolved),
        "with_gold": len(with_gold),
        "missing": sum(not x.reachable for x in results),
        "baseline": sum(x.baseline for x in results) / n if n else 0.0,
    }


def _table(title: str, groups: dict[str, list[Result]]) -> list[str]:
    lines = [f"{title:<30} {'n':>4} {'gold':>5} {'acc':>6} {'prec':>6} {'rec':>6} {'missing':>8}"]
    for key in sorted(groups):
        s = score(groups[key])
        lines.append(f"{key:<30} {s['n']:>4} {s['with_gold']:>5} {s['accuracy']:>6.3f} "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['missing']:>8}")
    return lines


def report(results: list[Result], show_errors: bool = False) -> str:
    s = score(results)
    groups: dict[str, dict[str, list[Result]]] = defaultdict(lambda: defaultdict(list))
    for x in results:
        groups["pronoun"][x.pronoun.lower()].append(x)
        groups["text"][x.text].append(x)
        groups["set"][x.set].append(x)
    lines = []
    for title in ("pronoun", "text", "set"):
        lines += [*_table(title, groups[title]), ""]
    if show_errors:
        lines.append("errors:")
        for x in results:
            if not x.correct:
                gold = "/".join(g or "none" for g in x.gold) + (f" ({x.note})" if x.note else "")
                flag = "" if x.reachable else "  [no such entity]"
                lines.append(f"  {x.text}#{x.paragraph}@{x.offset} {x.pronoun!r}: gold {gold}, "
                             f"got {x.predicted or 'none'}{flag}\n      …{x.snippet}…")
        lines.append("")
    lines.append(f"pronouns {s['n']} (with antecedent {s['with_gold']}, resolved {s['resolved']}, "
                 f"antecedent missing from the entities {s['missing']}): accuracy "
                 f"{s['accuracy']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}")
    lines.append(f"baseline (the person named last before the pronoun): accuracy {s['baseline']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--mode", choices=("files", "windows"),
                    help="whole corpus files (default when --corpus exists) or paragraph windows")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    records = load(args.data)
    mode = args.mode or ("files" if args.corpus.is_dir() else "windows")
    problems = check_corpus(records, args.corpus)
    for problem in problems:
        print("warning:", problem, file=sys.stderr)
    if mode == "files" and (problems or not args.corpus.is_dir()):
        ap.error(f"--mode files needs the corpus files as annotated, in {args.corpus}")
    results = evaluate(records, corpus=args.corpus if mode == "files" else None)
    print(f"mode: {mode}\n")
    print(report(results, args.show_errors))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main())
