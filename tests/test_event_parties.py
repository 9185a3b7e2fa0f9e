"""Who took part in what, in constructions the older rules missed (``relations/passage.py``,
``events.py``, ``battles.py``); on small texts of other periods than the gold chapters."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def test_leaders_who_came_with_reinforcements_take_part_in_the_siege_named_next(analysed):
    d = analysed("In 1380 the Genoese held Chioggia against Venice. Fresh succour arrived in the "
                 "spring--thirty galleys from Venice with Zeno, Pisani, and Barbaro; ten with "
                 "Contarini and Loredan. After some weeks the Genoese, starving, gave up the town at "
                 "the close of a long siege of Chioggia.")
    siege = next(e.name for e in d.entities if e.kind == "EVENT" and "siege" in e.name)
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == siege}
    assert {"Zeno", "Pisani", "Barbaro", "Contarini", "Loredan"} <= got, got


def test_a_number_with_a_leader_and_no_ships_named_before_gives_nothing(analysed):
    d = analysed("In 1380 there was a long siege of Chioggia. The Senate then voted twenty with Zeno "
                 "and Pisani against the proposal.")
    assert not [f for f in d.factoids if f.extractor.startswith("passage.") and
                d.entities[f.subject].name in ("Zeno", "Pisani")]


def test_a_named_expedition_is_also_called_by_its_whole_phrase(analysed):
    d = analysed("Little came of that great expedition of the Burgundians and their vassals to Nicopolis. "
                 "Few of the knights came home.")
    ev = next(e for e in d.entities if e.kind == "EVENT" and "expedition" in e.name)
    assert "great expedition of the Burgundians and their vassals to Nicopolis" in ev.aliases, ev.aliases


def test_a_longer_phrase_is_not_cut_across_a_clause(analysed):
    d = analysed("Little came of the expedition of the Burgundians, which had cost them dear, to Nicopolis.")
    assert not any("which" in a for e in d.entities for a in e.aliases)


def test_ships_under_a_commander_gave_battle_to_a_people_named_by_its_adjective(analysed):
    d = analysed("In 1378 the Genoese sent a fleet into the Adriatic. Ten galleys went to Zara to "
                 "wait for the Hungarians, and so never fought; but thirty galleys under the command "
                 "of Pisani gave battle, off the coast of Sardinia, to twenty Genoese galleys.")
    battle = next(e.name for e in d.entities if e.kind == "EVENT" and e.name.startswith("battle"))
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == battle}
    assert {"Pisani", "Genoese"} <= got, got


def test_gave_a_banquet_to_guests_names_no_foe(analysed):
    d = analysed("In 1520 the Genoese gave a battle of flowers to the French envoys at Savona.")
    assert not [f for f in d.factoids if f.role == "opponent"]


def test_the_allies_from_two_lands_take_part_in_the_siege(analysed):
    d = analysed("In 1415 the English and the allies from Gascony and Guienne, who had lately risen "
                 "against the French king, stayed on and laid siege to Harfleur.")
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == "siege of Harfleur"}
    assert {"English", "Gascony", "Guienne"} <= got, got


def test_letters_from_a_land_are_no_allies(analysed):
    d = analysed("In 1415 the letters from Gascony laid siege to the patience of the council.")
    assert "Gascony" not in {s for s, _ in pairs(d, "PARTICIPATES")}


def test_those_who_were_there_took_part_in_the_meeting_just_named(analysed):
    d = analysed("Long was the meeting of the Estates at Blois on 6 December, which I attended. The "
                 "Guisards, the Catholic League, the Duke of Mayenne, were there in force. Against "
                 "them stood the King's men.")
    meeting = next(e.name for e in d.entities if e.kind == "EVENT" and e.name.startswith("meeting"))
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == meeting}
    assert {"Guisards", "Catholic League", "Duke of Mayenne"} <= got, got


def test_there_without_a_meeting_named_gives_nothing(analysed):
    d = analysed("The harvest failed in 1788. The Guisards were there in force.")
    assert not [f for f in d.factoids if f.extractor == "passage.present.v1"]


def test_a_recall_is_the_recalled_mans_event_and_those_who_recalled_him_took_part(analysed):
    d = analysed("In 1708 the Whigs recalled Peterborough from Spain. As it happened, his recall "
                 "came just when the army needed him most.")
    ev = next(e for e in d.entities if e.kind == "EVENT" and e.name == "recall of Peterborough")
    assert "his recall" in ev.aliases
    assert {("Peterborough", ev.name), ("Whigs", ev.name)} <= set(pairs(d, "PARTICIPATES"))
    assert ev.name in {d.entities[f.subject].name for f in d.factoids if f.type == "HAPPENED"}


def test_a_trial_still_coming_on_has_not_happened(analysed):
    d = analysed("In 1894 Dreyfus was arrested in Paris. His trial was coming on before the winter.")
    assert not [f for f in d.factoids if f.type == "HAPPENED" and "trial" in d.entities[f.subject].name]


def test_recalling_a_memory_is_no_proceeding(analysed):
    d = analysed("In 1708 Peterborough recalled the old days in Spain with pleasure.")
    assert not [e for e in d.entities if e.kind == "EVENT" and e.name.startswith("recall")]


def test_whose_complicity_in_an_event_is_told_took_part_in_it(analysed):
    d = analysed("In 1606 Garnet was hanged for his complicity in the Gunpowder Plot. Nobody denied "
                 "Catesby's part in the Gunpowder Plot.")
    got = {(s, r) for s, o, r in [(d.entities[f.subject].name, d.entities[f.object].name, f.role)
                                  for f in d.factoids if f.extractor == "events.share.v1"]}
    assert got == {("Garnet", "complicity"), ("Catesby", "part")}, got


def test_a_part_in_no_event_gives_nothing(analysed):
    d = analysed("In 1606 Garnet played his part in the household of the Vaux family.")
    assert not [f for f in d.factoids if f.extractor == "events.share.v1"]


def test_a_people_reduced_after_a_siege_took_part_in_it(analysed):
    d = analysed("In 1271 Edward sailed to Acre. The Pisans, worn out by hunger, were at last reduced "
                 "after a four months' siege and yielded on terms.")
    siege = next(e.name for e in d.entities if e.kind == "EVENT" and "siege" in e.name)
    assert ("Pisans", siege) in set(pairs(d, "PARTICIPATES"))


def test_taxes_reduced_in_a_year_of_no_fighting_give_nothing(analysed):
    d = analysed("In 1271 the Pisans were reduced to poverty by the failure of their trade.")
    assert not [f for f in d.factoids if f.extractor == "passage.verdict.v1"]


def test_assiduous_for_some_days_in_her_attendance_on_the_sick_king(analysed):
    d = analysed("King Louis fell ill at Versailles in 1774. For days the King was insensible. Queen "
                 "Antoinette was for some days assiduous in her attendance.")
    assert ("Antoinette", "illness of King Louis") in set(pairs(d, "PARTICIPATES"))


def test_a_killing_whose_blows_are_told_has_taken_place(analysed):
    d = analysed("The murder of Rizzio was long remembered at Holyrood.\n\nThe scene of that murder was a "
                 "small supper room. Ruthven struck him first with a dagger.")
    murder = next(i for i, e in enumerate(d.entities) if e.kind == "EVENT" and "murder" in e.name)
    assert [f.extractor for f in d.factoids if f.type == "HAPPENED" and f.subject == murder] \
        == ["events.narrated.v1"]


def test_an_event_only_named_beside_its_parties_is_not_said_to_have_happened(analysed):
    d = analysed("In 1566 the plotters talked of the murder of Rizzio. Nothing was done.")
    assert not [f for f in d.factoids if f.extractor == "events.narrated.v1"]


def test_delegates_who_met_in_a_convention_at_a_town_make_it_an_event(analysed):
    d = analysed("In 1820 deputies from six provinces met in a convention at Cadiz to weigh the debts "
                 "of the crown.")
    ev = next(i for i, e in enumerate(d.entities) if e.kind == "EVENT" and e.name == "convention at Cadiz")
    assert [f for f in d.factoids if f.type == "HAPPENED" and f.subject == ev]


def test_a_meeting_in_a_hall_with_nobody_named_is_no_event(analysed):
    d = analysed("In 1820 they held their final meeting in the Hall of the Cortes.")
    assert not [e for e in d.entities if e.kind == "EVENT" and "meeting" in e.name]


def test_who_administered_the_oath_of_office_and_who_took_it(analysed):
    d = analysed("On 4 March 1801 Jefferson walked to the Capitol. Chief Justice Marshall administered "
                 "the oath of office to Jefferson in the Senate chamber.")
    assert {("Marshall", "oath of office"), ("Jefferson", "oath of office")} <= set(pairs(d, "PARTICIPATES"))
    assert any(f.type == "HAPPENED" and d.entities[f.subject].name == "oath of office" for f in d.factoids)


def test_an_oath_to_do_something_is_no_ceremony(analysed):
    d = analysed("In 1215 the barons took an oath to hold the king to his word.")
    assert not [e for e in d.entities if e.kind == "EVENT"]


def test_a_spectator_of_the_festival_named_before_took_part_in_it(analysed):
    d = analysed("In 1450 the festival of the Ascension was held at Venice. On this day the young men "
                 "row through the lagoon in gilded barges. Doge Foscari was a spectator, seated on the "
                 "Bucentaur in a purple robe.")
    assert ("Foscari", "festival of the Ascension") in set(pairs(d, "PARTICIPATES"))


def test_a_witness_with_no_gathering_named_gives_nothing(analysed):
    d = analysed("In 1450 the harvest failed at Venice. Doge Foscari was a witness, and he wept.")
    assert not [f for f in d.factoids if f.extractor == "passage.onlooker.v1"]


def test_a_participle_of_armed_action_is_done_by_its_clause_subject(analysed):
    d = analysed("The year was 851. Meanwhile the Danes, making a descent from their ships upon "
                 "Sandwich, were met by a force of Kentishmen; and the Kentishmen were victorious.")
    assert ("Danes", "descent upon Sandwich") in set(pairs(d, "PARTICIPATES"))


def test_the_participle_of_a_passive_clause_is_not_done_by_its_agent(analysed):
    d = analysed("The year was 851. The Danes, making a descent upon Sandwich, were engaged by a "
                 "force of Kentishmen under Ealhere.")
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == "descent upon Sandwich"}
    assert "Danes" in got, got
