"""Words whose kind depends on their use ('congress': a body by name, a meeting when
numbered) are named once in ``lexicon.json``'s ``ambiguous_heads`` with the kind of each
use; no other kind table of the lexicon names them, and no word sits in two kind tables
with contradicting kinds. Sentences are of other periods than the gold chapters'."""

from __future__ import annotations

import pytest

from cliograph import rules
from cliograph.pipeline.mentions import guess_kind

KIND_TABLES = {"body_heads": "BODY", "event_heads": "EVENT", "place_heads": "PLACE", "office_heads": "OFFICE",
               "office_lower_heads": "OFFICE", "policy_heads": "POLICY", "faction_heads": "FACTION",
               "event_need_modifier": "EVENT", "collegiate_offices": "OFFICE", "rising_groups": "FACTION"}


def _raw_kinds() -> dict[str, set[str]]:
    raw = rules.load_json("lexicon.json")
    kinds: dict[str, set[str]] = {}
    for table, kind in KIND_TABLES.items():
        for word in raw.get(table, []):
            kinds.setdefault(word.lower(), set()).add(kind)
    for word, kind in raw["definite_kinds"].items():
        kinds.setdefault(word, set()).add(kind)
    return kinds


def test_no_word_is_of_two_kinds_in_the_kind_tables():
    contradicting = {w: k for w, k in _raw_kinds().items() if len(k) > 1}
    assert contradicting == {}


def test_an_ambiguous_head_is_named_only_among_the_ambiguous():
    raw = rules.load_json("lexicon.json")
    ambiguous = set(raw["ambiguous_heads"]) - {"_doc"}
    assert {"congress", "council"} <= ambiguous
    assert ambiguous.isdisjoint(_raw_kinds())


def test_loading_gives_each_use_of_an_ambiguous_head_its_kind():
    lex = rules.lexicon()
    assert "congress" in lex.body_heads and "congress" in lex.event_heads
    assert lex.definite_kinds["congress"] == "EVENT" and lex.definite_kinds["council"] == "BODY"
    assert "council" not in lex.event_heads
    assert lex.numbered_kinds["congress"] == lex.numbered_kinds["council"] == "EVENT"


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The Third Congress of the guilds met at Lyons.", "Third Congress", "EVENT"),
    ("The Second Council of the bishops sat at Lyons.", "Second Council", "EVENT"),
    ("The Continental Congress raised an army.", "Continental Congress", "BODY"),
    ("The Privy Council advised the queen.", "Privy Council", "BODY"),
])
def test_an_ordinal_makes_a_meeting_and_a_name_a_body(nlp, text, name, kind):
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    assert guess_kind(doc[start:start + len(name.split())]) == kind
