"""Splits: one entity named two ways in one text ends up as one (texts of other periods than
the gold chapters'), and two entities named alike stay two."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def entity_named(d, alias: str):
    for e in d.entities:
        if alias == e.name or alias in e.aliases:
            return e
    raise AssertionError(f"no entity with alias {alias!r}: {[e.name for e in d.entities]}")


def test_a_bare_head_joins_the_full_name_that_opens_with_it_over_a_kind_of_it(analysed):
    d = analysed("In 1787 the Assembly of Notables met at Versailles. The Provincial Assembly sent a petition "
                 "to the King. The Assembly refused the new taxes, and the Assembly was dismissed in May.")
    assert entity_named(d, "Assembly") is entity_named(d, "Assembly of Notables")
    assert entity_named(d, "Provincial Assembly") is not entity_named(d, "Assembly")


def test_a_bare_head_does_not_join_a_towns_own_council(analysed):
    d = analysed("In 1848 the Council of Lyons sent an address to Paris. The Council of the Republic met daily, "
                 "and the Council of the Republic debated the tax. The Council then adjourned, and the Council "
                 "voted the budget.")
    assert entity_named(d, "Council") is entity_named(d, "Council of the Republic")
    assert entity_named(d, "Council of Lyons") is not entity_named(d, "Council")


def test_a_glossed_name_the_text_goes_on_using_joins_its_full_name(analysed):
    d = analysed("The delegates to the first Bundestag (Diet) were few. The Diet met again in 1851, and the "
                 "Diet of the Confederation voted a loan. The Diet then closed its doors.")
    assert entity_named(d, "Bundestag") is entity_named(d, "Diet of the Confederation")


def test_a_plural_place_head_joins_its_one_longer_name(analysed):
    d = analysed("The Spanish Colonies rebelled in 1810. The Colonies declared their independence, and the "
                 "Colonies raised armies against the viceroys.")
    assert entity_named(d, "Colonies") is entity_named(d, "Spanish Colonies")


def test_a_peers_seat_of_two_words_said_alone_is_the_peer(analysed):
    d = analysed("The Count of Torre Nova, who had been received at the Imperial court, wrote to the Pope. "
                 "The letter of Torre Nova was read in the Consistory.")
    assert entity_named(d, "Torre Nova") is entity_named(d, "Count of Torre Nova")


def test_a_bodys_governing_board_named_for_it_is_the_body(analysed):
    d = analysed("In 1890 the Board of Admiralty ordered new ships. The Admiralty had long resisted, but the "
                 "Board of Admiralty overruled the dockyards, and the Admiralty paid.")
    assert entity_named(d, "Admiralty") is entity_named(d, "Board of Admiralty")


def test_a_body_with_two_councils_keeps_them_apart(analysed):
    d = analysed("The Union of Miners called a strike in 1926. The Council of the Union of Miners met in Cardiff, "
                 "and the Board of the Union of Miners met in London. The Union of Miners lost the strike.")
    assert entity_named(d, "Board of the Union of Miners") is not entity_named(d, "Union of Miners")


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


def test_a_war_named_after_a_people_either_way_round_is_one_event(analysed):
    d = analysed("In 1846 Polk sent troops to the Rio Grande, and the Mexican War began. Many Whigs opposed the "
                 "war with the Mexicans, and Lincoln spoke against the Mexican War in Congress.")
    assert entity_named(d, "war with the Mexicans") is entity_named(d, "Mexican War")


def test_a_fleet_called_a_navy_is_one_body_and_anothers_fleet_another(analysed):
    d = analysed("In 1588 the Spanish fleet entered the Channel. Drake attacked the Spanish navy off Gravelines, "
                 "and the English fleet pursued it north.")
    assert entity_named(d, "Spanish navy") is entity_named(d, "Spanish fleet")
    assert entity_named(d, "English fleet") is not entity_named(d, "Spanish fleet")


def test_a_kings_title_after_his_people_either_way_round_is_one_office(analysed):
    d = analysed("Valdemar, the Danish king, sailed against Lübeck in 1234. The Prussian king sent no help, "
                 "and the king of the Danes returned home.")
    assert entity_named(d, "Danish king") is entity_named(d, "king of the Danes")


def test_a_measure_described_twice_in_common_nouns_is_one_policy(analysed):
    d = analysed("In 1793 the Committee approved plans for arming the peasants. The Girondins opposed the plan "
                 "of arming, and the Committee approved a plan of conscription.")
    assert entity_named(d, "plan of arming") is entity_named(d, "plans for arming the peasants")
    assert entity_named(d, "plan of conscription") is not entity_named(d, "plan of arming")


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
    assert entity_named(d, members) is entity_named(d, body)
    assert entity_named(d, body).kind == "BODY"


def test_a_unions_government_called_federal_or_central_is_one_body(analysed):
    d = analysed("In 1871 the German princes kept their armies, but the Federal Government in Berlin controlled "
                 "the navy. The Imperial Government and the Central Government were one.")
    assert entity_named(d, "Central Government") is entity_named(d, "Federal Government")


def test_the_northern_states_are_the_north(analysed):
    d = analysed("The Northern States grew rich on trade and mills. Thousands of immigrants settled in the North "
                 "after 1840, and the railways of the North carried their grain.")
    assert entity_named(d, "Northern States") is entity_named(d, "North")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the General Government", "Federal Government", True), ("Provisional Government", "Central Government", False),
    ("Southern States", "the South", True), ("Southern States", "the North", False),
    ("Northern Africa", "the North", False),
])
def test_union_and_region_variant_keys(a, b, same):
    from cliograph.pipeline.variants import same_thing
    assert same_thing(a, b) is same


def test_a_murder_and_an_assassination_of_one_man_are_one_event(analysed):
    d = analysed("Booth planned Lincoln's assassination for weeks. After Lincoln's murder in April 1865, Stanton "
                 "hunted the conspirators, and the murder of Lincoln shocked the Union.")
    assert entity_named(d, "Lincoln's murder") is entity_named(d, "Lincoln's assassination")
