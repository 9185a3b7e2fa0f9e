"""Time expressions: date phrases in history prose -> EDTF values.

The public API:

``normalise(phrase, anchor=None) -> When | None``
    One date phrase (typically the text of a spaCy ``DATE`` entity, or a span
    from :func:`find_dates`) to a :class:`~cliograph.model.When`. Never raises.
``is_valid_edtf(value) -> bool``
    Whether ``value`` belongs to the EDTF subset this module produces.
``precision(value) -> str``
    ``day``, ``month``, ``season``, ``year``, ``decade``, ``century``,
    ``interval`` or ``open``.
``bounds(value) -> tuple[str | None, str | None] | None``
    The earliest and latest ISO day the value covers (``None`` for an open end).
``sort_key(value) -> float``
    A fractional year (``1921.16`` for ``1921-03``, ``-82.0`` for 82 BC) for ordering.
``find_dates(text) -> list[tuple[int, int, str]]``
    Date phrases in raw text, for the shapes spaCy's NER misses.
``Narrative``
    HeidelTime-style narrative anchoring over a document, phrase by phrase.

The value subset
----------------
* ``1921``, ``1921-03``, ``1921-03-08``: ISO 8601 prefixes at the precision the text
  gives. ``1921-21`` .. ``1921-24``: spring, summer, autumn, winter (EDTF season codes).
* Years BC are negative **with no year zero** (the project's convention, *not*
  ISO's astronomical numbering): 82 BC is ``-0082``, 1 BC is ``-0001``.
* ``192X`` a decade, ``14XX`` a century. Centuries follow the digits, the way EDTF
  does: "the fifteenth century" is ``14XX`` (1400-1499, not 1401-1500), and so
  "the first century BC" is ``-00XX`` and "the fifth century BC" ``-04XX`` (499-400
  BC rather than 500-401 BC): the same off-by-one the AD form accepts. A bare
  "the 1800s" is read as the century ``18XX``; "the 1920s" as the decade ``192X``.
* ``~`` approximate ("c. 1450" -> ``1450~``), ``?`` uncertain, ``%`` both; only on
  dates, never on ``X`` values.
* ``A/B`` closed intervals of two dates; ``A/..`` ("since 1919") and ``../B``
  ("until 1919") open ones. "before 1919" and "after 1919" are *not* intervals we
  produce: they give ``None`` (the fact is not at that date).
* A winter ``YYYY-24`` is taken to run from December YYYY to February YYYY+1 (so the
  codes 21..24 sort within the year). "the winter of 1920-1" is, as the spec asks,
  the year interval ``1920/1921``.

Inference
---------
A phrase that lacks its year ("on 30 May", "the Ides of March", "that summer") or
is relative ("the next day", "a year later", "the following spring") takes what it
lacks from the anchor and comes back with ``inferred=True``; with no usable anchor it
gives ``None``. The anchor's reference point is its value, or for an interval its
end (the later date a narrative has reached), or for ``X`` values nothing.
Day-sized relatives ("the next day", "four days later", "that evening") need a
day-precision anchor, month-sized ones ("a month later", "the 29th") a month, year-
sized ones a year. A bare month or day takes the anchor's year as it is ("On 28
February" after 8 March 1921 is a flashback to 1921-02-28); a bare season whose
months are already past is the next one ("Spring came" after November 1786 is
``1787-21``); "that summer" is always the anchor's. Deictic words ("today", "now",
"recent years") give ``None``.

Other readings
--------------
* "early in 1921", "late 1921", "mid-1920", "the close of the year 1684", "by 1921":
  the date at the precision given (EDTF has no "early"); "c."/"about" add ``~``.
* Ranges: "March-April 1922" ``1922-03/1922-04``, "8-10 March 1921", "1920-1" and
  "1918-20" (abbreviated second year), "between 1918 and 1920", "from 1919 to 1921",
  "100-44 BC" (the era carries over), "that summer and autumn". "the five years
  after 1783" is ``1783/1788``.
* A bare number is a year only with four digits in 1000..2100, or three digits
  after "in", "the year", "since", "c." or with an era; "1,000", "p. 1921",
  "1500 men" and "13 2000" are not dates.
* Month names must be capitalised ("may", "march" are verbs). Weekdays are
  dropped ("Monday, the seventeenth of September, 1787"); a weekday alone is None.
* English dual-year dating "6 February 1684/5" is the later (historical) year.
* 29 February is accepted in any Julian leap year (``1900-02-29``), as Old Style
  sources have it.

Calendars: dates are kept in the calendar the text uses. Only where the text gives
both ("25 October (7 November) 1917", "12/25 October 1917") or marks Old Style
("25 October 1917 (O.S.)") is the Gregorian date the ``value`` and the Julian one
``julian``. Weekday arithmetic ("the first Wednesday in March 1789") uses the
Gregorian calendar from 1583 and the Julian before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from cliograph import edtf
from cliograph.model import When

__all__ = [
    "FIND_DATES_RE",
    "Narrative",
    "bounds",
    "find_dates",
    "is_valid_edtf",
    "julian_to_gregorian",
    "normalise",
    "precision",
    "sort_key",
]

# =====================================================================================
# Vocabulary and regex building blocks (the one place where patterns live)
# =====================================================================================

_MONTH_FULL = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
_MONTH_ABBR = {
    "Sept": 9, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(_MONTH_FULL, 1)}
MONTHS.update({a.lower(): n for a, n in _MONTH_ABBR.items()})

_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

SEASONS: dict[str, int] = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
#: First month of each EDTF season code (winter starts in December of its year).
SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}

#: Fixed feasts, as (month, day). The movable ones are in MOVABLE_FEASTS.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "twelfth night": (1, 5), "epiphany": (1, 6), "candlemas": (2, 2),
    "lady day": (3, 25), "may day": (5, 1), "midsummer eve": (6, 23),
    "midsummer day": (6, 24), "midsummer": (6, 24), "lammas day": (8, 1), "lammas": (8, 1),
    "michaelmas day": (9, 29), "michaelmas": (9, 29), "all saints' day": (11, 1),
    "all saints day": (11, 1), "all souls' day": (11, 2), "all souls day": (11, 2),
    "martinmas": (11, 11), "st. bartholomew's day": (8, 24), "st bartholomew's day": (8, 24),
}

#: Movable feasts, as days from Easter Sunday (the computus gives Easter's date: see
#: ``easter``): 'Whitsunday 1660', 'on Good Friday', 'the following Easter'.
MOVABLE_FEASTS: dict[str, int] = {
    "easter sunday": 0, "easter day": 0, "easter": 0, "easter monday": 1, "easter eve": -1,
    "good friday": -2, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "shrove tuesday": -47, "ascension day": 39, "whitsunday": 49, "whit sunday": 49,
    "whitsun": 49, "pentecost": 49, "whit monday": 50, "trinity sunday": 56,
    "corpus christi": 60,
}

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, **_UNITS, **_TEENS, **_TENS}
for _t, _tv in _TENS.items():
    for _u, _uv in _UNITS.items():
        NUMBER_WORDS[f"{_t}-{_u}"] = _tv + _uv
        NUMBER_WORDS[f"{_t} {_u}"] = _tv + _uv
NUMBER_WORDS["a hundred"] = NUMBER_WORDS["one hundred"] = 100

_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}
ORDINAL_WORDS: dict[str, int] = {
    **_ORD_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
for _t, _tv in (("twenty", 20), ("thirty", 30)):
    for _u, _uv in _ORD_UNITS.items():
        ORDINAL_WORDS[f"{_t}-{_u}"] = _tv + _uv
        ORDINAL_WORDS[f"{_t} {_u}"] = _tv + _uv

#: Ordinals to the ninety-ninth, for eras counted past the days of a month ('the
#: eighty-seventh Olympiad').
LONG_ORDINALS: dict[str, int] = {**ORDINAL_WORDS, "fortieth": 40, "fiftieth": 50,
                                 "sixtieth": 60, "seventieth": 70, "eightieth": 80,
                                 "ninetieth": 90}
for _t, _tv in _TENS.items():
    for _u, _uv in _ORD_UNITS.items():
        LONG_ORDINALS[f"{_t}-{_u}"] = LONG_ORDINALS[f"{_t} {_u}"] = _tv + _uv


def _alt(words, *, boundary: bool = True) -> str:
    """A regex alternation of literal words, longest first."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "[- ]") for w in parts)
    return f"(?:{body})" + (r"\b" if boundary else "")


def _month_re() -> str:
    alts = []
    for name in _MONTH_FULL:
        alts += [name + r"\b", name.upper() + r"\b"]
    for ab in sorted(_MONTH_ABBR, key=len, reverse=True):
        alts += [ab + r"\.", ab.upper() + r"\.", ab + r"\b", ab.upper() + r"\b"]
    # Month names are case-sensitive (capitalised or upper case): "may", "march" are verbs.
    return "(?-i:(?:" + "|".join(alts) + "))"


def _weekday_re() -> str:
    return "(?-i:(?:" + "|".join(w + "|" + w.upper() for w in _WEEKDAYS) + r")\b)"


MONTH = _month_re()
WEEKDAY = _weekday_re()
P_WEEKDAY_WORD = re.compile(WEEKDAY, re.I)
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)?\b"
DAY_NUM_SUFFIXED = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|d)\b"
ORDINAL = _alt(ORDINAL_WORDS)
DAY = rf"(?:{DAY_NUM}|{ORDINAL})"
ERA_BC = r"(?:B\.\s?C\.?(?:\s?E\.?)?|BCE\b|BC\b)"
ERA_AD = r"(?-i:A\.\s?D\.?|AD\b|C\.E\.?|CE\b)"
ERA = rf"(?:{ERA_BC}|{ERA_AD})"
#: A year, with or without an era: "1921", "82 BC", "44 B.C.", "AD 14", "A.D. 1066".
YEAR = rf"(?:{ERA_AD}\s*\d{{1,4}}\b|(?<![\d,.])\d{{1,4}}\s*{ERA}|(?<![\d,.])\d{{3,4}}\b(?![.,]\d))"
SEASON = _alt(SEASONS)
SEASON_ADJ = _alt((
    "long", "hot", "cold", "hard", "harsh", "bitter", "severe", "dry", "wet", "mild",
    "terrible", "dreadful", "famous", "fateful", "memorable", "great", "hungry",
))
HOLIDAY = _alt(HOLIDAYS)
FEAST = _alt(MOVABLE_FEASTS)
NUMBER = rf"(?:{_alt(NUMBER_WORDS)}|\d{{1,3}}\b)"
DASH = r"\s*[\u2013\u2014-]\s*"

# --- phrase grammar (each used with fullmatch on a cleaned phrase, re.I) -------------

_YR = rf"(?:,?\s+(?:of\s+|in\s+)?(?P<y>{YEAR}))?"
P_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?")
P_DUAL_DM = re.compile(
    rf"(?:the\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MONTH})(?:,?\s+(?P<y1>{YEAR}))?"
    rf"\s*(?:\(\s*|/\s*)(?:the\s+)?(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{MONTH})"
    rf"(?:,?\s+(?P<y2>{YEAR}))?\s*\)?(?:,?\s+(?P<y>{YEAR}))?",
    re.I,
)
P_DUAL_MD = re.compile(
    rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?\s*(?:\(\s*|/\s*)"
    rf"(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:,?\s+(?P<y2>{YEAR}))?\s*\)?(?:,?\s+(?P<y>{YEAR}))?",
    re.I,
)
P_DUAL_DD = re.compile(
    rf"(?:the\s+)?(?P<d1>{DAY_NUM})\s*(?:/|\(\s*)(?P<d2>{DAY_NUM})\s*\)?(?:\s+of)?"
    rf"\s+(?P<m1>{MONTH}){_YR}",
    re.I,
)
P_DUAL_YEAR = re.compile(  # English Old Style year dating: "6 February 1684/5"
    rf"(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH}),?\s+"
    r"(?P<y1>\d{4})\s*/\s*(?P<y2>\d{1,2})",
    re.I,
)
P_NTH_WEEKDAY = re.compile(
    rf"the\s+(?P<nth>first|second|third|fourth|fifth|last|1st|2n?d|3r?d|4th|5th)\s+"
    rf"(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?P<m>{MONTH}){_YR}",
    re.I,
)
P_ROMAN = re.compile(
    rf"(?:the\s+)?(?P<r>ides|nones|kalends|calends)\s+of\s+(?P<m>{MONTH}){_YR}", re.I
)
P_HOLIDAY = re.compile(rf"(?P<h>{HOLIDAY}){_YR}", re.I)
P_FEAST = re.compile(rf"(?P<h>{FEAST}){_YR}", re.I)
P_DMY = re.compile(rf"(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH}){_YR}", re.I)
P_MDY = re.compile(rf"(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?", re.I)
P_MY = re.compile(rf"(?:the\s+month\s+of\s+)?(?P<m>{MONTH}){_YR}", re.I)
P_SEASON = re.compile(
    rf"(?:the\s+)?(?:{SEASON_ADJ}\s+)?(?P<s>{SEASON})(?:(?:\s+of|,)?\s+(?P<y>{YEAR}))?", re.I
)
P_YEAR = re.compile(rf"(?P<the>the\s+year\s+(?:of\s+)?)?(?P<y>{YEAR})", re.I)
P_DAY_ONLY = re.compile(rf"(?:the\s+)?(?P<d>{DAY_NUM_SUFFIXED})", re.I)
P_DECADE = re.compile(rf"(?:the\s+)?(?P<dec>\d{{1,3}}0)'?s(?:\s*(?P<era>{ERA_BC}))?", re.I)
P_CENTURY = re.compile(
    rf"(?:the\s+)?(?P<n>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th|d))[\s-]+century(?:\s+(?P<era>{ERA}))?",
    re.I,
)
P_N_YEARS_AROUND = re.compile(  # "the five years after 1783"
    rf"(?:the\s+)?(?P<n>{NUMBER})\s+years\s+"
    rf"(?P<dir>after|following|since|before|preceding|prior\s+to)\s+(?P<y>{YEAR})",
    re.I,
)

_SAME_UNITS = rf"(?:day|morning|afternoon|evening|night|month|year|{SEASON}|{MONTH})"
P_REL_SAME = re.compile(
    r"(?:(?P<mod>later|earlier|early|late)\s+(?:on\s+)?(?:in\s+)?)?"
    rf"(?P<det>that\s+same|that|the\s+same|this)\s+(?:very\s+)?(?P<u>{_SAME_UNITS})",
    re.I,
)
P_REL_IN_THE = re.compile(
    r"(?:later|earlier)\s+(?:on\s+)?(?:in\s+|on\s+)?the\s+(?:same\s+)?(?P<u>day|month|year)", re.I
)
P_REL_NEXT = re.compile(
    r"(?:(?P<the>the)\s+)?"
    r"(?P<dir>next|following|succeeding|ensuing|subsequent|previous|preceding|prior|last)\s+"
    rf"(?P<u>day|morning|afternoon|evening|night|month|year|{SEASON}|{MONTH}|{FEAST}|{HOLIDAY}|{WEEKDAY})",
    re.I,
)
#: Regnal and era dating: 'in the fourth year of his consulship', 'the sixth year of the
#: truce', counted from the last anchored date (the start the story last gave).
P_NTH_YEAR = re.compile(
    rf"(?:the\s+)?(?P<n>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th|d))\s+year\s+(?:of|from|after|since)\s+"
    r"(?!(?:the\s+)?(?:Christ|our\s+Lord|grace|the\s+city)\b)[\w'’ ]{1,40}", re.I)
P_NTH_YEAR_HEAD = re.compile(
    rf"(?:the\s+)?(?:{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th|d))\s+year", re.I)
P_NTH_YEAR_TAIL = re.compile(r"\s+(?:of|from|after|since)\s+[\w'’]+(?:\s+[\w'’]+)?", re.I)
P_REL_AFTER = re.compile(
    r"the\s+(?P<u>day|morning|afternoon|evening|night|month|year)\s+"
    r"(?P<dir>after|before|following|previous)",
    re.I,
)
#: A month, day or season of a year named relatively: 'the spring of that year', 'in May
#: of the following year', 'on 3 June of the same year'.
P_OF_YEAR = re.compile(
    r"(?P<pt>.+?)\s+of\s+(?P<rel>that|the\s+same|this|the\s+following|the\s+next|the\s+succeeding|"
    r"the\s+previous|the\s+preceding|the\s+former)\s+year", re.I)
#: A day counted from a named day: 'the day before the Ides of March', 'the eve of
#: Christmas', 'two days after 14 July 1789', 'the morrow of Whitsunday'.
P_FROM_DAY = re.compile(
    rf"(?:the\s+(?P<w>day|eve|morrow|night)|(?P<n>{NUMBER})\s+days?)\s+(?P<dir>before|after|of)\s+(?P<d>.+)",
    re.I)
#: A part of the month or year the story is in: 'at the end of the month', 'towards the
#: close of the year' (the month or year itself: EDTF has no 'end of').
P_EDGE_SAME = re.compile(
    r"(?:(?:at|towards?|by|near|in|during)\s+)?the\s+(?:very\s+)?(?:beginning|start|end|close|middle|"
    r"outset|course|rest|remainder)\s+of\s+the\s+(?:same\s+)?(?P<u>month|year)", re.I)
#: Era dating with a documented epoch. Olympiads: the first year of the first Olympiad is
#: 776 BC (a year from midsummer; we give the year it began), four years each ('the first
#: year of the 87th Olympiad', 'Ol. 87.1': 432 BC). Years of the city (ab urbe condita,
#: Varro's epoch, 753 BC the year 1: 'the year of the city 710', 'A.U.C. 710': 44 BC).
_ERA_ORD = rf"(?:{_alt(LONG_ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th|d))"
P_OLYMPIAD = re.compile(
    rf"(?:the\s+)?(?P<k>{_ERA_ORD})\s+year\s+of\s+the\s+(?P<n>{_ERA_ORD})\s+Olympiad"
    r"|Ol(?:\.|ympiad)\s*(?P<n2>\d{1,3})\s*[.,]\s*(?P<k2>[1-4])", re.I)
P_AUC = re.compile(
    r"(?:the\s+)?year\s+(?:of\s+(?:the\s+city|Rome)\s+(?P<a>\d{1,4})|(?P<b>\d{1,4})\s+of\s+(?:the\s+city|Rome))"
    rf"|(?:the\s+)?(?P<c>{_ERA_ORD}|\d{{1,4}}(?:st|nd|rd|th|d))\s+year\s+of\s+(?:the\s+city|Rome)"
    r"|(?-i:A\.\s?U\.\s?C\.?|AUC)\s*(?P<d>\d{1,4})|(?P<e>\d{1,4})\s*(?-i:A\.\s?U\.\s?C\.?|AUC)", re.I)
P_REL_MORROW = re.compile(r"(?:the\s+)?morrow", re.I)
P_REL_OFFSET = re.compile(
    rf"(?:(?P<q>about|some|nearly|almost|roughly|approximately|around|just|only|exactly|fully|full|"
    rf"barely|scarcely|hardly)\s+)?(?P<n>{NUMBER})\s+(?P<u>day|week|fortnight|month|year|decade|"
    rf"century|centurie)s?\s+(?P<dir>later|afterwards?|after|thereafter|earlier|before|previously)",
    re.I,
)

# Leading words that are stripped before the grammar is applied.
P_PREFIX_WEAK = re.compile(
    r"(?:on|in|at|during|by|of|throughout|through|all\s+through|all|under\s+date\s+of|dated|"
    r"as\s+(?:long\s+ago|early|late|far\s+back)\s+as|(?:some\s*)?time\s+(?:in|during))\s+",
    re.I,
)
P_PREFIX_CUE = re.compile(r"(?:in|by|the\s+year)\s+", re.I)
P_PREFIX_APPROX = re.compile(
    r"(?:about|around|circa|ca\.|c\.|approximately|approx\.|roughly|some\s+time\s+about)\s*", re.I
)
P_PREFIX_MOD = re.compile(
    r"(?:(?:towards?|near|at|until|till)\s+)?(?:the\s+)?(?:very\s+)?"
    r"(?:(?:beginning|start|end|close|middle|outset|opening|turn|remainder|rest)\s+of"
    r"(?:\s+the\s+year)?"
    r"|(?:first|second|early|earlier|latter|later|last|closing|opening)\s+"
    r"(?:part|half|days|weeks|months)\s+of(?:\s+the\s+year)?"
    r"|(?:early|late|later|earlier|mid|middle)(?:-|\s+in\s+|\s+))",
    re.I,
)
P_PREFIX_TIME_OF_DAY = re.compile(
    r"(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|noon|midnight|dawn|"
    r"daybreak|dusk|midday)\s+(?:of|on)\s+",
    re.I,
)
P_PREFIX_WEEKDAY = re.compile(rf"{WEEKDAY},?\s+(?=\S)", re.I)
P_PREFIX_OPEN_START = re.compile(r"(?:ever\s+since|since|from)\s+", re.I)
P_PREFIX_OPEN_END = re.compile(
    r"(?:until|till|til|up\s+to|up\s+till|up\s+until|down\s+to)\s+", re.I
)
P_PREFIX_REFUSE = re.compile(
    r"(?:before|after|prior\s+to|previous\s+to|not\s+before|not\s+after)\b", re.I
)
P_CALENDAR_MARK = re.compile(
    r"\(?\s*\b(?P<cal>O\.\s?S\.?|N\.\s?S\.?|old\s+style|new\s+style)\s*\)?(?=\s|$|,)", re.I
)
#: A word just before a date phrase that changes what it means (see Narrative.resolve).
P_GOVERNOR = re.compile(
    r"(?:^|\W)(?P<gov>ever\s+since|since|from|until|till|before|after|prior\s+to)\s*$", re.I
)
P_GOVERNED = re.compile(
    r"(?:ever\s+since|since|from|between|until|till|before|after|prior\s+to)\b", re.I
)
P_PAGEISH = re.compile(
    r"(?:\b(?:pp?|pages?|vols?|nos?|cols?|ch|chap|chapter|fol|ff|sect|section|art|line|lines)"
    r"\b\.?|§|#|\$|£|€|%)",
    re.I,
)
P_RANGE_CONNECTOR = re.compile(
    r"\s*[\u2013\u2014/-]\s*|\s+(?:to|until|till|til|through|thru|and)\s+", re.I
)

# --- the finder (raw text) -----------------------------------------------------------

_F_DMY = rf"(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+(?:of\s+)?{YEAR})?"
_F_MDY = rf"{MONTH}\s+(?:the\s+)?{DAY}(?:,?\s+{YEAR})?"
_F_MY = rf"{MONTH},?\s+(?:of\s+)?{YEAR}"
_F_SY = (
    rf"(?:the\s+)?(?:{SEASON_ADJ}\s+)?{SEASON}(?:\s+of|,)?\s+{YEAR}"
    rf"(?:{DASH}\d{{1,4}}\b(?![.,]\d))?"
)
_F_YEAR_ERA = rf"(?:the\s+year\s+)?(?:{ERA_AD}\s*\d{{1,4}}\b|(?<![\d,.])\d{{1,4}}\s*{ERA})"
_F_YEAR4 = r"(?<![\d,.])(?:1\d{3}|20\d{2}|2100)\b(?![.,]\d)"
_F_POINT = rf"(?:{_F_DMY}|{_F_MDY}|{_F_MY}|{_F_SY}|{_F_YEAR_ERA}|{MONTH}|{_F_YEAR4})"
_F_DUAL = (
    rf"(?:(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?\s*\(\s*(?:the\s+)?{DAY}(?:\s+of)?\s+"
    rf"{MONTH}(?:,?\s+{YEAR})?\s*\)(?:,?\s+{YEAR})?"
    rf"|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\s*\(\s*{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\s*\)(?:,?\s+{YEAR})?"
    rf"|{DAY_NUM}\s*/\s*{DAY_NUM}\s+{MONTH}(?:,?\s+{YEAR})?)"
)
_F_OS = rf"(?:{_F_DMY}|{_F_MDY})\s*\(?\s*(?:O\.\s?S\.?|Old\s+Style)\)?"
_F_RANGE = (
    rf"(?:(?:from|between)\s+{_F_POINT}\s+(?:to|and|until|till)\s+{_F_POINT}"
    rf"|(?:{_F_DMY}|{_F_MDY}|{_F_MY}|{_F_YEAR_ERA}|{_F_YEAR4}|{MONTH}|{DAY_NUM}){DASH}"
    rf"(?:{_F_DMY}|{_F_MDY}|{_F_MY}|{_F_YEAR_ERA}|{_F_YEAR4}|\d{{1,2}}\b(?![.,]\d)))"
)
_F_NTH = (
    rf"the\s+(?:first|second|third|fourth|fifth|last|1st|2n?d|3r?d|4th|5th)\s+{WEEKDAY}\s+"
    rf"(?:of|in)\s+{MONTH}(?:,?\s+{YEAR})?"
)
_F_ROMAN = rf"(?:the\s+)?(?:ides|nones|kalends|calends)\s+of\s+{MONTH}(?:,?\s+{YEAR})?"
_F_HOLIDAY = (rf"(?:the\s+(?:following|preceding|next|previous)\s+)?(?:{FEAST}|{HOLIDAY})"
              rf"(?:,?\s+{YEAR})?")
_F_WEEKDAY_DATE = rf"{WEEKDAY},?\s+(?:{_F_DMY}|{_F_MDY})"
_F_OPEN = (
    rf"(?:since|until|till|from)\s+"
    rf"(?:{_F_DMY}|{_F_MDY}|{_F_MY}|{_F_SY}|{_F_YEAR_ERA}|{_F_YEAR4})"
)
_F_APPROX = (
    rf"(?:about|around|circa|ca\.|c\.|approximately)\s*"
    rf"(?:{_F_DMY}|{_F_MDY}|{_F_MY}|{_F_YEAR_ERA}|{_F_YEAR4})"
)
_F_MOD = (
    r"(?:(?:early|late|mid|middle)(?:-|\s+in\s+|\s+)"
    r"|(?:towards?\s+)?the\s+(?:beginning|end|close|middle)\s+of\s+(?:the\s+year\s+)?)"
    rf"(?:{_F_MY}|{_F_YEAR_ERA}|{_F_YEAR4}|{_F_SY})"
)
_F_DECADE = (
    r"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?"
    rf"(?:(?<![\d,.])[12]\d{{2}}0'?s\b|\d{{1,3}}0'?s\s*{ERA_BC})"
)
_F_CENTURY = (
    r"(?:the\s+)?(?:(?:early|late|mid|middle)[-\s]+)?"
    rf"(?:{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th|d))[\s-]+century(?:\s+{ERA})?"
)
_F_THE_YEAR = r"the\s+year\s+\d{3,4}\b"
_F_QUARTER = (
    r"(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?{YEAR}|(?!\s+of\b))"
    rf"|(?-i:Q)[1-4](?:\s+|\s*[-/]\s*)(?:fiscal\s+)?{YEAR}"
)
_F_N_YEARS = rf"(?:the\s+)?{NUMBER}\s+years\s+(?:after|following|since|before|preceding)\s+{YEAR}"
_F_OF_YEAR = (
    rf"(?:the\s+)?(?:{SEASON}|{MONTH}(?:\s+{DAY})?|{DAY}(?:\s+of)?\s+{MONTH})\s+of\s+"
    r"(?:that|the\s+same|the\s+following|the\s+next|the\s+succeeding|the\s+previous|"
    r"the\s+preceding|the\s+former)\s+year"
)
_F_FROM_DAY = (
    rf"(?:the\s+(?:day|eve|morrow)|{NUMBER}\s+days?)\s+(?:before|after|of)\s+"
    rf"(?:{_F_ROMAN}|{_F_HOLIDAY}|{_F_DMY}|{_F_MDY})"
)
_F_EDGE = (
    r"(?:towards?\s+)?the\s+(?:very\s+)?(?:beginning|start|end|close|middle|outset|course|rest|"
    r"remainder)\s+of\s+the\s+(?:same\s+)?(?:month|year)\b(?!\s+(?:of|in)\b)"
)
_F_ERA = (
    rf"(?:the\s+)?{_ERA_ORD}\s+year\s+of\s+the\s+{_ERA_ORD}\s+Olympiad"
    r"|Ol(?:\.|ympiad)\s*\d{1,3}\s*[.,]\s*[1-4]\b"
    r"|(?:the\s+)?year\s+(?:of\s+(?:the\s+city|Rome)\s+\d{1,4}\b|\d{1,4}\s+of\s+(?:the\s+city|Rome)\b)"
    rf"|(?:the\s+)?(?:{_ERA_ORD}|\d{{1,4}}(?:st|nd|rd|th|d))\s+year\s+of\s+(?:the\s+city|Rome)\b"
    r"|(?-i:A\.\s?U\.\s?C\.?|AUC)\s*\d{1,4}\b|\d{1,4}\s*(?-i:A\.\s?U\.\s?C\.?|AUC\b)"
)
_F_UNIT = rf"(?:day|morning|afternoon|evening|night|month|year|{SEASON}|{MONTH})"
_F_REL = (
    rf"(?:(?:the\s+)?(?:next|following|succeeding|previous|preceding)\s+(?:{_F_UNIT}|{WEEKDAY})"
    rf"|(?:(?:later|earlier)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?:very\s+)?{_F_UNIT}"
    r"|(?:later|earlier)\s+in\s+the\s+(?:day|month|year)"
    r"|the\s+(?:day|morning|evening|night|year)\s+(?:after|before|following)"
    r"(?!\s+(?:the|his|her|its|their|a|an)\b)"
    rf"|(?:(?:about|some|nearly|almost|roughly|just|only)\s+)?(?:{NUMBER})\s+"
    rf"(?:day|week|fortnight|month|year)s?\s+(?:later|afterwards?|earlier))\b"
)
#: Nouns that make a month or season before them part of a name: "the October
#: Revolution", "the Winter Palace", "the July Days", "the March Manifesto".
NAME_NOUNS = (
    "Revolution", "Revolutions", "Days", "Manifesto", "Palace", "Offensive", "Crisis", "Coup",
    "Putsch", "Uprising", "Rising", "Insurrection", "Theses", "Decree", "Decrees", "Plot",
    "Conspiracy", "Agreement", "Treaty", "Campaign", "Massacre", "Strike", "Events", "Action",
    "Ordinances", "Laws", "Monarchy", "Party", "Group", "Opposition", "Socialist", "Socialists",
    "Island", "Islands",
)
_NAME_NOUN = "(?-i:" + "|".join(NAME_NOUNS) + r")\b"
_NOT_NAME = rf"(?!\s+{_NAME_NOUN})"
P_NAME_AFTER = re.compile(rf"\s*{_NAME_NOUN}")
_F_PREP_MONTH = (
    rf"(?:in|during|since|until|till|by|through)\s+(?:the\s+month\s+of\s+)?{MONTH}"
    rf"(?!\s*,?\s*\d)(?!\s*[\u2013\u2014-]){_NOT_NAME}"
)
_F_PREP_DAY = rf"on\s+the\s+{DAY_NUM_SUFFIXED}(?!\s+of\b)"
_F_PREP_SEASON = (
    rf"(?:in|during)\s+the\s+(?:{SEASON_ADJ}\s+)?(?:spring|summer|autumn|winter)\b"
    rf"(?!\s+of\b){_NOT_NAME}"
)

#: The date-phrase finder. Alternatives are tried in order at each position, so the
#: longer shapes come first. Every hit is checked with :func:`normalise` afterwards.
FIND_DATES_RE = re.compile(
    r"\b(?:(?:in|on|during|by|through|at|of|under\s+date\s+of)\s+)?(?:"
    + "|".join(
        f"(?:{p})"
        for p in (
            _F_OS, _F_DUAL, _F_ERA, _F_NTH, _F_N_YEARS, _F_OF_YEAR, _F_FROM_DAY, _F_EDGE,
            _F_RANGE, _F_OPEN, _F_APPROX, _F_MOD,
            _F_ROMAN, _F_HOLIDAY, _F_WEEKDAY_DATE, _F_DMY, _F_MDY, _F_MY, _F_SY, _F_CENTURY,
            _F_DECADE, _F_QUARTER, _F_YEAR_ERA, _F_THE_YEAR, _F_REL, _F_PREP_MONTH, _F_PREP_DAY,
            _F_PREP_SEASON, _F_YEAR4,
        )
    )
    + ")",
    re.I,
)
FIND_TRIGGER_RE = re.compile(
    rf"\d+|{MONTH}|{WEEKDAY}|\b(?:spring|summer|autumn|fall|winter|days?|years?|months?|weeks?|"
    r"fortnight|morning|evening|night|afternoon|morrow|century|quarter|ides|nones|kalends|calends|"
    r"christmas|olympiad|ol\.|a\.\s?u\.\s?c|auc|easter|whit\w*|pentecost|good\s+friday|palm\s+sunday|ash\s+wednesday|"
    r"shrove\s+tuesday|maundy\s+thursday|ascension\s+day|trinity\s+sunday|corpus\s+christi|"
    r"new\s+year's|epiphany|candlemas|lady\s+day|may\s+day|midsummer|lammas|michaelmas|"
    r"all\s+saints'?|all\s+souls'?|martinmas|boxing\s+day|twelfth\s+night|st\.?\s+bartholomew's)\b",
    re.I,
)
_FIND_TRIM = re.compile(r"(?:in|on|during|by|through|of|at|under\s+date\s+of)\s+", re.I)
#: Words after a bare four-digit number that make it a count, not a year.
_COUNT_NOUN = re.compile(
    r"\s*(?:men|women|people|persons|soldiers|troops|sailors|workers|peasants|delegates|members|"
    r"votes|copies|pounds|roubles|rubles|dollars|francs|marks|crowns|miles|versts|feet|foot|yards|"
    r"metres|meters|kilometres|km|tons|horses|guns|ships|prisoners|houses|strong|killed|dead|"
    r"wounded|head|acres|pieces|ducats|talents|denarii|sesterces|drachmas|stadia|paces|"
    r"shillings)\b",
    re.I,
)
_REFUSE_BEFORE = re.compile(r"\b(?:before|after|prior\s+to)\s+$", re.I)
_PAGE_BEFORE = re.compile(
    r"(?:\b(?:pp?|pages?|vols?|nos?|cols?|ch|chap|fol|ff|art|line|lines|sect)\.?"
    r"|§|#|\$|£|€)\s*$",
    re.I,
)

# =====================================================================================
# Calendar arithmetic
# =====================================================================================


def _astro(y: int) -> int:
    """Historical year (no zero, negative BC) -> astronomical year (0 = 1 BC)."""
    return y if y > 0 else y + 1


def _hist(a: int) -> int:
    return a if a > 0 else a - 1


def _gregorian_era(y: int) -> bool:
    return y >= 1583


def _is_leap(y: int, gregorian: bool) -> bool:
    a = _astro(y)
    if gregorian:
        return a % 4 == 0 and (a % 100 != 0 or a % 400 == 0)
    return a % 4 == 0


def _days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if _is_leap(y, _gregorian_era(y)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _day_ok(y: int, m: int, d: int) -> bool:
    """Valid day; lenient on 29 February in a Julian leap year after 1582 (Old Style)."""
    if not 1 <= m <= 12 or d < 1:
        return False
    if d <= _days_in_month(y, m):
        return True
    return m == 2 and d == 29 and _is_leap(y, False)


def _jdn(y: int, m: int, d: int, gregorian: bool) -> int:
    a = (14 - m) // 12
    yy = _astro(y) + 4800 - a
    mm = m + 12 * a - 3
    base = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4
    if gregorian:
        return base - yy // 100 + yy // 400 - 32045
    return base - 32083


def _from_jdn(j: int, gregorian: bool) -> tuple[int, int, int]:
    if gregorian:
        a = j + 32044
        b = (4 * a + 3) // 146097
        c = a - 146097 * b // 4
    else:
        b = 0
        c = j + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return _hist(year), month, day


def julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    """The Gregorian (New Style) date of a Julian (Old Style) one."""
    return _from_jdn(_jdn(y, m, d, False), True)


def _add_days(y: int, m: int, d: int, n: int) -> tuple[int, int, int]:
    g = _gregorian_era(y)
    return _from_jdn(_jdn(y, m, d, g) + n, g)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = _astro(y) * 12 + (m - 1) + n
    return _hist(total // 12), total % 12 + 1


def _add_years(y: int, n: int) -> int:
    return _hist(_astro(y) + n)


def _weekday(y: int, m: int, d: int) -> int:
    """0 = Sunday .. 6 = Saturday, in the calendar of the era (Gregorian from 1583)."""
    return (_jdn(y, m, d, _gregorian_era(y)) + 1) % 7


# =====================================================================================
# EDTF: validation, precision, bounds, ordering
# =====================================================================================

_V_DATE = re.compile(r"(?P<neg>-)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%])?")
_V_X = re.compile(r"(?P<neg>-)?(?P<y>\d{2}XX|\d{3}X)")


def _year_of(neg: str | None, digits: str) -> int:
    return -int(digits) if neg else int(digits)


def _date_range(s: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Earliest and latest (y, m, d) of a single (non-interval) value, or None if invalid."""
    m = _V_DATE.fullmatch(s)
    if m:
        y = _year_of(m["neg"], m["y"])
        if y == 0:
            return None
        if m["m"] is None:
            return (y, 1, 1), (y, 12, 31)
        mo = int(m["m"])
        if m["d"] is None:
            if 1 <= mo <= 12:
                return (y, mo, 1), (y, mo, _days_in_month(y, mo))
            if mo in SEASON_START:
                first = SEASON_START[mo]
                if mo == 24:
                    ny = _add_years(y, 1)
                    return (y, 12, 1), (ny, 2, _days_in_month(ny, 2))
                return (y, first, 1), (y, first + 2, _days_in_month(y, first + 2))
            return None
        d = int(m["d"])
        if not 1 <= mo <= 12 or not _day_ok(y, mo, d):
            return None
        return (y, mo, d), (y, mo, d)
    m = _V_X.fullmatch(s)
    if m:
        lo_digits, hi_digits = m["y"].replace("X", "0"), m["y"].replace("X", "9")
        if m["neg"]:
            lo, hi = -int(hi_digits), -int(lo_digits)
            hi = min(hi, -1)
        else:
            lo, hi = int(lo_digits), int(hi_digits)
            lo = max(lo, 1)
        return (lo, 1, 1), (hi, 12, 31)
    return None


def _split_interval(value: str) -> tuple[str, str] | None:
    if value.count("/") != 1:
        return None
    a, b = value.split("/")
    return a, b


def is_valid_edtf(value: str) -> bool:
    """Whether ``value`` is in the EDTF subset this module produces (see module doc)."""
    if not isinstance(value, str) or not value or value != value.strip() or not value.isascii():
        return False
    parts = _split_interval(value)
    if parts is None:
        return "/" not in value and _date_range(value) is not None
    a, b = parts
    if a == ".." and b == "..":
        return False
    ra = None if a == ".." else _date_range(a)
    rb = None if b == ".." else _date_range(b)
    for side, rng in ((a, ra), (b, rb)):
        if side != ".." and (rng is None or _V_X.fullmatch(side)):
            return False
    if ra and rb:
        return _key(ra[0]) <= _key(rb[0]) and _key(ra[1]) <= _key(rb[1])
    return True


def precision(value: str) -> str:
    """``day``, ``month``, ``season``, ``year``, ``decade``, ``century``, ``interval`` or ``open``.

    Raises ValueError for a value outside the subset.
    """
    if not is_valid_edtf(value):
        raise ValueError(f"not a valid EDTF value (of the cliograph subset): {value!r}")
    if "/" in value:
        return "open" if ".." in value else "interval"
    if value.endswith("XX"):
        return "century"
    if value.endswith("X"):
        return "decade"
    m = _V_DATE.fullmatch(value)
    assert m is not None
    if m["d"]:
        return "day"
    if m["m"]:
        return "season" if int(m["m"]) > 12 else "month"
    return "year"


def _iso(ymd: tuple[int, int, int]) -> str:
    y, m, d = ymd
    sign = "-" if y < 0 else ""
    return f"{sign}{abs(y):04d}-{m:02d}-{d:02d}"


def bounds(value: str) -> tuple[str | None, str | None] | None:
    """Earliest and latest ISO day of ``value``; an open end is ``None``.

    ``"1921-03"`` -> ``("1921-03-01", "1921-03-31")``; ``"-0082"`` ->
    ``("-0082-01-01", "-0082-12-31")``; ``"1919/.."`` -> ``("1919-01-01", None)``.
    Invalid values give None. The strings sort as text only for years 1..9999; use
    :func:`sort_key` to order values that may be BC.
    """
    if not is_valid_edtf(value):
        return None
    parts = _split_interval(value)
    if parts is None:
        lo, hi = _date_range(value)  # type: ignore[misc]
        return _iso(lo), _iso(hi)
    a, b = parts
    lo = None if a == ".." else _iso(_date_range(a)[0])  # type: ignore[index]
    hi = None if b == ".." else _iso(_date_range(b)[1])  # type: ignore[index]
    return lo, hi


def _key(ymd: tuple[int, int, int]) -> float:
    y, m, d = ymd
    g = _gregorian_era(y)
    doy = _jdn(y, m, d, g) - _jdn(y, 1, 1, g)
    days = 366 if _is_leap(y, g) else 365
    return y + doy / days


def sort_key(value: str) -> float:
    """A fractional year at the start of ``value``, for ordering (BC sorts before AD),
    on the astronomical line every reader of stored values uses (``edtf.sort_key``).

    ``"1921"`` -> 1921.0, ``"1921-03"`` -> 1921.16, ``"-0082"`` (82 BC) -> -81.0. An
    interval sorts by its start; an open interval by the start of its known end. Raises
    ValueError for a value outside the subset.
    """
    if not is_valid_edtf(value):
        raise ValueError(f"not a valid EDTF value (of the cliograph subset): {value!r}")
    parts = _split_interval(value)
    if parts is None:
        single = value
    else:
        single = parts[0] if parts[0] != ".." else parts[1]
    key = edtf.sort_key(single)
    if key is None:  # a shape only the normaliser writes: its own reading, made astronomical
        y, m, d = _date_range(single)[0]  # type: ignore[index]
        key = _key((y + 1 if y < 0 else y, m, d))
    return round(key, 4)


# =====================================================================================
# Parsing
# =====================================================================================


@dataclass(frozen=True)
class _Pt:
    """A (possibly partial) calendar point: what one simple date phrase says."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    approx: bool = False

    def edtf(self) -> str | None:
        if self.year is None or self.year == 0 or not -9999 <= self.year <= 9999:
            return None
        y = self.year
        s = f"-{abs(y):04d}" if y < 0 else f"{y:04d}"
        if self.month is not None:
            s += f"-{self.month:02d}"
            if self.day is not None:
                if not _day_ok(y, self.month, self.day):
                    return None
                s += f"-{self.day:02d}"
        elif self.season is not None:
            s += f"-{self.season}"
        elif self.day is not None:
            return None
        return s + ("~" if self.approx else "")


class _NoDate(Exception):
    """Raised inside the parser when a phrase is recognised as *not* a placeable date."""


def _month_of(text: str | None) -> int | None:
    if not text:
        return None
    return MONTHS.get(text.rstrip(".").strip().lower())


def _day_of(text: str | None) -> int | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    t = t.replace(" ", "-")
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|d)?", t)
    return int(m.group(1)) if m else None


_YEAR_PARTS = re.compile(rf"(?:(?P<ad1>{ERA_AD})\s*)?(?P<n>\d{{1,4}})\s*(?P<era>{ERA})?", re.I)


def _year_of_text(text: str | None, *, cue: bool = True) -> int | None:
    """Parse a YEAR blob. Bare numbers: four digits 1000..2100, three only with a cue."""
    if not text:
        return None
    m = _YEAR_PARTS.fullmatch(text.strip())
    if not m:
        return None
    n = int(m["n"])
    era = m["era"] or m["ad1"]
    if era:
        if n < 1:
            return None
        if re.fullmatch(ERA_BC, era.strip(), re.I):
            return -n
        return n if n <= 2100 else None
    digits = m["n"]
    if len(digits) == 4 and digits[0] != "0" and 1000 <= n <= 2100:
        return n
    if len(digits) == 3 and digits[0] != "0" and cue:
        return n
    return None


_KEEP_DOT = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\b(?:c|ca|approx|[A-Z][a-z]{2,3})\.)$")


def _clean(phrase: str) -> str:
    s = phrase
    s = re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u209f]+", "", s)  # superscript footnote markers
    s = re.sub(r"\[\s*\d{1,4}\s*\]", " ", s)  # [211]
    s = re.sub("[\u2018\u2019]", "'", re.sub("[\u201c\u201d]", '"', s))
    s = re.sub(r"[\u2010\u2011\u2012\u2015\u2212]", "-", s)
    s = re.sub(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    for _ in range(4):
        before = s
        s = s.strip(" \"'`*_").strip()
        s = re.sub(r"[,;:!]+$", "", s).strip()
        if len(s) > 1 and s[0] in "([" and s[-1] in ")]" and s.count("(") == 1:
            s = s[1:-1].strip()
        s = re.sub(r"(?<=\d{4})\.\d{1,3}$", "", s)  # "November 1921.26": footnote after a year
        s = re.sub(r"'s$|'$", "", s)
        if s.endswith(".") and not _KEEP_DOT.search(s):
            s = s[:-1].rstrip()
        if s == before:
            break
    return s


def _strip_prefixes(s: str) -> tuple[str, dict]:
    """Strip leading prepositions and modifiers; report what they said."""
    info = {"approx": False, "cue": False}
    for _ in range(8):
        before = s
        for pat, key in (
            (P_PREFIX_TIME_OF_DAY, None),
            (P_PREFIX_APPROX, "approx"),
            (P_PREFIX_MOD, None),
            (P_PREFIX_WEAK, None),
        ):
            m = pat.match(s)
            if m and m.end() < len(s):
                if key == "approx":
                    info["approx"] = True
                    info["cue"] = True
                if P_PREFIX_CUE.match(m.group(0)) and pat is P_PREFIX_WEAK:
                    info["cue"] = True
                s = s[m.end():].lstrip()
        m = P_PREFIX_WEEKDAY.match(s)
        if m and m.end() < len(s):
            s = s[m.end():]
        if s == before:
            break
    return s, info


def _parse_pt(s: str, *, cue: bool) -> _Pt | _NthPending | None:
    """A simple date phrase (one point, no range, no relative words) -> partial point."""
    m = P_ISO.fullmatch(s)
    if m:
        y = int(m["y"])
        mo = int(m["m"])
        if 1000 <= y <= 2100 and 1 <= mo <= 12:
            return _Pt(y, mo, int(m["d"]) if m["d"] else None)
        return None
    m = P_NTH_WEEKDAY.fullmatch(s)
    if m:
        mo = _month_of(m["m"])
        y = _year_of_text(m["y"])
        if m["y"] and y is None:
            return None
        if y is None:
            return _NthPending(m["nth"], m["wd"], mo)
        return _nth_weekday(y, mo, m["nth"], m["wd"])
    m = P_ROMAN.fullmatch(s)
    if m:
        mo = _month_of(m["m"])
        y = _year_of_text(m["y"])
        if mo is None or (m["y"] and y is None):
            return None
        kind = m["r"].lower()
        big = mo in (3, 5, 7, 10)
        if kind in ("kalends", "calends"):
            day = 1
        elif kind == "nones":
            day = 7 if big else 5
        else:
            day = 15 if big else 13
        return _Pt(y, mo, day)
    m = P_FEAST.fullmatch(s)
    if m:
        offset = MOVABLE_FEASTS[re.sub(r"\s+", " ", m["h"].lower())]
        y = _year_of_text(m["y"])
        if m["y"] and y is None:
            return None
        return _NthPending("", "", None, feast=offset) if y is None else _feast(y, offset)
    m = P_HOLIDAY.fullmatch(s)
    if m:
        mo, d = HOLIDAYS[re.sub(r"\s+", " ", m["h"].lower())]
        y = _year_of_text(m["y"])
        if m["y"] and y is None:
            return None
        return _Pt(y, mo, d)
    for pat in (P_DMY, P_MDY):
        m = pat.fullmatch(s)
        if m:
            mo, d = _month_of(m["m"]), _day_of(m["d"])
            y = _year_of_text(m["y"])
            if mo is None or d is None or (m["y"] and y is None):
                return None
            if y is not None and not _day_ok(y, mo, d):
                return None
            if y is None and d > (29 if mo == 2 else _days_in_month(2000, mo)):
                return None
            return _Pt(y, mo, d)
    m = P_MY.fullmatch(s)
    if m:
        mo = _month_of(m["m"])
        y = _year_of_text(m["y"])
        if mo is None or (m["y"] and y is None):
            return None
        return _Pt(y, mo)
    m = P_SEASON.fullmatch(s)
    if m:
        season = SEASONS[m["s"].lower()]
        y = _year_of_text(m["y"])
        if m["y"] and y is None:
            return None
        if y is None and m["s"].lower() == "fall":
            return None  # "the fall" (of a city, a man) is not a season without its year
        return _Pt(y, None, None, season)
    m = P_YEAR.fullmatch(s)
    if m:
        y = _year_of_text(m["y"], cue=cue or bool(m["the"]))
        return _Pt(y) if y is not None else None
    m = P_DAY_ONLY.fullmatch(s)
    if m:
        return _Pt(None, None, _day_of(m["d"]))
    return None


@dataclass(frozen=True)
class _NthPending:
    """'the first Wednesday in March' with no year yet: resolved once the year is known."""

    nth: str
    wd: str
    month: int | None
    feast: int | None = None
    """Or a movable feast with no year yet: its days from Easter Sunday."""


def easter(y: int) -> tuple[int, int] | None:
    """(month, day) of Easter Sunday in year ``y``, by the computus of the calendar dates
    here are in (Gregorian from 1583, Julian before: see ``_gregorian_era``); None before
    AD 326 (Nicaea). The Gregorian is the anonymous (Meeus/Jones/Butcher) rule; the Julian,
    Meeus's."""
    if y < 326:
        return None
    if _gregorian_era(y):
        a, b, c = y % 19, y // 100, y % 100
        d, e = b // 4, b % 4
        g = (b - (b + 8) // 25 + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        el = (32 + 2 * e + 2 * (c // 4) - h - c % 4) % 7
        m = (a + 11 * h + 22 * el) // 451
        n = h + el - 7 * m + 114
    else:
        d = (19 * (y % 19) + 15) % 30
        n = d + (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7 + 114
    return n // 31, n % 31 + 1


def _feast(y: int, offset: int) -> _Pt | None:
    """The day of a movable feast ``offset`` days from Easter Sunday of year ``y``."""
    e = easter(y)
    return _Pt(*_add_days(y, e[0], e[1], offset)) if e is not None else None


def _nth_weekday(y: int, mo: int | None, nth: str, wd: str) -> _Pt | None:
    if mo is None:
        return None
    target = [w.lower() for w in _WEEKDAYS].index(wd.lower())
    n_txt = nth.lower()
    first = _weekday(y, mo, 1)
    day1 = 1 + (target - first) % 7
    if n_txt == "last":
        last = _days_in_month(y, mo)
        day = last - (_weekday(y, mo, last) - target) % 7
    else:
        n = {"first": 1, "1st": 1, "second": 2, "2d": 2, "2nd": 2, "third": 3, "3d": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}[n_txt]
        day = day1 + 7 * (n - 1)
        if day > _days_in_month(y, mo):
            return None
    return _Pt(y, mo, day)


def _ref(anchor: When | None) -> _Pt | None:
    """The reference point of an anchor: its value, an interval's end, or None."""
    if anchor is None or not isinstance(anchor, When) or not isinstance(anchor.value, str):
        return None
    value = anchor.value
    if not is_valid_edtf(value):
        return None
    parts = _split_interval(value)
    if parts is not None:
        value = parts[1] if parts[1] != ".." else parts[0]
    m = _V_DATE.fullmatch(value)
    if not m:
        return None  # X values name no year
    y = _year_of(m["neg"], m["y"])
    if m["m"] is None:
        return _Pt(y)
    mo = int(m["m"])
    if mo > 12:
        return _Pt(y, None, None, mo)
    return _Pt(y, mo, int(m["d"]) if m["d"] else None)


def _fill(pt: _Pt | _NthPending, ref: _Pt | None) -> tuple[_Pt, bool]:
    """Complete a partial point from the reference; raises _NoDate if it cannot."""
    if isinstance(pt, _NthPending):
        if ref is None or ref.year is None:
            raise _NoDate
        if pt.feast is not None:
            res = _feast(ref.year, pt.feast)
            if res is None:
                raise _NoDate
            return res, True
        res = _nth_weekday(ref.year, pt.month, pt.nth, pt.wd)
        if res is None:
            raise _NoDate
        return res, True
    if pt.year is not None:
        if pt.day is not None and pt.month is None:
            raise _NoDate
        return pt, False
    if ref is None or ref.year is None:
        raise _NoDate
    if pt.day is not None and pt.month is None:
        if ref.month is None:
            raise _NoDate
        return replace(pt, year=ref.year, month=ref.month), True
    if pt.month is None and pt.season is None and pt.day is None:
        raise _NoDate  # nothing to place
    if pt.season is not None and pt.season != 24:
        # A bare season whose months are all past is the next one: "Spring came" after
        # November 1786 is spring 1787. (Months and days keep the anchor's year.)
        here = _ref_start_month(ref)
        if here is not None and SEASON_START[pt.season] + 2 < here[0]:
            return replace(pt, year=_add_years(ref.year, 1)), True
    return replace(pt, year=ref.year), True


# --- relative expressions ------------------------------------------------------------

_DAYISH = {"day": 1, "morning": 1, "afternoon": 1, "evening": 1, "night": 1}
_NEXT_WORDS = {"next", "following", "succeeding", "ensuing", "subsequent", "after"}


def _number(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)


def _shift(ref: _Pt | None, unit: str, n: int, approx: bool = False) -> _Pt:
    """Move the reference by n units; the result has the precision of the unit."""
    if ref is None or ref.year is None:
        raise _NoDate
    unit = unit.lower()
    if unit in _DAYISH or unit in ("week", "fortnight"):
        if ref.day is None or ref.month is None:
            raise _NoDate
        days = n * {"week": 7, "fortnight": 14}.get(unit, 1)
        y, mo, d = _add_days(ref.year, ref.month, ref.day, days)
        return _Pt(y, mo, d, approx=approx)
    if unit == "month":
        if ref.month is None:
            raise _NoDate
        y, mo = _add_months(ref.year, ref.month, n)
        return _Pt(y, mo, approx=approx)
    years = n * {"year": 1, "decade": 10, "century": 100, "centurie": 100}[unit]
    return _Pt(_add_years(ref.year, years), approx=approx)


def _ref_start_month(ref: _Pt) -> tuple[int, int] | None:
    if ref.month is not None:
        return ref.month, ref.day or 0
    if ref.season is not None:
        return SEASON_START[ref.season], 0
    return None


def _next_or_prev(ref: _Pt | None, target: tuple[int, int], forward: bool) -> int:
    """Year of the next (or previous) occurrence of month/day ``target`` after the reference."""
    if ref is None or ref.year is None:
        raise _NoDate
    here = _ref_start_month(ref)
    if here is None:
        return _add_years(ref.year, 1 if forward else -1)
    if forward:
        return ref.year if target > here else _add_years(ref.year, 1)
    return ref.year if target < here else _add_years(ref.year, -1)


def _relative(s: str, ref: _Pt | None) -> _Pt | None:
    """Relative and anaphoric phrases. None: not relative; raises _NoDate: cannot place."""
    m = P_NTH_YEAR.fullmatch(s)
    if m:
        n = _day_of(m["n"])
        if n is None or n < 1:
            raise _NoDate
        return _shift(ref, "year", n - 1)
    m = P_FROM_DAY.fullmatch(s)
    if m and (m["w"] or "").lower() != "night" and (m["dir"].lower() == "of") == (m["n"] is None and (
            m["w"] or "").lower() in ("eve", "morrow")):
        day = _parse_pt(m["d"].strip(), cue=True)
        if day is None:
            raise _NoDate
        day, _ = _fill(day, ref)
        if day.day is None or day.month is None or day.year is None:
            raise _NoDate
        n = 1 if m["w"] else _number(m["n"])
        if n is None:
            raise _NoDate
        back = m["dir"].lower() == "before" or (m["w"] or "").lower() == "eve"
        return _Pt(*_add_days(day.year, day.month, day.day, -n if back else n))
    m = P_OF_YEAR.fullmatch(s)
    if m:
        pt = _parse_pt(m["pt"].strip(), cue=False)
        if not isinstance(pt, _Pt) or pt.year is not None or ref is None or ref.year is None \
                or pt.month is None and pt.season is None:
            raise _NoDate
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        step = 1 if rel in ("the following", "the next", "the succeeding") else \
            -1 if rel in ("the previous", "the preceding", "the former") else 0
        return replace(pt, year=_add_years(ref.year, step) if step else ref.year)
    m = P_REL_OFFSET.fullmatch(s)
    if m:
        n = _number(m["n"])
        if n is None:
            raise _NoDate
        q = (m["q"] or "").lower()
        approx = q in ("about", "some", "nearly", "almost", "roughly", "approximately", "around")
        forward = m["dir"].lower() in ("later", "afterward", "afterwards", "after", "thereafter")
        return _shift(ref, m["u"], n if forward else -n, approx)
    m = P_REL_AFTER.fullmatch(s)
    if m:
        forward = m["dir"].lower() in ("after", "following")
        return _shift(ref, m["u"], 1 if forward else -1)
    if P_REL_MORROW.fullmatch(s):
        return _shift(ref, "day", 1)
    m = P_REL_IN_THE.fullmatch(s)
    if m:
        return _same(ref, m["u"])
    m = P_REL_SAME.fullmatch(s)
    if m:
        det = re.sub(r"\s+", " ", m["det"].lower())
        unit = m["u"]
        if det == "this" and unit.lower() in _DAYISH:
            raise _NoDate  # "to this day", "this morning": deictic
        return _same(ref, unit)
    m = P_REL_NEXT.fullmatch(s)
    if m:
        d = m["dir"].lower()
        if d == "last" and m["the"]:
            raise _NoDate  # "the last year (of his life)"
        forward = d in _NEXT_WORDS
        unit = m["u"]
        low = re.sub(r"\s+", " ", unit.lower())
        if low in _DAYISH or low in ("month", "year"):
            return _shift(ref, low, 1 if forward else -1)
        if low in SEASONS:
            season = SEASONS[low]
            return _Pt(_next_or_prev(ref, (SEASON_START[season], 0), forward), season=season)
        if low in HOLIDAYS:
            mo, day = HOLIDAYS[low]
            return _Pt(_next_or_prev(ref, (mo, day), forward), mo, day)
        if low in (w.lower() for w in _WEEKDAYS):
            # 'the following Sunday': the first one after the story's day (the one before)
            if ref is None or ref.year is None or ref.month is None or ref.day is None:
                raise _NoDate
            here = _weekday(ref.year, ref.month, ref.day)
            target = [w.lower() for w in _WEEKDAYS].index(low)
            delta = (target - here) % 7 or 7 if forward else -((here - target) % 7 or 7)
            return _Pt(*_add_days(ref.year, ref.month, ref.day, delta))
        if low in MOVABLE_FEASTS:
            here = _ref_start_month(ref)
            this = _feast(ref.year, MOVABLE_FEASTS[low])
            if this is None or here is None:
                raise _NoDate
            if ((this.month, this.day) > here) == forward:
                return this
            other = _feast(_add_years(ref.year, 1 if forward else -1), MOVABLE_FEASTS[low])
            if other is None:
                raise _NoDate
            return other
        mo = _month_of(unit)
        if mo is not None:
            return _Pt(_next_or_prev(ref, (mo, 0), forward), mo)
        raise _NoDate
    return None


def _same(ref: _Pt | None, unit: str) -> _Pt:
    if ref is None or ref.year is None:
        raise _NoDate
    low = unit.lower()
    if low in _DAYISH:
        if ref.day is None:
            raise _NoDate
        return _Pt(ref.year, ref.month, ref.day)
    if low == "month":
        if ref.month is None:
            raise _NoDate
        return _Pt(ref.year, ref.month)
    if low == "year":
        return _Pt(ref.year)
    if low in SEASONS:
        return _Pt(ref.year, season=SEASONS[low])
    mo = _month_of(unit)
    if mo is None:
        raise _NoDate
    return _Pt(ref.year, mo)


# --- deictic expressions (against the document's own date) ----------------------------

_DEICTIC_DAYS = {"today": 0, "this day": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2, "tonight": 0,
                 "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
                 "last evening": -1}
#: A time of day after a deictic day or a weekday ('yesterday afternoon', 'Friday night'):
#: the day is the value (no time of day is kept).
P_DAY_PART = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.I)
P_AGO = re.compile(
    rf"(?:(?:about|some|nearly|almost|roughly|around|just|only)\s+)?(?P<n>{NUMBER})\s+"
    r"(?P<u>day|week|fortnight|month|year|decade)s?\s+ago", re.I)
P_DEICTIC_UNIT = re.compile(
    r"(?P<det>this\s+past|this\s+coming|this|last|next|the\s+past|the\s+coming|the\s+current|"
    r"the\s+previous|the\s+next|the\s+last|current|past|coming|previous)\s+"
    r"(?P<fiscal>fiscal\s+)?(?P<u>week|weekend|month|year|quarter)", re.I)
P_FISCAL_YEAR = re.compile(r"(?:the\s+)?fiscal(?:\s+year)?\s+(?P<y>\d{4})", re.I)
#: A quarter of a year by its number: 'the third quarter of 2012', 'Q3 2012', and, read
#: against the document's date, 'the fourth quarter' ('the first quarter of the century'
#: is not one: a quarter named without its year is only read against a reference).
P_QUARTER = re.compile(
    r"(?:the\s+)?(?:(?P<n>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?(?P<y>{YEAR}))?"
    rf"|Q(?P<q>[1-4])(?:\s+|\s*[-/]\s*)(?:fiscal\s+)?(?P<qy>{YEAR}))", re.I)
_QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                   "fourth": 4, "4th": 4, "final": 4}


def _ordinal(text: str) -> int | None:
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    if t in LONG_ORDINALS:
        return LONG_ORDINALS[t]
    m = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th|d)?", t)
    return int(m.group(1)) if m else None


def _era_year(s: str) -> When | None:
    """An Olympiad's year or a year of the city (see P_OLYMPIAD, P_AUC) -> its year."""
    m = P_OLYMPIAD.fullmatch(s)
    if m:
        n, k = _ordinal(m["n"] or m["n2"]), _ordinal(m["k"] or m["k2"])
        if n is None or k is None or not 1 <= k <= 4 or n < 1:
            return None
        bc = 776 - 4 * (n - 1) - (k - 1)
        return When(_Pt(-bc if bc > 0 else 1 - bc).edtf() or "")
    m = P_AUC.fullmatch(s)
    if m:
        y = _ordinal(next(g for g in (m["a"], m["b"], m["c"], m["d"], m["e"]) if g))
        if y is None or y < 1:
            return None
        return When(_Pt(-(754 - y) if y <= 753 else y - 753).edtf() or "")
    return None


def _quarter_span(year: int, q: int) -> When:
    """A quarter as the interval of its first and last months (1998 Q2: 1998-04/1998-06)."""
    return When(f"{_Pt(year, 3 * q - 2).edtf()}/{_Pt(year, 3 * q).edtf()}")


def _quarter(s: str, here: _Pt | None, future: bool) -> When | None:
    """'the third quarter of 2012' -> 2012-07/2012-09; a quarter without its year is the
    latest one of that number that has begun by the document's date ``here`` (its next
    one in a future-tense clause), and None without a document date."""
    m = P_QUARTER.fullmatch(s)
    if m is None:
        return None
    if m["q"]:
        year = _year_of_text(m["qy"])
        return _quarter_span(year, int(m["q"])) if year is not None else None
    q = _QUARTER_NUMBER[m["n"].lower()]
    if m["y"]:
        year = _year_of_text(m["y"])
        return _quarter_span(year, q) if year is not None else None
    if here is None or here.year is None or here.month is None:
        return None
    now = (here.month - 1) // 3 + 1
    year = here.year
    if future and q < now:
        year = _add_years(year, 1)
    elif not future and q > now:
        year = _add_years(year, -1)
    return replace(_quarter_span(year, q), inferred=True)
P_DEICTIC_NAMED = re.compile(
    rf"(?:(?P<det>this|last|next|this\s+past|this\s+coming|coming|past)\s+|the\s+(?={SEASON}))?"
    rf"(?P<name>{WEEKDAY}|{MONTH}|{SEASON})", re.I)
_BACK = ("last", "the past", "the previous", "the last", "past", "previous", "this past")
_AHEAD = ("next", "the coming", "the next", "coming", "this coming")


def _week_of(y: int, m: int, d: int, weeks: int = 0) -> When:
    """The week (Monday to Sunday) of a day, moved by ``weeks``: a closed day interval."""
    back = (_weekday(y, m, d) - 1) % 7  # days since Monday
    monday = _add_days(y, m, d, 7 * weeks - back)
    sunday = _add_days(*monday, 6)
    return When(f"{_iso(monday)}/{_iso(sunday)}", inferred=True)


def _deictic(s: str, ref: _Pt, future: bool) -> When | None:
    """Phrases read against the document's own date ``ref`` (the day it was written):
    'today', 'Friday', 'this week', 'four years ago', 'last June', 'this fiscal year', a
    bare month (the nearest past one, or the nearest future one in a future-tense clause).
    None: not deictic. Raises _NoDate when it is but ``ref`` is too coarse to place it."""
    low = re.sub(r"\s+", " ", s.lower()).strip()

    def point(pt: _Pt) -> When:
        value = pt.edtf()
        if value is None:
            raise _NoDate
        return When(value, inferred=True)

    def need(day: bool = False, month: bool = False) -> None:
        if ref.year is None or (day or month) and ref.month is None or day and ref.day is None:
            raise _NoDate

    if low in _DEICTIC_DAYS:
        need(day=True)
        return point(_Pt(*_add_days(ref.year, ref.month, ref.day, _DEICTIC_DAYS[low])))  # type: ignore[arg-type]
    m = P_AGO.fullmatch(s)
    if m:
        n = _number(m["n"])
        if n is None:
            raise _NoDate
        unit = m["u"].lower()
        if unit in ("week", "fortnight"):
            need(day=True)
            return point(_Pt(*_add_days(ref.year, ref.month, ref.day,  # type: ignore[arg-type]
                                        -n * (7 if unit == "week" else 14))))
        return point(_shift(ref, unit, -n))
    m = P_FISCAL_YEAR.fullmatch(s)
    if m:
        return When(m["y"], inferred=True)
    m = P_DEICTIC_UNIT.fullmatch(s)
    if m:
        det = re.sub(r"\s+", " ", m["det"].lower())
        step = -1 if det in _BACK else 1 if det in _AHEAD else 0
        unit = m["u"].lower()
        if unit in ("week", "weekend"):
            need(day=True)
            week = _week_of(ref.year, ref.month, ref.day, step)  # type: ignore[arg-type]
            if unit == "weekend":
                sunday = week.value.split("/")[1]
                y, mo, d = (int(x) for x in re.findall(r"\d+", sunday)[:3])
                y = -y if sunday.startswith("-") else y
                return When(f"{_iso(_add_days(y, mo, d, -1))}/{sunday}", inferred=True)
            return week
        if unit == "quarter":
            need(month=True)
            q = (ref.month - 1) // 3 + step  # type: ignore[operator]
            y = _add_years(ref.year, q // 4) if q // 4 else ref.year  # type: ignore[arg-type]
            first = _Pt(y, 3 * (q % 4) + 1).edtf()
            last = _Pt(y, 3 * (q % 4) + 3).edtf()
            return When(f"{first}/{last}", inferred=True)
        if unit == "month":
            need(month=True)
            return point(_shift(ref, "month", step) if step else _Pt(ref.year, ref.month))
        need()
        return point(_Pt(_add_years(ref.year, step)) if step else _Pt(ref.year))  # type: ignore[arg-type]
    m = P_DEICTIC_NAMED.fullmatch(s)
    if m:
        det = re.sub(r"\s+", " ", (m["det"] or "").lower())
        name = m["name"]
        forward = det in _AHEAD or (not det and future)
        if name.lower() in (w.lower() for w in _WEEKDAYS):
            need(day=True)
            target = [w.lower() for w in _WEEKDAYS].index(name.lower())
            here = _weekday(ref.year, ref.month, ref.day)  # type: ignore[arg-type]
            if det == "this" or not det and future:  # 'closes Friday', said on a Friday: today
                delta = (target - here) % 7 if future else -((here - target) % 7)
            elif forward:
                delta = (target - here) % 7 or 7
            else:
                delta = -((here - target) % 7 or 7)
            return point(_Pt(*_add_days(ref.year, ref.month, ref.day, delta)))  # type: ignore[arg-type]
        if name.lower() in SEASONS:
            need()
            season = SEASONS[name.lower()]
            start = SEASON_START[season]
            if det == "this" or not det and start <= ref.month < start + 3:  # type: ignore[operator]
                return point(_Pt(ref.year, season=season))
            if det in _BACK and start <= ref.month < start + 3:  # type: ignore[operator]
                return point(_Pt(_add_years(ref.year, -1), season=season))  # type: ignore[arg-type]
            return point(_Pt(_next_or_prev(ref, (SEASON_START[season], 0), forward), season=season))
        mo = _month_of(name)
        if mo is None:
            return None
        need(month=True)
        if det == "this" or mo == ref.month:
            return point(_Pt(ref.year, mo))
        year = ref.year if (mo > ref.month) == forward else _add_years(  # type: ignore[operator]
            ref.year, 1 if forward else -1)  # type: ignore[arg-type]
        return point(_Pt(year, mo))
    return None


# --- ranges --------------------------------------------------------------------------


def _expand_short_year(start: int, digits: str) -> int | None:
    """'1920-1' -> 1921, '1918-20' -> 1920, '1898-1901'; None if implausible."""
    if start < 1000 or not digits.isdigit():
        return None
    k = len(digits)
    if k >= 3:
        return int(digits)
    base = 10**k
    end = start - start % base + int(digits)
    if end < start:
        end += base
        if end - start > 20:
            return None
    return end if end > start else None


_BARE_NUM = re.compile(r"\d{1,4}")
_DAY_YEAR = re.compile(rf"(?P<d>{DAY_NUM}),?\s+(?P<y>{YEAR})", re.I)


def _side(s: str, ref: _Pt | None) -> tuple[_Pt | _NthPending, bool] | None:
    """One end of a range: a simple point (maybe partial) or a relative phrase."""
    try:
        rel = _relative(s, ref)
    except _NoDate:
        return None
    if rel is not None:
        return rel, True
    pt = _parse_pt(s, cue=True)
    if pt is not None:
        return pt, False
    m = _DAY_YEAR.fullmatch(s)
    if m:
        y = _year_of_text(m["y"])
        d = _day_of(m["d"])
        if y is not None and d is not None:
            return _Pt(y, None, d), False
    return None


def _has_calendar_word(s: str) -> bool:
    return bool(re.search(rf"{MONTH}|{SEASON}|{ERA}|\b\d{{3,4}}\b", s, re.I))


def _range(s: str, ref: _Pt | None, info: dict) -> When | None:
    """Ranges: 'from 1919 to 1921', '1920-1', 'March-April 1922', '8-10 March 1921'."""
    between = False
    body = s
    m = re.match(r"(?:from|between)\s+", s, re.I)
    if m:
        between = m.group(0).lower().startswith("between")
        body = s[m.end():]
    for cm in P_RANGE_CONNECTOR.finditer(body):
        conn = cm.group(0).strip().lower()
        a_txt, b_txt = body[: cm.start()].strip(), body[cm.end():].strip()
        if not a_txt or not b_txt:
            continue
        if conn == "and" and not between:
            # 'X and Y' is a span only between seasons or months ("that summer and autumn").
            if not re.search(rf"{SEASON}|{MONTH}", a_txt, re.I) or re.search(r"\b\d{3,4}\b", a_txt):
                continue
        if between and conn != "and":
            continue
        if conn == "/" and ("/" in a_txt or "/" in b_txt):
            continue
        res = _range_ends(a_txt, b_txt, ref, info)
        if res is not None:
            return res
    return None


def _range_ends(a_txt: str, b_txt: str, ref: _Pt | None, info: dict) -> When | None:
    a_bare, b_bare = _BARE_NUM.fullmatch(a_txt), _BARE_NUM.fullmatch(b_txt)
    a_inf = b_inf = False
    a: _Pt | None = None
    b: _Pt | None = None
    if not a_bare:
        a_side = _side(a_txt, ref)
        if a_side is None or isinstance(a_side[0], _NthPending):
            return None
        a, a_inf = a_side  # type: ignore[assignment]
    if not b_bare:
        b_side = _side(b_txt, ref)
        if b_side is None or isinstance(b_side[0], _NthPending):
            return None
        b, b_inf = b_side  # type: ignore[assignment]
    if a is None and b is None:
        # "1914-1918", "1920-1", "1918-20": two bare numbers are years.
        if len(a_txt) == 4 or (len(a_txt) == 3 and info["cue"]):
            start = _year_of_text(a_txt, cue=True)
            end = _expand_short_year(start, b_txt) if start is not None else None
            if start is None or end is None:
                return None
            a, b = _Pt(start), _Pt(end)
        else:
            return None
    elif a is None:
        assert b is not None
        # "8-10 March 1921" (a day), "100-44 BC" (a year in b's era).
        n = int(a_txt)
        if b.month is not None and b.day is not None and len(a_txt) <= 2:
            a = _Pt(b.year, b.month, n)
        elif b.year is not None and b.month is None and b.season is None and b.day is None:
            if b.year < 0:
                a = _Pt(-n)
            elif len(a_txt) == 4 or (len(a_txt) == 3 and info["cue"]):
                a = _Pt(n)
            else:
                return None
        else:
            return None
    elif b is None:
        # Abbreviated or era-less second year: "winter of 1920-1", "100 BC-44"; a day: "March 8-10".
        if a.year is not None and a.month is None and a.day is None:
            if a.year < 0:
                b = _Pt(-int(b_txt))
            else:
                end = _expand_short_year(a.year, b_txt)
                if end is None:
                    return None
                b = _Pt(end)
            if a.season is not None:
                a = _Pt(a.year)  # "the winter of 1920-1" is the year interval 1920/1921
        elif a.day is not None and len(b_txt) <= 2:
            b = _Pt(a.year, a.month, int(b_txt))
        else:
            return None
    if not (_has_calendar_word(a_txt) or _has_calendar_word(b_txt)):
        return None
    # Cross-fill: the later end lends its year (and month) to the earlier, and back.
    if a.year is None and b.year is not None:
        a = replace(a, year=b.year)
        if a.day is not None and a.month is None:
            a = replace(a, month=b.month)
    if b.year is None and a.year is not None:
        b = replace(b, year=a.year)
    if b.day is not None and b.month is None:
        b = replace(b, month=a.month)
    if a.day is not None and a.month is None:
        a = replace(a, month=b.month)
    inferred = a_inf or b_inf
    if a.year is None or b.year is None:
        try:
            a, ia = _fill(a, ref)
            b, ib = _fill(b, ref)
        except _NoDate:
            return None
        inferred = inferred or ia or ib
    if info["approx"]:
        a, b = replace(a, approx=True), replace(b, approx=True)
    va, vb = a.edtf(), b.edtf()
    if va is None or vb is None or va == vb:
        return None
    value = f"{va}/{vb}"
    if not is_valid_edtf(value):
        return None
    return When(value, inferred=inferred)


# --- dual calendars ------------------------------------------------------------------


def _dual(s: str, ref: _Pt | None) -> When | None:
    for pat in (P_DUAL_DM, P_DUAL_MD, P_DUAL_DD):
        m = pat.fullmatch(s)
        if not m:
            continue
        gd = m.groupdict()
        m1 = _month_of(gd["m1"])
        m2 = _month_of(gd.get("m2")) or m1
        d1, d2 = _day_of(gd["d1"]), _day_of(gd["d2"])
        if m1 is None or m2 is None or d1 is None or d2 is None:
            return None
        texts = [gd.get("y1"), gd.get("y2"), gd.get("y")]
        years = [_year_of_text(t) if t else None for t in texts]
        if any(t and y is None for t, y in zip(texts, years, strict=True)):
            return None
        y1, y2, y = years
        inferred = False
        if y1 is None and y2 is None:
            if y is None:
                if ref is None or ref.year is None:
                    raise _NoDate
                y, inferred = ref.year, True
            # One year for both: across New Year the year named is the later date's.
            y1 = _add_years(y, -1) if (m1, d1) > (m2, d2) and m1 == 12 else y
            y2 = y
        elif y1 is None:
            y1 = y2 if (m1, d1) <= (m2, d2) else _add_years(y2, -1)  # type: ignore[arg-type]
        elif y2 is None:
            y2 = y if y is not None else (y1 if (m1, d1) <= (m2, d2) else _add_years(y1, 1))
        if not (_day_ok(y1, m1, d1) and _day_ok(y2, m2, d2)) or y1 < 1:  # type: ignore[operator]
            return None
        j1, j2 = _jdn(y1, m1, d1, False), _jdn(y2, m2, d2, False)  # type: ignore[arg-type]
        if not 0 < abs(j2 - j1) <= 20:
            return None
        # The Gregorian date is always the later one for the same day (from AD 300).
        first, second = _Pt(y1, m1, d1), _Pt(y2, m2, d2)
        old, new = (first, second) if j1 < j2 else (second, first)
        julian, value = old.edtf(), new.edtf()
        if julian is None or value is None:
            return None
        return When(value, inferred=inferred, julian=julian)
    return None


# --- the normaliser ------------------------------------------------------------------


def _decade_or_century(s: str) -> str | None:
    m = P_DECADE.fullmatch(s)
    if m:
        dec = m["dec"]
        if m["era"]:
            n = int(dec)
            return None if n < 10 else f"-{n // 10:03d}X"
        if len(dec) != 4 or not 1000 <= int(dec) <= 2090:
            return None
        if dec.endswith("00"):
            return dec[:2] + "XX"  # "the 1800s": the nineteenth century
        return dec[:3] + "X"
    m = P_CENTURY.fullmatch(s)
    if m:
        n = _day_of(m["n"])
        if n is None or n < 1:
            return None
        bc = bool(m["era"] and re.fullmatch(ERA_BC, m["era"].strip(), re.I))
        if bc:
            return f"-{n - 1:02d}XX" if n <= 40 else None
        return f"{n - 1:02d}XX" if n <= 21 else None
    return None


def _normalise(phrase: str, anchor: When | None, reference: When | None = None,
               future: bool = False) -> When | None:
    if not isinstance(phrase, str) or len(phrase) > 200:
        return None
    s = _clean(phrase)
    if not s or not re.search(r"[A-Za-z0-9]", s):
        return None
    if P_PAGEISH.search(s):
        return None
    ref = _ref(anchor) or _ref(reference)

    # Uncertainty marks, calendar style marks.
    uncertain = False
    m = re.search(r"\s*(?:\(\?\)|\?)$", s)
    if m:
        uncertain, s = True, s[: m.start()].strip()
    old_style = False
    for cm in list(P_CALENDAR_MARK.finditer(s))[::-1]:
        if cm["cal"].lower().startswith(("o", "old")):
            old_style = True
        s = (s[: cm.start()] + " " + s[cm.end():]).strip()
    s = re.sub(r"\s+", " ", s).strip(" ,")

    if P_PREFIX_REFUSE.match(s):
        return None
    m = P_EDGE_SAME.fullmatch(s)
    if m:  # before 'the end of' is stripped as a modifier and leaves 'the month'
        return When(_same(ref, m["u"]).edtf() or "", inferred=True)
    bare = P_DAY_PART.sub("", s)
    if bare != s and (bare.lower() in ("yesterday", "tomorrow", "today")
                      or re.fullmatch(rf"(?:(?:last|next|this)\s+)?{WEEKDAY}", bare, re.I)):
        s = bare  # 'Friday night' is Friday
    s, info = _strip_prefixes(s)
    if P_PREFIX_REFUSE.match(s):
        return None
    if not s:
        return None

    here = _ref(reference)
    if here is not None:
        found = _deictic(s, here, future)
        if found is not None:
            return found
    found = _quarter(s, here, future)
    if found is not None:
        return found
    found = _era_year(s)
    if found is not None:
        return found

    # Already EDTF ("1920/1921", "192X", "1921-03-08")?
    if s[0].isdigit() and is_valid_edtf(s) and (
        "/" in s or "X" in s or re.fullmatch(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?", s)
    ):
        return When(s)

    result = _dual(s, ref)
    if result is not None:
        return result

    m = P_N_YEARS_AROUND.fullmatch(s)
    if m:
        n, y = _number(m["n"]), _year_of_text(m["y"])
        if n is None or y is None or n > 200:
            return None
        other = _add_years(y, n if m["dir"].lower() in ("after", "following", "since") else -n)
        lo, hi = sorted((y, other), key=_astro)
        return When(f"{_Pt(lo).edtf()}/{_Pt(hi).edtf()}")

    xv = _decade_or_century(s)
    if xv is not None:
        return When(xv)

    # Open intervals: "since 1919", "until March 1921", "from 1919" (when no 'to' follows).
    open_kind = None
    if P_PREFIX_OPEN_END.match(s):
        open_kind = "end"
        s = s[P_PREFIX_OPEN_END.match(s).end():]  # type: ignore[union-attr]
    elif P_PREFIX_OPEN_START.match(s):
        if s.lower().startswith("from"):
            rng = _range(s, ref, info)
            if rng is not None:
                return rng
        open_kind = "start"
        s = s[P_PREFIX_OPEN_START.match(s).end():]  # type: ignore[union-attr]
        info["cue"] = True
    if open_kind:
        s, more = _strip_prefixes(s)
        info["approx"] = info["approx"] or more["approx"]
        info["cue"] = True
        inner = _point(s, ref, info, uncertain, old_style)
        if inner is None or "/" in inner.value or "X" in inner.value:
            return None
        value = f"{inner.value}/.." if open_kind == "start" else f"../{inner.value}"
        return When(value, inferred=inner.inferred)

    result = _point(s, ref, info, uncertain, old_style)
    if result is not None:
        return result
    result = _range(s, ref, info)
    if result is not None:
        return result

    # Apposition: "Nearly five months later, February 7, 1788" -> the explicit date.
    if "," in s:
        head, tail = s.split(",", 1)
        if re.search(r"\b(?:later|earlier|after|afterwards|before)$", head.strip(), re.I):
            return _normalise(tail, anchor)
    return None


def _point(s: str, ref: _Pt | None, info: dict, uncertain: bool, old_style: bool) -> When | None:
    """A single point: relative phrase, or a simple date filled from the reference."""
    try:
        rel = _relative(s, ref)
    except _NoDate:
        return None
    if rel is not None:
        pt, inferred = rel, True
    else:
        m = P_DUAL_YEAR.fullmatch(s)
        if m:
            y1, y2 = int(m["y1"]), m["y2"]
            later = _expand_short_year(y1, y2)
            mo, d = _month_of(m["m"]), _day_of(m["d"])
            if later != y1 + 1 or mo is None or d is None or mo > 3 or not 1000 <= later <= 2100:
                return None
            pt, inferred = _Pt(later, mo, d), False
        else:
            parsed = _parse_pt(s, cue=info["cue"])
            if parsed is None:
                return None
            try:
                pt, inferred = _fill(parsed, ref)
            except _NoDate:
                return None
    if info["approx"]:
        pt = replace(pt, approx=True)
    julian = None
    if old_style and pt.day is not None and pt.month is not None and (pt.year or 0) > 0:
        jv = replace(pt, approx=False).edtf()
        if jv is None:
            return None
        gy, gm, gd = julian_to_gregorian(pt.year, pt.month, pt.day)
        julian, pt = jv, replace(pt, year=gy, month=gm, day=gd)
    value = pt.edtf()
    if value is None:
        return None
    if uncertain:
        value = value[:-1] + "%" if value.endswith("~") else value + "?"
    return When(value, inferred=inferred, julian=julian)


def normalise(phrase: str, anchor: When | None = None, *, reference: When | None = None,
              future: bool = False) -> When | None:
    """Normalise one date phrase to a :class:`When`, or None if it cannot be placed.

    ``anchor`` supplies what an implicit or relative phrase lacks (its year, month or
    day); results that used it are ``inferred``. ``reference`` is the document's own date
    (the day it was written): deictic phrases ('today', 'Friday', 'this week', 'four
    years ago', 'last June', 'this fiscal year', a bare month) are read against it, the
    nearest past occurrence, or the nearest future one when ``future`` (the clause is in
    the future tense); without it they give None or take the anchor as before. Never
    raises; every value returned passes :func:`is_valid_edtf`.
    """
    if not isinstance(phrase, str):
        return None
    if any(c.isdecimal() and not c.isascii() for c in phrase):  # not '²' (a footnote mark)
        return None  # '١٩٢٢', '１９２２': int() reads them, but no date here is written so
    try:
        result = _normalise(phrase, anchor, reference, future)
    except (_NoDate, ValueError, KeyError, IndexError, TypeError, OverflowError, RecursionError):
        return None
    if result is None or not is_valid_edtf(result.value):
        return None
    if result.julian is not None and not is_valid_edtf(result.julian):
        return None
    if reference is not None and result.inferred:
        result = _told_from(result, phrase, reference, future)
    return result


#: Words that place a date by a step from another ('next', 'ago', 'later'): their year is
#: the step's, not a guess.
P_STEP_WORDS = re.compile(r"\b(?:next|last|this|coming|past|previous|following|preceding|ago|"
                          r"later|earlier|before|after|since\s+then)\b", re.I)


def _told_from(result: When, phrase: str, reference: When, future: bool) -> When:
    """A calendar date whose year the phrase leaves out ('signed Nov. 3', 'up since
    October') cannot lie after the day the text was written when the clause tells what
    is done, nor before it when the clause looks ahead: it is the nearest such one, a year
    off the story's. (A date the story reached otherwise, or one placed by a step, stays.)"""
    if P_YEAR.search(phrase) or P_STEP_WORDS.search(phrase):
        return result
    start = result.value.split("/")[0]
    if precision(start) not in ("day", "month", "season") \
            or "/" in result.value and not result.value.endswith("/.."):
        return result
    lo, hi = bounds(start) or (None, None)
    ref_lo, ref_hi = bounds(reference.value) or (None, None)
    if None in (lo, hi, ref_lo, ref_hi):
        return result
    if not future and _iso_key(lo) > _iso_key(ref_hi):  # type: ignore[arg-type]
        step = -1
    elif future and _iso_key(hi) < _iso_key(ref_lo):  # type: ignore[arg-type]
        step = 1
    else:
        return result
    m = _V_DATE.match(start)
    moved = _Pt(_add_years(_year_of(m["neg"], m["y"]), step)).edtf() if m else None
    if moved is None:
        return result
    value = moved + result.value[len(m["neg"] or "") + 4:]
    return replace(result, value=value, julian=None) if is_valid_edtf(value) else result


# =====================================================================================
# Finding date phrases in running text
# =====================================================================================

_PROBE = When("1900-06-15")


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Date phrases in raw text as (start, end, phrase), left to right, not overlapping.

    Complements spaCy's DATE entities with shapes it misses or splits: "25 October
    (7 November) 1917", "the winter of 1920-1", "82 BC", "44 B.C.", "the Ides of
    March", "since 1919", "mid-1920", "on 23 September". A leading "in"/"on"/"during"
    is left out of the span; "since", "until", "from", "about", "c." stay in, as they
    change the value. Only phrases :func:`normalise` can place (given some anchor)
    are returned, so relative ones ("the next day") are included.
    """
    out: list[tuple[int, int, str]] = []
    if not isinstance(text, str):
        return out
    pos = scanned = 0
    n = len(text)
    # Every date phrase holds a trigger (a number, a month, "day", "summer", ...): the big
    # pattern is only run in a window around each trigger, which is far faster.
    for trig in FIND_TRIGGER_RE.finditer(text):
        t = trig.start()
        if t < pos:
            continue
        hi = min(n, t + 160)
        first, scanned = max(pos, t - 40, scanned), t + 1
        for p in range(first, t + 1):
            if p > 0 and (text[p - 1].isalnum() or not text[p].isalnum()):
                continue  # phrases start at the start of a word
            m = FIND_DATES_RE.match(text, p, hi)
            if m is None:
                continue
            start, end = m.start(), m.end()
            trim = _FIND_TRIM.match(text, start, end)
            if trim and trim.end() < end:
                start = trim.end()
            while end > start and text[end - 1] in " ,;:":
                end -= 1
            phrase = text[start:end]
            if _REFUSE_BEFORE.search(text, max(0, start - 12), start):
                pos = max(pos, end)  # "before 1808", "after 1783": not the time of anything
                break
            if _acceptable(text, start, end, phrase):
                out.append((start, end, phrase))
                pos = end
                break
    return out


def _acceptable(text: str, start: int, end: int, phrase: str) -> bool:
    if not phrase.strip():
        return False
    core = phrase.strip()
    if re.fullmatch(r"\d{3,4}", core):
        # A bare number: not after a page or money sign, not before a count noun.
        if _PAGE_BEFORE.search(text[max(0, start - 8): start]):
            return False
        if _COUNT_NOUN.match(text, end):
            return False
    return normalise(phrase, _PROBE) is not None


# =====================================================================================
# Hours of the day
# =====================================================================================

#: An hour of the day said as the time of a clause ('late in the evening', 'during the night',
#: 'soon after dawn', 'at noon'): a scene told hour by hour. A bare noun ('his morning hymns'),
#: a repetition ('night after night') and a duration ('stood there all night', 'until dawn')
#: tell no hour.
P_HOUR = re.compile(
    r"(?<![\w-])(?P<prep>(?:early|late)\s+in\s+the|in\s+the|during\s+the|at|before|after|towards|"
    r"by)\s+(?:early\s+|late\s+)?"
    r"(?P<h>morning|afternoon|evening|night|noon|midnight|dawn|daybreak|dusk|sunrise|sunset|"
    r"nightfall)\b(?!\s+(?:after|of|on)\b)",
    re.I,
)
#: Hours that open a day, and those that close it and run into the next.
MORNING_HOURS = frozenset({"morning", "dawn", "daybreak", "sunrise"})
NIGHT_HOURS = frozenset({"night", "midnight"})


def hour_of_day(text: str) -> tuple[str, int] | None:
    """The hour of the day ``text`` places its clause at, lower case, and where the phrase
    that says it starts ('It was then late in the evening' -> ('evening', 13)), or None."""
    for m in P_HOUR.finditer(text):
        h = m["h"].lower()
        if re.search(rf"\b{h}\s+$", text[max(0, m.start() - 12):m.start()], re.I):
            continue  # 'night after night'
        return h, m.start()
    return None


def next_day(value: str) -> str | None:
    """The day after an ISO day ('1685-02-05' -> '1685-02-06'), or None for a value that
    is not a day."""
    m = _V_DATE.fullmatch(value)
    if m is None or not m["d"] or m["q"]:
        return None
    return _iso(_add_days(_year_of(m["neg"], m["y"]), int(m["m"]), int(m["d"]), 1))


# =====================================================================================
# Narrative anchoring
# =====================================================================================

_RANK = {"year": 0, "season": 1, "month": 2, "day": 3}
P_ANNOUNCED = re.compile(
    r"\b(?:next|following|succeeding|ensuing|subsequent|previous|preceding|prior|last|later|"
    r"earlier|before|after|afterwards?|ago|since|until|till)\b",
    re.I,
)


#: A future-tense clause before a date phrase ('the board will meet on Friday').
P_FUTURE = re.compile(r"\b(?:will|shall|'ll|is\s+to|are\s+to|going\s+to|plans?\s+to|expects?\s+to)\b"
                      r"(?![^.;]*[.;])"
                      # something fixed for a day to come: 'a strike called for Thursday',
                      # 'talks scheduled for Monday', whatever the tense of the telling
                      r"|\b(?:(?:scheduled|slated|planned|due)\s+(?:for|on)"
                      r"|(?:set|fixed|called\s+(?:a|an|the)\s+\w+)\s+for)\s+$", re.I)


class Narrative:
    """Narrative-time anchoring (HeidelTime's narrative mode) over one document.

    Feed it date phrases in text order: ``resolve(phrase)`` normalises with the
    current narrative time ``now`` as anchor, then moves ``now``:

    * an explicit result (not inferred) of year precision or finer, or a closed
      interval, becomes ``now``; decades, centuries and open intervals ("since
      1919": background, not narrative time) leave it alone;
    * an inferred result of season, month or day precision in the same year as
      ``now`` becomes ``now`` unless it merely restates it more coarsely ("that
      month" on 8 March 1921). So "On 28 February" after "1921" makes ``now``
      1921-02-28, and "the next day" then means 1 March. A day-precision result
      within 31 days of a day-precision ``now`` moves it even across New Year.
    * an inferred result in the next twelve months moves ``now`` into the next
      year only when the phrase is a bare date ("Spring came" after November 1786:
      spring 1787); announced relatives that change the year ("a year later",
      "eleven years before", "the preceding Christmas", "the following spring")
      do not move it: in history prose they are mostly prolepses and flashbacks.

    Flashbacks stated explicitly are not detected: the most recent explicit date
    wins, so a date the text mentions in passing ("in 1917 these sailors had been")
    moves the narrative too.
    """

    def __init__(self, start: When | None = None, reference: When | None = None) -> None:
        self.now: When | None = start
        #: The document's own date: deictic phrases ('Friday', 'four years ago') are read
        #: against it rather than against ``now`` (a date mentioned in passing).
        self.reference = reference
        #: The latest date the current sentence has stated: 'a year earlier' after 'in
        #: 2011' in the same sentence counts from 2011, even when 2011 is only mentioned in
        #: passing and the story stays where it was. Kept only for callers that say where
        #: each sentence begins (``new_sentence``).
        self.stated: When | None = None
        self._by_sentence = False

    def reset(self, start: When | None = None) -> None:
        """Start again (a new chapter or document)."""
        self.now = start
        self.stated = None

    def new_sentence(self) -> None:
        """The dates stated so far belong to the sentence before."""
        self.stated = None
        self._by_sentence = True

    def resolve(self, phrase: str, preceding: str = "", following: str = "",
                ahead: bool = False) -> When | None:
        """Normalise ``phrase`` against ``now``, then move ``now`` (see the class doc).

        ``preceding`` and ``following`` are the text just before and after the phrase,
        if the caller has them; an NER span often leaves out the word that governs
        it. After "since"/"from"/"until"/"till" the phrase is read as an open
        interval ("since [1919]"); after "before"/"after"/"prior to" it gives None
        (the fact is not at that date); neither moves ``now``. A bare month or
        season followed by a name noun ("the [October] Revolution", "the [Winter]
        Palace") gives None. ``ahead``: the caller knows the clause looks ahead (its verb is
        in the present tense, news's way of telling what is fixed for a day to come).
        """
        if following and P_NAME_AFTER.match(following) and not re.search(r"\d", phrase):
            return None
        m = P_GOVERNOR.search(preceding[-40:]) if preceding else None
        if m is not None and not P_GOVERNED.match(phrase.strip()):
            word = m["gov"].lower()
            if word in ("before", "after", "prior to"):
                return None
            governed = normalise(f"{word} {phrase}", self.now, reference=self.reference)
            if governed is None:  # 'since the 1980s': EDTF has no open interval from a decade
                alone = normalise(phrase, self.now, reference=self.reference)
                return alone if alone is not None and "X" in alone.value else None
            return governed
        future = ahead or bool(preceding and P_FUTURE.search(preceding[-60:]))
        tail = P_NTH_YEAR_TAIL.match(following) if following else None
        if tail and P_NTH_YEAR_HEAD.fullmatch(phrase.strip()):
            phrase = phrase.strip() + tail.group(0)  # 'the fourth year' + ' of his consulship'

        anchor = self.now
        if self.stated is not None and P_REL_OFFSET.fullmatch(_clean(phrase)):
            anchor = self.stated
        result = normalise(phrase, anchor, reference=self.reference, future=future)
        if result is not None and self._moves(result, phrase):
            self.now = result
        if self._by_sentence and result is not None and not result.inferred and "/" not in result.value:
            self.stated = result
        return result

    def _moves(self, result: When, phrase: str) -> bool:
        p = precision(result.value)
        if not result.inferred:
            return p in _RANK or p == "interval"
        if p not in _RANK or p == "year" or self.now is None:
            return False
        mine, theirs = bounds(result.value), bounds(self.now.value)
        here, there = _ref(result), _ref(self.now)
        if mine is None or theirs is None or here is None or there is None:
            return False
        if None not in theirs:
            lo, hi = _iso_key(mine[0]), _iso_key(mine[1])  # type: ignore[arg-type]
            if lo <= _iso_key(theirs[0]) and _iso_key(theirs[1]) <= hi:  # type: ignore[arg-type]
                return False  # a coarser restatement of now
        if here.year == there.year:
            return True
        if None in theirs:
            return False
        gap = _iso_key(mine[0]) - _iso_key(theirs[0])  # type: ignore[arg-type]
        if p == "day" and there.day is not None and abs(gap) <= 31 / 365:
            return True
        # Into the next year only by a bare date ("Spring came"), not an announced
        # relative ("the following spring", "a year later"), which is often a prolepsis.
        return 0 < gap <= 1 and not P_ANNOUNCED.search(phrase)


def _iso_key(day: str) -> float:
    """Fractional year of an ISO day as :func:`bounds` gives it (BC days included)."""
    m = re.fullmatch(r"(-)?(\d{4})-(\d{2})-(\d{2})", day)
    if not m:
        raise ValueError(f"not an ISO day: {day!r}")
    return _key((_year_of(m.group(1), m.group(2)), int(m.group(3)), int(m.group(4))))
