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


def test_a_nationalitys_word_in_the_singular_after_in_is_a_tongue(analysed):
    d = analysed("At Worms Luther answered the Emperor in German, and Eck replied to him in Latin.")
    assert entity_named(d, "German") is None


def test_the_name_a_naming_verb_gives_to_others_is_no_entity(analysed):
    d = analysed("The Roundhead pamphlets went on calling the bishops Pharisees and Sadducees for a decade.")
    assert entity_named(d, "Pharisees") is None and entity_named(d, "Sadducees") is None


def test_a_things_own_name_after_is_called_stays(analysed):
    d = analysed("The Spaniards built a fort on the bay, which is called Fort Caroline, and Ribault besieged it.")
    assert entity_named(d, "Fort Caroline") is not None


@pytest.mark.parametrize(("text", "byname", "man"), [
    ("Later Bede the Chronicler relates that Oswald prayed before the battle of Heavenfield.", "Chronicler",
     "Oswald"),
    ("But Eusebius the Historian relates that Constantine saw a cross in the sky.", "Historian", "Eusebius"),
])
def test_a_mans_byname_after_the_is_no_second_man(analysed, text, byname, man):
    d = analysed(text)
    assert entity_named(d, byname) is None
    assert entity_named(d, man) is not None


def test_a_regimes_word_before_a_land_is_one_place(analysed):
    d = analysed("In 1922 the Genoa conference debated trade with Soviet Russia for a month.")
    e = entity_named(d, "Soviet Russia")
    assert e is not None and e.kind == "PLACE"
    assert entity_named(d, "Soviet") is None


def test_a_group_after_a_name_that_closes_a_phrase_is_no_byname(analysed):
    d = analysed("Soon after the Restoration the Covenanters refused to take the oath and fled to Holland.")
    assert entity_named(d, "Covenanters") is not None


def test_members_counted_are_no_body_named(analysed):
    d = analysed("In 1688 Danby met both these Lords at Whitehall, and the Commons waited.")
    assert entity_named(d, "Lords") is None
    assert entity_named(d, "Danby") is not None


def test_a_group_of_a_people_counted_stays_a_name(analysed):
    d = analysed("Pompey sent the three Illyrians home and Crassus kept the Gauls at Capua.")
    assert entity_named(d, "Gauls") is not None


@pytest.mark.parametrize("text", [
    "The Kaiser was plainly unwell. Groups of surgeons, summoned from Vienna, disagreed.",
    "The old Emperor seemed confused. Groups of courtiers, some hostile, argued in the halls.",
])
def test_a_common_noun_of_number_opening_a_sentence_is_no_name(analysed, text):
    assert entity_named(analysed(text), "Groups") is None
