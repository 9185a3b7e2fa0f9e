"""Cleaning: what the NLP sees, and the map back to the characters a reader sees."""

from __future__ import annotations

import re

import pytest
from conftest import SEED, need_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from cliograph.clean import CleanText, clean

#: Read a marker as its label: superscripts as digits, invisible characters gone.
SUPERSCRIPTS = str.maketrans(
    "⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", "\u00ad\u200b\u2060\ufeff\u200a"
)


def assert_round_trips(raw: str, result: CleanText, joined: tuple[str, ...] = ()) -> None:
    """Every footnote points at its label; every clean word maps back to itself."""
    for note in result.footnotes:
        assert note.label in raw[note.start : note.end].translate(SUPERSCRIPTS), note
    for word in re.finditer(r"\S+", result.text):
        if any(j in word.group() for j in joined):
            continue
        start, end = result.span_to_raw(*word.span())
        assert raw[start:end] == word.group(), (word.group(), raw[start:end])
    assert result.to_raw(0) >= 0
    assert result.to_raw(len(result.text)) == len(raw)


# ----------------------------------------------------------------------------- footnotes

FOOTNOTE_CASES = [
    # (raw, clean, labels)
    ("necessary for victory.1 The Central", "necessary for victory. The Central", ["1"]),
    ("Kamenev and Zinoviev.25\n\nNext para.", "Kamenev and Zinoviev.\n\nNext para.", ["25"]),
    ("It annoyed him:23\n\nThen", "It annoyed him:\n\nThen", ["23"]),
    ("It was a success;8 in fact", "It was a success; in fact", ["8"]),
    ("in the capital.22", "in the capital.", ["22"]),
    ("since November 1921.26 Although Lenin", "since November 1921. Although Lenin", ["26"]),
    ("in mid-1920.)27 Lenin was", "in mid-1920.) Lenin was", ["27"]),
    ("as he thinks sensible.’35 The name", "as he thinks sensible.’ The name", ["35"]),
    ("the ‘New Economy’.17 Then", "the ‘New Economy’. Then", ["17"]),
    ("historians ever after).36 Stalin", "historians ever after). Stalin", ["36"]),
    ("put up to it.10Lenin’s own health", "put up to it. Lenin’s own health", ["10"]),
    ("the mutineers144 were shot", "the mutineers were shot", ["144"]),
    ("the Zimmerwaldists[7] were", "the Zimmerwaldists were", ["7"]),
    ("the Mensheviki,[6] represented", "the Mensheviki, represented", ["6"]),
    ("tennis player, [208] and was", "tennis player, and was", ["208"]),
    ("in mountains. [214]\n\nNext", "in mountains.\n\nNext", ["214"]),
    ('the hand of God."[1] And', 'the hand of God." And', ["1"]),
    ("under suspicion.[A2.1] Savinkov", "under suspicion. Savinkov", ["A2.1"]),
    ("the army.(12) Then", "the army. Then", ["12"]),
    ("the word(3) again", "the word again", ["3"]),
    ("Lenin¹² said", "Lenin said", ["12"]),
    ("the Politburo.⁷", "the Politburo.", ["7"]),
]

KEPT_CASES = [
    "He was born in 1921.",
    "In 1921. the party met",
    "see p. 12 and p.12 and pp.12 for details",
    "No.5 Squadron flew",
    "It grew by 3.5 per cent at 10.30 in the morning, 1,000 men, ratio 3:1.",
    "Genesis 1:1 says",
    "(1) first point\n(2) second point",
    "the reasons were (1) cost and (2) time",
    "see f(1) and x[2]",
    "[1] Ford, xi, 31.",
    "the F-16 and the MiG29 and mutineers144 248 men",
    "Mar.15 was the date",
    "Appendix A.1 shows",
    "the class of ’17 met",
    "it cost $3.50 in 1917.",
    "2.30 pm",
]


@pytest.mark.parametrize(("raw", "expected", "labels"), FOOTNOTE_CASES)
def test_clean_glued_footnote_is_removed_and_recorded(raw, expected, labels):
    result = clean(raw)
    assert result.text == expected
    assert [f.label for f in result.footnotes] == labels
    assert_round_trips(raw, result)


@pytest.mark.parametrize("raw", KEPT_CASES)
def test_clean_real_numbers_are_not_footnotes(raw):
    result = clean(raw)
    assert result.text == raw
    assert result.footnotes == []


def test_clean_footnote_offsets_point_at_marker_in_original_text():
    raw = "\u200bfor victory.1 The Zimmerwaldists[7] and ¹²"
    result = clean(raw)
    assert [(raw[f.start : f.end], f.label) for f in result.footnotes] == [
        ("1", "1"),
        ("[7]", "7"),
        ("¹²", "12"),
    ]


# ----------------------------------------------------------------------------- boilerplate

BOILERPLATE_CASES = [
    (
        "Biographies & Memoirs\n\n17. WITH LENIN\n\nThe contretemps between Lenin and Stalin.\n",
        "The contretemps between Lenin and Stalin.\n",
    ),
    (
        "History And Politics\n\nThe first paragraph of prose.\n",
        "The first paragraph of prose.\n",
    ),
    (
        "Last paragraph.\n\nIf you find an error or have any questions, "
        "please email us at admin@example.org. Thank you!",
        "Last paragraph.\n",
    ),
    (
        "Last paragraph.\n\nIf you spot a typo, contact us via the form.\n\nThank you!\n",
        "Last paragraph.\n",
    ),
    ("One.\n\nhttps://example.org/book/17\n\nTwo.\n", "One.\n\nTwo.\n"),
    ("One.\n\nadmin@example.org\n\nTwo.\n", "One.\n\nTwo.\n"),
    ("One.\nPlease email us at x@y.org\nTwo.\n", "One.\nTwo.\n"),
    ("One.\n\nCHAPTER XVII\n\nTwo.\n", "One.\n\nTwo.\n"),
    ("One.\n\nIV. THE COMING STORM\n\nTwo.\n", "One.\n\nTwo.\n"),
]

PROSE_KEPT = [
    "If you find an error in the ledger, Stalin said, you will be shot.\n",
    "Stalin & Co. ran the Secretariat.\n\nMore.\n",
    "Short line\nthat continues the paragraph.\n",
    "Yes\n\nhe said.\n",
    "He wrote:\n\n17. WITH LENIN\nwas the title he chose.\n",
    "The Coming Storm was near; everyone knew it.\n\nThe Old Man\n",
    "THE GOVERNMENT’S ANSWER TO THE TRENCHES\n\nText.\n",
    "Thank you!\n\nShe said it twice.\n",
]


@pytest.mark.parametrize(("raw", "expected"), BOILERPLATE_CASES)
def test_clean_boilerplate_lines_are_removed(raw, expected):
    result = clean(raw)
    assert result.text == expected
    assert_round_trips(raw, result)


@pytest.mark.parametrize("raw", PROSE_KEPT)
def test_clean_prose_lines_are_never_removed(raw):
    assert clean(raw).text == raw


# ----------------------------------------------------------------------------- hyphenation

HYPHEN_CASES = [
    ("the autonomisa-tion of the republics", "the autonomisation of the republics"),
    ("the autono-\nmisation of the republics", "the autonomisation of the republics"),
    ("the autono-  \n   misation plan", "the autonomisation plan"),
    ("the gov-ernment fell; the government rose", "the government fell; the government rose"),
    ("Autonomisa-tion came", "Autonomisation came"),
    (
        "a one-party state and a party of one\nman's one-\nparty",
        "a one-party state and a party of one\nman's one-party",
    ),
]
COMPOUNDS_KEPT = [
    "the Brest-Litovsk treaty",
    "a one-party state",
    "a well-rewarded post",
    "he co-ordinated the faction",
    "the Anglo-Soviet talks",
    "non-Georgians and non-European",
    "the post-war era in mid-1920",
    "the Tsay-ee-kah met",
    "ne’er-do-well",
    "self-ism and re-ed",
    "a long-awaited and long day",
    "the red-\nNot a join",
    "the war-\n\nending",
]


@pytest.mark.parametrize(("raw", "expected"), HYPHEN_CASES)
def test_clean_hyphenation_breaks_are_joined(raw, expected):
    result = clean(raw)
    assert result.text == expected
    joined = ("autonomisation", "government", "Autonomisation", "one-party")
    assert_round_trips(raw, result, joined=joined)


@pytest.mark.parametrize("raw", COMPOUNDS_KEPT)
def test_clean_real_compounds_keep_their_hyphen(raw):
    assert clean(raw).text == raw


def test_clean_joined_word_maps_to_the_hyphenated_original():
    raw = "the autonomisa-tion plan"
    result = clean(raw)
    start = result.text.index("autonomisation")
    raw_start, raw_end = result.span_to_raw(start, start + len("autonomisation"))
    assert raw[raw_start:raw_end] == "autonomisa-tion"


# ----------------------------------------------------------------------------- invisible characters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("auto\u00adnomy", "autonomy"),
        ("Len\u200bin and\u2060 Stalin", "Lenin and Stalin"),
        ("groups\u2060\u200a\u2014\u200a“moderates”", "groups\u2014“moderates”"),
        ("several things\u2060\u200a\u2060\u2026 are", "several things \u2026 are"),
        ("\ufeffText", "Text"),
        ("word \u200a next", "word  next"),
    ],
)
def test_clean_invisible_characters_are_removed_or_normalised(raw, expected):
    result = clean(raw)
    assert result.text == expected
    for i, ch in enumerate(result.text):
        original = raw[result.to_raw(i)]
        assert original == ch or (ch == " " and original == "\u200a")


# ----------------------------------------------------------------------------- the offset map


def test_clean_untouched_text_is_identical_and_maps_to_itself():
    raw = "Nothing to clean here.\n\nReally nothing."
    result = clean(raw)
    assert result.text == raw
    assert [result.to_raw(i) for i in range(len(raw) + 1)] == list(range(len(raw) + 1))


def test_clean_span_to_raw_does_not_swallow_a_deleted_marker():
    raw = "for victory.1 The"
    result = clean(raw)
    start = result.text.index("victory.")
    assert result.span_to_raw(start, start + len("victory.")) == (4, 12)
    assert result.span_to_raw(3, 3) == (3, 3)


def test_clean_to_raw_rejects_offsets_outside_the_text():
    result = clean("abc")
    with pytest.raises(IndexError):
        result.to_raw(4)


def test_clean_stores_runs_not_a_per_character_map():
    raw = ("A paragraph of plain prose without anything to clean. " * 2000 + "\n\n") * 5
    result = clean(raw + "end.1 Done")
    assert len(result._clean) <= 3


def test_clean_all_rules_together_keep_offsets_consistent():
    raw = (
        "Biographies & Memoirs\n\n17. WITH LENIN\n\n"
        "Stalin\u00ad’s autonomisa-tion plan failed.12 The Politburo[3] met on 8 March 1921.\n"
        "It was autono-\nmisation again, said Lenin¹.\n\n"
        "If you find an error, please email us at a@b.org. Thank you!\n"
    )
    result = clean(raw)
    assert result.text == (
        "Stalin’s autonomisation plan failed. The Politburo met on 8 March 1921.\n"
        "It was autonomisation again, said Lenin.\n"
    )
    assert [f.label for f in result.footnotes] == ["12", "3", "1"]
    # Words with something deleted inside them do not map back character for character.
    assert_round_trips(raw, result, joined=("autonomisation", "Stalin’s", "Lenin."))


# ----------------------------------------------------------------------------- properties

ALPHABET = st.sampled_from(
    [*"ab Lz.,;:’”'\"()[]\n-1239", "\u00ad", "\u200b", "\u2060", "\u200a", "¹", "—", "&", "@"]
)
WORDS = st.sampled_from(
    [
        "victory.1", "[12]", "autonomisa-tion", "autono-\n", "misation", "17. WITH LENIN\n",
        "Biographies & Memoirs\n", "If you find an error, email us.\n", "https://x.org\n",
        "\n\n", " ", "1921.26 A", "word(3)", "it.10Lenin",
    ]
)
TEXTS = st.lists(st.one_of(st.text(ALPHABET, max_size=6), WORDS), max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_clean_property_map_is_monotonic_in_range_and_points_at_copied_chars(raw):
    result = clean(raw)
    positions = [result.to_raw(i) for i in range(len(result.text) + 1)]
    assert positions == sorted(positions)
    assert all(0 <= p <= len(raw) for p in positions)
    assert positions[-1] == len(raw)
    assert len(set(positions[:-1])) == len(positions) - 1  # each clean char has its own source
    for i, ch in enumerate(result.text):
        original = raw[positions[i]]
        # Cleaning copies characters, except a space standing in for a hair space
        # or for a footnote marker glued to the next word ("it.10Lenin").
        stand_in = original == "\u200a" or original.isdigit() or original in "[("
        assert original == ch or (ch == " " and stand_in)
    for note in result.footnotes:
        assert 0 <= note.start < note.end <= len(raw)
        assert note.label in raw[note.start : note.end].translate(SUPERSCRIPTS)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_clean_property_never_raises_on_arbitrary_text(raw):
    result = clean(raw)
    assert len(result.text) <= len(raw)
    assert result.to_raw(len(result.text)) == len(raw)


# ----------------------------------------------------------------------------- the seed text


def test_clean_seed_text_loses_furniture_and_keeps_notes():
    raw = need_shared(SEED, "the seed chapter").read_text(encoding="utf-8")
    result = clean(raw)
    assert "Biographies & Memoirs" not in result.text
    assert "17. WITH LENIN" not in result.text
    assert "If you find an error" not in result.text
    assert result.text.startswith("The contretemps between Lenin and Stalin")
    assert len(result.footnotes) >= 20
    assert [f.label for f in result.footnotes] == [str(n) for n in range(1, 37)]
    assert "autonomisation" in result.text
    for compound in ("Brest-Litovsk", "co-ordinated", "one-party", "well-rewarded", "Anglo-Soviet"):
        assert compound in result.text
    assert_round_trips(raw, result, joined=("autonomisation",))
