"""A scene told hour by hour: the hours of the day keep the story on its day."""

from __future__ import annotations

import pytest

from cliograph import timex


@pytest.mark.parametrize(("text", "hour"), [
    ("It was by then late in the evening.", "evening"),
    ("During the night the garrison slipped away.", "night"),
    ("Shortly after dawn the guns opened fire.", "dawn"),
    ("At midnight the bells were rung.", "midnight"),
    ("He sang his evening psalms to the lute.", None),  # a bare noun tells no hour
    ("Night after night the sentries kept watch.", None),  # a repetition
    ("The clerks had sat there all night.", None),  # a duration
    ("On the evening of 3 May the envoys arrived.", None),  # a date's own hour
])
def test_an_hour_of_the_day_is_read_only_where_it_dates_a_clause(text, hour):
    found = timex.hour_of_day(text)
    assert (found[0] if found else None) == hour


def test_the_hour_found_is_the_one_that_dates_the_clause():
    text = "His morning prayers done, in the morning he rode out."
    assert timex.hour_of_day(text) == ("morning", text.index("in the morning"))


def test_the_next_day_crosses_a_month_and_counts_years_bc():
    assert timex.next_day("1704-02-29") == "1704-03-01"
    assert timex.next_day("-0031-09-02") == "-0031-09-03"
    assert timex.next_day("1704-02") is None


@pytest.mark.model
def test_an_hour_keeps_the_paragraphs_since_the_day_on_that_day(analysed):
    # told day by day, a new paragraph would fall back to the month; 'late in the evening'
    # says the story never left the day, so the paragraphs before it are on it too
    d = analysed(
        "On 9 June 1740 the duke fell from his horse. On 11 June he took to his bed.\n\n"
        "The surgeons were summoned from the town.\n\n"
        "By then it was late in the evening. The duke asked for his chaplain.\n\n"
        "The stewards argued over the accounts.")
    times = [w.value for w in d.sentence_time]
    assert times[2:5] == ["1740-06-11"] * 3
    assert times[-1] == "1740-06"  # the next paragraph tells no hour: the month again


@pytest.mark.model
def test_a_night_spans_two_days_and_the_morning_after_it_is_the_next_day(analysed):
    d = analysed(
        "On 9 June 1740 the duke fell from his horse. On 11 June he took to his bed.\n\n"
        "During the night he called for his sons. They knelt by the bed.\n\n"
        "The shutters were opened. Soon after dawn the duke fell silent.")
    times = [w.value for w in d.sentence_time]
    assert times[2:4] == ["1740-06-11/1740-06-12"] * 2
    assert times[4:] == ["1740-06-12"] * 2


@pytest.mark.model
def test_an_hour_in_a_story_at_no_day_changes_nothing(analysed):
    d = analysed("In June 1740 the duke fell ill.\n\nLate in the evening he asked for his chaplain.")
    assert [w.value for w in d.sentence_time] == ["1740-06", "1740"]


@pytest.mark.model
def test_paragraphs_between_two_statements_of_one_month_are_in_that_month(analysed):
    d = analysed(
        "In June 1740 the duke fell from his horse. The surgeons despaired of him.\n\n"
        "His heir quarrelled with the stewards.\n\n"
        "The estates were to be surveyed in June, by order of the court.\n\n"
        "The tenants grumbled.")
    times = [w.value for w in d.sentence_time]
    assert times[:4] == ["1740-06"] * 4
    assert times[-1] == "1740"  # after the second statement the paragraphs take the year again


@pytest.mark.model
def test_paragraphs_between_a_month_and_a_day_of_it_keep_the_year(analysed):
    d = analysed(
        "In June 1740 the duke fell from his horse. The surgeons despaired of him.\n\n"
        "His heir quarrelled with the stewards.\n\n"
        "On 20 June the estates were surveyed.")
    assert [w.value for w in d.sentence_time][2] == "1740"


@pytest.mark.model
def test_a_day_appointed_ahead_in_an_infinitive_does_not_move_the_story(analysed):
    d = analysed(
        "In March 1831 the regency fell. "
        "The patriots answered by calling the deputies to gather at Bologna on 26 April. "
        "Meanwhile the envoys argued.")
    assert d.sentence_time[-1].value == "1831-03"


@pytest.mark.model
def test_a_month_in_an_infinitive_is_when_the_deed_was_done(analysed):
    d = analysed(
        "In March 1831 the regency fell. "
        "The envoys pressed the towns to accept the new charter in June 1831. The towns rejoiced.")
    assert d.sentence_time[-1].value == "1831-06"
