"""Court and constitutional history (issue 12): kinship listed after a clause, who a
speaker in a conversation addresses, illnesses, and attendance at the events of a court.
Every text is written for these tests, about other times and places than the gold chapters."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def kin_roles(d) -> set[tuple[str, str, str]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name, f.role)
            for f in d.factoids if f.type == "KIN"}


def kin_pairs(d) -> set[tuple[str, str]]:
    return {(a, b) for a, b, _ in kin_roles(d)}


# -- kinship -------------------------------------------------------------------------------

def test_children_listed_after_the_clause_are_the_owners(analysed):
    d = analysed("Queen Adelheid died in 1540. Her three sons stood beside the bier, "
                 "Prince Otto, Prince Karl and Prince Ludwig.")
    roles = kin_roles(d)
    for son in ("Prince Otto", "Prince Karl", "Prince Ludwig"):
        assert (son, "Queen Adelheid", "son") in roles
        assert ("Queen Adelheid", son, "mother") in roles
    # listed together, but the text does not say they are brothers of one mother and father
    assert ("Prince Otto", "Prince Karl") not in kin_pairs(d)


def test_a_mother_named_inside_the_list_is_not_one_of_the_children(analysed):
    d = analysed("King Ludwig fell ill in the winter. His natural children were all brought to his "
                 "bedside, the Counts of Arnsberg, Lindau, and Werden, and the Baron of Kalm, "
                 "son of Margarethe Weiss.")
    pairs = kin_pairs(d)
    assert {("Arnsberg", "Ludwig"), ("Werden", "Ludwig"), ("Baron of Kalm", "Ludwig")} <= pairs
    assert ("Baron of Kalm", "Margarethe Weiss") in pairs
    assert ("Margarethe Weiss", "Ludwig") not in pairs


def test_a_plural_kin_subject_without_a_list_names_nobody(analysed):
    d = analysed("Count Egmont rode north. His brothers were angry, and he left Ghent with Horne.")
    assert not any(f.extractor == "kin.listed_after_clause.v1" for f in d.factoids)


# -- quotations ----------------------------------------------------------------------------

def quotes_of(d) -> set[tuple[str, str | None]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name if f.object is not None else None)
            for f in d.factoids if f.type == "QUOTE"}


def test_in_a_dialogue_each_speaker_addresses_the_other(analysed):
    d = analysed('The Abbot Hugo received Brother Anselm at the gate. "You are late," said Hugo to '
                 'Anselm. "Shall I go to the chapel?" said Anselm. "Go at once," said Hugo.')
    assert quotes_of(d) == {("Hugo", "Brother Anselm"), ("Brother Anselm", "Hugo")}
    assert any(f.extractor == "quotes.conversation.v1" for f in d.factoids)


def test_the_one_who_answers_was_spoken_to(analysed):
    d = analysed('Count Eric rode up to the bridge. "Where is the army tonight?" said Eric. '
                 '"At the river, my lord," answered Baron Sten.')
    assert ("Count Eric", "Baron Sten") in quotes_of(d)
    assert ("Baron Sten", "Count Eric") in quotes_of(d)


def test_a_vocative_before_said_is_not_the_speaker(analysed):
    d = analysed('The barges waited below the palace. "Sir," said Cardinal Wolsey, "the barges are '
                 'ready at the water stairs."')
    assert ("Cardinal Wolsey", None) in quotes_of(d)


def test_a_would_of_habit_reports_words_but_would_have_does_not(analysed):
    d = analysed('Judge Hale was a harsh man. "Silence," he would shout, "or I shall clear the court at once!"')
    assert ("Hale", None) in quotes_of(d)
    d = analysed('Judge Hale was a harsh man. "Silence," he would have shouted, "or I shall clear the '
                 'court at once!"')
    assert not quotes_of(d)


def test_a_quotation_after_the_sentence_that_leads_it_in(analysed):
    d = analysed('To the envoy Margrave Albrecht expressed his anger at the Emperor. '
                 '"I will not be bullied by a boy, nor by his ministers."')
    assert ("Margrave Albrecht", "envoy") not in quotes_of(d)
    assert any(f.extractor == "quotes.lead_in.v1" and d.entities[f.subject].name == "Margrave Albrecht"
               for f in d.factoids)
    d = analysed('The old Margrave Albrecht gave a feast. When the meal was over he stood up, poured wine '
                 'into a cup until it was full, and, raising it high, asked the guests if a single drop had '
                 'fallen. "You see, gentlemen, say what the courtiers will, I am not yet in my dotage."')
    assert ("Margrave Albrecht", None) in quotes_of(d)


def test_to_a_person_fronted_before_the_speaker_is_the_addressee(analysed):
    d = analysed('Lord Digby arrived from Oxford. To Lord Digby the Queen Henrietta expressed the '
                 'strongest dislike of the treaty. "I know the Scots well, and I never can trust them."')
    assert ("Queen Henrietta", "Lord Digby") in quotes_of(d)


def test_a_lead_in_with_its_own_quotation_leads_in_nothing_else(analysed):
    d = analysed('Margrave Albrecht spoke to the envoy: "Go home." Snow fell all night. "The roads are closed."')
    assert all(f.extractor != "quotes.lead_in.v1" for f in d.factoids)


def test_a_name_right_before_said_is_the_speaker(analysed):
    d = analysed('When the crowd went out to meet the new governor and to join his escort Varro said, '
                 '"We must hurry, or the man will have left office."')
    assert ("Varro", None) in quotes_of(d)


# -- events of one person's life -----------------------------------------------------------

def test_a_persons_accession_and_illness_are_events_he_takes_part_in(analysed):
    d = analysed("King Henry fell from his horse in 1536. During his illness the court waited. On the "
                 "first Sunday after his accession, his proclamation was read in every church.")
    assert {("King Henry", "his illness"), ("King Henry", "his accession")} <= pairs(d, "PARTICIPATES")
    assert {("his illness", None), ("his accession", None)} <= pairs(d, "HAPPENED")


def test_who_shared_an_exile_took_part_in_it_and_an_exile_did_not_happen_at_a_moment(analysed):
    d = analysed("Norfolk had shared the exile of Prince Rupert; he was loyal to the end.")
    # (one event: the mention's name, which the extractor's wording joins)
    assert {("Prince Rupert", "exile of Prince Rupert"),
            ("Norfolk", "exile of Prince Rupert")} <= pairs(d, "PARTICIPATES")
    assert len([e for e in d.entities if e.kind == "EVENT"]) == 1
    assert not pairs(d, "HAPPENED")


def test_a_denied_event_of_a_life_gives_nothing(analysed):
    d = analysed("Prince Rupert spent the winter at Mainz. He never mentioned his exile to the Elector.")
    assert not any(f.extractor == "events.personal.v1" for f in d.factoids)


def test_an_illness_already_told_as_an_event_is_not_a_second_one(analysed):
    d = analysed("On 2 May 1881 Tsar Nikolai suffered a massive stroke. The doctors discussed the "
                 "nature of Nikolai’s illness.")
    events = [e.name for e in d.entities if e.kind == "EVENT"]
    assert events == ["massive stroke"]
    assert not any(f.extractor == "events.personal.v1" for f in d.factoids)


def test_the_father_or_financier_of_a_revolution_took_part_in_it(analysed):
    d = analysed("The Dutch Revolt began in 1568. William of Orange, the father of the Revolt, was "
                 "careful. He was joined by the financier of the Revolt, Marnix.")
    parts = {(a, b) for a, b in pairs(d, "PARTICIPATES")}
    assert any(a.startswith("William") and "Revolt" in b for a, b in parts)


def test_a_relative_named_only_by_title_and_epithet_becomes_a_person(analysed):
    d = analysed("Anna Grimaldi, Princess of Monaco, niece of the great Cardinal, arrived in Rome in 1702.")
    assert any(b == "the great Cardinal" and role == "niece" for _, b, role in kin_roles(d))
    d = analysed("Anna was the daughter of a great Cardinal. Otto was the son of the Cardinal.")
    assert not kin_roles(d)


def test_a_she_speaks_as_the_woman_whose_title_opens_her_name(analysed):
    d = analysed('Years of pleasure had not hardened the Duchess of Kendal. The Prussian envoy Knyphausen, '
                 'who had called at the palace for news of the King, went up to see her. She was '
                 'weeping. She led him into a small room and opened her heart. "I have," '
                 'she said, "something grave to tell you."')
    assert {a for a, _ in quotes_of(d)} == {"Duchess of Kendal"}


def test_who_attends_a_sick_man_takes_part_in_his_illness(analysed):
    d = analysed("King Louis fell ill at Versailles in 1774. For days the King was insensible. Doctor "
                 "Lemonnier was in attendance. The Count of Provence scarcely left the bedside of King Louis.")
    assert {("Doctor Lemonnier", "illness of King Louis"),
            ("Count of Provence", "illness of King Louis")} <= pairs(d, "PARTICIPATES")


def test_attendance_with_nobody_ill_is_no_illness(analysed):
    d = analysed("Marshal Saxe rode to Ghent in 1745. Doctor Senac was in attendance at the review.")
    assert not any(e.kind == "EVENT" for e in d.entities)


def test_the_illness_a_sickroom_passage_tells_of_is_the_one_later_called_his(analysed):
    d = analysed("In May 1774 King Louis fell ill at Versailles. Doctor Lemonnier was in attendance. "
                 "The news of the illness of King Louis filled Paris with dismay.")
    events = [e for e in d.entities if e.kind == "EVENT"]
    assert len(events) == 1 and "the illness of King Louis" in events[0].aliases


def test_who_led_the_assault_on_the_place_of_an_event_took_part_in_it(analysed):
    d = analysed("In May 1863 the siege of Vicksburg began. General Sherman led the assault on Vicksburg.")
    assert ("General Sherman", "siege of Vicksburg") in pairs(d, "PARTICIPATES")
    d = analysed("The siege of Vicksburg ended in 1863. Snow fell. Snow fell. Snow fell. Snow fell. Snow "
                 "fell. Snow fell. Snow fell. General Sherman made an assault on Vicksburg.")
    assert ("General Sherman", "siege of Vicksburg") not in pairs(d, "PARTICIPATES")
