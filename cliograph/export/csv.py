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

A text cell that a spreadsheet would run as a formula (one beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return: a name or a quotation in a hostile source can)
is written with a leading ``'``, which spreadsheets show as text. Numbers, and dates
such as ``-0044-03-15`` (digits, ``-``, ``/``, ``.``, ``X``, ``~``, ``?``, ``%``), are
left as they are.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..store import Store
from ._common import Selection

ENTITY_COLUMNS = ("id", "kind", "name", "aliases", "mentions", "ambiguous", "note", "review")
ALIAS_COLUMNS = ("entity_id", "alias", "canonical", "doc_id", "start", "end", "rule")
FACT_COLUMNS = (
    "id", "type", "subject_id", "subject_name", "object_id", "object_name",
    "time", "time_start", "time_end", "inferred", "julian", "sort_from", "sort_to",
    "role", "topic", "condition", "text", "place_id", "body_id",
    "doc_id", "doc_title", "evidence_start", "evidence_end", "evidence",
    "extractor", "confidence", "review",
)
ALIAS_SEPARATOR = " | "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_DATE = re.compile(r"-?[0-9][0-9X./~?%-]*")


def neutralise(value: Any) -> Any:
    """A text cell made safe to open in a spreadsheet (see the module docstring)."""
    if (isinstance(value, str) and value.startswith(_FORMULA_START)
            and not _NUMBER_OR_DATE.fullmatch(value)):
        return "'" + value
    return value


def _write(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore",
                               lineterminator="\n")
            w.writeheader()
            for row in rows:
                w.writerow({k: neutralise(v) for k, v in row.items()})
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_csv(store: Store, out: str | os.PathLike[str], *, kind: str | None = None,
              type_: str | None = None, min_confidence: float = 0.0,
              rejected: bool = False) -> None:
    """Write entities.csv, aliases.csv and facts.csv into the folder ``out``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    sel = Selection(store, kind=kind, type_=type_, min_confidence=min_confidence,
                    rejected=rejected)

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
