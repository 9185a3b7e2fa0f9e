"""Who sides with whom (issue 12): help asked for and sent, fighting for another, sharing
another's exile, taking counsel, and parties who take a stance together; each on small
texts of other periods (none from the gold chapters)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def ruled(d, type_: str) -> set[tuple[str, str | None]]:
    """The pairs the rules state (the learned layer's guesses are its own tests' business)."""
    return {(d.entities[f.subject].name, d.entities[f.object].name if f.object is not None else None)
            for f in d.factoids if f.type == type_ and not f.extractor.startswith("learned.")}


def allied(d, a: str, b: str) -> bool:
    return (a, b) in ruled(d, "ALLY") or (b, a) in ruled(d, "ALLY")


@pytest.mark.parametrize(("text", "pair"), [
    # asking for another's help; the second 'of' the parser hangs on the verb
    ("In 1640 the Scots invoked the aid of the Danes. The Danes sailed.", ("Scots", "Danes")),
    # sending help to another
    ("In 1821 Venice sent aid to the Greeks. The Greeks fought on.", ("Venice", "Greeks")),
    # fighting for another
    ("James Graham fought bravely for William Pitt.", ("James Graham", "William Pitt")),
    # sharing another's lot
    ("Edward Hyde shared the exile of Henry Stuart.", ("Edward Hyde", "Henry Stuart")),
    # taking counsel with another
    ("John Churchill took counsel with Sidney Godolphin.", ("John Churchill", "Sidney Godolphin")),
])
def test_help_fighting_for_and_sharing_a_lot(analysed, text, pair):
    assert allied(analysed(text), *pair)


@pytest.mark.parametrize("text", [
    # asking for help is not given help, nor is help refused
    "In 1640 the Scots never invoked the aid of the Danes. The Danes sailed.",
    # a fight against another is no fight for them
    "James Graham fought bravely against William Pitt.",
])
def test_no_alliance_where_none_is_stated(analysed, text):
    d = analysed(text)
    assert not ruled(d, "ALLY")


@pytest.mark.parametrize(("text", "pair"), [
    ("Richard Cobden and John Bright attacked the Corn Laws.", ("Richard Cobden", "John Bright")),
    ("John Pym and John Hampden attacked Thomas Wentworth.", ("John Pym", "John Hampden")),
])
def test_parties_who_take_a_stance_together_are_allies(analysed, text, pair):
    assert allied(analysed(text), *pair)


def test_leaders_brought_in_by_a_group_are_not_allied_by_its_stance(analysed):
    # the leaders named with the group are members, not co-subjects of the verb
    d = analysed("The Radicals, led by Richard Cobden and John Bright, attacked the Corn Laws.")
    assert not allied(d, "Richard Cobden", "John Bright")


def test_a_passive_agent_list_is_not_allied_by_it(analysed):
    d = analysed("The Corn Laws were attacked by Richard Cobden and John Bright.")
    assert not allied(d, "Richard Cobden", "John Bright")


def test_a_group_walking_out_of_a_body_opposes_it(analysed):
    d = analysed("In 1848 the Radicals withdrew from the National Assembly.")
    assert ("Radicals", "National Assembly") in ruled(d, "OPPOSES")


def test_withdrawing_from_a_place_is_no_opposition(analysed):
    d = analysed("In 1848 the Radicals withdrew from Vienna.")
    assert not ruled(d, "OPPOSES")


@pytest.mark.parametrize(("text", "pair"), [
    # men acting for a people stand for it as a target; 'cut off' is a phrasal verb of attack
    ("The Venetians sailed to Zara. The Venetian garrison was cut off by the Hungarians.",
     ("Hungarians", "Venetians")),
    ("The Venetians fought the Genoese in 1380. In 1381 the Genoese fleet was cut off by the Venetians.",
     ("Venetians", "Genoese")),
])
def test_a_peoples_garrison_or_fleet_stands_for_it(analysed, text, pair):
    assert pair in ruled(analysed(text), "OPPOSES")


def test_a_fleet_not_cut_off_is_no_target(analysed):
    d = analysed("The Venetians sailed to Zara. The Venetian garrison was not cut off by the Hungarians.")
    assert ("Hungarians", "Venetians") not in ruled(d, "OPPOSES")
