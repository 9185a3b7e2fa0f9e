"""Events told with a common noun or a verb of revolt, and the parties to them
(``relations/battles.py``), on small texts of other periods; wishes, politics and the
frame of another noun's story give no event."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def events(d) -> dict[str, set[str]]:
    """event name -> its names (aliases)."""
    return {e.name: set(e.aliases) for e in d.entities if e.kind == "EVENT"}


def named(d, alias: str) -> str | None:
    """The canonical name of the event one of whose names is ``alias``."""
    return next((e.name for e in d.entities if e.kind == "EVENT" and alias in e.aliases), None)


def test_war_between_two_sides(analysed):
    d = analysed("Soon afterwards war broke out between Venice and Genoa.")
    war = named(d, "war between Venice and Genoa")
    assert war is not None
    assert {("Venice", war), ("Genoa", war)} <= pairs(d, "PARTICIPATES")
    assert (war, None) in pairs(d, "HAPPENED")


def test_truce_named_by_its_parties_and_its_length(analysed):
    d = analysed("In 1396 a truce was made between England and France for twenty-eight years.")
    truce = named(d, "truce for twenty-eight years")
    assert truce is not None and "truce between England and France" in events(d)[truce]
    assert {("England", truce), ("France", truce)} <= pairs(d, "PARTICIPATES")


def test_battle_at_sea_off_a_place_between_two_fleets(analysed):
    d = analysed("In 1588 there was a great battle at sea off Gravelines between the English and "
                 "the Spaniards.")
    battle = named(d, "battle off Gravelines")
    assert battle is not None
    assert {"battle of Gravelines", "great battle at sea off Gravelines"} <= events(d)[battle]
    assert (battle, None) in pairs(d, "HAPPENED")


def test_verb_of_revolt_names_the_revolt(analysed):
    d = analysed("In 1173 Normandy revolted against Henry.")
    assert ("Normandy", "revolt of Normandy") in pairs(d, "PARTICIPATES")
    assert ("revolt of Normandy", None) in pairs(d, "HAPPENED")


@pytest.mark.parametrize(("text", "event", "alias", "party"), [
    pytest.param("After Napoleon's defeat at Waterloo, the allies entered Paris.",
                 "battle of Waterloo", "Napoleon's defeat at Waterloo", "Napoleon",
                 id="possessor_of_a_defeat_at_a_place_took_part_in_the_battle_there"),
    pytest.param("By Nelson's decisive victory at sea the French lost their fleet.",
                 "Nelson's victory", "Nelson's decisive victory at sea", "Nelson",
                 id="an_event_is_also_called_by_its_possessor"),
])
def test_the_possessor_of_a_fight_took_part_in_it(analysed, text, event, alias, party):
    d = analysed(text)
    fight = named(d, event)
    assert fight is not None and alias in events(d)[fight]
    assert (party, fight) in pairs(d, "PARTICIPATES")


def test_engaged_with_the_foe_at_a_place(analysed):
    d = analysed("In May 1864 Grant engaged with Lee at Spotsylvania.")
    battle = named(d, "battle of Spotsylvania")
    assert battle is not None
    assert {("Grant", battle), ("Lee", battle)} <= pairs(d, "PARTICIPATES")


def test_host_of_a_banquet_took_part_in_it(analysed):
    d = analysed("In 1668 Louis gave a magnificent banquet at Versailles.")
    feast = named(d, "magnificent banquet at Versailles")
    assert feast is not None
    assert ("Louis", feast) in pairs(d, "PARTICIPATES")
    assert (feast, None) in pairs(d, "HAPPENED")


@pytest.mark.parametrize(
    "text",
    [
        "In 1916 the Chancellor hinted at a separate peace with Russia.",  # only wished for
        "In 1912 Roosevelt began a campaign against Taft.",  # politics, not war
        "Cannon announced the breaking of the blockade against Prussia.",  # another noun's story
        "In 1787 Congress issued a call for a meeting at Philadelphia.",  # not yet held
    ],
)
def test_wishes_politics_and_frames_give_no_event(analysed, text):
    d = analysed(text)
    assert not [f for f in d.factoids if f.type in ("HAPPENED", "PARTICIPATES") and f.extractor.startswith("battles.")]


def test_laying_siege_to_a_town_is_its_siege(analysed):
    d = analysed("In 1346 the English laid siege to Calais.")
    siege = named(d, "siege of Calais")
    assert siege is not None
    assert (siege, None) in pairs(d, "HAPPENED")


def test_an_army_marching_to_a_town_or_sailing_round_a_land_makes_an_expedition(analysed):
    d = analysed("Venice and Genoa were old rivals. In 1378 the Venetians marched to Chioggia. Later "
                 "the Genoese sailed round Istria under the command of Pietro Doria.")
    assert ("expedition to Chioggia", None) in pairs(d, "HAPPENED")
    assert ("Pietro Doria", "voyage round Istria") in pairs(d, "PARTICIPATES")


def test_a_people_taking_a_town_is_its_capture_a_traveller_going_is_no_event(analysed):
    d = analysed("In 1204 Venice took Constantinople. In 1598 Henry marched to Nantes with his court.")
    assert ("capture of Constantinople", None) in pairs(d, "HAPPENED")
    assert not any(name.startswith("expedition") for name, _ in pairs(d, "HAPPENED"))


def test_a_pageant_a_relative_clause_says_was_performed_took_place(analysed):
    d = analysed('The pageant of the "Golden Age," which was performed at the court of Florence in '
                 "1539, pleased the Duke.")
    assert ('pageant of the "Golden Age"', None) in pairs(d, "HAPPENED")
    d = analysed('The pageant of the "Golden Age," which was planned for the court, never took place.')
    assert not pairs(d, "HAPPENED")
