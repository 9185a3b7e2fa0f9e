"""Rules that name classes of language (armed actions, commanders, a people for its place,
lists of relatives, lifespans, object-complement appointments), each on a small text of
its own, written for these tests."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def happened(d) -> set[str]:
    return {d.entities[f.subject].name for f in d.factoids if f.type == "HAPPENED"}


def test_a_people_besieging_a_town_is_a_siege_they_take_part_in(analysed):
    d = analysed("Prussia was ready for war. In 1870 the Prussians besieged Paris.")
    # the people stands for its land: as the land's entity, or as the people's own
    assert {("Prussia", "siege of Paris"), ("Prussians", "siege of Paris")} & pairs(d, "PARTICIPATES")
    assert "siege of Paris" in happened(d)
    siege = next(f for f in d.factoids if f.type == "HAPPENED" and d.entities[f.subject].name == "siege of Paris")
    assert siege.start_time is not None and siege.start_time.value == "1870"


def test_an_armed_action_carried_by_a_light_verb(analysed):
    d = analysed("In 1808 Russia invaded Finland and captured Helsinki. "
                 "Napoleon made an expedition against Egypt in 1798.")
    assert {("Russia", "invasion of Finland"), ("Russia", "capture of Helsinki")} <= pairs(d, "PARTICIPATES")
    assert "expedition against Egypt" in happened(d)


def test_a_planned_or_denied_action_names_no_event(analysed):
    d = analysed("In 1808 Russia did not invade Finland. Russia never captured Helsinki.")
    assert not happened(d)
    assert not pairs(d, "PARTICIPATES")


def test_commander_and_defeated_side_take_part(analysed):
    d = analysed("In 1808 Russia invaded Finland under the command of Buxhoeveden and defeated "
                 "Sweden in the battle of Oravais.")
    got = pairs(d, "PARTICIPATES")
    assert ("Buxhoeveden", "invasion of Finland") in got
    assert ("Sweden", "battle of Oravais") in got
    assert ("Russia", "battle of Oravais") in got


def test_an_event_fought_at_has_taken_place(analysed):
    d = analysed("Wellington commanded the army. In 1815 the allies fought at the Battle of Waterloo "
                 "under the command of Wellington.")
    assert ("Wellington", "Battle of Waterloo") in pairs(d, "PARTICIPATES")
    assert "Battle of Waterloo" in happened(d)


@pytest.mark.parametrize(("text", "relation", "expected"), [
    pytest.param("Lenin said at the Eleventh Congress that the retreat was over.",
                 "PARTICIPATES", {("Lenin", "Eleventh Congress")}, id="speaking_at_a_congress_is_taking_part"),
    pytest.param("Carthage was a rich port. Hanno, son of Bomilcar, sailed from Carthage.",
                 "KIN", {("Hanno", "Bomilcar")}, id="son_of_makes_a_person_of_an_unrecognised_name"),
    pytest.param("In 1793 the Convention created a Committee of Public Safety, composed of Danton, Barère and Cambon.",
                 "MEMBER_OF",
                 {("Danton", "Committee of Public Safety"), ("Barère", "Committee of Public Safety")},
                 id="a_body_composed_of_a_list_has_them_as_members"),
    pytest.param("Lars Berg played for Hammarby IF in the 1990s.",
                 "MEMBER_OF", {("Lars Berg", "Hammarby IF")}, id="played_for_a_club_is_membership"),
])
def test_the_rules_state(analysed, text, relation, expected):
    assert expected <= pairs(analysed(text), relation)


def test_brothers_named_in_a_list_are_each_his_brother(analysed):
    d = analysed("King Kavad ruled Persia for many years. "
                 "He had several brothers named Balash, Hormizd III, and Peroz I.")
    got = pairs(d, "KIN")
    assert {("Balash", "Kavad"), ("Peroz I.", "Kavad"), ("Kavad", "Balash")} <= got


def test_a_lifespan_in_brackets_gives_birth_and_death_years(analysed):
    d = analysed("Giuseppe Barattolo (1882 – 1949) was an Italian lawyer.")
    got = {(f.type, f.when.value if f.when else None) for f in d.factoids if f.type in ("BORN", "DIED")}
    assert got == {("BORN", "1882"), ("DIED", "1949")}
    assert all(not f.when.inferred for f in d.factoids if f.type in ("BORN", "DIED"))


def test_a_lifespan_across_the_eras(analysed):
    d = analysed("Emperor Augustus (63 BC – AD 14) ruled Rome.")
    got = {(f.type, f.when.value) for f in d.factoids if f.type in ("BORN", "DIED")}
    assert got == {("BORN", "-0063"), ("DIED", "0014")}


def test_a_span_of_centuries_is_no_lifespan(analysed):
    d = analysed("Giuseppe Barattolo (1066 – 1485) was an Italian lawyer.")
    assert not [f for f in d.factoids if f.type in ("BORN", "DIED")]


def test_born_with_date_and_place_keeps_the_place(analysed):
    d = analysed("Yuri Ushakov (born 13 March 1947, in Moscow) is a diplomat.")
    born = next(f for f in d.factoids if f.type == "BORN")
    assert born.when.value == "1947-03-13"
    assert born.place is not None and d.entities[born.place].name == "Moscow"


def test_an_event_named_with_its_place_happened_there(analysed):
    d = analysed("The play was staged at the opening of the Second Hague Conference in Amsterdam.")
    f = next(f for f in d.factoids if f.type == "HAPPENED")
    assert d.entities[f.subject].name == "Second Hague Conference"
    assert d.entities[f.place].name == "Amsterdam"
    assert not [f for f in analysed("There was no opening of the Second Hague Conference in Amsterdam.").factoids
                if f.type == "HAPPENED"]


@pytest.mark.parametrize(("text", "person", "office"), [
    ("On 3 April 1922 the Central Committee appointed Stalin General Secretary of the party.", "Stalin",
     "General Secretary"),
    ("In 1799 the Directory made Bonaparte First Consul.", "Bonaparte", "First Consul"),
    ("Augustus appointed Agrippa consul for the year.", "Agrippa", "consul"),
])
def test_object_complement_appointment_splits_name_and_post(analysed, text, person, office):
    assert (person, office) in pairs(analysed(text), "HOLDS_OFFICE")


def test_object_complement_appointment_starts_the_tenure(analysed):
    d = analysed("In 1799 the Directory made Bonaparte First Consul.")
    f = next(f for f in d.factoids if f.type == "HOLDS_OFFICE")
    assert f.start_time is not None and f.start_time.value == "1799"


@pytest.mark.parametrize(("text", "relation"), [
    pytest.param("In 1799 the Directory wanted to make Bonaparte First Consul.",
                 "HOLDS_OFFICE", id="a_proposed_appointment_names_no_appointee"),
    pytest.param("In 1792 the Girondins under pressure from the Commune controlled the Assembly.",
                 "MEMBER_OF", id="under_a_condition_is_no_leadership"),
    pytest.param("In 1814 the powers met at the Congress of Vienna. Later Napoleon sent Joachim Murat to Naples.",
                 "PARTICIPATES", id="a_person_sending_a_person_is_no_delegation"),
    pytest.param("Hans Keller bought a Liberal Party poster in 1906.",
                 "MEMBER_OF", id="a_party_label_on_a_non_political_noun_is_not_membership"),
    pytest.param("Lars Berg played for time in the Riksdag.",
                 "MEMBER_OF", id="played_for_time_is_no_membership"),
])
def test_no_fact_of_the_type_is_stated(analysed, text, relation):
    assert not pairs(analysed(text), relation)


def test_a_confirmation_confirms_its_candidate_not_every_candidacy_before_it(analysed):
    d = analysed("In March 1922 Lenin proposed Trotsky as Deputy Chairman. The Politburo rejected the idea. "
                 "Lenin then proposed Stalin as General Secretary. On 3 April Stalin's appointment was confirmed.")
    assert pairs(d, "HOLDS_OFFICE") == {("Stalin", "General Secretary")}


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1792 the Girondins under Brissot and Vergniaud controlled the Assembly.",
     {("Brissot", "Girondins"), ("Vergniaud", "Girondins")}),
    ("The Jacobins, represented by Robespierre and Couthon, demanded war.",
     {("Robespierre", "Jacobins"), ("Couthon", "Jacobins")}),
    ("Danton and Desmoulins, at the head of the Cordeliers, marched on the Tuileries.", {("Danton", "Cordeliers")}),
])
def test_a_group_named_with_its_leaders(analysed, text, expected):
    assert expected <= pairs(analysed(text), "MEMBER_OF")


def test_a_battle_named_by_its_place_happened_there(analysed):
    d = analysed("Marlborough's fame grew after the battle of Blenheim.")
    f = next(f for f in d.factoids if f.type == "HAPPENED")
    assert d.entities[f.subject].name == "battle of Blenheim" and d.entities[f.place].name == "Blenheim"
    assert not [f for f in analysed("The poets sang of a battle of Blenheim that never took place.").factoids
                if f.type == "HAPPENED"]


def test_laying_siege_to_a_town_is_its_siege(analysed):
    d = analysed("In 1812 Wellington laid siege to Badajoz.")
    assert ("Wellington", "siege of Badajoz") in pairs(d, "PARTICIPATES")
    assert "siege of Badajoz" in happened(d)


def test_delegates_a_state_sends_take_part_in_the_congress_just_named(analysed):
    d = analysed("In 1814 the powers met at the Congress of Vienna. Prussia sent Karl August von Hardenberg and "
                 "Wilhelm von Humboldt. From Austria came Klemens von Metternich and Friedrich von Gentz.")
    got = pairs(d, "PARTICIPATES")
    assert {("Wilhelm von Humboldt", "Congress of Vienna"), ("Klemens von Metternich", "Congress of Vienna")} <= got


def test_a_state_that_had_envoys_at_the_congress(analysed):
    d = analysed("In 1814 the powers met at the Congress of Vienna. Bavaria had two envoys, Maximilian von "
                 "Montgelas and Carl Philipp von Wrede.")
    assert ("Maximilian von Montgelas", "Congress of Vienna") in pairs(d, "PARTICIPATES")
    assert not pairs(analysed("Bavaria had two envoys, Maximilian von Montgelas and Carl Philipp von Wrede."),
                     "PARTICIPATES")  # no congress named: no delegation to it


def test_a_fight_at_a_place_is_a_battle_there_with_both_sides(analysed):
    d = analysed("In 1798 Nelson engaged the French fleet off Aboukir.")
    assert {("Nelson", "battle off Aboukir"), ("French fleet", "battle off Aboukir")} <= pairs(d, "PARTICIPATES")
    assert "battle off Aboukir" in happened(d)
    assert not happened(analysed("In 1798 Nelson never engaged the French fleet off Aboukir."))


def test_a_fight_named_by_where_it_was_fought_happened(analysed):
    assert "siege of Xanthos" in happened(analysed("His fortune was made at the siege of Xanthos."))
    assert not happened(analysed("He dreamt of a siege of Xanthos that never took place."))


def test_coordinated_subjects_are_each_a_member(analysed):
    d = analysed("Zinoviev and Kamenev were members of the Politburo.")
    assert {("Zinoviev", "Politburo"), ("Kamenev", "Politburo")} <= pairs(d, "MEMBER_OF")
    assert not pairs(analysed("Zinoviev and Kamenev were never members of the Politburo."), "MEMBER_OF")


def test_a_passive_fight_at_a_place_and_an_embassy_sent(analysed):
    assert "battle at Hastings" in happened(analysed("In 1066 the battle was fought at Hastings."))
    d = analysed("In 1805 the Austrians were attacked at Austerlitz by Napoleon.")
    assert ("Napoleon", "battle at Austerlitz") in pairs(d, "PARTICIPATES")
    assert "embassy to Warsaw" in happened(analysed("In 1807 the Persians sent an embassy to Warsaw."))


def life_facts(d) -> set[tuple]:
    return {(f.type, d.entities[f.subject].name, f.when.value if f.when else None,
             d.entities[f.place].name if f.place is not None else None)
            for f in d.factoids if f.type in ("BORN", "DIED")}


def test_full_dates_of_a_life_in_brackets(analysed):
    d = analysed("Marta Kovacs (June 5, 1905 – February 2, 1971) was a Hungarian chemist.")
    got = {(t, w) for t, n, w, _ in life_facts(d) if n.endswith("Kovacs")}
    assert ("BORN", "1905-06-05") in got and ("DIED", "1971-02-02") in got


def test_dated_lifespan_with_places_on_each_side(analysed):
    d = analysed("Pedro Alvarez (Naples, Italy, 3 April 1850 – Lima, Peru, 9 May 1910) was a painter.")
    got = life_facts(d)
    assert ("BORN", "Pedro Alvarez", "1850-04-03", "Naples") in got
    assert ("DIED", "Pedro Alvarez", "1910-05-09", "Lima") in got


def test_born_bracket_after_a_title(analysed):
    d = analysed("Sir Henry Gale, 2nd Baronet (born 8 July 1951 in Leeds) is a British banker.")
    got = {(t, w) for t, n, w, _ in life_facts(d) if n.endswith("Gale")}
    assert got == {("BORN", "1951-07-08")}


def test_dated_brackets_of_a_reign_are_no_life(analysed):
    d = analysed("Otto Brenner (4 May 1101 – 9 June 1299) founded the abbey.")
    assert not life_facts(d)


def kin_pairs(d) -> set[tuple]:
    return {(d.entities[f.subject].name, d.entities[f.object].name) for f in d.factoids if f.type == "KIN"}


def test_son_of_after_a_birthplace_is_said_of_the_subject(analysed):
    d = analysed("Tomas Lind was a Swedish engineer. He was born in Uppsala, Sweden, "
                 "the son of Erik Lind and Karin Berg.")
    got = kin_pairs(d)
    assert ("Erik Lind", "Tomas Lind") in got
    assert not any("Sweden" in a or "Uppsala" in a or "Sweden" in b or "Uppsala" in b for a, b in got)


def test_married_to_several_weds_each_to_the_subject_not_to_each_other(analysed):
    d = analysed("Anders Holm was a Danish merchant. Anders Holm was married to Maria Svensson, "
                 "Ingrid Dahl and Sigrid Berg.")
    got = kin_pairs(d)
    assert {("Anders Holm", "Maria Svensson"), ("Maria Svensson", "Anders Holm"),
            ("Anders Holm", "Sigrid Berg")} <= got
    assert ("Maria Svensson", "Ingrid Dahl") not in got and ("Ingrid Dahl", "Sigrid Berg") not in got


def test_a_native_of_a_place_was_born_there(analysed):
    for text in ("A native of Bristol, England, Walter Simms attended Oxford University.",
                 "Walter Simms, a native of Bristol, studied law."):
        got = {(n, p) for t, n, _, p in life_facts(analysed(text)) if t == "BORN"}
        assert ("Walter Simms", "Bristol") in got, text


def test_where_he_died_places_the_death(analysed):
    d = analysed("Walter Simms moved to Bristol, where he died in 1919.")
    assert ("DIED", "Walter Simms", "1919", "Bristol") in life_facts(d)


def test_the_dash_between_the_dates_not_inside_a_place_name(analysed):
    d = analysed("Ivan Petrov (May 22, 1913 in Saint-Petersburg, Russia – April 4, 2004 in Moscow, Russia) "
                 "was a composer.")
    got = {(t, w, p) for t, n, w, p in life_facts(d) if n.endswith("Petrov")}
    assert ("DIED", "2004-04-04", "Moscow") in got
    assert ("BORN", "1913-05-22") in {(t, w) for t, w, _ in got}


def test_a_party_label_before_a_political_noun_is_membership(analysed):
    d = analysed("Hans Keller, a Social Democratic Party deputy, opposed the bill. "
                 "John Wells was the Liberal Party candidate in 1906.")
    got = pairs(d, "MEMBER_OF")
    assert ("Hans Keller", "Social Democratic Party") in got
    assert ("John Wells", "Liberal Party") in got


def test_children_listed_after_the_noun_are_each_a_child_and_siblings(analysed):
    d = analysed("Karl Brandt married Greta Holm, with whom he had three children, "
                 "Anna Brandt, Otto Brandt and Lene Brandt.")
    got = kin_pairs(d)
    assert {("Anna Brandt", "Karl Brandt"), ("Lene Brandt", "Karl Brandt")} <= got
    assert {("Anna Brandt", "Otto Brandt"), ("Otto Brandt", "Lene Brandt")} <= got


def test_brothers_named_together_are_siblings(analysed):
    d = analysed("Karl Brandt had several brothers named Paul Brandt and Emil Brandt.")
    roles = {(d.entities[f.subject].name, d.entities[f.object].name): f.role for f in d.factoids
             if f.type == "KIN"}
    assert ("Paul Brandt", "Emil Brandt") in roles and ("Emil Brandt", "Paul Brandt") in roles


def test_one_named_son_has_no_sibling(analysed):
    d = analysed("Karl Brandt had a son, Otto Brandt, and a daughter.")
    assert not [f for f in d.factoids if f.type == "KIN" and f.extractor == "kin.shared_parent.v1"]


def test_and_his_son_is_the_son_of_the_name_before(analysed):
    d = analysed("Similarly Ulric Dane and his son Osric Dane were soldiers.")
    assert ("Osric Dane", "Ulric Dane") in kin_pairs(d)


def test_the_children_of_two_people_are_both_theirs_and_the_two_a_couple(analysed):
    d = analysed("Emil Hart and his twin brother Jonas Hart were the children of Rudolf Hart and Clara Hart.")
    got = kin_pairs(d)
    assert {("Emil Hart", "Rudolf Hart"), ("Jonas Hart", "Rudolf Hart"), ("Jonas Hart", "Clara Hart")} <= got
    assert ("Jonas Hart", "Emil Hart") in got
    assert {("Rudolf Hart", "Clara Hart"), ("Clara Hart", "Rudolf Hart")} <= got


def test_one_parent_named_makes_no_couple(analysed):
    d = analysed("Emil Hart was the son of Rudolf Hart.")
    assert not [f for f in d.factoids if f.type == "KIN" and f.extractor == "kin.co_parents.v1"]


def test_born_to_names_the_parents(analysed):
    d = analysed("Ivo Mumba was born in Dublin to Peter Mumba, an engineer, and Barbara Mumba.")
    got = kin_pairs(d)
    assert {("Ivo Mumba", "Peter Mumba"), ("Peter Mumba", "Ivo Mumba"), ("Ivo Mumba", "Barbara Mumba")} <= got


def test_born_to_a_family_names_no_parent(analysed):
    d = analysed("Ivo Mumba was born to a poor family in Dublin in 1901.")
    assert not kin_pairs(d)


def test_died_at_his_home_near_a_town_places_the_death(analysed):
    d = analysed("Walter Simms died at his home near Bristol on 4 May 1890.")
    assert ("DIED", "Walter Simms", "1890-05-04", "Bristol") in life_facts(d)
