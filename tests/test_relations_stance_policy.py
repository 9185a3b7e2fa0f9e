"""Policies named by common-noun phrases, and the stance facts that reach them, on small
texts of several periods (none from the gold chapters)."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def policies(d) -> set[str]:
    return {e.name for e in d.entities if e.kind == "POLICY"}


@pytest.mark.parametrize(("text", "type_", "expected"), [
    # a coordinated subject: each speaker opposes the measure named by a common noun
    ("Danton, Desmoulins and Hébert spoke against the law on suspects.", "OPPOSES_POLICY",
     {("Danton", "law on suspects"), ("Desmoulins", "law on suspects"), ("Hébert", "law on suspects")}),
    # a group that acts with its leaders named: the leaders share its stance
    ("The moderate wing, led by Lafayette and Bailly, voted against the tax on salt.", "OPPOSES_POLICY",
     {("Lafayette", "tax on salt"), ("Bailly", "tax on salt")}),
    # a list of goals, which the parser breaks after its first item
    ("In 1860 Garibaldi advocated independence, land to the peasants, and freedom of the press.",
     "SUPPORTS_POLICY", {("Garibaldi", "independence"), ("Garibaldi", "land to the peasants"),
                         ("Garibaldi", "freedom of the press")}),
    # a passive relative clause: its antecedent is what the agent stands for
    ("The salt tax, which was defended by Colbert, fell in 1790.", "SUPPORTS_POLICY", {("Colbert", "salt tax")}),
    # a gerund clause names the act proposed
    ("Cobden argued against giving the landlords a monopoly.", "OPPOSES_POLICY",
     {("Cobden", "giving the landlords a monopoly")}),
    ("Senator Tiberius Gracchus stood for land reform.", "SUPPORTS_POLICY", {("Tiberius Gracchus", "land reform")}),
])
def test_stance_reaches_policies_named_by_common_nouns(analysed, text, type_, expected):
    assert expected <= pairs(analysed(text), type_)


@pytest.mark.parametrize("text", [
    "Pitt deplored the situation. Fox defended his position. Nelson attacked the fleet.",
    "Walpole opposed the bill.",  # a definite description refers back; it names nothing new
    "Bolingbroke supported the expulsion of Walpole.",  # a harm done to someone, not a measure
])
def test_abstract_nouns_that_name_no_measure_are_no_policies(analysed, text):
    assert not policies(analysed(text))


def test_whose_programme_it_is_stands_for_it(analysed):
    d = analysed("The Chartists met in London. The Chartist programme of universal suffrage alarmed Parliament.")
    assert ("Chartists", "Chartist programme of universal suffrage") in pairs(d, "SUPPORTS_POLICY")


@pytest.mark.parametrize(("text", "type_", "pair"), [
    ("The Jacobins met in Paris. The Jacobin hostility to constitutional monarchy grew.", "OPPOSES_POLICY",
     ("Jacobins", "constitutional monarchy")),
    ("The Girondins met in Paris. The Girondin hostility to the Jacobins grew.", "OPPOSES",
     ("Girondins", "Jacobins")),
])
def test_a_groups_hostility_named_by_its_adjective(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


@pytest.mark.parametrize("text", [
    "Attlee followed Churchill as Prime Minister.",
    "In 1865 Johnson succeeded Lincoln as President.",
])
def test_succession_in_a_post_is_no_alliance(analysed, text):
    d = analysed(text)
    assert not pairs(d, "ALLY")


@pytest.mark.parametrize(("text", "type_"), [
    ("If Fox voted to abolish the salt tax, the King would dissolve Parliament.", "OPPOSES_POLICY"),
    ("Napoleon determined not yet to dismiss Talleyrand.", "OPPOSES"),
    ("Louis feared the danger of Robespierre less than the danger of Danton.", "OPPOSES"),
])
def test_conditions_not_yet_and_fear_give_no_stance(analysed, text, type_):
    assert not pairs(analysed(text), type_)


@pytest.mark.parametrize(("text", "type_", "pair"), [
    ("In 1822 George Canning stood high in the favour of Lord Liverpool.", "ALLY",
     ("George Canning", "Lord Liverpool")),
    ("Joachim Murat married Caroline Bonaparte. Joachim Murat was in such favour with Napoleon Bonaparte that "
     "he was made King of Naples.", "ALLY", ("Joachim Murat", "Napoleon Bonaparte")),
    # the feeling is the possessor's, towards the one who incurred it
    ("Fouché had therefore incurred the bitter animosity of Napoleon.", "OPPOSES", ("Napoleon", "Fouché")),
    ("The Jacobins met in Paris. The Jacobins sneered at Marquis de Lafayette.", "OPPOSES",
     ("Jacobins", "Marquis de Lafayette")),
    ("In 1793 Robespierre deprived Danton and Desmoulins of their seats.", "OPPOSES", ("Robespierre", "Danton")),
])
def test_favour_feelings_and_verbs_of_scorn_and_punishment(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # a polity stands for or against measures like any party
    ("The salt tax, which was defended by Brittany and Normandy, fell in 1790.", "SUPPORTS_POLICY",
     ("Normandy", "salt tax")),
    ("In 1795 Pitt suspended the freedom of the press.", "OPPOSES_POLICY", ("Pitt", "freedom of the press")),
    ("Wilberforce came twice to plead for abolition.", "SUPPORTS_POLICY", ("Wilberforce", "abolition")),
    ("In 1792 the Convention drew up plans for evacuating the capital.", "SUPPORTS_POLICY",
     ("Convention", "plans for evacuating the capital")),
])
def test_polities_phrasal_verbs_and_indefinite_measures(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


def test_a_generic_measure_noun_needs_words_that_say_which(analysed):
    d = analysed("Canning rejected a proposal. Castlereagh opposed the resolution on the slave trade.")
    assert policies(d) == {"resolution on the slave trade"}


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # refusing to back someone or something is opposing them, and is no support
    ("Marshal Ney refused to follow Napoleon Bonaparte.", "OPPOSES", ("Ney", "Napoleon Bonaparte")),
    ("In 1832 the House of Lords declined to support the Reform Bill.", "OPPOSES_POLICY",
     ("House of Lords", "Reform Bill")),
    ("The Jacobins revolted from the Convention.", "OPPOSES", ("Jacobins", "Convention")),
])
def test_refusal_and_secession_are_opposition(analysed, text, type_, pair):
    d = analysed(text)
    assert pair in pairs(d, type_)
    assert pair not in pairs(d, "SUPPORTS_POLICY") | pairs(d, "ALLY")


def test_a_harm_advocated_against_a_group_is_no_policy(analysed):
    d = analysed("The Hébertist papers openly advocated the extermination of the Girondins.")
    assert not policies(d)


def test_a_passive_backing_is_alliance_but_a_passive_succession_is_not(analysed):
    assert ("Joachim Murat", "Napoleon Bonaparte") in pairs(
        analysed("In 1815 Napoleon Bonaparte was supported by Joachim Murat."), "ALLY")
    assert not pairs(analysed("In 1924 Lenin was followed by Joseph Stalin."), "ALLY")


@pytest.mark.parametrize(("text", "type_", "expected", "absent"), [
    ("In 1778 Louis XVI came to the aid of George Washington.", "ALLY", {("Louis XVI", "George Washington")}, set()),
    # a polity with a body; a noun the parser joined to the objects is the next clause's subject
    ("Virginia and Tennessee threw their weight with the Confederacy and Maryland voted against secession.",
     "ALLY", {("Virginia", "Confederacy"), ("Tennessee", "Confederacy")}, {("Virginia", "Maryland")}),
    ("Virginia and Tennessee threw their weight with the Confederacy and Maryland voted against secession.",
     "OPPOSES_POLICY", {("Maryland", "secession")}, {("Virginia", "secession")}),
    ("The Girondins joined with the Jacobins against Louis XVI.", "ALLY", {("Girondins", "Jacobins")}, set()),
    # a treaty read as an event is a measure to those who vote on it
    ("In 1794 the Senate voted against the Jay treaty.", "OPPOSES_POLICY", {("Senate", "Jay treaty")}, set()),
])
def test_aid_weight_joining_and_treaties(analysed, text, type_, expected, absent):
    got = pairs(analysed(text), type_)
    assert expected <= got and not absent & got
