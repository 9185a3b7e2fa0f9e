"""Time values as intervals of fractional years, and as historians write them.

Facts carry EDTF strings at the precision the text gives; the query layer needs them as
half-open intervals it can compare, and the pages need them as words. Here:

- ``bounds("1922-04")`` is the interval April 1922 covers, in *fractional astronomical
  years* (``1922.0`` is 1 January 1922; 1 BC is year 0, 82 BC is -81), so a year-only
  date covers the whole year and BC dates order correctly;
- ``date_label("-0044-03-15")`` is '15 March 44 BC';
- ``parse_date`` reads a date a user typed, or raises a one-line UsageError.

The calendar is the proleptic Gregorian one throughout. This reader is deliberately
small and separate from the ingest-time normaliser (``timex``): it reads the EDTF subset
stored facts use plus EDTF qualifiers (``~``, ``?``, ``%``), and any value it cannot read
falls back to the ``sort_from``/``sort_to`` keys stored beside it.

    >>> bounds("1922-04")
    (1922.2465753424658, 1922.3287671232877)
    >>> bounds("-0082")          # 82 BC
    (-81.0, -80.0)
    >>> date_label("1922-04-08"), date_label("-0044-03-15")
    ('8 April 1922', '15 March 44 BC')
"""

from __future__ import annotations

import math
import re

from .errors import UsageError

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
