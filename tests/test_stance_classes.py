"""Classes of stance language (issue 12): feelings towards another, doctrines, revolts,
clauses the parser nested; each on small texts of other periods (none from the gold
chapters)."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # a feeling held against another: 'against', and 'for' after a feeling
    ("In 1603 Cassius had a private grudge against Brutus.", "OPPOSES", ("Cassius", "Brutus")),
    ("Napoleon had a deep contempt for Fouché.", "OPPOSES", ("Napoleon", "Fouché")),
    # the gerund's subject is the name right before it
    ("This was the cause of the Carthaginians conceiving a deadly hatred against Rome.", "OPPOSES",
     ("Carthaginians", "Rome")),
    # a friendly feeling, its 'with' hung on the verb
    ("The Whigs showed their sympathy with the Jacobites.", "ALLY", ("Whigs", "Jacobites")),
])
def test_feelings_towards_another(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


def test_a_war_for_a_goal_is_no_opposition_to_it(analysed):
    d = analysed("In 1821 the Greeks began a long war for independence.")
    assert not pairs(d, "OPPOSES_POLICY") and not pairs(d, "OPPOSES")


@pytest.mark.parametrize("text", [
    # a capitalised word of doctrine is a policy, and the 'to' the parser hung on the verb is the noun's
    "The Girondins met at Bordeaux. The play showed the radical brother, as might be expected from the "
    "Girondin hostility to Jacobinism.",
    "The Girondins were hostile to Jacobinism.",
])
def test_a_doctrine_named_by_a_capitalised_word(analysed, text):
    assert ("Girondins", "Jacobinism") in pairs(analysed(text), "OPPOSES_POLICY")


@pytest.mark.parametrize(("text", "relation", "expected"), [
    pytest.param("The Jacobins wanted a strong centralist policy; the Girondins wanted an assurance that "
                 "the Convention would press for peace.",
                 "SUPPORTS_POLICY", {("Jacobins", "strong centralist policy")},
                 id="a_clause_before_a_semicolon_is_asserted"),
    pytest.param("In 1821 Alexander Ypsilantis invited the Russians to his assistance.",
                 "ALLY", {("Russians", "Alexander Ypsilantis")}, id="a_people_acts_as_its_polity_with_a_person"),
])
def test_the_rules_state(analysed, text, relation, expected):
    assert expected <= pairs(analysed(text), relation)


@pytest.mark.parametrize(("text", "pair"), [
    # breaking away from another, also inside the name of an event
    ("In 1830 the revolt of Belgium from the Netherlands began.", ("Belgium", "Netherlands")),
    ("The defection of Bavaria from Austria followed.", ("Bavaria", "Austria")),
    # leaving a league is turning against it
    ("In 1167 Venice left the Lombard League.", ("Venice", "Lombard League")),
    # how one treats another
    ("At court Walpole was treated by Bolingbroke with marked incivility.", ("Bolingbroke", "Walpole")),
])
def test_defections_and_hostile_treatment(analysed, text, pair):
    assert pair in pairs(analysed(text), "OPPOSES")


def test_leaving_a_place_is_no_opposition(analysed):
    assert not pairs(analysed("In 1167 Venice left the city of Verona."), "OPPOSES")


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # a wish or an objection stands for or against what it is about, said of whose it is
    ("Caesar made no secret of his desire of kingly power.", "SUPPORTS_POLICY", ("Caesar", "kingly power")),
    ("In 1783 Fox made a plea for peace.", "SUPPORTS_POLICY", ("Fox", "peace")),
    ("Ney declared his support for Napoleon.", "ALLY", ("Ney", "Napoleon")),
    # an adjective of zeal takes 'for', also as an aside
    ("Thomas Ken, zealous for monarchy, was no sycophant.", "SUPPORTS_POLICY", ("Thomas Ken", "monarchy")),
    # a second 'of' after 'and', and a capitalised doctrine in '-ery'
    ("William Pitt was the mortal enemy of despotism and of Popery.", "OPPOSES_POLICY", ("William Pitt", "Popery")),
    # a punishment named with its kind is a measure, not a harm done to someone
    ("In 1830 Louis Philippe suspended capital punishment in the army.", "OPPOSES_POLICY",
     ("Louis Philippe", "capital punishment in the army")),
    ("Brutus put down the kingly power.", "OPPOSES_POLICY", ("Brutus", "kingly power")),
    # the abolition of something is a goal in itself
    ("Jefferson, who wished the abolition of slavery, voted.", "SUPPORTS_POLICY",
     ("Jefferson", "abolition of slavery")),
])
def test_wishes_zeal_and_measures(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


@pytest.mark.parametrize("text", [
    # a hope is no deed (the model lemmatises 'hoped' as 'hop')
    "The Whigs, who hoped to put an end to the reign of monarchy, met in London.",
    # a wish said of what would follow
    "Danton's demand for the abolition of the tax would alarm the Convention.",
])
def test_hopes_and_consequences_give_no_stance(analysed, text):
    d = analysed(text)
    assert not pairs(d, "OPPOSES_POLICY") and not pairs(d, "SUPPORTS_POLICY")


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # 'such X as Y': the ones named act; a harm wanted against the group an adjective names
    ("The Girondins met in Bordeaux. Such papers as the Moniteur advocated a general Girondin massacre.",
     "OPPOSES", ("Moniteur", "Girondins")),
    # people who act for the body their modifier names
    ("In 1848 Government authorities suppressed the Jacobin Club.", "OPPOSES", ("Government", "Jacobin Club")),
    # who finds a patron in another, who regards another as an enemy
    ("George Jeffreys soon found a patron in Lord Danby.", "ALLY", ("Lord Danby", "George Jeffreys")),
    ("The Whigs met in London. The Whigs considered Lord Danby as their most barbarous enemy.", "OPPOSES",
     ("Whigs", "Lord Danby")),
    # a rescue; the favour of another, said of the one the relative clause's noun is
    ("In 1651 Huddleston saved Charles's life.", "ALLY", ("Huddleston", "Charles")),
    ("Rochester was the only member of the cabinet who stood high in the favour of Lord Danby.", "ALLY",
     ("Rochester", "Lord Danby")),
])
def test_agents_finders_regarders_and_rescuers(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # who persuades others to a measure stands for it too
    ("In 1860 Cavour persuaded the Piedmontese to adopt free trade.", "SUPPORTS_POLICY", ("Cavour", "free trade")),
    # building works a text treats as a measure
    ("In 1540 the Venetians rebuilt the harbour walls.", "SUPPORTS_POLICY", ("Venetians", "harbour walls")),
    # 'with the help of X'
    ("In 1799 Napoleon seized power with the help of Sieyès.", "ALLY", ("Napoleon", "Sieyès")),
])
def test_persuaders_builders_and_helpers(analysed, text, type_, pair):
    assert pair in pairs(analysed(text), type_)

