"""Courses of policy read from constructions the older rules missed (relations/descriptions.py,
relations/policies.py), on small texts of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def test_who_begs_others_to_join_in_a_course_stands_for_the_course(analysed):
    d = analysed("In 1526 Cardinal Wolsey begged the Venetians not only to stay out of the war, but also to "
                 "join him in pulling down the forts that guarded the passes.")
    assert ("Cardinal Wolsey", "pulling down the forts") in pairs(d, "SUPPORTS_POLICY")


def test_begging_others_not_to_join_in_a_course_names_no_measure(analysed):
    d = analysed("Cardinal Wolsey begged the Venetians not to join him in pulling down the forts.")
    assert not pairs(d, "SUPPORTS_POLICY")


def test_who_wishes_to_widen_the_part_a_measure_plays_stands_for_it(analysed):
    d = analysed("Peel tried to extend the scope of the Corn Laws in the colonies.")
    assert ("Peel", "Corn Laws") in pairs(d, "SUPPORTS_POLICY")


def test_who_curbs_a_measure_stands_against_it(analysed):
    d = analysed("In 1829 the Whigs curbed the Test Act.")
    assert ("Whigs", "Test Act") in pairs(d, "OPPOSES_POLICY")


def test_not_wanting_to_weaken_a_measure_says_nothing_of_it(analysed):
    d = analysed("In 1829 the Tories did not want to weaken the Corn Laws.")
    assert not pairs(d, "OPPOSES_POLICY")


def test_care_given_to_the_upkeep_of_things_is_a_measure_the_giver_stands_for(analysed):
    d = analysed("In 1680 Francesco Morosini devoted great care to the repair of the dykes.")
    assert ("Francesco Morosini", "repair of the dykes") in pairs(d, "SUPPORTS_POLICY")


def test_care_given_by_no_one_named_goes_on_the_measures_of_the_last_advocate(analysed):
    d = analysed("In 1672 the States of Holland allowed every printer complete freedom to publish his pamphlets. "
                 "Besides, in the matter of paper they treated the printers generously. That, with the great care "
                 "devoted to the repair of harbours, bridges, and lighthouses, is a matter of record.")
    assert ("States of Holland", "repair of harbours, bridges, and lighthouses") in pairs(d, "SUPPORTS_POLICY")


def test_care_given_to_a_memory_names_no_measure(analysed):
    d = analysed("In 1680 Francesco Morosini devoted great care to the memory of his father.")
    assert not pairs(d, "SUPPORTS_POLICY")


def test_who_judges_a_measure_ruinous_stands_against_it(analysed):
    d = analysed("Fox voted for the bill along with Charles Grey, the Northumbrian who regarded slavery as ruinous "
                 "to the nation.")
    assert ("Charles Grey", "slavery") in pairs(d, "OPPOSES_POLICY")


def test_who_judges_a_measure_higher_than_others_stands_for_it(analysed):
    d = analysed("Peel, who regarded the Corn Laws as higher than any law of the land, resigned.")
    assert ("Peel", "Corn Laws") in pairs(d, "SUPPORTS_POLICY")


@pytest.mark.parametrize("text", [
    pytest.param("In 1842 Cobden did not regard the Corn Laws as ruinous.", id="a_judgement_denied"),
    pytest.param("Cobden regarded the Corn Laws as a subject for the Commons.", id="a_judgement_of_no_worth"),
])
def test_no_verdict_no_stance(analysed, text):
    d = analysed(text)
    assert not pairs(d, "OPPOSES_POLICY") and not pairs(d, "SUPPORTS_POLICY")


def test_who_says_a_body_has_no_right_to_a_deed_stands_against_the_deed(analysed):
    d = analysed("In 1799 the Whigs declared that the Ministry had no right to declare Ireland a province.")
    assert ("Whigs", "declare Ireland a province") in pairs(d, "OPPOSES_POLICY")


def test_who_denies_the_right_to_a_deed_stands_against_it(analysed):
    d = analysed("In 1637 Hampden denied the right of the King to levy ship money.")
    assert ("Hampden", "levy ship money") in pairs(d, "OPPOSES_POLICY")


def test_a_right_granted_is_no_opposition(analysed):
    d = analysed("In 1799 the Whigs declared that the Ministry had a right to dissolve the Irish Parliament.")
    assert not pairs(d, "OPPOSES_POLICY")


def test_a_measure_published_with_no_agent_is_decided_by_the_sitting_assembly(analysed):
    d = analysed("The Frankfurt Parliament sat through the winter. In March the Imperial Constitution was solemnly "
                 "promulgated.")
    assert ("Frankfurt Parliament", "Imperial Constitution") in pairs(d, "DECIDES")


def test_a_pamphlet_published_is_no_decision_of_the_sitting_assembly(analysed):
    d = analysed("The Frankfurt Parliament sat through the winter. In March a bitter pamphlet was published.")
    assert not pairs(d, "DECIDES")


def test_loyal_as_one_had_been_to_a_cause_stands_for_it(analysed):
    d = analysed("In 1688 the Tories knew that, loyal as he had long proved to the cause of monarchy in England, "
                 "Lord Halifax was no friend to arbitrary power.")
    assert ("Lord Halifax", "monarchy") in pairs(d, "SUPPORTS_POLICY")


def test_a_deed_a_speaker_calls_necessary_is_one_he_stands_for(analysed):
    d = analysed("In 1831 Lord Grey wrote to the King: “That it is necessary to reform and enlarge the franchise of "
                 "the boroughs, I have no doubt.”")
    assert ("Lord Grey", "reform and enlarge the franchise of the boroughs") in pairs(d, "SUPPORTS_POLICY")


def test_a_deed_a_speaker_calls_needless_is_none_he_stands_for(analysed):
    d = analysed("In 1831 Lord Grey wrote to the King: “It is not necessary to reform the franchise of the "
                 "boroughs.”")
    assert not pairs(d, "SUPPORTS_POLICY")
