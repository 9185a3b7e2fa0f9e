"""What the exporters share: the selection the filters make, time as fractional years,
and text made safe for XML.

Selection (the same in every format): ``kind`` keeps the entities of that kind and the
facts whose subject is one of them; the graph formats, whose edges need both ends, also
need the object to be kept. ``type_`` and ``min_confidence`` filter facts. Only the set
of kept entity ids is held in memory; facts are read one at a time from the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from .. import edtf
from ..store import Store

T = TypeVar("T")


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


class Selection:
    """The entities and facts an export writes, read lazily from the store.

    Iterate :meth:`entities` first: it records the kept entity ids that :meth:`facts`
    filters on when a kind is given.
    """

    def __init__(self, store: Store, *, kind: str | None = None, type_: str | None = None,
                 min_confidence: float = 0.0, rejected: bool = False) -> None:
        self.store = store
        self.kind = kind
        self.type_ = type_
        self.min_confidence = min_confidence or 0.0
        self.rejected = rejected
        self.kept: set[str] | None = None

    def entities(self) -> Iterator[dict[str, Any]]:
        kept: set[str] = set()
        for e in self.store.entities(self.kind):
            kept.add(e["id"])
            yield e
        self.kept = kept

    def _kept(self) -> set[str]:
        if self.kept is None:  # facts asked for before entities: collect the ids only
            self.kept = {r["id"] for r in self.store.db.query(
                "select id from entities where kind = ?", [self.kind])}
        return self.kept

    def facts(self, *, edges_only: bool = False) -> Iterator[dict[str, Any]]:
        """Facts passing the filters; ``edges_only``: those joining two kept entities."""
        kept = self._kept() if self.kind else None
        for row in self.store.facts(type_=self.type_, min_confidence=self.min_confidence,
                                    rejected=self.rejected):
            if kept is not None and row["subject_id"] not in kept:
                continue
            if edges_only and (not row["object_id"]
                               or (kept is not None and row["object_id"] not in kept)):
                continue
            yield row


# ------------------------------------------------------------------- time


def edtf_bounds(value: str | None) -> tuple[float | None, float | None]:
    """The interval an EDTF value covers, as fractional astronomical years (``edtf.bounds``:
    the one reading the store, query layer and web share; 82 BC is ``[-81, -80)``); an
    open or unreadable end is ``None``.

        >>> edtf_bounds("1922")
        (1922.0, 1923.0)
        >>> edtf_bounds("1919/..")
        (1919.0, None)
    """
    return edtf.bounds(value) or (None, None)


def fact_interval(row: dict[str, Any]) -> tuple[float | None, float | None]:
    """When a fact holds, as fractional years ``(from, to)``, the same interval the query
    layer and the web timeline use (``edtf.fact_interval``): an office held "from 1922"
    is open at the end, an event's start without an end is that day, month or year.
    ``(None, None)`` when the fact is undated."""
    iv = edtf.fact_interval(row)
    return (iv.lo, iv.hi) if iv.dated else (None, None)


# ------------------------------------------------------------------- XML

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def fact_attributes(row: dict[str, Any]) -> dict[str, Any]:
    """The attributes a graph edge carries for one fact (the graph formats each add the
    names their readers expect for type, weight and the EDTF start and end)."""
    lo, hi = fact_interval(row)
    return {
        "relation": row["type"], "confidence": row["confidence"], "role": row["role"],
        "topic": row["topic"], "condition": row["condition"], "text": row["text"],
        "time": row["time"], "from": lo, "to": hi, "inferred": bool(row["inferred"]),
        "julian": row["julian"], "body": row["body_id"], "place": row["place_id"],
        "doc": row["doc_id"], "doc_title": row.get("doc_title"), "evidence": row["evidence"],
        "evidence_start": row["evidence_start"], "evidence_end": row["evidence_end"],
        "extractor": row["extractor"],
    }


def xml_text(value: object) -> str:
    """A value as text XML 1.0 can carry (control characters dropped)."""
    return _NOT_XML.sub("", str(value))
