"""One predicate for 'this clause reports something that happened'
(``relations.base.happened``), which the stance, events, battles and passage rules all
ask: negation, modals, conditions, refusals, hopes and plans, on sentences of other periods."""

from __future__ import annotations

import importlib

import pytest

from cliograph.pipeline.relations import base

pytestmark = pytest.mark.model


def _verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(("text", "verb", "real"), [
    ("The Directory dissolved the Council of Five Hundred in 1799.", "dissolved", True),
    ("The Directory never dissolved the Council.", "dissolved", False),
    ("The Directory would have dissolved the Council.", "dissolved", False),
    ("If the guild expelled the weavers, the town would starve.", "expelled", False),
    ("If the duke chose to abolish the tithe, the bishops resisted.", "abolish", False),
    ("The chancellor determined not yet to dismiss the diet.", "dismiss", False),
    ("The senators declined to support the bill of the tribune.", "support", False),
    ("The barons hoped to depose the regent before winter.", "depose", False),
    ("The synod was to meet at Nicaea in the spring.", "meet", False),
    ("The estates will meet at Blois.", "meet", False),
    ("The estates met at Blois and voted the subsidy.", "voted", True),
])
def test_a_clause_happened_unless_negated_modal_conditional_refused_hoped_or_planned(nlp, text, verb, real):
    assert base.happened(_verb(nlp, text, verb)) is real


@pytest.mark.parametrize(("text", "verb"), [
    ("The senators declined to support the bill of the tribune.", "support"),
    ("The barons hoped to depose the regent before winter.", "depose"),
    ("The estates will meet at Blois.", "meet"),
    ("If the duke chose to abolish the tithe, the bishops resisted.", "abolish"),
    ("The chancellor determined not yet to dismiss the diet.", "dismiss"),
])
def test_what_happened_adds_to_what_is_asserted(nlp, text, verb):
    """The clauses ``asserted`` alone lets through: a refusal, a hope, a plan, a condition
    or 'not yet' above them."""
    v = _verb(nlp, text, verb)
    assert base.asserted(v) and not base.happened(v)


@pytest.mark.parametrize("module", ["stance", "events", "battles", "passage"])
def test_every_extractor_asks_the_same_predicate(module):
    extractor = importlib.import_module(f"cliograph.pipeline.relations.{module}")
    assert extractor._real is base.happened
