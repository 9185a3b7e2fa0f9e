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


# ------------------------------------------------------------------ MEMBER_OF

def test_elected_a_member_of_an_academy(analysed):
    d = analysed("In 1784, Hansen was elected a member of the Royal Danish Academy of Sciences.")
    assert ("Hansen", "Royal Danish Academy of Sciences") in pairs(d, "MEMBER_OF")


def test_a_member_of_one_body_and_of_another(analysed):
    d = analysed("Keller is a member of the Bavarian Academy of Sciences (since 2001) and of the "
                 "Academia Europaea (since 2010).")
    assert {("Keller", "Bavarian Academy of Sciences"), ("Keller", "Academia Europaea")} <= pairs(d, "MEMBER_OF")


def test_a_politician_for_a_party(analysed):
    d = analysed("Karl Olsen (13 October 1921 – 10 June 2002) was a Danish politician for the "
                 "Social Democratic Party.")
    assert ("Karl Olsen", "Social Democratic Party") in pairs(d, "MEMBER_OF")


def test_party_words_before_leaders_go_each_with_its_own_leader(analysed):
    d = analysed("He lost to the Conservative leader Arthur Wells and the Liberal chief Tom Hale.")
    assert pairs(d, "MEMBER_OF") == {("Arthur Wells", "Conservative"), ("Tom Hale", "Liberal")}


@pytest.mark.parametrize("text, party", [
    ("Hugh Dalton was a lawyer. He was elected as a Democrat to the Sixtieth Congress.", "Democrat"),
    ("Hugh Dalton was a lawyer. In 1998 he returned to parliament as a Christian Democrat.", "Christian Democrat"),
    ("Hugh Dalton was a lawyer. He was the Conservative candidate in 1983.", "Conservative"),
])
def test_a_party_named_by_its_family_word(analysed, text, party):
    assert ("Hugh Dalton", party) in pairs(analysed(text), "MEMBER_OF")


def test_a_word_the_model_reads_as_an_organisation_before_a_leader(analysed):
    d = analysed("The strike forced Solidarity leader Jan Nowak to resign.")
    assert ("Jan Nowak", "Solidarity") in pairs(d, "MEMBER_OF")


def test_the_party_the_document_names_in_full_is_the_one_its_word_means(analysed):
    d = analysed("The Liberal Party won the seat. Its Liberal candidate Tom Vine was elected.")
    assert ("Tom Vine", "Liberal Party") in pairs(d, "MEMBER_OF")


def test_a_nationality_is_no_party(analysed):
    d = analysed("Sean Kerr is an Irish politician and a British officer.")
    assert not pairs(d, "MEMBER_OF")


# ------------------------------------------------------------------ PARTICIPATES: war service

@pytest.mark.parametrize("text, war", [
    ("Peter Holm was an Australian judge. Holm saw service in the Boer War and later became a judge.", "Boer War"),
    ("Peter Holm was an Australian judge. He enlisted in the army in World War I and was sent to Gallipoli.",
     "World War I"),
    ("After serving in the Korean War until 1953, Peter Holm took a job teaching at a school in Ohio.",
     "Korean War"),
    ("Peter Holm was a British officer. His studies were interrupted by the Korean War, during which he "
     "served in the Royal Marines.", "Korean War"),
    ("Peter Holm served as a general and as a member of the War Council in the Boer War.", "Boer War"),
])
def test_a_man_who_served_in_a_war_took_part_in_it(analysed, text, war):
    assert ("Peter Holm", war) in pairs(analysed(text), "PARTICIPATES")


def test_the_unit_served_in_took_part_too(analysed):
    d = analysed("Peter Holm was an Australian judge. He served with the Royal Australian Navy during World War II.")
    assert {("Peter Holm", "World War II"), ("Royal Australian Navy", "World War II")} <= pairs(d, "PARTICIPATES")


def test_an_officer_during_two_wars_took_part_in_both(analysed):
    d = analysed("John Ames (about 1770 – 1801) was an officer in the Royal Navy during the Seven Years' War "
                 "and the Crimean War.")
    assert {("John Ames", "Seven Years' War"), ("John Ames", "Crimean War"),
            ("Royal Navy", "Crimean War")} <= pairs(d, "PARTICIPATES")


def test_a_common_noun_s_body_is_no_unit(analysed):
    d = analysed("Peter Holm wrote for the Evening Courier. He enlisted in the army in World War II.")
    assert ("Evening Courier", "World War II") not in pairs(d, "PARTICIPATES")
    assert ("Peter Holm", "World War II") in pairs(d, "PARTICIPATES")


def test_a_painter_in_a_war_s_years_took_no_part(analysed):
    d = analysed("Peter Holm was a painter. He painted landscapes during the Crimean War.")
    assert not pairs(d, "PARTICIPATES")


# ------------------------------------------------------------------ MEMBER_OF: bands

@pytest.mark.parametrize("text, band", [
    ("Tom Hale\n\nThe song was written by Ironside bassist Tom Hale.", "Ironside"),
    ("Tom Hale\n\nThe song was praised by Fall Out Boy bassist Tom Hale.", "Fall Out Boy"),
    ("Tom Hale\n\nFall Out Boy bassist Tom Hale explained the song.", "Fall Out Boy"),
    ("Tom Hale\n\nTom Hale is a member of the band Ironside.", "Ironside"),
    ("Tom Hale\n\nTom Hale, the drummer of the band, Ironside, died in 1990.", "Ironside"),
])
def test_a_player_of_a_band(analysed, text, band):
    assert ("Tom Hale", band) in pairs(analysed(text), "MEMBER_OF")


def test_a_guitarist_of_two_bands(analysed):
    d = analysed("Anna Lind\n\nAnna Lind (born 1981) is the guitarist of the rock band Ironside, as well as "
                 "guitarist of the band Nightfall.")
    assert {("Anna Lind", "Ironside"), ("Anna Lind", "Nightfall")} <= pairs(d, "MEMBER_OF")


def test_a_nationality_before_a_guitarist_is_no_band(analysed):
    assert not pairs(analysed("Tom Hale\n\nTom Hale was a Welsh guitarist and singer."), "MEMBER_OF")


def test_the_unit_of_a_rank_served_as(analysed):
    d = analysed("Will Ames was an American journalist. He served as a lieutenant commander in the "
                 "United States Navy during World War II.")
    assert ("United States Navy", "World War II") in pairs(d, "PARTICIPATES")


@pytest.mark.parametrize("text, war", [
    ("Karl Ames was a Spanish officer. He participated in the Battle of Burgos during the Peninsular War.",
     "Peninsular War"),
    ("Karl Ames (1887 – 1961) was an Irish freedom fighter during the Land War.", "Land War"),
])
def test_a_fighter_during_a_war(analysed, text, war):
    assert ("Karl Ames", war) in pairs(analysed(text), "PARTICIPATES")


# ------------------------------------------------------------------ PARTICIPATES: a contest's performers

def test_the_performer_of_a_contest_s_entry_took_part_in_it(analysed):
    d = analysed('"Nie wieder" was the Austrian entry in the Song Contest 1988, performed in German by Karl Maier.')
    assert ("Karl Maier", "Song Contest 1988") in pairs(d, "PARTICIPATES")


def test_a_performer_at_a_contest(analysed):
    d = analysed('"Nie wieder" is a song that was performed in the Song Contest 1956 by French singer Anne Roux.')
    assert ("Anne Roux", "Song Contest 1956") in pairs(d, "PARTICIPATES")


def test_a_song_written_for_a_contest_names_no_performer(analysed):
    d = analysed('"Nie wieder" was the Austrian entry in the Song Contest 1988, written by Karl Maier.')
    assert ("Karl Maier", "Song Contest 1988") not in pairs(d, "PARTICIPATES")


def test_a_member_of_a_group_called_by_its_music(analysed):
    d = analysed("Tom Hale\n\nFrom 1971 to 1987 Tom Hale was a member of the electronic group Blue Lantern.")
    assert ("Tom Hale", "Blue Lantern") in pairs(d, "MEMBER_OF")


def test_a_plain_group_s_next_name_is_its_member_not_its_name(analysed):
    d = analysed("Tom Hale\n\nHe was a member of the group, Tom Hale having left it in 1990.")
    assert not any(o == "Tom Hale" for _, o in pairs(d, "MEMBER_OF"))


def test_a_party_s_full_name_before_its_candidate(analysed):
    d = analysed("Tom Hale lost to Democratic Revolutionary Party candidate Juan Ortega in 2004.")
    assert pairs(d, "MEMBER_OF") == {("Juan Ortega", "Democratic Revolutionary Party")}


def test_served_somewhere_during_two_wars(analysed):
    d = analysed("Tom Hale was a British officer. Hale served in the West Indies during the Seven Years' War "
                 "and the Crimean War.")
    assert {("Tom Hale", "Seven Years' War"), ("Tom Hale", "Crimean War")} <= pairs(d, "PARTICIPATES")


def test_a_band_consisting_of_players_named_with_their_instruments(analysed):
    d = analysed("The Wires are a Finnish rock band formed in 1991 consisting of vocalist Jari Koski, "
                 "guitarist Mika Salo and drummer Ville Aho.")
    assert {("Jari Koski", "Wires"), ("Mika Salo", "Wires"), ("Ville Aho", "Wires")} <= pairs(d, "MEMBER_OF")


def test_players_of_a_band_named_after_its_description(analysed):
    d = analysed("In 2013 the singer toured with Paul Ekberg and Jon Dahl of the band Solbris.")
    assert {("Paul Ekberg", "Solbris"), ("Jon Dahl", "Solbris")} <= pairs(d, "MEMBER_OF")


def test_people_of_a_town_are_not_a_band_s(analysed):
    d = analysed("In 2013 the singer toured with Paul Ekberg and Jon Dahl of the town of Solbris.")
    assert not pairs(d, "MEMBER_OF")
