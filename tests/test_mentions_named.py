"""Named (capitalised) entities found or refused by class of language, each on a small text
of another period than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import entity_named

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "office"), [
    ("In 1801 Marshall became Chief Justice and wrote the opinion of the court for thirty years.",
     "Chief Justice"),
    ("Under the old statutes the Vice Chancellor presided whenever the university met in full.",
     "Vice Chancellor"),
])
def test_a_rank_before_a_title_is_the_post(analysed, text, office):
    e = entity_named(analysed(text), office)
    assert e is not None and e.kind == "OFFICE"


def test_a_name_built_on_a_titles_possessive_is_one_name(analysed):
    d = analysed("Coke was dismissed from the Court of King's Bench in 1616 and joined the Commons.")
    bench = entity_named(d, "Court of King's Bench")
    assert bench is not None and bench.kind == "BODY"
    assert entity_named(d, "Bench") is None


def test_a_titles_possessive_before_another_title_stays_apart(analysed):
    d = analysed("The King's Secretary carried the letter to Richelieu at Paris.")
    assert entity_named(d, "King's Secretary") is None


def test_a_language_said_with_the_is_its_people(analysed):
    d = analysed("After Blenheim the Bavarians feared that the English themselves would abandon Munich.")
    e = entity_named(d, "English")
    assert e is not None and e.kind == "PLACE"


def test_a_language_spoken_is_no_entity(analysed):
    d = analysed("Young Pitt spoke English and German, and a tutor at Hanover taught him Latin.")
    assert entity_named(d, "English") is None


def test_a_form_of_address_alone_is_no_entity(analysed):
    d = analysed("Talleyrand thought it a cold night for Madam to ride out to Fontainebleau.")
    assert entity_named(d, "Madam") is None
    assert entity_named(d, "Talleyrand") is not None
