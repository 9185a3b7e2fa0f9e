"""Stances of what is wanted, asked for or said (``relations/stance.py``), on small texts of
other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import pairs, the_entity

pytestmark = pytest.mark.model


def test_wanting_to_abolish_a_measure_opposes_it(analysed):
    d = analysed("In 1828 Fox wanted to abolish the Test Act.")
    assert ("Fox", "Test Act") in pairs(d, "OPPOSES_POLICY")


def test_who_urges_another_to_arrest_someone_opposes_him_but_the_one_urged_does_not(analysed):
    d = analysed("The Tories of the county urged the Lord Lieutenant to arrest Wilkes. Wilkes fled to Paris.")
    found = pairs(d, "OPPOSES")
    assert ("Tories", "Wilkes") in found
    assert not any(s == "Lord Lieutenant" for s, _ in found)


def test_demanding_that_a_measure_be_kept_supports_it(analysed):
    d = analysed("The Tories in the Commons insisted that the Corn Laws should be maintained.")
    assert ("Tories", "Corn Laws") in pairs(d, "SUPPORTS_POLICY")


def test_what_one_insists_has_happened_is_no_wish(analysed):
    d = analysed("In the Convention Robespierre insisted that Danton had attacked Marat.")
    found = pairs(d, "OPPOSES")
    assert ("Danton", "Marat") in found
    assert ("Robespierre", "Marat") not in found


def test_refusing_or_failing_to_act_states_no_wish(analysed):
    d = analysed("Danton did not want to attack Robespierre. Later Hébert failed to support Marat.")
    for name in ("Danton", "Robespierre", "Hébert", "Marat"):
        the_entity(d, name)
    assert ("Danton", "Robespierre") not in pairs(d, "OPPOSES")
    assert ("Hébert", "Marat") not in pairs(d, "ALLY")


def test_who_declares_that_a_party_is_doing_harm_opposes_it(analysed):
    d = analysed("The Radicals met at the Crown. The Radicals declared that the Ministry was attempting to "
                 "destroy the Constitution.")
    assert ("Radicals", "Ministry") in pairs(d, "OPPOSES")


def test_who_says_in_his_own_words_that_a_party_betrays_them_opposes_it(analysed):
    d = analysed("The Whigs met at Brooks's. “The Whigs are betraying us,” said Cobbett.")
    assert ("Cobbett", "Whigs") in pairs(d, "OPPOSES")


def test_saying_that_a_party_did_no_harm_accuses_no_one(analysed):
    d = analysed("The Radicals met at the Crown. Hunt declared that the Ministry had not betrayed the people.")
    the_entity(d, "Hunt"), the_entity(d, "Ministry")  # (both named: the test can fail)
    assert ("Hunt", "Ministry") not in pairs(d, "OPPOSES")


def test_who_demands_that_an_assembly_be_convoked_takes_part_in_it(analysed):
    d = analysed("The Jacobins met in the Rue Saint-Honoré. The Jacobins demanded that the National Convention "
                 "be convoked.")
    assert ("Jacobins", "National Convention") in pairs(d, "PARTICIPATES")
    assert ("Jacobins", "National Convention") not in pairs(d, "DECIDES")  # only wanted, not called


def test_who_wants_to_lead_a_rising_takes_part_in_it(analysed):
    d = analysed("The Jacobins met in the Rue Saint-Honoré. The Jacobins wanted to lead the insurrection of August.")
    assert ("Jacobins", "insurrection of August") in pairs(d, "PARTICIPATES")


def test_an_adjective_phrase_set_before_the_clause_is_said_of_its_subject(analysed):
    d = analysed("Loyal to the Crown, Clarendon opposed the bill. Hostile to the Whigs, Halifax wrote a pamphlet.")
    assert ("Clarendon", "Crown") in pairs(d, "ALLY")
    assert ("Halifax", "Whigs") in pairs(d, "OPPOSES")


def test_refusing_to_let_another_act_opposes_him(analysed):
    d = analysed("Earlier, Burke had shown his temper by refusing, when the House was at Westminster, to let "
                 "Sheridan speak in the debate.")
    assert ("Burke", "Sheridan") in pairs(d, "OPPOSES")


def test_declining_to_obey_opposes_who_gave_the_order(analysed):
    d = analysed("In 1830 the Committee of the Carbonari ordered Mazzini to leave Genoa. Mazzini declined to obey.")
    assert ("Mazzini", "Committee of the Carbonari") in pairs(d, "OPPOSES")
