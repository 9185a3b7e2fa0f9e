"""What the exporters share: the selection the filters make, time as fractional years,
and text made safe for XML.

Selection (the same in every format): ``kind`` keeps the entities of that kind and the
facts whose subject is one of them; the graph formats, whose edges need both ends, also
need the object to be kept. ``type_`` and ``min_confidence`` filter facts. Only the set
of kept entity ids is held in memory; facts are read one at a time from the store.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

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

_DATE = re.compile(r"^(?P<y>[+-]?[\dX]{4,})(?:-(?P<m>[\dX]{2})(?:-(?P<d>[\dX]{2}))?)?$")

# EDTF month codes 21-41 (seasons, quarters, quadrimesters, semesters): first and last month;
# a last month past 12 runs into the next year (winter).
_SUB_YEAR = {
    21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14),
    25: (3, 5), 26: (6, 8), 27: (9, 11), 28: (12, 14),
    29: (9, 11), 30: (12, 14), 31: (3, 5), 32: (6, 8),
    33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12),
    37: (1, 4), 38: (5, 8), 39: (9, 12), 40: (1, 6), 41: (7, 12),
}


def _r(x: float) -> float:
    return round(x, 6)


def edtf_bounds(value: str | None) -> tuple[float | None, float | None]:
    """The earliest and latest instant an EDTF value can mean, as fractional years.

    A year ``Y`` covers ``[Y, Y+1)``; a month ``m`` of it ``[Y+(m-1)/12, Y+m/12)``; a day its
    share of the (proleptic Gregorian) year. Years BC keep the spec's numbering (82 BC is
    -82, covering ``[-82, -81)``), so there is no year zero on the line. Intervals take
    the start of their first part and the end of their last; an open (``..``) or unknown
    end is ``None``. Anything this does not read gives ``(None, None)``.

        >>> edtf_bounds("1922")
        (1922.0, 1923.0)
        >>> edtf_bounds("1919/..")
        (1919.0, None)
    """
    if not value:
        return None, None
    v = value.strip()
    if "/" in v:
        a, b = v.split("/", 1)
        lo = None if a.strip() in ("", "..") else edtf_bounds(a)[0]
        hi = None if b.strip() in ("", "..") else edtf_bounds(b)[1]
        return lo, hi
    if len(v) >= 2 and v[0] in "[{" and v[-1] in "]}":
        parts = [edtf_bounds(p) for p in re.split(r",|\.\.", v[1:-1]) if p.strip()]
        los = [p[0] for p in parts if p[0] is not None]
        his = [p[1] for p in parts if p[1] is not None]
        return (min(los) if los else None), (max(his) if his else None)
    v = re.sub(r"[?~%]", "", v).split("T", 1)[0]
    if v.startswith("Y"):  # EDTF long years: Y-12000, Y170000002
        try:
            y = int(v[1:].split("E", 1)[0])
        except ValueError:
            return None, None
        return float(y), float(y + 1)
    m = _DATE.match(v)
    if not m:
        return None, None
    ys = m["y"]
    neg = ys.startswith("-")
    digits = ys.lstrip("+-")
    if "X" in digits:  # unspecified digits: 14XX is 1400-1499
        a, b = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
        lo_y, hi_y = (-b, -a) if neg else (a, b)
        return float(lo_y), float(hi_y + 1)
    y = -int(digits) if neg else int(digits)
    month = m["m"]
    if month is None or "X" in month:
        return float(y), float(y + 1)
    mn = int(month)
    if mn in _SUB_YEAR:
        first, last = _SUB_YEAR[mn]
        return _r(y + (first - 1) / 12), _r(y + last / 12)
    if not 1 <= mn <= 12:
        return None, None
    day = m["d"]
    if day is None or "X" in day:
        return _r(y + (mn - 1) / 12), _r(y + mn / 12)
    astro = y + 1 if y < 0 else y  # leap years follow the astronomical count (1 BC is 0)
    leap = calendar.isleap(astro)
    dn = int(day)
    lengths = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not 1 <= dn <= lengths[mn - 1]:
        return None, None
    doy = sum(lengths[: mn - 1]) + dn
    n = 366 if leap else 365
    return _r(y + (doy - 1) / n), _r(y + doy / n)


def fact_interval(row: dict[str, Any]) -> tuple[float | None, float | None]:
    """When a fact holds, as fractional years ``(from, to)``; ``None`` is open or unknown.

    A fact with a start and no end (an office held "from 1922") is open at the end; a
    point in time covers its whole period at the precision given (``1922-04``: April).
    Where the EDTF value cannot be read, the store's ``sort_from``/``sort_to`` stand in.
    """
    start, end, when = row.get("time_start"), row.get("time_end"), row.get("time")
    if start or end:
        lo = edtf_bounds(start)[0] if start else None
        hi = edtf_bounds(end)[1] if end else None
        if start and lo is None:
            lo = row.get("sort_from")
        if end and hi is None:
            hi = row.get("sort_to")
        return lo, hi
    if when:
        lo, hi = edtf_bounds(when)
        if lo is None and hi is None and "/" not in when:
            lo, hi = row.get("sort_from"), row.get("sort_to")
        return lo, hi
    return None, None


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
