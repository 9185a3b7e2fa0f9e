"""Splits: one entity named two ways in one text ends up as one (texts of other periods than
the gold chapters'), and two entities named alike stay two."""

from __future__ import annotations

import pytest
from conftest import the_entity

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("a", "b"), [
    ("the Danish king", "king of the Danes"), ("Mexican War", "the war with the Mexicans"),
    ("Spanish fleet", "the Spanish navy"), ("Roman Senate", "the Senate of Rome"),
    ("commander-in-chief of the Achaeans", "commander of the Achaeans"),
    ("Chief Justice of the Court of Common Pleas", "the Chief Justice of the Common Pleas"),
])
def test_one_thing_worded_round_has_one_variant_key(a, b):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("the Danish king", "king of the Swedes"), ("Provisional Government", "Government of Provisions"),
    ("Spanish fleet", "Spanish army"), ("Duke of York", "York Duke"),
    ("Chief Justice of the Common Pleas", "Chief Justice of the King's Bench"),
])
def test_other_things_have_other_variant_keys(a, b):
    from cliograph.pipeline.variants import same_thing
    assert not same_thing(a, b)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("plan of evacuation", "plans for evacuating the ports", True),
    ("plan of evacuation", "plan of conscription", False),
])
def test_described_stems(a, b, same):
    from cliograph.pipeline.variants import described_stems
    (ha, wa), (hb, wb) = described_stems(a), described_stems(b)
    assert (ha == hb and wa < wb) is same


def _measures(*names: str):
    from cliograph.model import Mention
    ms = [Mention(0, len(n), n, "POLICY", "test") for n in names]
    return {n: [i] for i, n in enumerate(names)}, dict.fromkeys(names, "POLICY"), ms


def test_one_word_measure_does_not_join_a_longer_one_of_its_stem():
    from cliograph.pipeline.entities import _merge_described_measures
    groups, kinds, ms = _measures("autonomisation", "regional autonomy")
    _merge_described_measures(groups, kinds, ms)
    assert set(groups) == {"autonomisation", "regional autonomy"}
    groups, kinds, ms = _measures("plan of arming", "plans for arming the peasants", "plan of conscription")
    _merge_described_measures(groups, kinds, ms)
    assert set(groups) == {"plans for arming the peasants", "plan of conscription"}


@pytest.mark.parametrize(("text", "members", "body"), [
    ("When the Queen died in 1714, the Privy Councillors met at once. The Council proclaimed George of "
     "Hanover, and the Council sent for him.", "Privy Councillors", "Council"),
    ("The Senators fled from the Curia when Tiberius Gracchus was killed. The Senate met again the next day.",
     "Senators", "Senate"),
])
def test_the_members_of_a_body_named_as_one_actor_are_the_body(analysed, text, members, body):
    d = analysed(text)
    assert the_entity(d, members) is the_entity(d, body)
    assert the_entity(d, body).kind == "BODY"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the General Government", "Federal Government", True), ("Provisional Government", "Central Government", False),
    ("Southern States", "the South", True), ("Southern States", "the North", False),
    ("Northern Africa", "the North", False),
])
def test_union_and_region_variant_keys(a, b, same):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b) is same


@pytest.mark.parametrize(("text", "one", "two"), [
    pytest.param(
        'In 1787 the Assembly of Notables met at Versailles. The Provincial Assembly sent a petition '
        'to the King. The Assembly refused the new taxes, and the Assembly was dismissed in May.',
        [('Assembly', 'Assembly of Notables')],
        [('Provincial Assembly', 'Assembly')],
        id='a_bare_head_joins_the_full_name_that_opens_with_it_over_a_kind_of_it'),
    pytest.param(
        'In 1848 the Council of Lyons sent an address to Paris. The Council of the Republic met '
        'daily, and the Council of the Republic debated the tax. The Council then adjourned, and the '
        'Council voted the budget.',
        [('Council', 'Council of the Republic')],
        [('Council of Lyons', 'Council')], id='a_bare_head_does_not_join_a_towns_own_council'),
    pytest.param(
        'The delegates to the first Bundestag (Diet) were few. The Diet met again in 1851, and the '
        'Diet of the Confederation voted a loan. The Diet then closed its doors.',
        [('Bundestag', 'Diet of the Confederation')],
        [], id='a_glossed_name_the_text_goes_on_using_joins_its_full_name'),
    pytest.param(
        'The Spanish Colonies rebelled in 1810. The Colonies declared their independence, and the '
        'Colonies raised armies against the viceroys.',
        [('Colonies', 'Spanish Colonies')],
        [], id='a_plural_place_head_joins_its_one_longer_name'),
    pytest.param(
        'The Count of Torre Nova, who had been received at the Imperial court, wrote to the Pope. The '
        'letter of Torre Nova was read in the Consistory.',
        [('Torre Nova', 'Count of Torre Nova')],
        [], id='a_peers_seat_of_two_words_said_alone_is_the_peer'),
    pytest.param(
        'In 1890 the Board of Admiralty ordered new ships. The Admiralty had long resisted, but the '
        'Board of Admiralty overruled the dockyards, and the Admiralty paid.',
        [('Admiralty', 'Board of Admiralty')],
        [], id='a_bodys_governing_board_named_for_it_is_the_body'),
    pytest.param(
        'The Union of Miners called a strike in 1926. The Council of the Union of Miners met in '
        'Cardiff, and the Board of the Union of Miners met in London. The Union of Miners lost the '
        'strike.',
        [],
        [('Board of the Union of Miners', 'Union of Miners')], id='a_body_with_two_councils_keeps_them_apart'),
    pytest.param(
        'In 1846 Polk sent troops to the Rio Grande, and the Mexican War began. Many Whigs opposed '
        'the war with the Mexicans, and Lincoln spoke against the Mexican War in Congress.',
        [('war with the Mexicans', 'Mexican War')],
        [], id='a_war_named_after_a_people_either_way_round_is_one_event'),
    pytest.param(
        'In 1588 the Spanish fleet entered the Channel. Drake attacked the Spanish navy off '
        'Gravelines, and the English fleet pursued it north.',
        [('Spanish navy', 'Spanish fleet')],
        [('English fleet', 'Spanish fleet')], id='a_fleet_called_a_navy_is_one_body_and_anothers_fleet_another'),
    pytest.param(
        'Valdemar, the Danish king, sailed against Lübeck in 1234. The Prussian king sent no help, '
        'and the king of the Danes returned home.',
        [('Danish king', 'king of the Danes')],
        [], id='a_kings_title_after_his_people_either_way_round_is_one_office'),
    pytest.param(
        'In 1793 the Committee approved plans for arming the peasants. The Girondins opposed the plan '
        'of arming, and the Committee approved a plan of conscription.',
        [('plan of arming', 'plans for arming the peasants')],
        [('plan of conscription', 'plan of arming')], id='a_measure_described_twice_in_common_nouns_is_one_policy'),
    pytest.param(
        'In 1871 the German princes kept their armies, but the Federal Government in Berlin '
        'controlled the navy. The Imperial Government and the Central Government were one.',
        [('Central Government', 'Federal Government')],
        [], id='a_unions_government_called_federal_or_central_is_one_body'),
    pytest.param(
        'The Northern States grew rich on trade and mills. Thousands of immigrants settled in the '
        'North after 1840, and the railways of the North carried their grain.',
        [('Northern States', 'North')],
        [], id='the_northern_states_are_the_north'),
    pytest.param(
     "Booth planned Lincoln's assassination for weeks. After Lincoln's murder in April 1865, "
        'Stanton hunted the conspirators, and the murder of Lincoln shocked the Union.',
        [("Lincoln's murder", "Lincoln's assassination")],
        [], id='a_murder_and_an_assassination_of_one_man_are_one_event'),
])
def test_names_of_one_thing_are_one_entity_and_alike_names_of_two_stay_two(analysed, text, one, two):
    """``one``: pairs of names the text uses for one entity; ``two``: pairs it uses for two."""
    d = analysed(text)
    for a, b in one:
        assert the_entity(d, a) is the_entity(d, b), (a, b)
    for a, b in two:
        assert the_entity(d, a) is not the_entity(d, b), (a, b)
