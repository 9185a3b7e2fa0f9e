"""Parties of a fight told in the sentences that narrate it without naming it
(``relations/passage.py``): the victors and the beaten a verdict names, and the commander
of those who marched to it; on small texts of other periods."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def named(d, alias: str) -> str | None:
    """The canonical name of the event one of whose names is ``alias``."""
    return next((e.name for e in d.entities if e.kind == "EVENT" and alias in e.aliases), None)


def test_victory_remained_with_the_side_named_after_the_battle(analysed):
    d = analysed("In 1588 there was a great battle at sea off Gravelines. Victory remained with "
                 "Howard.")
    battle = named(d, "battle off Gravelines")
    assert battle is not None
    facts = [f for f in d.factoids if f.extractor == "passage.verdict.v1"]
    assert [(d.entities[f.subject].name, d.entities[f.object].name, f.role) for f in facts] == [
        ("Howard", battle, "victor")]
    assert facts[0].start == d.sents[1].start_char  # the verdict's own sentence is the evidence


def test_side_that_was_victorious_in_a_battle_named_before(analysed):
    d = analysed("In 1631 the imperial army was attacked at Breitenfeld; and Gustavus was "
                 "victorious.")
    battle = named(d, "battle of Breitenfeld")
    assert battle is not None
    assert ("Gustavus", battle) in pairs(d, "PARTICIPATES")


def test_commander_of_a_march_takes_part_in_the_battle_the_next_sentence_names(analysed):
    d = analysed("The Venetians raised a fresh army and marched into Lombardy under the command "
                 "of Carmagnola. After a long battle with the Milanese at Maclodio, the armies "
                 "parted.")
    battle = named(d, "battle with the Milanese")
    assert battle is not None
    assert ("Carmagnola", battle) in {(s, o) for s, o in pairs(d, "PARTICIPATES")}


def test_verdict_without_a_fight_in_the_passage_gives_nothing(analysed):
    d = analysed("The bill was debated for three days.\nIn the end the ministry was defeated "
                 "and Walpole resigned.")
    assert not [f for f in d.factoids if f.extractor.startswith("passage.")]


def test_those_who_marched_under_the_commander_take_part_too(analysed):
    d = analysed("In 1415 Henry besieged Harfleur. Meanwhile a thousand of the Gascons marched into "
                 "Normandy under the command of Talbot.")
    siege = next(e.name for e in d.entities if e.kind == "EVENT" and e.name.startswith("siege"))
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == siege}
    assert {"Talbot", "Gascons"} <= got, got


def _blows(d) -> list[tuple[str, str, str | None]]:
    return [(d.entities[f.subject].name, d.entities[f.object].name, f.role) for f in d.factoids
            if f.extractor == "passage.blow.v1"]


def test_who_struck_the_blows_takes_part_in_the_killing_named_before(analysed):
    d = analysed("The assassination of Henry took place in Paris in 1610. His coach was halted in "
                 "a narrow street. Ravaillac was the first to strike him with a knife, and Ravaillac "
                 "gave him a second blow in the chest.")
    assert _blows(d) == [("Ravaillac", "assassination of Henry", "assailant")]


def test_blows_of_a_paragraph_on_that_murder_go_to_the_killing_the_text_names(analysed):
    d = analysed("The assassination of Henry shocked Paris in 1610.\n\nThe scene of that murder was "
                 "a narrow street. Ravaillac struck the king twice with a knife.")
    assert [(a, r) for a, _, r in _blows(d)] == [("Ravaillac", "assailant")]


def test_blows_where_no_killing_is_told_give_nothing(analysed):
    d = analysed("At the tournament of 1559 Montgomery struck the king with his lance. The king "
                 "lingered for ten days.")
    assert _blows(d) == []


def test_each_of_a_group_who_bared_his_sword_takes_part(analysed):
    d = analysed("The assassination of the Sultan took place in 1807. Each of the Jacobins bared "
                 "his sword.")
    assert [(a, r) for a, _, r in _blows(d)] == [("Jacobins", "assailant")]


def _speakers(d) -> list[tuple[str, str]]:
    return [(d.entities[f.subject].name, d.entities[f.object].name) for f in d.factoids
            if f.extractor == "passage.session.v1"]


def test_who_spoke_or_took_the_chair_two_sentences_after_the_conference_takes_part(analysed):
    d = analysed("The conference at Potsdam began on 17 July 1945. The delegations met daily. "
                 "Winston Churchill spoke first, and Harry Truman took the chair.")
    assert _speakers(d) == [("Winston Churchill", "conference at Potsdam"),
                            ("Harry Truman", "conference at Potsdam")]


def test_a_speaker_where_no_session_is_named_gives_nothing(analysed):
    d = analysed("In 1945 Winston Churchill returned to London. Harry Truman spoke first, and "
                 "Winston Churchill took the chair.")
    assert _speakers(d) == []


def test_commander_of_a_march_takes_part_in_the_fight_named_later_in_its_sentence(analysed):
    d = analysed("In 1346 the English marched into Picardy under the command of Edward, routed the "
                 "French in a battle at Crécy, and became masters of the coast.")
    battle = named(d, "battle at Crécy")
    assert battle is not None
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == battle}
    assert "Edward" in got, got


def test_a_capture_is_a_fight_the_commander_of_the_march_before_led(analysed):
    d = analysed("In 1658 the Swedes crossed the frozen sea under the command of Wrangel. They "
                 "captured Odense, and burned the harbour.")
    capture = named(d, "capture of Odense")
    assert capture is not None
    assert ("Wrangel", capture) in pairs(d, "PARTICIPATES")


def test_one_sent_out_with_ships_leads_the_fights_two_sentences_on(analysed):
    d = analysed("In 1202 Dandolo was sent out from Venice as admiral of the fleet, with fifty "
                 "galleys. With him sailed the crusaders and their horses. They besieged Zara, "
                 "and afterwards captured Trau.")
    got = {o for s, o in pairs(d, "PARTICIPATES") if s == "Dandolo"}
    assert {named(d, "siege of Zara"), named(d, "capture of Trau")} <= got, got


def test_a_fight_in_news_brought_to_the_leader_is_not_the_one_he_leads(analysed):
    d = analysed("In 1173 Henry crossed to Normandy with an army, and at Rouen he heard the tidings "
                 "that Brittany had revolted.")
    revolt = next((e.name for e in d.entities if e.kind == "EVENT" and "Brittany" in e.name), None)
    assert revolt is not None
    assert ("Henry", revolt) not in pairs(d, "PARTICIPATES")


def test_the_rout_of_a_side_after_a_named_battle_makes_it_a_party(analysed):
    d = analysed("In 1477 the Swiss met Charles at the battle of Nancy, and after the rout of the "
                 "Burgundians the duke was slain in the snow.")
    battle = named(d, "battle of Nancy")
    assert battle is not None
    assert ("Burgundians", battle) in pairs(d, "PARTICIPATES")


def test_a_surrender_joins_the_siege_of_the_town_that_surrendered(analysed):
    d = analysed("In 405 BC the Romans besieged Veii. The siege lasted ten years, and many sorties "
                 "were made. This was followed at last by the surrender of Veii to Camillus.")
    siege = named(d, "siege of Veii")
    assert siege is not None
    assert any(f.extractor == "passage.surrender.v1" and d.entities[f.subject].name == "Veii"
               and d.entities[f.object].name == siege for f in d.factoids)


def test_a_town_that_surrendered_to_its_besiegers_took_part_in_the_siege(analysed):
    d = analysed("In 1584 the Spaniards laid siege to Antwerp. A year later Antwerp surrendered to "
                 "the Spaniards.")
    siege = named(d, "siege of Antwerp")
    facts = {(d.entities[f.subject].name, f.role) for f in d.factoids
             if f.extractor == "passage.surrender.v1" and d.entities[f.object].name == siege}
    assert facts == {("Antwerp", "surrendered"), ("Spaniards", "received the surrender")}


def test_a_commander_the_action_rules_placed_in_a_siege_is_not_also_in_the_battle(analysed):
    # (the siege was named before, so its later mention is the earlier entity's)
    d = analysed("Chroniclers long remembered the siege of Chioggia. In 1380 there was a mighty "
                 "battle at sea off Chioggia between the Venetians and the Genoese, in which the "
                 "victory remained with the Venetians, who took forty of the enemy's galleys, and "
                 "landed on the shore and there commenced a siege under the lead of Pisani.")
    got = {o for s, o in pairs(d, "PARTICIPATES") if s == "Pisani"}
    assert got == {"siege of Chioggia"}, got
