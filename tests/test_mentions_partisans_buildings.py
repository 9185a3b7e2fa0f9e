"""Named entities by class of language, each on a small text of another period than the gold
chapters': a party named in the singular as what someone is, a building named with a hyphened
noun, and a paper known by the writing that appears in it."""

from __future__ import annotations

import pytest
from conftest import entity_named

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "party"), [
    ("In 1649 the young printer declared himself a Leveller, and the Army arrested him at Burford.",
     "Leveller"),
    ("Wilkes was denounced by the country gentlemen as a Covenanter, though he had served the King.",
     "Covenanter"),
])
def test_a_party_named_in_the_singular_as_what_one_is(analysed, text, party):
    e = entity_named(analysed(text), party)
    assert e is not None and e.kind == "FACTION"


@pytest.mark.parametrize("text", [
    "Lafayette, a Frenchman of old family, crossed to Boston in 1777.",
    "Schurz said at Chicago that he was an American before everything.",
])
def test_a_people_in_the_singular_is_still_no_name(analysed, text):
    d = analysed(text)
    assert entity_named(d, "Frenchman") is None and entity_named(d, "American") is None


def test_a_rank_in_the_singular_is_no_party(analysed):
    d = analysed("Before Laud became a Bishop he had quarrelled with Abbot at Oxford.")
    bishop = entity_named(d, "Bishop")
    assert bishop is None or bishop.kind != "FACTION"


def test_a_hyphened_building_is_one_place(analysed):
    d = analysed("In 1776 the delegates walked from the tavern to the State-house, where Hancock waited.")
    e = entity_named(d, "State-house")
    assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in d.entities]


@pytest.mark.parametrize(("text", "paper"), [
    ("In 1898 Zola's letter appeared in L'Aurore, and Clemenceau chose its title.", "L'Aurore"),
    ("Mazzini read the articles in La Giovine Italia aloud to the exiles at Marseilles.", "La Giovine Italia"),
])
def test_where_writing_appears_is_a_paper(analysed, text, paper):
    e = entity_named(analysed(text), paper)
    assert e is not None and e.kind == "BODY", [(x.name, x.kind) for x in analysed(text).entities]


def test_works_named_after_their_owner_are_a_place(analysed):
    d = analysed("In January 1905 a strike broke out at the Obukhov works, and Gapon marched the next Sunday.")
    e = entity_named(d, "Obukhov works")
    assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in d.entities]


def test_public_works_are_no_place(analysed):
    d = analysed("In 1933 Ickes spent the relief money on great public works along the Tennessee.")
    assert entity_named(d, "public works") is None


@pytest.mark.parametrize(("text", "word"), [
    ("The Swiss cantons in 1798 were provincial rather than National in their loyalties.", "National"),
    ("The Poles in 1830 wanted not only liberty, but also Independence, the old dream of Kosciuszko.",
     "Independence"),
])
def test_a_word_capitalised_for_stress_beside_a_common_word_is_no_name(analysed, text, word):
    d = analysed(text)
    assert entity_named(d, word) is None, [(x.name, x.kind) for x in d.entities]


def test_a_title_in_the_plural_with_no_name_is_no_entity(analysed):
    d = analysed("In 1762 the palace at Peterhof was a fitting summer house for Grand Duchesses and their maids.")
    assert entity_named(d, "Grand Duchesses") is None
    assert entity_named(d, "Peterhof") is not None


@pytest.mark.parametrize(("text", "place"), [
    ("In 1916 the Tsarina received Protopopov in the Alexander palace every week.", "Alexander palace"),
    ("A deserter from the Galician front told the crowd in Kiev that the army was starving in 1917.",
     "Galician front"),
])
def test_a_palace_or_front_named_by_a_name_before_it_is_a_place(analysed, text, place):
    e = entity_named(analysed(text), place)
    assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in analysed(text).entities]


def test_the_people_an_office_is_of_is_named_inside_it(analysed):
    d = analysed("Devlet Giray, khan of the Crimean Tatars, burned Moscow in 1571.")
    e = entity_named(d, "Crimean Tatars")
    assert e is not None, [(x.name, x.kind) for x in d.entities]


@pytest.mark.parametrize(("text", "people"), [
    ("Paoli trusted Buonaparte, a Corsican by birth, until the quarrel of 1793.", "Corsican"),
    ("The Venetians took Corfu, an island with a Dalmatian population, and fortified the harbour.", "Dalmatian"),
])
def test_a_peoples_word_that_says_where_one_comes_from_is_its_land(analysed, text, people):
    e = entity_named(analysed(text), people)
    assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in analysed(text).entities]


def test_legions_named_by_a_people_are_a_body(analysed):
    d = analysed("In 1809 a procession of Austrian legions marched through Vienna toward Aspern.")
    e = entity_named(d, "Austrian legions")
    assert e is not None and e.kind == "BODY", [(x.name, x.kind) for x in d.entities]
