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


@pytest.mark.parametrize(("text", "office", "place"), [
    ("In 1861 Adams sailed for London as Minister to Britain and stayed there through the war.",
     "Minister to Britain", "Britain"),
    ("Chesterfield served the Hague as Ambassador to Holland before he quarrelled with Walpole.",
     "Ambassador to Holland", "Holland"),
])
def test_an_envoys_post_is_named_by_where_he_is_sent(analysed, text, office, place):
    d = analysed(text)
    post = entity_named(d, office)
    assert post is not None and post.kind == "OFFICE"
    # the mention finder reads the post as one name (not an extractor's afterthought)
    assert any(m.text == office and m.source == "mentions.name_run.v1" for m in d.mentions)
    land = entity_named(d, place)
    assert land is not None and land.kind == "PLACE"


def test_a_held_title_taken_somewhere_is_no_post(analysed):
    d = analysed("In 1660 Monck escorted the King to London and the bells rang in every parish.")
    names = {m.text for m in d.mentions if m.source.startswith("mentions.")}
    assert "King" in names and "King to London" not in names


def test_a_people_of_a_land_are_two_names(analysed):
    d = analysed("The Bithynians of the Propontis sent envoys to Mithridates in the spring.")
    assert entity_named(d, "Bithynians of the Propontis") is None
    assert entity_named(d, "Propontis") is not None
