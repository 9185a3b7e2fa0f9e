"""Time expressions: date phrases from history prose to EDTF (cliograph.timex).

Most phrases are taken from the test corpus (Plutarch's Caesar, Macaulay on 1685,
Thayer on 1787, Reed on 1917, Russell/Black on 1920) or are shapes the project spec
names; the BC and medieval ones fill in what those texts lack.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cliograph.model import When
from cliograph.timex import (
    Narrative,
    bounds,
    find_dates,
    is_valid_edtf,
    julian_to_gregorian,
    normalise,
    precision,
    sort_key,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Anchors used by the table below.
Y1917 = When("1917")
OCT1917 = When("1917-10")
D1917 = When("1917-10-24")
Y1685 = When("1685")
D1685 = When("1685-02-02")
Y1786 = When("1786")
D1787 = When("1787-09-17")
D1788 = When("1788-06-21")
D1789 = When("1789-04-23")
Y1921 = When("1921")
M1921 = When("1921-03")
D1921 = When("1921-03-08")
Y1922 = When("1922")
BC44 = When("-0044")
IDES = When("-0044-03-15")

# (phrase, anchor, expected value or None, expected inferred flag)
CASES = [
    # --- Rome: BC years, Roman days, relative days --------------------------------
    ("82 BC", None, "-0082", False),
    ("the year 44 B.C.", None, "-0044", False),
    ("1 BC", None, "-0001", False),
    ("44 BCE", None, "-0044", False),
    ("AD 14", None, "0014", False),
    ("about 105 BC", None, "-0105~", False),
    ("100–44 BC", None, "-0100/-0044", False),
    ("March 44 BC", None, "-0044-03", False),
    ("15 March 44 BC", None, "-0044-03-15", False),
    ("the Ides of March, 44 B.C.", None, "-0044-03-15", False),
    ("the Ides of March", BC44, "-0044-03-15", True),
    ("the Ides of March", None, None, False),
    ("the Nones of March", BC44, "-0044-03-07", True),
    ("the Ides of January", BC44, "-0044-01-13", True),
    ("the Kalends of January", BC44, "-0044-01-01", True),
    ("the next day", IDES, "-0044-03-16", True),
    ("The day before", IDES, "-0044-03-14", True),
    ("all that year", BC44, "-0044", True),
    ("a year later", When("-0001"), "0001", True),
    ("the first century BC", None, "-00XX", False),
    ("the fifth century B.C.", None, "-04XX", False),
    ("the 80s BC", None, "-008X", False),
    # --- the middle ages -----------------------------------------------------------
    ("the thirteenth century", None, "12XX", False),
    ("the fifteenth century", None, "14XX", False),
    ("15th century", None, "14XX", False),
    ("c. 1450", None, "1450~", False),
    ("A.D. 1066", None, "1066", False),
    ("1066 A.D.", None, "1066", False),
    ("in 500", None, "0500", False),
    ("500", None, None, False),
    # --- England, 1685 (Macaulay) ----------------------------------------------------
    ("the close of the year 1684", None, "1684", False),
    ("towards the close of the year 1684", None, "1684", False),
    ("Sunday the first of February 1685", None, "1685-02-01", False),
    ("February 1685", None, "1685-02", False),
    ("the 6th of February 1685", None, "1685-02-06", False),
    ("the 2d of February", Y1685, "1685-02-02", True),
    ("The second of February", Y1685, "1685-02-02", True),
    ("Thursday the fifth of February", Y1685, "1685-02-05", True),
    ("noon on Friday, the sixth of February", Y1685, "1685-02-06", True),
    ("the 3d of March, 1685", None, "1685-03-03", False),
    ("March 3d", Y1685, "1685-03-03", True),
    ("that day", D1685, "1685-02-02", True),
    ("that day", Y1685, None, False),
    ("the following morning", D1685, "1685-02-03", True),
    ("6 February 1684/5", None, "1685-02-06", False),
    ("New Year's Day", Y1685, "1685-01-01", True),
    # --- America, 1786-1789 (Thayer) ------------------------------------------------
    ("May 18, 1786", None, "1786-05-18", False),
    ("in May, 1787", None, "1787-05", False),
    ("that summer", Y1786, "1786-22", True),
    ("that summer and autumn", Y1786, "1786-22/1786-23", True),
    ("the following spring", Y1786, "1787-21", True),
    ("November 18th", Y1786, "1786-11-18", True),
    ("the month of April", When("1787"), "1787-04", True),
    ("May 25th", When("1787"), "1787-05-25", True),
    ("eleven years before", When("1787-05-25"), "1776", True),
    ("the preceding Christmas", When("1787-05-25"), "1786-12-25", True),
    ("Towards the end of the summer", When("1787"), "1787-22", True),
    ("Monday, the seventeenth of September, 1787", None, "1787-09-17", False),
    ("Sept. 17, 1787", None, "1787-09-17", False),
    ("A month later", D1787, "1787-10", True),
    ("Nearly five months later, February 7, 1788", D1787, "1788-02-07", False),
    ("Four days later", D1788, "1788-06-25", True),
    ("the autumn of 1788", None, "1788-23", False),
    ("the first Wednesday of January, 1789", None, "1789-01-07", False),
    ("the first Wednesday in March", When("1789"), "1789-03-04", True),
    ("April 30, 1789", None, "1789-04-30", False),
    ("A week later", D1789, "1789-04-30", True),
    ("the five years after 1783", None, "1783/1788", False),
    ("since 1775", None, "1775/..", False),
    ("until May 29, 1790", None, "../1790-05-29", False),
    ("before 1808", None, None, False),
    ("After 1783", None, None, False),
    # --- Russia, 1917 (Reed) and the dual calendar ----------------------------------
    ("September 1917", None, "1917-09", False),
    ("As long ago as May, 1917", None, "1917-05", False),
    ("October 25th", Y1917, "1917-10-25", True),
    ("November 10th", Y1917, "1917-11-10", True),
    ("The 1st of July", Y1917, "1917-07-01", True),
    ("the 23rd of October", Y1917, "1917-10-23", True),
    ("the 29th", OCT1917, "1917-10-29", True),
    ("the 29th", Y1917, None, False),
    ("the night of October 30th", Y1917, "1917-10-30", True),
    ("Under date of October 29th", Y1917, "1917-10-29", True),
    ("The next day", D1917, "1917-10-25", True),
    ("the next day", OCT1917, None, False),
    ("25 October (7 November) 1917", None, "1917-11-07", False),
    ("7 November (25 October) 1917", None, "1917-11-07", False),
    ("October 25 (November 7), 1917", None, "1917-11-07", False),
    ("25 October (7 November)", Y1917, "1917-11-07", True),
    ("12/25 October 1917", None, "1917-10-25", False),
    ("25 October 1917 (O.S.)", None, "1917-11-07", False),
    ("the night of 25–26 October 1917", None, "1917-10-25/1917-10-26", False),
    # --- the 1920s -------------------------------------------------------------------
    ("8 February 1921", None, "1921-02-08", False),
    ("the long winter of 1920–1", None, "1920/1921", False),
    ("1920–1", None, "1920/1921", False),
    ("1920-21", None, "1920/1921", False),
    ("1918–20", None, "1918/1920", False),
    ("between 1918 and 1920", None, "1918/1920", False),
    ("from 1919 to 1921", None, "1919/1921", False),
    ("March–April 1922", None, "1922-03/1922-04", False),
    ("8–10 March 1921", None, "1921-03-08/1921-03-10", False),
    ("since 1919", None, "1919/..", False),
    ("until 1919", None, "../1919", False),
    ("till March", Y1921, "../1921-03", True),
    ("on 30 May", Y1922, "1922-05-30", True),
    ("on 30 May", None, None, False),
    ("summer 1922", None, "1922-22", False),
    ("in the summer", Y1922, "1922-22", True),
    ("in the summer", None, None, False),
    ("spring of 1917", None, "1917-21", False),
    ("winter 1920", None, "1920-24", False),
    ("early in 1921", None, "1921", False),
    ("late 1921", None, "1921", False),
    ("mid-1920", None, "1920", False),
    ("in 1921", None, "1921", False),
    ("1921", None, "1921", False),
    ("November 1921.26", None, "1921-11", False),
    ("Jan. 1921", None, "1921-01", False),
    ("the 1920s", None, "192X", False),
    ("the early 1920s", None, "192X", False),
    ("the 1800s", None, "18XX", False),
    ("next year", Y1921, "1922", True),
    ("the following year", D1921, "1922", True),
    ("the same month", D1921, "1921-03", True),
    ("later that month", D1921, "1921-03", True),
    ("On 8 March", M1921, "1921-03-08", True),
    ("On 8 February", When("1920/1921"), "1921-02-08", True),
    ("a year later", Y1921, "1922", True),
    ("the previous winter", M1921, "1920-24", True),
    ("Spring", When("1786-11-18"), "1787-21", True),
    ("in the summer", When("1922-05-30"), "1922-22", True),
    ("in the winter", When("1920-11"), "1920-24", True),
    ("1921?", None, "1921?", False),
    # --- not dates, or not placeable ---------------------------------------------------
    ("two years", None, None, False),
    ("Three years'", Y1921, None, False),
    ("the day", D1921, None, False),
    ("The fourth year", Y1917, None, False),
    ("recent weeks", Y1921, None, False),
    ("recent years", Y1921, None, False),
    ("several weeks later", D1787, None, False),
    ("a few days", D1921, None, False),
    ("more than four months", D1787, None, False),
    ("fifty-six years old", BC44, None, False),
    ("1,000", None, None, False),
    ("13 2000", None, None, False),
    ("31 February 1921", None, None, False),
    ("p. 1921", None, None, False),
    ("1500 men", None, None, False),
    ("the year 2200", None, None, False),
    ("in the reign of Charles II", Y1685, None, False),
    ("the beginning of the Revolution", Y1786, None, False),
    ("the Forty-sixth", Y1917, None, False),
    ("Sunday", D1685, None, False),
    ("today", D1921, None, False),
    ("this season", Y1685, None, False),
    ("the middle ages", None, None, False),
    ("the Day of Judgment", None, None, False),
    ("present-day America", None, None, False),
    ("may", Y1921, None, False),
    ("", None, None, False),
]


def _id(case) -> str:
    phrase, anchor, _value, _inf = case
    return f"{phrase}@{anchor.value}" if anchor else phrase


@pytest.mark.parametrize(
    ("phrase", "anchor", "value", "inferred"), CASES, ids=[_id(c) for c in CASES]
)
def test_timex_table_of_phrases_normalises_to_expected_edtf(phrase, anchor, value, inferred):
    got = normalise(phrase, anchor)
    if value is None:
        assert got is None, f"{phrase!r} should not be placed, got {got}"
        return
    assert got is not None, f"{phrase!r} should give {value}"
    assert got.value == value
    assert got.inferred is inferred
    assert is_valid_edtf(got.value)


def test_timex_bc_and_ad_phrases_normalise_and_sort_on_one_line():
    phrases = ("490 BC", "82 BC", "in 44 B.C.", "AD 14", "the year 1685", "the spring of 1917")
    values = [normalise(p).value for p in phrases]
    assert values == ["-0490", "-0082", "-0044", "0014", "1685", "1917-21"]
    keys = [sort_key(v) for v in values]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    # 82 BC is year -81 on the astronomical line (there is no year zero)
    assert sort_key("-0082") == -81.0 and bounds("-0082") == ("-0082-01-01", "-0082-12-31")


# --- individual behaviours --------------------------------------------------------------


def test_timex_winter_1920_1_is_interval():
    assert normalise("the winter of 1920–1") == When("1920/1921")
    assert precision("1920/1921") == "interval"


def test_timex_dual_calendar_keeps_julian_and_gives_gregorian_value():
    got = normalise("25 October (7 November) 1917")
    assert got == When("1917-11-07", inferred=False, julian="1917-10-25")


def test_timex_old_style_mark_converts_to_gregorian():
    got = normalise("the 6th of February 1685 (O.S.)")
    assert got is not None and got.value == "1685-02-16" and got.julian == "1685-02-06"


def test_timex_julian_to_gregorian_offsets_by_century():
    assert julian_to_gregorian(1917, 10, 25) == (1917, 11, 7)
    assert julian_to_gregorian(1685, 2, 6) == (1685, 2, 16)
    assert julian_to_gregorian(1582, 10, 5) == (1582, 10, 15)


def test_timex_unanchored_partial_dates_give_none():
    for phrase in ("on 30 May", "that summer", "next year", "the next day", "the Ides of March"):
        assert normalise(phrase) is None, phrase


def test_timex_relative_day_needs_day_anchor():
    assert normalise("the following day", When("1921")) is None
    assert normalise("the following day", When("1921-03-08")) == When("1921-03-09", inferred=True)


def test_timex_relative_day_crosses_year_and_month_ends():
    assert normalise("the next day", When("1921-12-31")).value == "1922-01-01"
    assert normalise("the day before", When("1921-03-01")).value == "1921-02-28"
    assert normalise("the day before", When("0001-01-01")).value == "-0001-12-31"


def test_timex_month_names_are_case_sensitive():
    assert normalise("may", Y1921) is None
    assert normalise("May", Y1921) == When("1921-05", inferred=True)
    assert normalise("SEPTEMBER 1917") == When("1917-09")


def test_timex_approximate_and_uncertain_qualifiers():
    assert normalise("c. 1450").value == "1450~"
    assert normalise("circa 1450").value == "1450~"
    assert normalise("about 105 BC").value == "-0105~"
    assert normalise("c. 1921?").value == "1921%"


def test_timex_footnote_markers_are_ignored():
    assert normalise("February 1685 [211]").value == "1685-02"
    assert normalise("1921\u00b2").value == "1921"


def test_timex_anchor_interval_uses_its_end():
    assert normalise("in March", When("1920/1921")).value == "1921-03"
    assert normalise("that year", When("192X")) is None


def test_timex_normalise_rejects_non_strings_without_raising():
    assert normalise(None) is None  # type: ignore[arg-type]
    assert normalise(1921) is None  # type: ignore[arg-type]
    assert normalise("x" * 500) is None


# --- EDTF helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "prec", "lo", "hi"),
    [
        ("1921-03-08", "day", "1921-03-08", "1921-03-08"),
        ("1921-03", "month", "1921-03-01", "1921-03-31"),
        ("1921-02", "month", "1921-02-01", "1921-02-28"),
        ("1920-02", "month", "1920-02-01", "1920-02-29"),
        ("1922-22", "season", "1922-06-01", "1922-08-31"),
        ("1922-24", "season", "1922-12-01", "1923-02-28"),
        ("1921", "year", "1921-01-01", "1921-12-31"),
        ("1450~", "year", "1450-01-01", "1450-12-31"),
        ("-0082", "year", "-0082-01-01", "-0082-12-31"),
        ("192X", "decade", "1920-01-01", "1929-12-31"),
        ("14XX", "century", "1400-01-01", "1499-12-31"),
        ("-00XX", "century", "-0099-01-01", "-0001-12-31"),
        ("1920/1921", "interval", "1920-01-01", "1921-12-31"),
        ("1922-03/1922-04", "interval", "1922-03-01", "1922-04-30"),
        ("1919/..", "open", "1919-01-01", None),
        ("../1919", "open", None, "1919-12-31"),
    ],
)
def test_timex_precision_and_bounds_of_values(value, prec, lo, hi):
    assert is_valid_edtf(value)
    assert precision(value) == prec
    assert bounds(value) == (lo, hi)


@pytest.mark.parametrize(
    "value",
    ["0000", "-0000", "1921-13", "1921-02-29", "2000-02-30", "1921/1920", "..", "../..",
     "1921-25", "192XX", "1921 ", "", "21", "1921-3", "14XX~", "1920/192X", "1921//1922"],
)
def test_timex_invalid_values_are_rejected(value):
    assert not is_valid_edtf(value)
    assert bounds(value) is None
    with pytest.raises(ValueError):
        precision(value)


def test_timex_sort_key_orders_bc_before_ad_and_within_year():
    values = ["-0100", "-0082", "-0082-07", "-0044-03-15", "-0001", "0014", "1450~",
              "1920/1921", "1921", "1921-03", "1921-03-08", "1921-22", "1922"]
    keys = [sort_key(v) for v in values]
    assert keys == sorted(keys)
    assert sort_key("-0082") == -81.0  # 82 BC on the astronomical line (edtf.py)
    assert sort_key("-0001") == 0.0 and sort_key("0001") == 1.0  # no year zero in the values
    assert sort_key("1921-03") == pytest.approx(1921.16, abs=0.01)


# --- narrative anchoring ------------------------------------------------------------------

STORY = [
    # (phrase, expected value, inferred, now after)
    ("In March 1921", "1921-03", False, "1921-03"),
    ("On 8 March", "1921-03-08", True, "1921-03-08"),
    ("the next day", "1921-03-09", True, "1921-03-09"),
    ("that year", "1921", True, "1921-03-09"),  # a coarser restatement: now stays
    ("On 28 February", "1921-02-28", True, "1921-02-28"),
    ("a year later", "1922", True, "1921-02-28"),  # year jumps do not move the story
    ("In 1922", "1922", False, "1922"),
    ("on 30 May", "1922-05-30", True, "1922-05-30"),
    ("that summer", "1922-22", True, "1922-22"),
    ("since 1919", "1919/..", False, "1922-22"),  # background, not narrative time
    ("the 1920s", "192X", False, "1922-22"),
    ("two years", None, False, "1922-22"),
    ("the long winter of 1920–1", "1920/1921", False, "1920/1921"),
    ("On 8 February", "1921-02-08", True, "1921-02-08"),
]


def test_timex_narrative_follows_a_short_story():
    n = Narrative()
    assert n.now is None
    for phrase, value, inferred, now in STORY:
        got = n.resolve(phrase)
        if value is None:
            assert got is None, phrase
        else:
            assert got == When(value, inferred=inferred), phrase
        assert n.now is not None and n.now.value == now, phrase


def test_timex_narrative_month_then_day_is_inferred():
    n = Narrative()
    n.resolve("In March 1921")
    assert n.resolve("On 8 March") == When("1921-03-08", inferred=True)
    assert n.now == When("1921-03-08", inferred=True)


def test_timex_narrative_year_then_day_makes_day_now():
    n = Narrative()
    n.resolve("1921")
    assert n.resolve("On 28 February") == When("1921-02-28", inferred=True)
    assert n.now.value == "1921-02-28"


def test_timex_narrative_bare_season_moves_into_next_year_but_announced_relative_does_not():
    n = Narrative()
    n.resolve("In 1786")
    assert n.resolve("the following spring") == When("1787-21", inferred=True)
    assert n.resolve("On November 18th") == When("1786-11-18", inferred=True)
    assert n.resolve("Spring came") is None  # not a date phrase: "came" is left over
    assert n.resolve("Spring") == When("1787-21", inferred=True)
    assert n.resolve("the month of April") == When("1787-04", inferred=True)
    assert n.resolve("May 25th") == When("1787-05-25", inferred=True)
    assert n.resolve("eleven years before") == When("1776", inferred=True)
    assert n.now.value == "1787-05-25"


def test_timex_narrative_without_start_cannot_place_partial_dates():
    n = Narrative()
    assert n.resolve("In September") is None
    assert n.now is None
    n.reset(When("1917"))
    assert n.resolve("In September") == When("1917-09", inferred=True)


def test_timex_narrative_uses_governing_word_before_span():
    n = Narrative(When("1789"))
    assert n.resolve("1775", preceding="which he had held since ") == When("1775/..")
    assert n.resolve("since 1775", preceding="he had held it since ") == When("1775/..")
    assert n.resolve("1808", preceding="should not be interfered with before ") is None
    assert n.now.value == "1789"
    assert n.resolve("April 14th") == When("1789-04-14", inferred=True)


def test_timex_narrative_month_in_an_event_name_is_not_a_date():
    n = Narrative(When("1921"))
    assert n.resolve("October", following=" Revolution, and") is None
    assert n.resolve("October", following=" and November") == When("1921-10", inferred=True)


# --- finding dates in running text ----------------------------------------------------------


def test_timex_find_dates_catches_shapes_ner_misses():
    text = (
        "The rising came on 25 October (7 November) 1917. The party was divided through the "
        "winter of 1920–1, and Sulla died in 78 BC, Caesar in 44 B.C. on the Ides of March. "
        "The faction had met since 1919; he wrote in mid-1920 and again on 23 September."
    )
    phrases = [p for _s, _e, p in find_dates(text)]
    for want in ("25 October (7 November) 1917", "winter of 1920–1", "78 BC", "44 B.C.",
                 "the Ides of March", "since 1919", "mid-1920", "23 September"):
        assert any(want in p for p in phrases), (want, phrases)
    for s, e, p in find_dates(text):
        assert text[s:e] == p


def test_timex_find_dates_skips_counts_pages_and_names():
    text = ("He raised 1500 men; see p. 1921. The October Revolution and the Winter Palace "
            "may march on. Before 1808 nothing changed.")
    assert find_dates(text) == []


def test_timex_find_dates_trims_weak_prepositions_keeps_since():
    text = "It happened in March–April 1922, and on 8 March; he had served since 1919."
    assert [p for _s, _e, p in find_dates(text)] == ["March–April 1922", "8 March", "since 1919"]


def test_timex_find_dates_on_corpus_example_with_narrative():
    path = EXAMPLES / "thayer_washington_ch8.txt"  # in the repository: never skipped
    text = path.read_text(encoding="utf-8")
    found = [p for _s, _e, p in find_dates(text)]
    assert "the first Wednesday of January, 1789" in found
    assert "the first Wednesday in March" in found
    n = Narrative()
    resolved = {p: n.resolve(p) for p in found}
    assert resolved["the first Wednesday in March"] == When("1789-03-04", inferred=True)
    assert resolved["A week later"] == When("1789-04-30", inferred=True)


# --- properties ---------------------------------------------------------------------------

_WORDS = [
    "the", "of", "in", "since", "until", "from", "to", "between", "and", "about", "c.",
    "1921", "1920", "1", "21", "44", "500", "2100", "0", "–", "-", "/", "(", ")", ",", "?",
    "March", "May", "February", "Sept.", "winter", "summer", "Ides", "Christmas", "BC",
    "B.C.", "AD", "O.S.", "first", "29th", "2d", "Wednesday", "century", "fifteenth",
    "1920s", "next", "following", "later", "day", "year", "month", "a", "that", "same",
    "-0044", "XX", "..", "1684/5", "12/25", "mid-", "early", "Sunday",
]
_phrases = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
)


@st.composite
def _anchors(draw):
    y = draw(st.integers(-3000, 2100).filter(lambda v: v != 0))
    ys = f"-{abs(y):04d}" if y < 0 else f"{y:04d}"
    kind = draw(st.sampled_from(["year", "month", "day", "season", "interval", "x", "none"]))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    value = {
        "year": ys, "month": f"{ys}-{m:02d}", "day": f"{ys}-{m:02d}-{d:02d}",
        "season": f"{ys}-{draw(st.integers(21, 24))}", "interval": f"{ys}/..",
        "x": "19XX", "none": None,
    }[kind]
    return None if value is None else When(value)


_FAST = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
_QUICK = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


@_FAST
@given(_phrases)
def test_timex_normalise_never_raises_and_returns_valid_edtf(phrase):
    got = normalise(phrase)
    assert got is None or (isinstance(got, When) and is_valid_edtf(got.value))
    if got is not None and not got.inferred:
        assert got.value  # explicit results need no anchor


@_FAST
@given(_phrases, _anchors())
def test_timex_normalise_with_anchor_never_raises_and_returns_valid_edtf(phrase, anchor):
    got = normalise(phrase, anchor)
    assert got is None or is_valid_edtf(got.value)
    if got is not None:
        assert got.julian is None or is_valid_edtf(got.julian)
        assert precision(got.value) in {
            "day", "month", "season", "year", "decade", "century", "interval", "open"
        }
        lo, hi = bounds(got.value)
        assert lo is not None or hi is not None
        sort_key(got.value)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_phrases, max_size=6), _anchors())
def test_timex_narrative_never_raises_and_now_stays_valid(phrases, start):
    n = Narrative(start)
    for phrase in phrases:
        got = n.resolve(phrase, preceding=phrase[:5], following=phrase[-5:])
        assert got is None or is_valid_edtf(got.value)
        assert n.now is None or is_valid_edtf(n.now.value)


@_QUICK
@given(_anchors())
def test_timex_bounds_contain_sort_key_start(anchor):
    if anchor is None:
        return
    assert is_valid_edtf(anchor.value)
    lo, hi = bounds(anchor.value)
    assert lo is not None
    assert precision(anchor.value) in {"day", "month", "season", "year", "century", "open"}
    # a value sorts where its first day does, and its last day never sorts before it
    assert sort_key(anchor.value) == sort_key(lo)
    assert hi is None or sort_key(hi) >= sort_key(lo)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=30).map(" ".join))
def test_timex_find_dates_never_raises_and_spans_are_ordered(text):
    spans = find_dates(text)
    last = 0
    for s, e, p in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == p
        last = e


@pytest.mark.parametrize("phrase", ["That same afternoon", "that same day", "that same evening"])
def test_that_same_part_of_a_day_is_the_story_s_day(phrase):
    # 'The envoy arrived on 3 May 1815. That same afternoon he saw the regent.'
    assert normalise(phrase, When("1815-05-03")) == When("1815-05-03", inferred=True)
    s = f"{phrase} he saw the regent."
    assert [p for _, _, p in find_dates(s)] == [phrase]


@pytest.mark.parametrize(("year", "day"), [
    (2000, (4, 23)), (1818, (3, 22)), (1916, (4, 23)), (2013, (3, 31)),  # Gregorian computus
    (1066, (4, 16)), (1415, (3, 31)),  # Julian computus before 1583
])
def test_easter_by_the_computus_of_the_calendar_in_use(year, day):
    from cliograph.timex import easter
    assert easter(year) == day


def test_movable_feasts_count_from_easter():
    assert normalise("Whitsunday 1660") == When("1660-05-16")
    assert normalise("Palm Sunday, 1521") == When("1521-03-24")
    assert normalise("Good Friday", When("1789-04-23")) == When("1789-04-10", inferred=True)
    assert normalise("the following Easter", When("1789-04-23")) == When("1790-04-04", inferred=True)
    assert normalise("the preceding Easter", When("1789-04-23")) == When("1789-04-12", inferred=True)
    assert normalise("Easter", When("0250")) is None  # before the computus
    found = [p for _, _, p in find_dates("On Good Friday the army marched; the following Whitsunday "
                                         "it reached Oxford.")]
    assert found == ["Good Friday", "the following Whitsunday"]
    assert Narrative(When("1789")).resolve("Easter", following=" Island lay far away") is None


def test_the_following_weekday_counts_from_the_story_s_day():
    thursday = When("1789-04-23")
    assert normalise("the following Sunday", thursday) == When("1789-04-26", inferred=True)
    assert normalise("the next Thursday", thursday) == When("1789-04-30", inferred=True)
    assert normalise("the preceding Tuesday", thursday) == When("1789-04-21", inferred=True)
    assert normalise("the following Sunday", When("1789-04")) is None  # no day to count from


def test_a_month_or_season_of_a_year_named_relatively():
    now = When("1789-04-23")
    assert normalise("the spring of that year", now) == When("1789-21", inferred=True)
    assert normalise("in the summer of the following year", now) == When("1790-22", inferred=True)
    assert normalise("3 June of the following year", now) == When("1790-06-03", inferred=True)
    assert normalise("the autumn of the preceding year", now) == When("1788-23", inferred=True)
    assert normalise("the spring of that year") is None
    found = [p for _, _, p in find_dates("In the summer of the following year he sailed; on 3 June "
                                         "of that year he landed.")]
    assert found == ["the summer of the following year", "3 June of that year"]


def test_a_day_counted_from_a_named_day():
    year = When("1415")
    assert normalise("the day before the Ides of March", year) == When("1415-03-14", inferred=True)
    assert normalise("the eve of Christmas", year) == When("1415-12-24", inferred=True)
    assert normalise("two days after 14 July 1789") == When("1789-07-16", inferred=True)
    assert normalise("the morrow of Whitsunday", year) == When("1415-05-20", inferred=True)
    assert normalise("the eve of the battle", year) is None
    found = [p for _, _, p in find_dates("On the day before the Ides of March he dined with "
                                         "Lepidus. The day after the battle they rested.")]
    assert found == ["the day before the Ides of March"]


@pytest.mark.parametrize(("phrase", "value"), [
    ("the first year of the 87th Olympiad", "-0432"),  # 776 BC is the first year of the first
    ("the second year of the eighty-seventh Olympiad", "-0431"),
    ("Ol. 75.1", "-0480"),
    ("the fourth year of the 194th Olympiad", "-0001"),
    ("the first year of the 195th Olympiad", "0001"),  # no year zero
    ("the year of the city 710", "-0044"),  # Varro's epoch: 753 BC is the year 1
    ("710 A.U.C.", "-0044"),
    ("the 754th year of the city", "0001"),
])
def test_olympiads_and_years_of_the_city_count_from_their_epochs(phrase, value):
    assert normalise(phrase) == When(value)


def test_era_years_are_found_in_running_text_and_set_the_story():
    text = ("In the first year of the 87th Olympiad the war broke out. "
            "In the year of the city 710 Caesar fell.")
    assert [p for _, _, p in find_dates(text)] == ["the first year of the 87th Olympiad",
                                                   "the year of the city 710"]
    n = Narrative()
    n.resolve("the first year of the 87th Olympiad")
    assert n.now == When("-0432")
    # a regnal year is not read as an Olympiad's, nor an Olympiad's as a regnal year
    assert normalise("the fourth year of his reign", When("-0432")) == When("-0429", inferred=True)
