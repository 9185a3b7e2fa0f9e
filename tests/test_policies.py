"""Measures assented to in a series, intended, granted and declared (relations/policies.py),
on small texts of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "relation", "expected"), [
    pytest.param("The first State to ratify the Charter was Ohio, on May 3, 1801. Indiana followed on May 12th, "
                 "and Illinois on June 18th. Ratifications continued until Michigan, the ninth State, signed on "
                 "June 21. Four days later, Iowa, a large State, ratified.",
                 "SUPPORTS_POLICY",
                 {("Ohio", "Charter"), ("Indiana", "Charter"), ("Illinois", "Charter"), ("Michigan", "Charter"),
                  ("Iowa", "Charter")},
                 id="a_series_of_assents_takes_the_measure_it_began_with"),
    pytest.param("The Hungarian Diet met at Pressburg in 1848. The Diet resolved to abolish the guilds of Pest.",
                 "DECIDES", {("Hungarian Diet", "abolish the guilds of Pest")},
                 id="a_bodys_resolution_with_an_infinitive_decides_the_measure"),
    pytest.param("The Emperor Alexander granted the Finns complete autonomy.",
                 "SUPPORTS_POLICY", {("Alexander", "complete autonomy")}, id="who_grants_a_liberty_stands_for_it"),
    pytest.param("The Estates of Hungary declared Hungary independent.",
                 "DECIDES", {("Estates of Hungary", "independence")},
                 id="a_body_declaring_a_country_independent_decides_its_independence"),
    pytest.param("Whatever the faults of Whig government elsewhere, in the universities at least they did much "
                 "good. They gave every professor complete liberty to pursue his research. The Whigs governed "
                 "England.",
                 "SUPPORTS_POLICY", {("Whig government", "complete liberty")},
                 id="they_after_a_groups_adjective_stands_for_the_group"),
    pytest.param("The Convention met in Paris. The Convention voted a public festival of ten days. "
                 "A pension was granted to him by the Convention.",
                 "DECIDES", {("Convention", "public festival of ten days"), ("Convention", "pension")},
                 id="what_a_body_decrees_by_a_common_noun_is_a_measure_it_decides"),
    pytest.param("When Mirabeau in the Assembly had proposed the highest honours to him, others added more.",
                 "SUPPORTS_POLICY", {("Mirabeau", "highest honours")},
                 id="whom_a_measure_is_proposed_for_is_no_part_of_its_name"),
    pytest.param("The Spartans sailed to Argos with forty ships and set up an oligarchy.",
                 "SUPPORTS_POLICY", {("Spartans", "oligarchy")}, id="setting_up_a_form_of_government_stands_for_it"),
    pytest.param("The first State to ratify the Charter was Ohio, on May 3, 1801. Kansas waited until November "
                 "21st, and little Iowa, the last State of all, did not come in until May 29, 1803.",
                 "SUPPORTS_POLICY", {("Kansas", "Charter"), ("Iowa", "Charter")},
                 id="waiting_or_not_coming_in_until_a_date_is_assenting_then"),
    pytest.param("On September 17th the Charter received the unanimous consent of Daniel Webster.",
                 "SUPPORTS_POLICY", {("Daniel Webster", "Charter")},
                 id="whose_consent_a_measure_receives_stands_for_it"),
    pytest.param("The Diet met at Worms in March. Although there was much opposition to a tax on salt, "
                 "this provision was passed.",
                 "DECIDES", {("Diet", "tax on salt")},
                 id="a_measure_passed_without_an_agent_is_decided_by_the_sitting_assembly"),
])
def test_the_rules_state(analysed, text, relation, expected):
    assert expected <= pairs(analysed(text), relation)


@pytest.mark.parametrize(("text", "relation"), [
    pytest.param("The harvest failed in Ohio. Indiana followed on May 12th. Michigan signed on June 21.",
                 "SUPPORTS_POLICY", id="a_bare_assent_without_a_measure_before_it_says_nothing"),
    pytest.param("Napoleon intended to go to Paris in the spring.",
                 "SUPPORTS_POLICY", id="an_intention_to_go_somewhere_is_no_measure"),
    pytest.param("King Lear gave his daughter land in Cornwall.",
                 "SUPPORTS_POLICY", id="a_gift_of_land_to_a_son_is_no_measure"),
    pytest.param("Napoleon ordered a carriage for the evening.",
                 "DECIDES", id="what_a_person_orders_is_no_decision"),
    pytest.param("Webster walked to the Capitol along with Calhoun.",
                 "SUPPORTS_POLICY", id="a_companion_without_a_measure_takes_no_side"),
    pytest.param("Abraham Lincoln voted for a new president.",
                 "SUPPORTS_POLICY", id="voting_for_a_person_named_by_a_post_is_no_measure"),
    pytest.param("The harvest failed in Ohio. Kansas waited until November 21st.",
                 "SUPPORTS_POLICY", id="waiting_without_a_series_is_no_assent"),
    pytest.param("The Duke gave his assent to the marriage of his daughter.",
                 "SUPPORTS_POLICY", id="giving_assent_to_a_marriage_is_no_measure"),
])
def test_no_fact_of_the_type_is_stated(analysed, text, relation):
    assert not pairs(analysed(text), relation)


def test_an_intention_names_the_works_planned_without_what_hangs_on_them(analysed):
    d = analysed("Mehmet Ali returned from Syria in 1833. Mehmet Ali intended to build a canal across the "
                 "desert, and he designed to drain the lagoons near Damietta.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert ("Mehmet Ali", "build a canal across the desert") in found
    assert ("Mehmet Ali", "drain the lagoons") in found


def test_groups_named_by_common_nouns_that_show_hostility_are_opposed_factions(analysed):
    d = analysed("In the provinces the Royalist officers showed bitter hostility to other officers who did not "
                 "accept the oath.")
    assert ("Royalist officers", "other officers") in pairs(d, "OPPOSES")
    assert {"Royalist officers", "other officers"} <= {e.name for e in d.entities if e.kind == "FACTION"}


def test_a_feeling_between_things_makes_no_faction(analysed):
    d = analysed("In the provinces the old roads showed bitter hostility to the new carriages.")
    assert not [e for e in d.entities if e.kind == "FACTION"]


def test_a_measure_described_by_who_brought_it_forward_is_theirs_and_later_the_one_voted_for(analysed):
    d = analysed("They sought for a compromise. The compromise brought forward by Clay consisted in agreeing that "
                 "Missouri should enter as a slave State. Many members voted for it; so Webster voted for the "
                 "compromise along with Calhoun.")
    measure = "compromise brought forward by Clay"
    assert {("Clay", measure), ("Webster", measure), ("Calhoun", measure)} <= pairs(d, "SUPPORTS_POLICY")


def test_joining_the_majority_continues_the_series_and_joining_alone_does_not(analysed):
    d = analysed("The first State to ratify the Charter was Ohio, on May 3, 1801. Iowa, which had been hostile "
                 "throughout, joined the majority on July 26th. Kansas joined on August 2nd.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert ("Iowa", "Charter") in found and ("Kansas", "Charter") not in found


def test_a_strong_word_of_advocacy_makes_its_modified_noun_a_measure(analysed):
    d = analysed("Cobden and Bright stood for a gradual reduction with compensation for the landlords.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert {("Cobden", "gradual reduction"), ("Bright", "gradual reduction")} <= found


def test_a_bodys_decree_that_someone_be_honoured_decides_the_honour(analysed):
    d = analysed("The Diet of Worms, with the view of restoring peace among the princes, decreed that the "
                 "Elector should be honoured as a saint and that nothing should be changed.")
    decided = pairs(d, "DECIDES")
    assert ("Diet of Worms", "honoured as a saint") in decided
    assert not any("changed" in measure for _, measure in decided)  # negated: nothing decided


def test_a_persons_purpose_is_supported_not_decided(analysed):
    d = analysed("Metternich, with the object of granting an amnesty, wrote to the Emperor.")
    assert ("Metternich", "amnesty") in pairs(d, "SUPPORTS_POLICY")
    assert not pairs(d, "DECIDES")


@pytest.mark.parametrize(("text", "type_", "pair"), [
    ("Governor Morris of Ohio withheld his approval of a measure to improve a system of taxation to which the "
     "other States had assented.", "OPPOSES_POLICY", ("Morris", "measure to improve a system of taxation")),
    ("Peel gave his assent to the bill on corn.", "SUPPORTS_POLICY", ("Peel", "bill on corn")),
])
def test_withholding_or_giving_consent_to_a_measure_takes_a_side_on_it(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


@pytest.mark.parametrize("text,pair", [
    ("The synod asked whether the abbots should be appointed by the king or elected by the monks. "
     "Anselm and Ralph favoured the latter.", ("Anselm", "election by the monks")),
    ("The synod asked whether the abbots should be appointed by the king or elected by the monks. "
     "Archbishop Lanfranc favoured the former.", ("Archbishop Lanfranc", "appointment by the king")),
    ("Should the bishops be chosen by the chapter, or by the crown? Thomas Becket favoured the latter.",
     ("Thomas Becket", "election by the crown")),
    ("Should the grain be stored in the temples, or sold in the market? The priests favoured the former; "
     "the merchants--Nehemiah and Ezra--favoured the latter.", ("Ezra", "sold in the market")),
])
def test_favouring_the_former_or_the_latter_stands_for_that_way_of_the_question(analysed, text, pair):
    assert pair in pairs(analysed(text), "SUPPORTS_POLICY")


def test_who_favours_the_former_is_not_who_favours_the_latter(analysed):
    text = ("Should the grain be stored in the temples, or sold in the market? The elders--Thomas Cromwell and "
            "Stephen Gardiner--favoured the former; the merchants--Nehemiah and Ezra--favoured the latter.")
    found = pairs(analysed(text), "SUPPORTS_POLICY")
    assert ("Stephen Gardiner", "stored in the temples") in found
    assert ("Ezra", "stored in the temples") not in found


def test_the_latter_without_a_question_before_it_names_no_measure(analysed):
    assert not pairs(analysed("Anselm met Ralph at Canterbury. Anselm favoured the latter."), "SUPPORTS_POLICY")


@pytest.mark.parametrize("text", [
    "The Diet met at Worms in March, in the hall where the tax on salt had been passed long before.",
    "The Diet met at Worms in March. The tax on salt was passed by the princes.",
    "The Diet met at Worms in March. The tax on salt was not passed.",
])
def test_a_measure_passed_earlier_by_others_or_not_at_all_is_no_decision_of_the_sitting(analysed, text):
    assert not pairs(analysed(text), "DECIDES")
