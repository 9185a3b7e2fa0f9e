"""One referent named two ways is one entity (a person's own event, Roman surnames, a land under
an epithet, a meeting named by its town, a body by its members), and two referents stay two.
Sentences of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import the_entity

pytestmark = pytest.mark.model


def test_an_event_named_of_a_person_is_the_one_his_possessive_names(analysed):
    d = analysed("In 1815 the allies sent Napoleon Bonaparte to Saint Helena. The banishment of Napoleon "
                 "Bonaparte lasted until his death in 1821. Las Cases shared the banishment of Napoleon, and "
                 "later Napoleon wrote of his banishment with bitterness.")
    e = the_entity(d, "banishment of Napoleon Bonaparte")
    assert the_entity(d, "his banishment") is e and e.kind == "EVENT"


def test_a_full_name_given_a_surname_is_one_person_under_all_its_names(analysed):
    d = analysed("In 217 the frightened Senate turned to Quintus Fabius, surnamed Cunctator, who would not "
                 "fight. Fabius Cunctator said that he would wait, and he kept his army whole while Hannibal "
                 "burned the farms.")
    e = the_entity(d, "Quintus Fabius")
    assert the_entity(d, "Fabius Cunctator") is e and e.kind == "PERSON"


def test_a_participle_that_is_no_surname_joins_nothing(analysed):
    d = analysed("Gaius Marius, called to Rome by the tribunes, quarrelled with Sulla over the command in "
                 "the east, and Sulla marched on Rome.")
    assert the_entity(d, "Gaius Marius") is not the_entity(d, "Sulla")


SAMUEL_FIRST = ("In 1765 the colonists gathered around Samuel Adams in Boston. Adams wrote to the other towns, "
                "Adams spoke at the town meeting, and the crowd cheered Adams in the street. Years later John "
                "Adams sailed to London as minister.")
BOTH_AT_ONCE = "Samuel Adams and John Adams signed the declaration in Philadelphia, and Adams spoke for Boston."


def test_a_bare_surname_said_again_and_again_before_a_second_bearer_is_the_first(analysed):
    d = analysed(SAMUEL_FIRST)
    assert the_entity(d, "Adams") is the_entity(d, "Samuel Adams")
    assert the_entity(d, "John Adams") is not the_entity(d, "Samuel Adams")


def test_a_bare_surname_of_two_bearers_named_together_stays_apart(analysed):
    d = analysed(BOTH_AT_ONCE)
    assert the_entity(d, "Adams") is not the_entity(d, "Samuel Adams")
    assert the_entity(d, "Adams") is not the_entity(d, "John Adams")


def test_a_land_under_an_adjective_of_its_age_is_the_land(analysed):
    d = analysed("Imperial China was crumbling in 1900. The Boxers rose in Shandong, and the legations in "
                 "Peking were besieged. China paid a heavy indemnity to the powers.")
    e = the_entity(d, "China")
    assert the_entity(d, "Imperial China") is e and e.kind == "PLACE"


def test_a_land_under_a_compass_word_stays_another_land(analysed):
    d = analysed("In 1807 Napoleon made West Prussia a duchy of Warsaw, and Prussia lost half its people "
                 "at Tilsit.")
    assert the_entity(d, "West Prussia") is not the_entity(d, "Prussia")


def test_a_body_at_a_town_is_the_one_named_by_the_town(analysed):
    d = analysed("In 1521 the Emperor summoned Luther before the Imperial Diet at Worms. The princes of the "
                 "Worms Diet heard him refuse to recant, and the Worms Diet declared him an outlaw.")
    e = the_entity(d, "Imperial Diet")
    assert the_entity(d, "Worms Diet") is e and the_entity(d, "Worms") is not e


def test_a_revolt_of_the_whole_of_a_land_is_the_lands_revolt(analysed):
    d = analysed("In 1832 Ibrahim Pasha stirred up a revolt of nearly the whole of Syria against the Sultan. "
                 "The Syrian revolt ended when the powers drove him out in 1840.")
    e = the_entity(d, "Syrian revolt")
    assert the_entity(d, "revolt of nearly the whole of Syria") is e
    assert not any(x.name.endswith("the whole") for x in d.entities)  # (the name is not cut before 'of Syria')


def test_a_land_under_its_regimes_word_is_the_state_its_people_name_so(analysed):
    d = analysed("In March 1919 Bela Kun proclaimed the Hungarian Soviet Republic in Budapest. Hungary was at "
                 "war with Romania, and Soviet Hungary lasted only a hundred and thirty-three days.")
    e = the_entity(d, "Hungarian Soviet Republic")
    assert the_entity(d, "Soviet Hungary") is e and the_entity(d, "Hungary") is not e


def test_the_members_named_by_a_colleges_adjective_are_the_college(analysed):
    d = analysed("The Golden Bull of 1356 fixed the Electoral College at seven princes. In 1519 the Imperial "
                 "Electors met at Frankfurt, and the Imperial Electors chose Charles the Fifth over Francis.")
    e = the_entity(d, "Electoral College")
    assert the_entity(d, "Imperial Electors") is e and e.kind == "BODY"
