"""CSV export: a folder with three files, for spreadsheets, pandas, R and OpenRefine.

- ``entities.csv``: one row per entity: id, kind, name, aliases (joined with `` | ``),
  mentions, ambiguous, note;
- ``aliases.csv``: one row per name an entity goes by in a document, with the mention that
  justifies it (``canonical`` is 1 for the entity's own name);
- ``facts.csv``: one row per factoid, in the spec's vocabulary, with the names of the
  entities it joins, its times (EDTF and fractional years), the document, the evidence
  sentence and its character offsets in the document, the extractor and the confidence.

UTF-8 without a byte-order mark, comma-separated, RFC 4180 quoting, ``\\n`` line ends; an
empty cell is a missing value. Each file is written as ``NAME.part`` and renamed when
complete. Rows are streamed from the store, never held all at once.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..store import Store
from ._common import Selection

ENTITY_COLUMNS = ("id", "kind", "name", "aliases", "mentions", "ambiguous", "note")
ALIAS_COLUMNS = ("entity_id", "alias", "canonical", "doc_id", "start", "end", "rule")
FACT_COLUMNS = (
    "id", "type", "subject_id", "subject_name", "object_id", "object_name",
    "time", "time_start", "time_end", "inferred", "julian", "sort_from", "sort_to",
    "role", "topic", "condition", "text", "place_id", "body_id",
    "doc_id", "doc_title", "evidence_start", "evidence_end", "evidence",
    "extractor", "confidence",
)
ALIAS_SEPARATOR = " | "


def _write(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore",
                               lineterminator="\n")
            w.writeheader()
            for row in rows:
                w.writerow(row)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_csv(store: Store, out: str | os.PathLike[str], *, kind: str | None = None,
              type_: str | None = None, min_confidence: float = 0.0) -> None:
    """Write entities.csv, aliases.csv and facts.csv into the folder ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    sel = Selection(store, kind=kind, type_=type_, min_confidence=min_confidence)

    def entities() -> Iterable[dict[str, Any]]:
        for e in sel.entities():
            yield {**e, "aliases": ALIAS_SEPARATOR.join(e["aliases"]),
                   "ambiguous": int(bool(e["ambiguous"]))}

    _write(folder / "entities.csv", ENTITY_COLUMNS, entities())

    where, params = ("where e.kind = ?", [kind]) if kind else ("", [])
    aliases = store.db.query(
        "select a.entity_id, a.alias, (a.alias = e.name) as canonical, a.doc_id,"
        ' a.start, a."end", a.rule from aliases a join entities e on e.id = a.entity_id'
        f" {where} order by a.entity_id, a.doc_id, a.start", params)
    _write(folder / "aliases.csv", ALIAS_COLUMNS, aliases)

    _write(folder / "facts.csv", FACT_COLUMNS, sel.facts())
