"""What the stages remember about a document lives in ``Document.cache``: named, typed,
one per document; no stage reaches into ``Document.__dict__``. The shared word lists
(appointing verbs, unreal heads) and the named limits are read from the rule files."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from cliograph.pipeline.document import DocumentCache
from cliograph.pipeline.quotations import in_quotation
from cliograph.rules import lexicon, limits, load_json
from cliograph.rules.words import words

PACKAGE = Path(__file__).resolve().parent.parent / "cliograph"


def test_no_module_reads_an_objects_dict():
    readers = []
    for path in sorted((PACKAGE / "pipeline").rglob("*.py")) + sorted((PACKAGE / "learn").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "__dict__":
                readers.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert readers == []


def test_cache_fields_start_empty_and_are_not_shared():
    a, b = DocumentCache(), DocumentCache()
    a.told_happened.add(1)
    a.event_parties.add((0, 1))
    assert b.told_happened == set() and b.event_parties == set()
    assert b.quoted_chars is None and b.attributions is None


@pytest.mark.model
def test_quotation_spans_are_remembered_per_document(analysed):
    d = analysed("Kutuzov told Prince Bagration, “Hold the road until dark.” Bagration held it.")
    inside = next(t for t in d.doc if t.text == "road")
    outside = next(t for t in d.doc if t.text == "held")
    assert in_quotation(d, inside) and not in_quotation(d, outside)
    (starts, ends) = d.cache.quoted_chars
    assert len(starts) == len(ends) == 1 and d.text[starts[0]:ends[0]].startswith("“Hold the road")
    other = analysed("Bagration held the road until dark.")
    assert not any(in_quotation(other, t) for t in other.doc)


@pytest.mark.model
def test_a_battle_happens_once_however_often_it_is_placed(analysed):
    d = analysed("The battle of Leipzig was fought near Leipzig in 1813. "
                 "After the battle of Leipzig at Leipzig, Napoleon retreated.")
    happened = [d.entities[f.subject].name for f in d.factoids if f.type == "HAPPENED"]
    assert happened.count("battle of Leipzig") == 1
    assert "battle of Leipzig" in {d.entities[e].name for e in d.cache.told_happened}


# ------------------------------------------------------------------ one word list each


def test_shared_word_lists_hold_each_word_once():
    lex = lexicon()
    assert not lex.appoint_verbs & lex.appoint_to_post_verbs
    assert not lex.appoint_verbs & lex.acclaim_verbs
    assert not lex.unreal_heads & words().event.unreal_heads
    raw = load_json("lexicon.json")
    for key in ("held_titles", "post_words", "appoint_verbs", "appoint_to_post_verbs", "acclaim_verbs",
                "unreal_heads"):
        assert len(raw[key]) == len(set(raw[key])), key


@pytest.mark.model
@pytest.mark.parametrize(("text", "held"), [
    ("The Prussians appointed Blücher commander in 1813.", {("Blücher", "commander")}),
    ("Soult was elected deputy in 1849.", {("Soult", "deputy")}),
    # only intended: no office held
    ("The Prussians had proposed to appoint Blücher commander.", set()),
])
def test_appointing_verbs_and_unreal_heads_from_the_lexicon(analysed, text, held):
    d = analysed(text)
    got = {(d.entities[f.subject].name, d.entities[f.object].name) for f in d.factoids
           if f.type == "HOLDS_OFFICE"}
    assert got == held


@pytest.mark.model
def test_an_acclaimed_title_is_an_office_mention(analysed):
    d = analysed("The legions hailed Vitellius emperor in 69.")
    assert ("emperor", "OFFICE") in {(e.name, e.kind) for e in d.entities}


# ------------------------------------------------------------------ named limits


def test_every_named_limit_is_read_by_a_module():
    """A window or weight in ``limits.json`` that no module reads would be a setting that
    changes nothing."""
    data = json.loads((PACKAGE / "rules" / "limits.json").read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "pipeline").rglob("*.py"))
    for group, values in data.items():
        if group.startswith("_"):
            continue
        for name in values:
            assert f"limits().{group}.{name}" in source, f"{group}.{name} is read nowhere"
    assert limits().sentences_back.pronoun >= 1


@pytest.mark.parametrize(("model", "name", "group", "key", "value", "where"), [
    pytest.param("Limits", "limits.json", "tokens", "policy_name", "seven", r"limits.json: tokens.policy_name",
                 id="a_limit_that_is_no_number"),
    pytest.param("Lexicon", "lexicon.json", "definite_kinds", "junta", "JUNTA", r"lexicon.json: definite_kinds.junta",
                 id="a_definite_kind_that_is_no_entity_kind"),
    pytest.param("Lexicon", "lexicon.json", "ambiguous_heads", "diet",
                 {"name": "BODY", "numbered": "MEETING", "common": None},
                 r"lexicon.json: ambiguous_heads.diet.numbered",
                 id="an_ambiguous_heads_use_that_is_no_entity_kind"),
    pytest.param("words.EntityStageWords", "entities.json", "mentions", "collective_groups", {"augurs": "COLLEGE"},
                 r"entities.json: mentions.collective_groups.augurs", id="a_stage_word_list_of_the_wrong_shape"),
])
def test_a_malformed_rule_file_names_itself_and_the_field(monkeypatch, model, name, group, key, value, where):
    from operator import attrgetter

    from cliograph import rules
    from cliograph.errors import RuleError
    from cliograph.rules import words  # noqa: F401 - rules.words, for the schemas it holds

    good = rules.load_json(name)
    bad = {**good, group: {**good[group], key: value}}
    monkeypatch.setattr(rules, "load_json", lambda _: bad)
    with pytest.raises(RuleError, match=where):
        rules.validated(attrgetter(model)(rules), name)
