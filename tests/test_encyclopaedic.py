"""The shapes encyclopaedias (Re-DocRED's pages) state membership and taking part in:
events named with their year, party labels, members of academies and bands, servicemen
in a war. Every sentence here is our own, of no gold chapter."""

from __future__ import annotations

import pytest

from conftest import pairs

pytestmark = pytest.mark.model


def names(d, kind: str) -> set[str]:
    return {e.name for e in d.entities if e.kind == kind}


def test_a_contest_keeps_the_year_before_its_name_and_each_year_is_its_own_event(analysed):
    d = analysed("Jean Moreau is a Chilean sport shooter. Moreau competed for Chile in the men's trap "
                 "at the 1996 Summer Olympics. At the 2004 Summer Olympics he finished tenth.")
    assert {"1996 Summer Olympics", "2004 Summer Olympics"} <= names(d, "EVENT")
    assert ("Jean Moreau", "1996 Summer Olympics") in pairs(d, "PARTICIPATES")


def test_a_contest_keeps_the_year_after_its_name(analysed):
    d = analysed("The ballad was the Danish entry to the Song Contest 1962, sung by Grete Holm.")
    assert "Song Contest 1962" in names(d, "EVENT")


def test_a_war_named_by_its_year(analysed):
    d = analysed("Thomas Rowe was a British officer. He served in the Royal Navy during the War of 1812.")
    assert "War of 1812" in names(d, "EVENT")
    assert ("Thomas Rowe", "War of 1812") in pairs(d, "PARTICIPATES")


def test_a_year_beside_a_common_name_stays_out_of_it(analysed):
    d = analysed("In 1848 Karl Weber moved to Vienna, where he opened a shop.")
    assert "Karl Weber" in names(d, "PERSON")
    assert not any(any(c.isdigit() for c in e.name) for e in d.entities)


@pytest.mark.parametrize("numeral", ["I", "II"])
def test_a_numbered_world_war_is_one_event(analysed, numeral):
    d = analysed(f"Karl Weber was a German painter. He was wounded in World War {numeral} and returned home.")
    assert f"World War {numeral}" in names(d, "EVENT")
    assert ("Karl Weber", f"World War {numeral}") in pairs(d, "PARTICIPATES")
