"""Who is who across periods: glosses, peoples, places' long forms, sovereigns, short names."""

from __future__ import annotations

import pytest
from conftest import the_entity

from cliograph.pipeline.entities import demonym_of

pytestmark = pytest.mark.model


def test_a_foreign_name_and_its_bracketed_translation_are_one_body(analysed):
    d = analysed("In 1901 the exiles printed Iskra (The Spark) in Munich. The police seized Iskra at the "
                 "border, but the Spark reached the factories.")
    e = the_entity(d, "Iskra")
    assert "Spark" in e.aliases and e.kind != "PERSON"


@pytest.mark.parametrize(("text", "name", "other"), [
    pytest.param("The exiles printed La Cloche (Lyons) every week, and La Cloche was read in Lyons.",
                 "Lyons", "La Cloche", id="a_place_in_brackets_is_not_a_translation"),
    pytest.param("The Girondins quarrelled with the Jacobins in the Convention, but the Anti-Jacobins held "
                 "Lyons, and the Anti-Jacobins then appealed to Pitt.",
                 "Jacobins", "Anti-Jacobins", id="the_opponents_of_a_party_are_not_the_party"),
    pytest.param("In 1715 the Jacobites of Scotland rose against King George.",
                 "Jacobites", "Scotland", id="a_group_of_a_country_is_the_group_and_the_country"),
    pytest.param("Megacles sailed to Samos. Later Megakles returned to Athens with the fleet.",
                 "Megacles", "Megakles", id="two_rare_names_a_letter_apart_stay_two_men"),
])
def test_two_names_stay_two_entities(analysed, text, name, other):
    d = analysed(text)
    assert the_entity(d, name) is not the_entity(d, other)


@pytest.mark.parametrize(("text", "name"), [
    ("The crowd gathered in Trafalgar Square to hear the speakers.", "Trafalgar Square"),
    ("The exhibition of 1851 opened in the Crystal Palace in May.", "Crystal Palace"),
])
def test_squares_and_palaces_are_places(analysed, text, name):
    assert the_entity(analysed(text), name).kind == "PLACE"


@pytest.mark.parametrize(("people", "place", "same"), [
    ("ephesians", "ephesus", True), ("tarentines", "tarentum", True), ("cretans", "crete", True),
    ("syracusans", "syracuse", True), ("corinthians", "corcyra", False), ("dorians", "dorotheus", False),
])
def test_demonym_of_greek_and_latin_roots(people, place, same):
    assert demonym_of(people, place) is same


@pytest.mark.parametrize(("text", "name", "other"), [
    pytest.param("The Ephesians appealed to the Persians. Ephesus had long been rich, and the "
                 "Ephesians feared the fleet.",
                 "Ephesians", "Ephesus", id="a_people_built_on_its_citys_root_is_the_city"),
    pytest.param("The Kingdom of Naples fell to the French armies in 1806. Naples was then given to "
                 "Joseph Bonaparte, and the Kingdom of Naples became a French satellite.",
                 "Kingdom of Naples", "Naples", id="the_state_of_a_place_is_the_place"),
    pytest.param("The Batavian Republic of the Netherlands made peace with Spain. The Batavian Republic "
                 "then turned to trade in the Indies.",
                 "Batavian Republic", "Batavian Republic of the Netherlands",
                 id="a_place_name_is_the_longer_one_it_opens"),
    pytest.param("The Irish Convention of Delegates met in Dublin in 1917. After three months the "
                 "Convention of Delegates adjourned without agreement.",
                 "Convention of Delegates", "Irish Convention of Delegates",
                 id="a_local_name_shortened_after_it_was_given_is_one_body"),
    pytest.param("General Brusilov opened the offensive in June. Brusilov broke the Austrian line, and "
                 "Brusilov advanced. The Germans sent help, and Brusilov halted. Later Bruilov resigned.",
                 "Bruilov", "Brusilov", id="a_surname_misprinted_once_is_the_man"),
    pytest.param("In 376 the Goth crossed the river, and Valens feared the Goth. The Goths then defeated "
                 "Valens at Adrianople, and the Goths settled in Thrace.",
                 "Goth", "Goths", id="a_people_in_the_singular_and_the_plural_is_one"),
    pytest.param("The deputies crowded the Tauride Palace in March, and in Tauride the Duma sat for weeks.",
                 "Tauride", "Tauride Palace", id="a_buildings_name_without_its_head_is_the_building"),
    pytest.param("The King summoned the judges. The King was angry with the judges, and the King "
                 "dismissed two of them. The lands reverted to the Crown on his death.",
                 "Crown", "King", id="the_crown_is_the_sovereigns_post"),
    pytest.param("Robert de Vere was made Lord Great Chamberlain in 1385, and the Great Chamberlain then "
                 "rode to Chester with the army.",
                 "Great Chamberlain", "Lord Great Chamberlain", id="a_post_named_without_its_lord_is_the_post"),
])
def test_two_names_are_one_entity(analysed, text, name, other):
    d = analysed(text)
    assert the_entity(d, name) is the_entity(d, other)


def test_a_sovereigns_title_picks_the_numbered_namesake(analysed):
    d = analysed("George II founded the university in 1737. George Grenville later served in the ministry, "
                 "and the ministers of King George admired the new college.")
    assert the_entity(d, "King George") is the_entity(d, "George II")
    assert the_entity(d, "George Grenville") is not the_entity(d, "George II")


@pytest.mark.parametrize(("text", "name", "kind"), [
    pytest.param("At Stockholm the Swedish Senate declined to lend money to the king.",
                 "Swedish Senate", "BODY", id="a_nationality_opens_the_name_of_a_body"),
    pytest.param("Part of the Infantry Brigade of the Warsaw district mutinied in March.",
                 "Infantry Brigade", "BODY", id="a_name_that_modifies_a_common_noun_ends_before_its_of"),
    pytest.param("The delegates from Maryland included Samuel Chase, Thomas Johnson, and William King, "
                 "a lawyer of Annapolis.",
                 "William King", "PERSON", id="a_surname_that_is_a_title_stays_in_the_name"),
    pytest.param("Virginia spoke through Edmund Pendleton and John Blair in the long debate.",
                 "Edmund Pendleton", "PERSON", id="a_man_spoken_through_is_no_place"),
    pytest.param("In vain Admiral Jellicoe, the venerable Minister of Marine, and General French pleaded "
                 "with the strikers.",
                 "Minister of Marine", "OFFICE", id="an_office_in_apposition_within_a_list_of_men_stays_an_office"),
    pytest.param("So the Storting invited the delegates. In the Storting three parties appeared. The "
                 "press praised the Storting, and the king feared the Storting.",
                 "Storting", "BODY", id="an_institution_said_with_the_is_kept"),
    pytest.param("The Attorney General, Edward Northey, offered to act for the Crown in the case.",
                 "Edward Northey", "PERSON", id="the_holder_named_after_his_post_is_a_person"),
])
def test_a_names_kind_from_what_is_said_of_it(analysed, text, name, kind):
    assert the_entity(analysed(text), name).kind == kind


@pytest.mark.parametrize(("a", "b", "near"), [
    ("konilov", "kornilov", True), ("riazonov", "riazanov", True), ("kamenev", "kameneva", True),
    ("trotsky", "trotsky", False), ("lenin", "stalin", False),
])
def test_one_letter_apart(a, b, near):
    from cliograph.pipeline.entities import one_letter_apart
    assert one_letter_apart(a, b) is near


@pytest.mark.parametrize(("text", "name"), [
    ("The district contained the towns of Osimo, Jesi, and Cingoli. They had taken it.", "Jesi"),
    ("Next the Venetians enslaved Curzola, the island off the coast, and then sailed home.", "Curzola"),
    ("The Spaniards then laid siege to Ostend, which held out for three years.", "Ostend"),
    ("Frederick defeated the Austrians in the battle at Mollwitz, and became master of Silesia.", "Mollwitz"),
    ("The engineers dug a canal from the marshes about Lanuvium and Aricia to the sea.", "Lanuvium"),
])
def test_what_is_said_of_a_town_and_how_its_name_ends_say_place(analysed, text, name):
    assert the_entity(analysed(text), name).kind == "PLACE"


def test_a_title_after_a_possessive_pronoun_is_no_name(analysed):
    d = analysed("The priests knelt, and His Eminence rose to speak to the envoys of France.")
    assert not any(e.name == "Eminence" for e in d.entities)


def test_a_nobiliary_particle_stays_inside_the_name(analysed):
    d = analysed("Otto von Bismarck met Alexis de Tocqueville in Paris. Later Bismarck wrote that he "
                 "admired the Frenchman.")
    assert the_entity(d, "Otto von Bismarck").kind == "PERSON"
    assert the_entity(d, "Bismarck") is the_entity(d, "Otto von Bismarck")
    assert the_entity(d, "Alexis de Tocqueville").kind == "PERSON"


def test_a_name_written_with_hyphens_is_one_name(analysed):
    d = analysed("Shakespeare was born at Stratford-upon-Avon, and the Puritan-minded town council "
                 "disliked players.")
    assert the_entity(d, "Stratford-upon-Avon").kind == "PLACE"
    assert not any("minded" in e.name for e in d.entities)


def test_a_group_named_only_in_the_plural_is_kept(analysed):
    d = analysed("The war went on, but the Confederates did not agree. The Confederates then quarrelled, "
                 "and faith in the Confederates faded.")
    assert the_entity(d, "Confederates").kind in ("FACTION", "BODY")


def test_a_surname_opening_a_bodys_name_is_the_man_too(analysed):
    d = analysed("The Sturmer Cabinet fell in 1916. The Sazonov Ministry had fallen before it.")
    assert the_entity(d, "Sazonov").kind == "PERSON"
    assert the_entity(d, "Sazonov Ministry").kind == "BODY"


def test_a_german_title_is_one_name_across_its_articles(analysed):
    d = analysed("The band played Liszt's Klage in der Nacht des Winters with feeling.")
    assert the_entity(d, "Klage in der Nacht des Winters")
    assert not any(e.name == "Nacht" for e in d.entities)


def test_a_body_named_in_the_singular_and_the_plural_is_one_network():
    from cliograph.pipeline.entities import _merge_plurals
    groups = {"factory council": [0], "factory councils": [1, 2], "edward": [3], "edwards": [4]}
    kinds = {"factory council": "BODY", "factory councils": "BODY", "edward": "PERSON", "edwards": "PERSON"}
    _merge_plurals(groups, kinds)
    assert sorted(groups["factory councils"]) == [0, 1, 2] and "factory council" not in groups
    assert "edward" in groups and "edwards" in groups  # 'Edwards' is no Edward


def test_a_posts_tenure_in_ency_is_the_post(analysed):
    d = analysed("In 1834 Lansdowne accepted the Presidency of the Board, and as President of the Board "
                 "he sat in the cabinet.")
    assert the_entity(d, "Presidency of the Board") is the_entity(d, "President of the Board")
    assert the_entity(d, "President of the Board").kind == "OFFICE"

