"""The Frame API (``relations/frames.py``): who a verb is said of, through coordination,
control, passives, relative clauses and participles, on sentences of other periods."""

from __future__ import annotations

import pytest

from cliograph.pipeline.relations import frames

pytestmark = pytest.mark.model


def _verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(("text", "verb", "subject"), [
    ("Ney, who commanded the rear guard, was captured and shot in Paris.", "commanded", "Ney"),
    ("Ney, who commanded the rear guard, was captured and shot in Paris.", "shot", "Ney"),
    ("The emperor persuaded Murat to attack the bridge.", "attack", "Murat"),
    ("Davout managed to hold the town.", "hold", "Davout"),
])
def test_subject_through_relatives_coordination_and_control(nlp, text, verb, subject):
    assert frames.subject(_verb(nlp, text, verb)).text == subject


def test_agents_of_a_passive_with_their_conjuncts(nlp):
    v = _verb(nlp, "The retreat was ordered by Kutuzov and Barclay.", "ordered")
    assert [t.text for t in frames.agents(v)] == ["Kutuzov", "Barclay"]
    assert frames.agents(_verb(nlp, "Kutuzov ordered the retreat.", "ordered")) == []


def test_subject_tokens_climb_to_the_clause_that_has_them(nlp):
    joined = _verb(nlp, "Blücher and Gneisenau marched north and joined Wellington.", "joined")
    assert [t.text for t in frames.subject_tokens(joined)] == ["Blücher", "Gneisenau"]
    wounded = _verb(nlp, "A general wounded at Ligny died later.", "wounded")
    assert frames.subject_tokens(wounded) == []
    said_of = frames.subject_tokens(wounded, through=("conj", "xcomp", "advcl", "acl"), noun_heads=True)
    assert [t.text for t in said_of] == ["general"]


@pytest.mark.parametrize(("text", "verb", "who"), [
    ("“We shall hold the line,” replied Kutuzov.", "replied", "Kutuzov"),
    ("Metternich rose and declared that Austria would stand aside.", "declared", "Metternich"),
])
def test_speaker_of_a_reporting_verb_after_it_or_up_a_conjunct(nlp, text, verb, who):
    assert frames.speaker(_verb(nlp, text, verb)).text == who
