"""JSON export in the field names of the fact model (spec/facts.md), so the referee's
scorer and any other tool that reads the gold format read it too. Written as a stream:
one entity or fact at a time, never the whole store in memory."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import IO, Any

from ..store import Store

# store column -> spec field
FACT_FIELDS = (
    ("time", "time"), ("time_start", "start"), ("time_end", "end"), ("role", "role"),
    ("topic", "topic"), ("condition", "condition"), ("text", "text"), ("place_id", "place"),
    ("body_id", "body"), ("julian", "julian"), ("time_sense", "time_sense"),
    ("end_basis", "end_basis"),
)


def fact_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored fact as the spec writes it."""
    rec: dict[str, Any] = {"id": row["id"], "type": row["type"], "subject": row["subject_id"]}
    if row["object_id"]:
        rec["object"] = row["object_id"]
    for col, name in FACT_FIELDS:
        if row.get(col) is not None:
            rec[name] = row[col]
    if row["inferred"]:
        rec["inferred"] = True
    rec.update({
        "evidence": row["evidence"], "doc": row["doc_id"], "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"], "extractor": row["extractor"],
        "confidence": row["confidence"],
    })
    if row.get("review", "machine") != "machine":
        rec["review"] = row["review"]
    return rec


def write_json(store: Store, out: IO[str], *, kind: str | None = None, type_: str | None = None,
               min_confidence: float = 0.0, rejected: bool = False) -> None:
    """The store as the spec's JSON; the facts a person rejected only when ``rejected``
    (each fact and entity a person reviewed says how: ``review``)."""
    docs = store.documents()
    name = PurePath(docs[0]["source"]).name if len(docs) == 1 else "corpus"
    listed = json.dumps([{k: d[k] for k in ("id", "source", "title")} for d in docs])
    out.write(f'{{"document": {json.dumps(name)},\n "documents": {listed},\n "entities": [')
    kept: set[str] = set()
    first = True
    for e in store.entities(kind):
        kept.add(e["id"])
        rec = {"id": e["id"], "kind": e["kind"], "name": e["name"], "aliases": e["aliases"]}
        if e["ambiguous"]:
            rec["ambiguous"] = True
        if e.get("review", "machine") != "machine":
            rec["review"] = e["review"]
        out.write(("\n  " if first else ",\n  ") + json.dumps(rec, ensure_ascii=False))
        first = False
    out.write('\n ],\n "facts": [')
    first = True
    for row in store.facts(type_=type_, min_confidence=min_confidence, rejected=rejected):
        if kind and row["subject_id"] not in kept:
            continue
        out.write(("\n  " if first else ",\n  ") + json.dumps(fact_record(row), ensure_ascii=False))
        first = False
    out.write("\n ]\n}\n")
