"""HAPPENED, PARTICIPATES and DECIDES on small texts of several periods; planned,
negated and hypothetical events and decisions give nothing."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def happened(d) -> dict[str, tuple[str | None, str | None, str | None]]:
    """event name -> (start, end, place)."""
    out = {}
    for f in d.factoids:
        if f.type == "HAPPENED":
            out[d.entities[f.subject].name] = (
                f.start_time.value if f.start_time else None,
                f.end_time.value if f.end_time else None,
                d.entities[f.place].name if f.place is not None else None,
            )
    return out


def rel(d, type_: str) -> list[tuple[str, str, str | None, str | None]]:
    """(subject, object, role, time) of each fact of the type."""
    return [
        (
            d.entities[f.subject].name,
            d.entities[f.object].name,
            f.role,
            f.when.value if f.when else None,
        )
        for f in d.factoids
        if f.type == type_
    ]


def find(items: dict, name: str):
    return next((v for k, v in items.items() if k.endswith(name)), None)


@pytest.mark.parametrize(
    ("text", "event", "start", "end"),
    [
        (
            "Stalin’s candidature was canvassed at the Eleventh Party Congress in "
            "March–April 1922.",
            "Eleventh Party Congress",
            "1922-03",
            "1922-04",
        ),
        (
            "Stalin was carrying out the function discharged by Sverdlov in the Brest-Litovsk "
            "dispute in 1918.",
            "Brest-Litovsk dispute",
            "1918",
            None,
        ),
        (
            "Even after the Anglo-Soviet Treaty of March 1921, he favoured sending instructors "
            "to Afghanistan.",
            "Anglo-Soviet Treaty",
            "1921-03",
            None,
        ),
        (
            "The Treaty of Versailles, signed in June 1919, ended the war.",
            "Treaty of Versailles",
            "1919-06",
            None,
        ),
        ("The Battle of Pharsalus was fought in 48 BC.", "Battle of Pharsalus", "-0048", None),
        (
            "In March 1921 the Tenth Party Congress, starting on 8 March, was surprisingly quiet.",
            "Tenth Party Congress",
            "1921-03-08",
            None,
        ),
    ],
)
def test_happened_with_the_date_its_words_govern(analysed, text, event, start, end):
    d = analysed(text)
    got = find(happened(d), event)
    assert got is not None, happened(d)
    assert got[0] == start and got[1] == end


def test_a_date_of_another_clause_is_not_the_event_date(analysed):
    d = analysed("Despite the Treaty of Rapallo, the Comintern in 1923 encouraged an armed rising.")
    got = find(happened(d), "Treaty of Rapallo")
    assert got is None or got[0] != "1923"


@pytest.mark.parametrize(
    "text",
    [
        "A Democratic Conference, which should meet at Petrograd in September, was proposed.",
        "If the Tenth Party Congress had met in 1920, Trotski would have won.",
        "The proposed Peace Conference of 1918 never met.",
    ],
)
def test_planned_or_hypothetical_events_did_not_happen(analysed, text):
    assert not happened(analysed(text))


@pytest.mark.parametrize(
    ("text", "actor", "event", "role"),
    [
        (
            "Stalin was carrying out the function discharged by Sverdlov in the Brest-Litovsk "
            "dispute in 1918.",
            "Sverdlov",
            "Brest-Litovsk dispute",
            "discharged",
        ),
        (
            "Joseph Stalin had spent most of the Civil War as a political commissar.",
            "Stalin",
            "Civil War",
            "spent",
        ),
        (
            "George Washington presided over the Constitutional Convention for four months.",
            "Washington",
            "Convention",
            "presided over",
        ),
        (
            "Marcus Brutus fought in the Battle of Philippi.",
            "Brutus",
            "Battle of Philippi",
            "fought in",
        ),
        ("Trotsky spoke at the Congress of Soviets.", "Trotsky", "Congress of Soviets", "spoke at"),
        ("Madison was a delegate to the Constitutional Convention.", "Madison", "Constitutional Convention",
         "delegate"),
        ("Brutus and Cassius took part in the conspiracy against Caesar.", "Cassius",
         "conspiracy against Caesar", "took part"),
        ("Nelson was killed at the Battle of Trafalgar in 1805.", "Nelson", "Battle of Trafalgar", "killed at"),
        ("Marshal Ney was present at the Battle of Waterloo.", "Ney", "Battle of Waterloo", "present"),
    ],
)
def test_participates_with_a_short_role(analysed, text, actor, event, role):
    d = analysed(text)
    got = [r for r in rel(d, "PARTICIPATES") if r[0].endswith(actor) and r[1].endswith(event)]
    assert got and role in (got[0][2] or ""), rel(d, "PARTICIPATES")


@pytest.mark.parametrize(("text", "relation"), [
    # time adverbials and negations are no participation
    ("Both before and during the Great War Lenin overrated Kautsky’s influence.", "PARTICIPATES"),
    ("Trotski did not take part in the Civil War.", "PARTICIPATES"),
    ("Lenin distrusted Trotski after the trade union dispute.", "PARTICIPATES"),
    # negated or unreal decisions
    ("The Politburo never approved the New Economic Policy.", "DECIDES"),
    ("The Convention would have adopted the Virginia Plan if Madison had stayed.", "DECIDES"),
    ("Lenin wanted the Politburo to adopt the New Economic Policy.", "DECIDES"),
])
def test_adverbials_negations_and_unreal_clauses_state_nothing(analysed, text, relation):
    assert not rel(analysed(text), relation)


@pytest.mark.parametrize(
    ("text", "body", "policy", "time"),
    [
        (
            "On 8 February 1921 the Politburo adopted the New Economic Policy.",
            "Politburo",
            "New Economic Policy",
            "1921-02-08",
        ),
        (
            "In March 1921 the Tenth Party Congress approved the New Economic Policy.",
            "Tenth Party Congress",
            "New Economic Policy",
            "1921-03",
        ),
        (
            "The Virginia Plan was adopted by the Constitutional Convention in July 1787.",
            "Convention",
            "Virginia Plan",
            "1787-07",
        ),
    ],
)
def test_decides(analysed, text, body, policy, time):
    d = analysed(text)
    got = [r for r in rel(d, "DECIDES") if r[0].endswith(body) and r[1].endswith(policy)]
    assert got and got[0][3] == time, rel(d, "DECIDES")


def test_a_passive_decision_takes_the_congress_the_passage_is_set_at(analysed):
    d = analysed(
        "The Tenth Party Congress, starting on 8 March 1921, was surprisingly quiet. "
        "The New Economic Policy was approved almost on the nod."
    )
    assert any(
        b.endswith("Tenth Party Congress") and p.endswith("New Economic Policy")
        for b, p, _r, _t in rel(d, "DECIDES")
    ), rel(d, "DECIDES")


@pytest.mark.parametrize(
    ("text", "event", "start", "place"),
    [
        ("On 14 July 1789 the Paris crowd had started a revolt.", "Paris revolt", "1789-07-14", None),
        ("In 1923 the Comintern encouraged an armed rising against the German government.",
         "armed rising against the German government", "1923", None),
        ("Talks among the great powers had been convened at Vienna.", "Talks among the great powers", None,
         "Vienna"),
        ("He was still weak from the attempt on his life in December 1800.", "attempt on his life", "1800-12",
         None),
    ],
)
def test_events_the_text_describes_instead_of_naming(analysed, text, event, start, place):
    got = happened(analysed(text)).get(event)
    assert got is not None, happened(analysed(text))
    assert got[0] == start and got[2] == place


@pytest.mark.parametrize(
    "text",
    [
        "The crowd had started a revolt.",  # neither dated nor placed, nor named by who started it
        "On 3 May the revolt spread.",  # 'the revolt': one already told of
        "In 1799 he planned a rising against the Directory.",  # a plan
    ],
)
def test_undated_or_known_or_planned_descriptions_are_not_new_events(analysed, text):
    assert not [f for f in analysed(text).factoids if f.extractor == "events.described.v1"]


def test_pushing_a_measure_through_a_body_is_its_decision(analysed):
    d = analysed("The Senate committee met in June. The Reform Bill was drafted in May. Peel disliked the bill. "
                 "Grey pushed the bill through a committee of the Senate in June 1832.")
    assert ("Senate committee", "Reform Bill", None, "1832-06") in rel(d, "DECIDES")
    assert {(s, o) for s, o, _, _ in rel(d, "SUPPORTS_POLICY")} == {("Grey", "Reform Bill")}


def test_a_date_on_what_ends_an_event_is_its_end(analysed):
    got = happened(analysed("The Peace of Westphalia ended the Thirty Years War in 1648."))
    assert got["Thirty Years War"] == (None, "1648", None)
    assert got["Peace of Westphalia"][0] == "1648"


def test_absent_or_not_present_is_no_participation(analysed):
    assert not rel(analysed("Lenin was not present at the Congress of Soviets."), "PARTICIPATES")


def test_delegates_listed_after_a_semicolon_or_colon_and_in_the_next_sentences(analysed):
    d = analysed("In 1815 the Congress of Vienna met in the Hofburg. Baden sent two men besides "
                 "Friedrich Hecker; Karl Mathy and Friedrich Bassermann. Bavaria spoke through Robert Mohl "
                 "and in addition: Karl Beisler, a lawyer; Hermann von Beckerath.")
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == "Congress of Vienna"}
    assert {"Friedrich Hecker", "Karl Mathy", "Friedrich Bassermann", "Robert Mohl", "Karl Beisler",
            "Hermann von Beckerath"} <= got, got


def test_a_new_clause_after_a_semicolon_ends_the_list_of_delegates(analysed):
    d = analysed("In 1815 the Congress of Vienna met in the Hofburg. Baden sent Karl Mathy; "
                 "meanwhile Metternich wrote to Nesselrode.")
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == "Congress of Vienna"}
    assert "Karl Mathy" in got and "Nesselrode" not in got, got


def test_those_a_plot_was_made_with_took_part_in_it_as_the_text_calls_it(analysed):
    d = analysed("In 1605 Francis Tresham was engaged in the conspiracy with Robert Catesby and Thomas Percy.")
    plot = next(e for e in d.entities if e.kind == "EVENT")
    assert "the conspiracy" in plot.aliases
    got = {s for s, o in pairs(d, "PARTICIPATES") if o == plot.name}
    assert {"Francis Tresham", "Robert Catesby", "Thomas Percy"} <= got, got


def test_a_treaty_drafted_and_signed_took_place(analysed):
    d = analysed("The Treaty of Troyes was drafted and signed by the two kings.")
    assert [f.extractor for f in d.factoids if f.type == "HAPPENED"] == ["events.occurred.v1"]
    d = analysed("The Treaty of Troyes was drafted by the two kings.")
    assert not [f for f in d.factoids if f.type == "HAPPENED"]


def test_a_speech_to_a_gathered_audience_is_an_event_its_speaker_took_part_in(analysed):
    d = analysed("In 1415 King Henry rode along the lines and harangued the troops before the battle.")
    speech = next((e for e in d.entities if e.kind == "EVENT" and "speech of King Henry" in e.aliases), None)
    assert speech is not None and speech.name == "address to the troops"
    assert ("King Henry", "address to the troops") in pairs(d, "PARTICIPATES")
    assert any(f.type == "HAPPENED" and d.entities[f.subject].name == "address to the troops" for f in d.factoids)


def test_addressing_a_letter_or_a_person_is_no_speech(analysed):
    d = analysed("In 1415 King Henry addressed a letter to the Dauphin, and then he addressed the "
                 "French herald in person.")
    assert not [f for f in d.factoids if f.extractor == "events.harangue.v1"]


def test_a_dream_said_to_be_hers_is_an_event_she_took_part_in(analysed):
    d = analysed("In 1601 Queen Anne woke in tears, for in her dream she had seen the palace burn.")
    assert ("Queen Anne", "her dream") in pairs(d, "PARTICIPATES")
