"""EDTF values: the one place that reads them as time (issue 18).

Facts carry EDTF strings at the precision the text gives (``1922``, ``1922-04``,
``1922-22`` for summer, ``1920/1921``, ``1919/..``, ``14XX``). Everything that compares,
orders, draws or words them (the store's sort keys, the query layer, the exports, the web
timeline) asks this module, so that a value means one interval everywhere:

- ``bounds("1922-04")`` is the half-open interval April 1922 covers, in *fractional
  astronomical years* (``1922.0`` is 1 January 1922; a month or day is its share of the
  days of the year, proleptic Gregorian);
- ``sort_key(value)`` is the start of that interval (an open start: its known end);
- ``fact_interval(row)`` is when a stored fact holds;
- ``date_label("-0044-03-15")`` is '15 March 44 BC'; ``parse_date`` reads a date a user
  typed, or raises a one-line UsageError.

**Years BC.** Stored values follow the project's fact model (shared/spec/facts.md) and
XML Schema 1.0: years BC are negative with no year zero, as historians count, so
``-0082`` is 82 BC and ``-0001`` is 1 BC. (ISO 8601-2/EDTF proper numbers years
astronomically, ``0000`` being 1 BC and ``-0001`` 2 BC; the spec and the gold files use
the historians' count, and so do we.) Arithmetic is done on the astronomical line, which
has a year zero so that BC intervals are as long as AD ones: 82 BC covers
``[-81.0, -80.0)``, 1 BC ``[0.0, 1.0)``, AD 1 ``[1.0, 2.0)``. This is the only conversion
in the code base.

The ingest-time normaliser (``timex``) turns phrases into these strings; this module only
reads them (plus the qualifiers ``~ ? %``, sets ``[a,b]``/``{a,b}`` and long years
``Y-12000``); a value it cannot read falls back to the ``sort_from``/``sort_to`` keys
stored beside it.

    >>> bounds("1922-04")
    (1922.2465753424658, 1922.3287671232877)
    >>> bounds("-0082")          # 82 BC
    (-81.0, -80.0)
    >>> date_label("1922-04-08"), date_label("-0044-03-15")
    ('8 April 1922', '15 March 44 BC')
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from .errors import UsageError

__all__ = [
    "STANDING", "Interval", "bounds", "date_label", "edtf_day", "fact_interval", "iso_day",
    "parse_date", "precision", "sort_key", "span", "year_label",
]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
#: EDTF level-1/2 sub-year groupings -> (first month, months long, name)
_DIVISIONS = {
    21: (3, 3, "spring"), 22: (6, 3, "summer"), 23: (9, 3, "autumn"), 24: (12, 3, "winter"),
    25: (3, 3, "spring"), 26: (6, 3, "summer"), 27: (9, 3, "autumn"), 28: (12, 3, "winter"),
    29: (9, 3, "spring"), 30: (12, 3, "summer"), 31: (3, 3, "autumn"), 32: (6, 3, "winter"),
    33: (1, 3, "first quarter"), 34: (4, 3, "second quarter"), 35: (7, 3, "third quarter"),
    36: (10, 3, "fourth quarter"), 37: (1, 4, "first third"), 38: (5, 4, "second third"),
    39: (9, 4, "last third"), 40: (1, 6, "first half"), 41: (7, 6, "second half"),
}
_POINT = re.compile(r"^(?P<neg>-?)(?P<y>\d{1,4}|\d{0,3}X{1,4})"
                    r"(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?$")
_DATE_INPUT = re.compile(r"^(-?)(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _leap(y: int) -> bool:
    """Proleptic Gregorian leap year, for an astronomical year number."""
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y: int, m: int) -> int:
    return (31, 29 if _leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]


def _frac(y: int, m: int = 1, d: int = 1) -> float:
    """Astronomical year, month, day -> fractional year (the start of that day)."""
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    doy = sum(_days_in_month(y, k) for k in range(1, m)) + d - 1
    return y + doy / (366 if _leap(y) else 365)


def _day(f: float) -> tuple[int, int, int]:
    """Fractional year -> astronomical (year, month, day), to the nearest day."""
    y = math.floor(f)
    n = 366 if _leap(y) else 365
    doy = round((f - y) * n)
    if doy >= n:
        y, doy = y + 1, 0
    m = 1
    while doy >= _days_in_month(y, m):
        doy -= _days_in_month(y, m)
        m += 1
    return y, m, doy + 1


def _astro(historian_year: int) -> int:
    """Historians' years (no year zero; -82 is 82 BC) -> astronomical (82 BC is -81)."""
    return historian_year + 1 if historian_year < 0 else historian_year


def _historian(astro_year: int) -> int:
    return astro_year - 1 if astro_year <= 0 else astro_year


def iso_day(f: float) -> str:
    """Fractional year -> an ISO 8601 date JavaScript's ``Date`` parses (astronomical
    years; outside 0000-9999 in the expanded ``±YYYYYY`` form)."""
    y, m, d = _day(f)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):06d}"
    return f"{year}-{m:02d}-{d:02d}"


def edtf_day(f: float) -> str:
    """Fractional year -> an EDTF day as historians write it (``-0044-03-15`` is 44 BC)."""
    y, m, d = _day(f)
    h = _historian(y)
    return f"{'-' if h < 0 else ''}{abs(h):04d}-{m:02d}-{d:02d}"


def _point_bounds(s: str) -> tuple[float, float, str] | None:
    s = re.sub(r"[~?%]", "", s.strip())
    match = _POINT.match(s)
    if not match:
        return None
    ys, ms, ds = match["y"], match["m"], match["d"]
    sign = -1 if match["neg"] else 1
    if "X" in ys:
        lo_y, hi_y = int(ys.replace("X", "0") or 0), int(ys.replace("X", "9"))
        a, b = sorted((_astro(sign * lo_y), _astro(sign * hi_y)))
        precision = {1: "decade", 2: "century", 3: "millennium"}.get(ys.count("X"), "era")
        return _frac(a), _frac(b + 1), precision
    y = _astro(sign * int(ys))
    if ms is None or ms == "XX":
        return _frac(y), _frac(y + 1), "year"
    m = int(ms)
    if m in _DIVISIONS:
        first, length, _ = _DIVISIONS[m]
        return _frac(y, first), _frac(y, first + length), "season"
    if not 1 <= m <= 12:
        return None
    if ds is None or ds == "XX":
        return _frac(y, m), _frac(y, m + 1), "month"
    d = int(ds)
    if not 1 <= d <= _days_in_month(y, m):
        return None
    lo = _frac(y, m, d)
    hi = _frac(y, m, d + 1) if d < _days_in_month(y, m) else _frac(y, m + 1)
    return lo, hi, "day"


def bounds(edtf: str | None) -> tuple[float | None, float | None] | None:
    """The half-open interval an EDTF value covers, in fractional astronomical years.

    ``None`` for an open end (``1919/..``); ``None`` overall when the value cannot be read.

    Example:
        >>> bounds("1920/1921")
        (1920.0, 1922.0)
        >>> bounds("1919/..")
        (1919.0, None)
    """
    got = span(edtf)
    return None if got is None else (got[0], got[1])


def precision(edtf: str | None) -> str | None:
    """'day', 'month', 'season', 'year', 'decade', 'century', 'interval' or None."""
    got = span(edtf)
    return None if got is None else got[2]


def span(edtf: str | None) -> tuple[float | None, float | None, str] | None:
    """``(lo, hi, precision)`` of an EDTF value (see ``bounds``), or None."""
    if not edtf:
        return None
    edtf = edtf.strip()
    if len(edtf) >= 2 and edtf[0] in "[{" and edtf[-1] in "]}":
        return _set_span(edtf)
    if edtf.startswith("Y"):
        return _long_year(edtf)
    if "/" in edtf:
        a, _, b = edtf.partition("/")
        lo = hi = None
        if a not in ("", ".."):
            pa = _point_bounds(a)
            if pa is None:
                return None
            lo = pa[0]
        if b not in ("", ".."):
            pb = _point_bounds(b)
            if pb is None:
                return None
            hi = pb[1]
        if lo is None and hi is None:
            return None
        return lo, hi, "interval"
    return _point_bounds(edtf)


def _set_span(edtf: str) -> tuple[float | None, float | None, str] | None:
    """A set (``[1667,1668]``, one of them; ``{1667..1672}``, all of them) spans from its
    earliest member to its latest."""
    parts = [span(p) for p in re.split(r",|\.\.", edtf[1:-1]) if p.strip()]
    los = [p[0] for p in parts if p is not None and p[0] is not None]
    his = [p[1] for p in parts if p is not None and p[1] is not None]
    if not los and not his:
        return None
    return (min(los) if los else None), (max(his) if his else None), "interval"


def _long_year(edtf: str) -> tuple[float, float, str] | None:
    """EDTF's long years ('Y-12000', 'Y170000002'; exponents not read), historians' count."""
    try:
        y = _astro(int(edtf[1:].split("E", 1)[0]))
    except ValueError:
        return None
    return float(y), float(y + 1), "year"


_cached_span = functools.lru_cache(maxsize=16384)(lambda v: span(v))


def sort_key(edtf: str | None) -> float | None:
    """Where a value sits on the line, for ordering: the start of its interval, or its
    known end when the start is open (``../1922``); None when it cannot be read. BC sorts
    before AD: ``sort_key("-0082") == -81.0``."""
    got = span(edtf)
    if got is None:
        return None
    return got[0] if got[0] is not None else got[1]


@dataclass
class Interval:
    """When a fact holds: ``lo``/``hi`` are fractional years, ``None`` when open."""

    lo: float | None
    hi: float | None
    dated: bool
    precision: str | None = None

    def overlaps(self, lo: float | None, hi: float | None) -> bool:
        if not self.dated:
            return True
        return ((self.lo is None or hi is None or self.lo < hi)
                and (self.hi is None or lo is None or self.hi > lo))


#: Fact types that hold from a start until an end; the others happen at a time (a start
#: without an end is a point at the start's precision, never an open interval).
STANDING = frozenset({"HOLDS_OFFICE", "MEMBER_OF", "ALLY", "OPPOSES", "SUPPORTS_POLICY",
                      "OPPOSES_POLICY", "KIN", "HEALTH"})


def fact_interval(row: dict[str, Any], inferred_ends: bool = True) -> Interval:
    """The interval a stored fact's time covers (time, else start/end, else its sort keys).

    An event's start without an end is the start itself (a day, a month...): 'Sverdlov's
    death, March 1919' is not under way in 1922. An end the text does not state
    (``end_basis``, or none at all) counts only with ``inferred_ends``; without it a fact
    with a start holds where the sources attest it, its start."""
    end = row.get("time_end")
    if not inferred_ends and (end and row.get("end_basis") or not end):
        end = None
        if row.get("time_start") and not row.get("time"):
            got = _cached_span(row["time_start"])
            if got is not None:
                return Interval(got[0], got[1], True, got[2])
    if row.get("time"):
        got = _cached_span(row["time"])
        if got is not None:
            return Interval(got[0], got[1], True, got[2])
    elif row.get("time_start") and not end and row.get("type") not in STANDING:
        got = _cached_span(row["time_start"])
        if got is not None:
            return Interval(got[0], got[1], True, got[2])
    elif row.get("time_start") or end:
        s = _cached_span(row.get("time_start")) if row.get("time_start") else None
        e = _cached_span(end) if end else None
        if (s or e) and (s is not None or not row.get("time_start")) and (
                e is not None or not end):
            return Interval(s[0] if s else None, e[1] if e else None, True,
                            s[2] if s else e[2] if e else None)
    lo, hi = row.get("sort_from"), row.get("sort_to")
    if lo is None and hi is None:
        return Interval(None, None, False)
    lo = lo if lo is not None else hi
    hi = max(hi if hi is not None else lo, lo) + 1 / 365
    return Interval(lo, hi, True, None)


def year_label(astro_year: int) -> str:
    """An astronomical year as historians write it: 1922, 44 BC (astronomical -43)."""
    h = _historian(astro_year)
    return f"{-h} BC" if h < 0 else str(h)


def _point_label(s: str) -> str:
    approx = "c. " if "~" in s or "%" in s else ""
    doubt = "?" if "?" in s or "%" in s else ""
    clean = re.sub(r"[~?%]", "", s.strip())
    match = _POINT.match(clean)
    if not match:
        return s
    ys, ms, ds = match["y"], match["m"], match["d"]
    if "X" in ys:
        lo = ys.replace("X", "0")
        unit = {1: "s", 2: "s", 3: "s"}.get(ys.count("X"), "s")
        bc = " BC" if match["neg"] else ""
        return f"{approx}{int(lo or 0)}{unit}{bc}{doubt}"
    year = year_label(_astro((-1 if match["neg"] else 1) * int(ys)))
    if ms is None or ms == "XX":
        return f"{approx}{year}{doubt}"
    m = int(ms)
    if m in _DIVISIONS:
        return f"{approx}{_DIVISIONS[m][2]} {year}{doubt}"
    if not 1 <= m <= 12:
        return s
    if ds is None or ds == "XX":
        return f"{approx}{_MONTHS[m - 1]} {year}{doubt}"
    return f"{approx}{int(ds)} {_MONTHS[m - 1]} {year}{doubt}"


def date_label(edtf: str | None) -> str:
    """An EDTF value as a historian reads it: '8 April 1922', 'spring 1922', '82 BC',
    '1920–1921', 'from 1919'. Unreadable values come back as they are."""
    if not edtf:
        return ""
    if "/" in edtf:
        a, _, b = edtf.partition("/")
        a_open, b_open = a in ("", ".."), b in ("", "..")
        if a_open and b_open:
            return edtf
        if b_open:
            return f"from {_point_label(a)}"
        if a_open:
            return f"until {_point_label(b)}"
        return f"{_point_label(a)}–{_point_label(b)}"
    return _point_label(edtf)


def parse_date(date: str) -> tuple[float, float]:
    """A date typed by a user (YYYY-MM-DD, YYYY-MM or YYYY; a leading '-' for BC) ->
    its interval. Raises UsageError with a one-line message otherwise.

    Example:
        >>> parse_date("1922-05-01")[0] == bounds("1922-05-01")[0]
        True
    """
    text = (date or "").strip()
    match = _DATE_INPUT.match(text) if text.isascii() else None  # not '١٩٢٢' nor '１９２２'
    got = _point_bounds(text) if match else None
    if got is None or (match and int(match[2]) == 0):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise UsageError(
            f"invalid date '{shown}': use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 1922-05-01; "
            f"-0044-03-15 for 44 BC)")
    return got[0], got[1]
