"""Mentions, kinds and who-is-who on small texts of several periods."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def kinds_of(d) -> dict[str, str]:
    return {e.name: e.kind for e in d.entities}


def entity_named(d, alias: str):
    for e in d.entities:
        if alias == e.name or alias in e.aliases:
            return e
    raise AssertionError(f"no entity with alias {alias!r}: {[e.name for e in d.entities]}")


@pytest.mark.parametrize(("text", "name", "kind"), [
    # offices from head nouns, before names and after 'of'
    ("Finance Commissar Sokolnikov argued for the tax.", "Finance Commissar", "OFFICE"),
    ("He became Chairman of the Georgian Revolutionary Committee in July 1921.",
     "Chairman of the Georgian Revolutionary Committee", "OFFICE"),
    ("Jefferson was then Secretary of State, and Hamilton was Secretary of the Treasury.",
     "Secretary of State", "OFFICE"),
    ("He had spent most of the war as a political commissar.", "political commissar", "OFFICE"),
    ("When even the head of the Soviet trade union movement Mikhail Tomski refused, Lenin was angry.",
     "head of the Soviet trade union movement", "OFFICE"),
    # bodies
    ("The Privy Council met at Whitehall and the Lord Keeper attended.", "Privy Council", "BODY"),
    ("The Federal Convention met at Philadelphia in May, 1787.", "Federal Convention", "BODY"),
    ("Germany signed the treaty although the German government feared the Allies.",
     "German government", "BODY"),
    # events: ordinal congresses, named treaties, place + revolt
    ("The Tenth Party Congress opened in March 1921.", "Tenth Party Congress", "EVENT"),
    ("The Treaty of Rapallo was signed in April 1922.", "Treaty of Rapallo", "EVENT"),
    ("The revolt of the Tambov province peasantry alarmed the government.",
     "revolt of the Tambov province peasantry", "EVENT"),
    # factions and policies
    ("Shlyapnikov led the Workers’ Opposition against the leadership.", "Workers’ Opposition", "FACTION"),
    ("The Girondins quarrelled with the Jacobins in the Convention.", "Jacobins", "FACTION"),
    ("The New Economic Policy replaced grain requisitioning with a tax in kind.",
     "New Economic Policy", "POLICY"),
    ("The New Economic Policy replaced grain requisitioning with a tax in kind.",
     "grain requisitioning", "POLICY"),
    ("Lenin attacked Stalin’s plan of ‘autonomisation’ for the republics.", "autonomisation", "POLICY"),
    # places, with a compass word
    ("Whole provinces in Ukraine and west Siberia rose in revolt.", "west Siberia", "PLACE"),
])
def test_entities_kind_from_head_nouns_and_patterns(analysed, text, name, kind):
    d = analysed(text)
    assert entity_named(d, name).kind == kind


@pytest.mark.parametrize(("text", "name"), [
    # the model calls these places or organisations; the contexts say people
    ("Kamenev had a chronic cardiac condition. Zinoviev had two heart attacks. "
     "Kamenev, who knew his Lenin, demurred. In Moscow Kamenev smoothed things over.", "Kamenev"),
    ("Calpurnia in her dream saw the house fall. He had never before detected in Calpurnia any "
     "womanish superstition, and Calpurnia begged him to stay.", "Calpurnia"),
    ("Rykov, Kamenev and Trotski said they agreed with Lenin.", "Trotski"),
    ("Marcus Brutus belonged to the Servilii, and he was the son-in-law and nephew of Cato.", "Cato"),
    ("Julius Caesar was assassinated on 15 March 44 BC.", "Julius Caesar"),
    ("The Girondins, led by Brissot, opposed the execution of the King.", "Brissot"),
    ("At the Congress of Vienna, Talleyrand represented France.", "Talleyrand"),
    ("In 1928 Bukharin broke with Stalin.", "Bukharin"),
    ("Zinoviev and Kamenev turned against Trotsky.", "Kamenev"),
    ("Georges Danton and Camille Desmoulins were close friends.", "Camille Desmoulins"),  # tagged plural
])
def test_entities_person_decided_from_context_not_model_label(analysed, text, name):
    d = analysed(text)
    assert entity_named(d, name).kind == "PERSON"


@pytest.mark.parametrize(("text", "short", "full"), [
    ("Vyacheslav Molotov ran the Secretariat. Molotov worked hard and Molotov never rested.",
     "Molotov", "Vyacheslav Molotov"),
    ("George Washington presided over the Convention. Washington said little.",
     "Washington", "George Washington"),
    ("Trotski attacked the unions. Later Trotsky admitted defeat.", "Trotsky", "Trotski"),
    ("The Workers’ and Peasants’ Inspectorate (or Rabkrin) was inefficient. Rabkrin grew.",
     "Rabkrin", "Workers’ and Peasants’ Inspectorate"),
    ("The Central Committee Secretariat was overloaded. The Secretariat hired staff.",
     "Secretariat", "Central Committee Secretariat"),
])
def test_entities_sieve_merges_names_of_one_referent(analysed, text, short, full):
    d = analysed(text)
    assert entity_named(d, short) is entity_named(d, full)


def test_entities_two_committees_distinguished_by_a_national_adjective_stay_apart(analysed):
    d = analysed("The Central Committee met in Moscow. The Georgian Central Committee resigned in protest.")
    assert entity_named(d, "Central Committee") is not entity_named(d, "Georgian Central Committee")


def test_entities_office_title_before_name_splits_office_and_person(analysed):
    d = analysed("Also on his side was the People’s Commissar for Foreign Trade Lev Krasin.")
    assert entity_named(d, "People’s Commissar for Foreign Trade").kind == "OFFICE"
    assert entity_named(d, "Lev Krasin").kind == "PERSON"


@pytest.mark.parametrize("text", [
    "The Soviet state survived. Georgian communists protested.",
    "LXII. In this state of affairs the Romans turned to Brutus.",
    "Feversham, a Frenchman of noble birth, held high rank in the English army.",
    "Julius Caesar was assassinated on 15 March 44 BC.",
])
def test_entities_adjectives_numerals_and_peoples_are_not_entities(analysed, text):
    d = analysed(text)
    names = {e.name for e in d.entities} | {a for e in d.entities for a in e.aliases}
    assert not names & {"Soviet", "Georgian", "LXII", "Romans", "Frenchman", "BC"}


def test_entities_nested_name_inside_an_office_is_its_own_entity(analysed):
    d = analysed("He was an editor of Pravda in 1917.")
    assert entity_named(d, "editor of Pravda").kind == "OFFICE"
    assert entity_named(d, "Pravda").kind == "BODY"


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Nobody could stop Lenin, the Old Man of Bolshevism, from carrying on. Lenin was ill.",
     "Lenin", "Old Man of Bolshevism"),
    ("Charles, Prince of Wales, arrived late. Charles said nothing.", "Charles", "Prince of Wales"),
])
def test_entities_apposition_gives_an_alias_and_keeps_the_name(analysed, text, name, alias):
    e = entity_named(analysed(text), alias)
    assert e.name == name and e.kind == "PERSON"


def test_entities_title_as_name_is_a_person_holding_that_office(analysed):
    d = analysed("The Bishop of Ely scarcely left the king's bedside.")
    bishop = entity_named(d, "Bishop of Ely")
    assert bishop.kind == "PERSON"
    held = {(d.entities[f.subject].name, d.entities[f.object].kind, d.entities[f.object].name)
            for f in d.factoids if f.type == "HOLDS_OFFICE"}
    assert ("Bishop of Ely", "OFFICE", "Bishop of Ely") in held


def test_entities_a_peerage_names_a_person_but_is_no_office(analysed):
    d = analysed("The Duke of York scarcely left his brother's bedside.")
    assert entity_named(d, "Duke of York").kind == "PERSON"
    assert not [f for f in d.factoids if f.type == "HOLDS_OFFICE"]


@pytest.mark.parametrize(("short", "words", "expected"), [
    ("agitprop", ["agitation", "propaganda"], True),
    ("comintern", ["communist", "international"], True),
    ("gestapo", ["geheime", "staatspolizei"], False),
    ("prop", ["agitation", "propaganda"], False),
])
def test_entities_syllabic_abbreviation(short, words, expected):
    from cliograph.pipeline.entities import syllabic

    assert syllabic(short, words) is expected


def test_entities_short_event_name_refers_to_the_last_such_event(analysed):
    d = analysed("The Tenth Party Congress opened in March 1921. The Congress was quiet. "
                 "A year later the Eleventh Party Congress met. The Congress elected Stalin.")
    tenth, eleventh = entity_named(d, "Tenth Party Congress"), entity_named(d, "Eleventh Party Congress")
    starts = {d.mentions[i].start for i in tenth.mentions}
    assert d.doc.text.index("The Congress was") + 4 in starts
    assert d.doc.text.index("The Congress elected") + 4 in {d.mentions[i].start for i in eleventh.mentions}


def test_entities_bare_congress_stays_a_body_without_a_named_congress(analysed):
    d = analysed("Congress met in New York. Congress could not raise taxes, and Congress was weak.")
    assert entity_named(d, "Congress").kind == "BODY"


def test_entities_a_state_that_is_an_ally_stays_a_place(analysed):
    d = analysed("France was an ally of Russia.")
    assert {(e.name, e.kind) for e in d.entities} == {("France", "PLACE"), ("Russia", "PLACE")}


def test_entities_plural_party_names_are_not_people(analysed):
    d = analysed("The Socialist Revolutionaries and the Mensheviki Internationalists met in Petrograd.")
    assert not [e.name for e in d.entities if e.kind == "PERSON"]
