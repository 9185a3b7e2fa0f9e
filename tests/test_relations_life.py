"""HEALTH, DIED and BORN on small texts of several periods; negated, hypothetical,
feared and alleged events give nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def life(d, type_: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(person, condition, time, place) of each fact of the type."""
    out = []
    for f in d.factoids:
        if f.type == type_:
            place = d.entities[f.place].name if f.place is not None else None
            out.append(
                (d.entities[f.subject].name, f.condition, f.when.value if f.when else None, place)
            )
    return out


def of(d, type_: str, person: str) -> list[tuple]:
    return [x for x in life(d, type_) if x[0].endswith(person)]


@pytest.mark.parametrize(
    ("text", "person", "condition"),
    [
        ("Zinoviev had two heart attacks.", "Zinoviev", "two heart attacks"),
        ("Kamenev had a chronic cardiac condition.", "Kamenev", "chronic cardiac condition"),
        (
            "Nikolai Bukharin had been very poorly and Stalin had suffered from appendicitis.",
            "Bukharin",
            "very poorly",
        ),
        (
            "Nikolai Bukharin had been very poorly and Stalin had suffered from appendicitis.",
            "Stalin",
            "appendicitis",
        ),
        ("Cinna had a fever, and he was alarmed at his dream.", "Cinna", "fever"),
        ("King Charles was taken ill in the morning.", "Charles", "ill"),
        ("Lenin’s own health gave him trouble.", "Lenin", "health"),
        ("Alexander Hamilton was wounded at Weehawken.", "Hamilton", "wounded"),
    ],
)
def test_health_conditions(analysed, text, person, condition):
    d = analysed(text)
    got = of(d, "HEALTH", person)
    assert got and any(condition in (c or "") for _p, c, _t, _pl in got), life(d, "HEALTH")


def test_health_takes_the_date_the_clause_states(analysed):
    d = analysed("Lenin’s own health gave him trouble in 1921.")
    assert [t for _p, _c, t, _pl in of(d, "HEALTH", "Lenin")] == ["1921"]


def test_several_conditions_in_one_sentence_are_one_fact_most_specific_first(analysed):
    d = analysed(
        "The occasion was the sudden deterioration in Lenin’s health on 25 May 1922, when he "
        "suffered a massive stroke while recuperating from surgery."
    )
    got = of(d, "HEALTH", "Lenin")
    assert len(got) == 1, got
    cond = got[0][1]
    assert cond.startswith("massive stroke") and "recuperating from surgery" in cond
    assert got[0][2] == "1922-05-25"


@pytest.mark.parametrize(("text", "relation"), [
    # negated, hypothetical and figurative health
    ("George Washington never had a stroke in all his years at Mount Vernon.", "HEALTH"),
    ("If Lenin had fallen ill, Stalin would have ruled alone.", "HEALTH"),
    ("Lenin was unconscious of his prejudices.", "HEALTH"),
    ("Charles had always been mindful of his health.", "HEALTH"),
    ("He did not appear to have suffered from excess; King Charles was strong.", "HEALTH"),
    # hypothetical, feared or alleged deaths
    ("If Lenin had died in 1918, Trotski would have led the party.", "DIED"),
    ("King Charles was in danger of dying without the sacraments.", "DIED"),
    ("James the First had been accused of poisoning Prince Henry.", "DIED"),
    ("The conspirators plotted the death of Julius Caesar for months.", "DIED"),
    ("Lenin asked Stalin for poison so that he might die if he became paralysed.", "DIED"),
])
def test_unreal_illness_and_death_give_nothing(analysed, text, relation):
    assert not life(analysed(text), relation)


@pytest.mark.parametrize(
    ("text", "person", "time", "place", "condition"),
    [
        ("Yakov Sverdlov died in Moscow in March 1919.", "Sverdlov", "1919-03", "Moscow", None),
        (
            "No one since Sverdlov’s death in March 1919 had got on top of the job.",
            "Sverdlov",
            "1919-03",
            None,
            None,
        ),
        (
            "The Princess Elizabeth died at Carisbrook of a fever in 1650.",
            "Elizabeth",
            "1650",
            None,
            "fever",
        ),
        (
            "After Brutus was killed at Philippi, the army dispersed.",
            "Brutus",
            None,
            None,
            "killed",
        ),
        (
            "At noon on Friday, 6 February 1685, King Charles passed away without a struggle.",
            "Charles",
            "1685-02-06",
            None,
            None,
        ),
    ],
)
def test_died_with_time_place_and_cause(analysed, text, person, time, place, condition):
    d = analysed(text)
    got = of(d, "DIED", person)
    assert got, life(d, "DIED")
    _p, cond, t, pl = got[0]
    if time is not None:
        assert t == time
    if place is not None:
        assert pl is not None and pl.endswith(place)
    if condition is not None:
        assert cond is not None and condition in cond


@pytest.mark.parametrize(
    ("text", "person", "time", "place"),
    [
        ("George Washington was born in Virginia in 1732.", "Washington", "1732", "Virginia"),
        ("Alexander Hamilton, born in 1755, was the youngest delegate.", "Hamilton", "1755", None),
    ],
)
def test_born(analysed, text, person, time, place):
    d = analysed(text)
    got = of(d, "BORN", person)
    assert got and got[0][2] == time, life(d, "BORN")
    if place is not None:
        assert got[0][3] is not None and got[0][3].endswith(place)


def test_a_quotation_is_not_narration(analysed):
    d = analysed('The Duchess said, "The King will die without being reconciled to the Church."')
    assert not life(d, "DIED")


def test_executed_after_arrested_shares_the_passive_subject(analysed):
    d = analysed("Georges Danton was arrested in March 1794 and executed on 5 April 1794.")
    died = [(d.entities[f.subject].name, f.when.value) for f in d.factoids if f.type == "DIED"]
    assert died == [("Georges Danton", "1794-04-05")]
