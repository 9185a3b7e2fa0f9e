"""Measures described instead of named (relations/descriptions.py): urged with an
infinitive, insisted on in a clause, begun as an action noun; on small texts of other
periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import pairs, the_entity

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "relation", "expected"), [
    pytest.param("In 1666 Colbert persuaded the King to dig a canal through Languedoc.",
                 "SUPPORTS_POLICY", {("Colbert", "dig a canal through Languedoc")},
                 id="who_persuades_others_to_a_course_stands_for_it"),
    pytest.param("Vauban at last persuaded the King to finish the harbour of Brest.",
                 "SUPPORTS_POLICY", {("Vauban", "harbour of Brest")},
                 id="a_work_urged_is_named_by_what_is_built"),
    pytest.param("Metternich had pressed the Emperor to make a thorough reform of the Hungarian chancery.",
                 "SUPPORTS_POLICY", {("Metternich", "thorough reform of the Hungarian chancery")},
                 id="a_light_verb_urged_is_named_by_its_object"),
    pytest.param("After the flood the Venetians prepared to rebuild their bridges and their quays.",
                 "SUPPORTS_POLICY", {("Venetians", "rebuild their bridges and their quays")},
                 id="preparing_a_course_keeps_its_coordinated_objects"),
    pytest.param("At the Cape, however, the Boers always insisted that slavery must be kept.",
                 "SUPPORTS_POLICY", {("Boers", "slavery")},
                 id="insisting_that_a_measure_be_kept_stands_for_it"),
    pytest.param("Wilberforce insisted that slavery should be abolished in every colony.",
                 "OPPOSES_POLICY", {("Wilberforce", "slavery")},
                 id="insisting_that_a_measure_be_abolished_stands_against_it"),
    pytest.param("In the spring of 1848 the Frankfurt Parliament began the formation of a German fleet.",
                 "SUPPORTS_POLICY", {("Frankfurt Parliament", "formation of a German fleet")},
                 id="beginning_an_action_noun_stands_for_the_measure"),
    pytest.param("The Whigs of the city insisted that toleration must be kept. The compromise brought forward by "
                 "Halifax consisted in a yearly oath.",
                 "SUPPORTS_POLICY", {("Whigs", "toleration"), ("Halifax", "compromise brought forward by Halifax")},
                 id="a_measure_described_by_its_mover_refers_back_to_no_earlier_one"),
    pytest.param("Louis was restless, and his design was to drain the fens of the east coast.",
                 "SUPPORTS_POLICY", {("Louis", "drain the fens of the east coast")},
                 id="a_plan_equated_with_an_infinitive_names_the_measure"),
    pytest.param("The Romans took the lead, their declared object being to punish the pirates for their raids.",
                 "SUPPORTS_POLICY", {("Romans", "punish the pirates for their raids")},
                 id="a_purpose_in_an_absolute_clause_names_the_measure"),
    pytest.param("Queen Anne was firmly resolved to uphold the established church both in England and Wales.",
                 "SUPPORTS_POLICY", {("Queen Anne", "established church both in England and Wales")},
                 id="what_one_is_resolved_to_keep_is_named_by_itself"),
    pytest.param("Calhoun, however, keen to defend his peculiar institution and the tariff interests of his State, "
                 "told the Senate that it was wrong.",
                 "SUPPORTS_POLICY", {("Calhoun", "peculiar institution")},
                 id="an_adjective_of_resolve_beside_the_subject_is_his"),
    pytest.param("Clodius courted the plebs with feasts and the distribution of oil, and the veterans with the "
                 "assignment of farms.",
                 "SUPPORTS_POLICY", {("Clodius", "feasts"), ("Clodius", "distribution of oil"),
                                     ("Clodius", "assignment of farms")},
                 id="what_one_courts_favour_with_is_a_measure_one_stands_for"),
    pytest.param("The Senate of Venice met, and issued orders for the solemn ceremony of coronation.",
                 "DECIDES", {("Senate of Venice", "solemn ceremony of coronation")},
                 id="what_a_body_issues_orders_for_it_decides"),
    pytest.param("Napoleon gave orders for the evacuation of the town.",
                 "SUPPORTS_POLICY", {("Napoleon", "evacuation of the town")},
                 id="what_a_man_gives_orders_for_he_stands_for"),
])
def test_the_rules_state(analysed, text, relation, expected):
    assert expected <= pairs(analysed(text), relation)


@pytest.mark.parametrize(("text", "relation"), [
    pytest.param("Metternich urged the Emperor to go to Vienna at once.", "SUPPORTS_POLICY",
                 id="a_journey_urged_is_no_measure"),
    pytest.param("Cobden insisted that the weather would be fine.", "SUPPORTS_POLICY",
                 id="a_clause_on_no_measure_names_none"),
    pytest.param("Colbert never persuaded the King to dig a canal through Languedoc.", "SUPPORTS_POLICY",
                 id="a_negated_urging_says_nothing"),
    pytest.param("Louis was restless, but his design was never to lead an army against the Dutch.", "SUPPORTS_POLICY",
                 id="a_plan_denied_names_no_measure"),
    pytest.param("Queen Anne was not resolved to uphold the established church.", "SUPPORTS_POLICY",
                 id="no_resolve_no_measure"),
    pytest.param("Clodius walked with his friends to the Forum.", "SUPPORTS_POLICY",
                 id="with_after_no_verb_of_courting_names_no_measure"),
    pytest.param("Napoleon gave orders for him.", "SUPPORTS_POLICY", id="orders_for_someone_name_no_measure"),
])
def test_the_rules_stay_silent(analysed, text, relation):
    assert not pairs(analysed(text), relation)


@pytest.mark.parametrize(("text", "event"), [
    pytest.param("At last the Corcyraeans yielded to their foes after a seven months' siege.", "seven months' siege",
                 id="a_siege_measured_by_its_months"),
    pytest.param("The Saxons were exhausted by a three years' war with the Danes.", "three years' war",
                 id="a_war_measured_by_its_years"),
])
def test_an_event_measured_by_a_counted_span_of_time_is_named_by_it(analysed, text, event):
    d = analysed(text)
    assert event in {e.name for e in d.entities if e.kind == "EVENT"}


def test_an_ordered_ceremony_is_an_event(analysed):
    d = analysed("The Senate of Venice met, and issued orders for the solemn ceremony of coronation.")
    assert the_entity(d, "solemn ceremony of coronation").kind == "EVENT"


def test_a_span_of_time_without_a_count_names_no_event(analysed):
    d = analysed("After months of siege the Corcyraeans gave up the town.")
    assert not any("months" in e.name for e in d.entities)
