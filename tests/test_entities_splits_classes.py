"""Splits by class (issue 13): one referent named two ways ends up as one entity, and names of
two referents stay two. Sentences of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import the_entity

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "one", "two"), [
    pytest.param(
        'Zapata fought for the Revolution in Morelos from 1911. Flores Magon preached a Social '
        'Revolution in his paper, and the Revolution was to free the peons. Historians of Mexico date '
        'the Mexican Revolution from 1910, and the Revolution ended with the new charter of 1917.',
        [('Revolution', 'Mexican Revolution')],
        [('Social Revolution', 'Revolution')], id='a_bare_event_is_the_one_of_its_land_not_a_hope_named_once'),
    pytest.param(
        'In 1721 Peter abolished the patriarchate, and a Holy Synod governed the Church of Russia. '
        'The Russian Orthodox Church kept its monastic lands until 1764, when Catherine took them.',
        [('Church of Russia', 'Russian Orthodox Church')],
        [], id='a_peoples_church_with_a_second_adjective_is_the_church_of_its_land'),
    pytest.param(
        'The Chartists gathered on a common south of London in April 1848. The Chartist movement '
        'never recovered from that wet afternoon, and the Chartists drifted into the trade unions.',
        [('Chartist movement', 'Chartists')],
        [], id='a_peoples_or_partys_movement_is_that_group'),
    pytest.param(
        'Kautsky defended Marxism against the reformers of Berlin in 1899. The young clerks of the '
        'unions were schooled in Marxist doctrine; the bishops feared Marxist doctrine, and the '
        'professors mocked Marxist doctrine, while Reformism won the votes.',
        [('Marxist doctrine', 'Marxism')],
        [('Marxism', 'Reformism')], id='a_doctrine_named_by_its_followers_is_the_ism'),
    pytest.param(
        'In 330 Constantine moved his court to Byzantium, now Istanbul, and the Senate followed him. '
        'The walls of Byzantium were rebuilt, and Nicaea sent masons.',
        [('Istanbul', 'Byzantium')],
        [('Nicaea', 'Byzantium')], id='a_town_and_the_name_it_bears_now_are_one_place'),
    pytest.param(
        'The Norwegian court met at Christiania (later Oslo) in 1814. Christiania grew quickly, and '
        'Bergen and Christiania traded with Hamburg.',
        [('Oslo', 'Christiania')],
        [('Bergen', 'Christiania')], id='a_later_name_in_brackets_is_the_same_place'),
    pytest.param(
        'In 1822 Iturbide was crowned in Mexico City, and the United States of Mexico followed in '
        '1824. Guatemala left Mexico soon after, and the United States recognised Mexico in 1822.',
        [('Mexico', 'United States of Mexico')],
        [('Guatemala', 'Mexico')], id='a_land_joins_its_name_with_a_qualified_generic_before_it'),
    pytest.param(
        'Ottoman Turkey fought on, but in 1923 the Republic of Turkey was proclaimed at Ankara. '
        'Kemal wrote the Constitution of the Republic of Turkey in 1924, and the Turkish Constitution '
        'abolished the caliphate, while the Greek Constitution kept the crown.',
        [('Turkish Constitution', 'Constitution of the Republic of Turkey')],
        [('Greek Constitution', 'Turkish Constitution')], id='a_national_adjective_name_is_the_name_of_its_land'),
    pytest.param(
        'In 1652 Fox gathered the Society of the Seekers at Preston. Magistrates in Lancaster '
        'fined the Seekers for refusing the oath, and Fox left Preston for London.',
        [('Seekers', 'Society of the Seekers')],
        [('Preston', 'Society of the Seekers')], id='a_society_is_the_name_of_its_members_said_with_the'),
    pytest.param(
        'In 1902 the Peasant Revolutionaries burned the manors of Tambov. The Peasant Revolutionary '
        'press praised the fires, and the Peasant Revolutionaries gained new members in Saratov.',
        [('Peasant Revolutionary', 'Peasant Revolutionaries')],
        [('Peasant Revolutionaries', 'Saratov')], id='a_party_in_the_singular_and_its_plural_in_ies_are_one'),
    pytest.param(
        'In the villages of Tambov there were the Zemelniye Komitety--Land Committees; and the Land '
        'Committees seized the estates in 1918, while the Moscow Soviet--Kiev Soviet quarrel went on.',
        [('Zemelniye Komitety', 'Land Committees')],
        [('Moscow Soviet', 'Kiev Soviet')], id='a_transliterated_name_glossed_after_a_dash_is_one_body'),
])
def test_one_referent_is_one_entity_and_two_stay_two(analysed, text, one, two):
    """``one``: pairs of names the text uses for one entity; ``two``: pairs it uses for two."""
    d = analysed(text)
    for a, b in one:
        assert the_entity(d, a) is the_entity(d, b), (a, b)
    for a, b in two:
        assert the_entity(d, a) is not the_entity(d, b), (a, b)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Russian Orthodox Church", "the Church of Russia", True),
    ("Serbian Radical Party", "the Serbian Liberal Party", False),
    ("Serbian Radical Party", "Party of Serbia", True),
    ("Russian Orthodox Church", "Russian Orthodox Church", True),
])
def test_a_middle_word_is_dropped_only_against_a_name_without_one(a, b, same):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the Zionist movement", "Zionists", True), ("the Zionist movement", "Socialists", False),
    ("Marxist theory", "Marxism", True), ("Marxist theory", "Anarchism", False),
    ("Tenth Congress", "Congress", False),
])
def test_movements_and_doctrines_have_the_key_of_their_group_or_ism(a, b, same):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the zealous Jacobins", "Jacobins", True), ("Staunch Covenanters", "the Covenanters", True),
    ("the zealous Jacobins", "Girondins", False), ("Left Jacobins", "Jacobins", False),
])
def test_praise_or_blame_of_a_partys_men_names_the_party(a, b, same):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b) is same
