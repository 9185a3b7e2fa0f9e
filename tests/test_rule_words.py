"""Rules are data: the English word lists the stages read live in ``cliograph/rules/*.json``,
each validated by its schema (``rules/__init__.py``, ``rules/words.py``); Python keeps only
the language's closed classes (pronouns, articles, prepositions, modals), dependency
labels, word endings and the like (issue 18)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from cliograph import rules
from cliograph.rules import words

PIPELINE = Path(rules.__file__).resolve().parent.parent / "pipeline"
WORD = re.compile(r"^[a-z][a-z’'\- ]*$")
DEPENDENCIES = {"acl", "acomp", "advcl", "advmod", "amod", "appos", "attr", "aux", "auxpass", "cc", "ccomp",
                "compound", "conj", "csubj", "dative", "dobj", "iobj", "mark", "neg", "nmod", "npadvmod", "nsubj",
                "nsubjpass", "oprd", "parataxis", "pcomp", "pobj", "poss", "preconj", "prep", "prt", "relcl",
                "xcomp", "punct", "det", "expl", "agent", "nummod", "quantmod", "case", "dep", "intj", "meta",
                "predet", "csubjpass"}
#: closed-class words spaCy's stop list leaves out
CLOSED = {"theirs", "thy", "shall", "ought", "lest", "near", "outside", "amid", "amidst", "like", "including"}
#: lists of lower-case strings that are not English words of a rule: word endings, prefixes,
#: month names, number words, name particles, the extractors' and event classes' own names
NOT_RULE_WORDS = {
    ("coref.py", "ANIMATE_ENDINGS"), ("entities.py", "DEMONYM_ENDINGS"), ("entities.py", "PEOPLE_ENDINGS"),
    ("entities.py", "LAND_ENDINGS"), ("base.py", "DEMONYM_ENDINGS"), ("stance.py", "PEOPLE_ENDINGS"),
    ("entities.py", "CONTRARY"), ("mentions.py", "MONTHS"), ("entities.py", "ORDINALS"),
    ("entities.py", "ROMAN_VALUES"), ("mentions.py", "PARTICLES"), ("mentions.py", "FOREIGN_AND"),
    ("mentions.py", "GERMAN_ARTICLES"), ("__init__.py", "EXTRACTORS"), ("passage.py", "FIGHTS"),
    ("base.py", "HOPE_FORMS"),  # the forms the tagger lemmatises as 'hop'
    ("variants.py", "ROOT_ENDINGS"), ("mentions.py", "NUMBER_WORDS"),
}


def _word_lists():
    """(file, name, words) for each module-level literal collection of lower-case words."""
    for path in sorted(PIPELINE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("frozenset", "set", "tuple") \
                    and value.args:
                value = value.args[0]
            elts = value.keys if isinstance(value, ast.Dict) else \
                value.elts if isinstance(value, (ast.Set, ast.Tuple, ast.List)) else []
            found = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if isinstance(target, ast.Name) and len(elts) >= 3 and len(found) == len(elts) \
                    and all(WORD.match(w) for w in found):
                yield path.name, target.id, found


def test_the_guard_sees_a_word_list_written_in_python(tmp_path, monkeypatch):
    (tmp_path / "extractor.py").write_text('RESIGN = {"resign", "abdicate", "retire"}\nSUBJ = ("nsubj", "nsubjpass")\n')
    monkeypatch.setattr(f"{__name__}.PIPELINE", tmp_path)
    assert [(f, n) for f, n, _ in _word_lists()] == [("extractor.py", "RESIGN")]


def test_no_stage_writes_an_english_word_list_in_python():
    in_python = {(f, n): [w for w in ws if w not in STOP_WORDS | DEPENDENCIES | CLOSED]
                 for f, n, ws in _word_lists() if (f, n) not in NOT_RULE_WORDS}
    assert {k: v for k, v in in_python.items() if v} == {}, "move these lists to cliograph/rules/*.json"


@pytest.mark.parametrize(("module", "name", "loaded"), [
    ("cliograph.pipeline.relations.offices", "SERVE", lambda: words.extractor_words().office.serve),
    ("cliograph.pipeline.relations.offices", "PEERAGE", lambda: words.extractor_words().office.peerage),
    ("cliograph.pipeline.relations.membership", "PLAY_FOR", lambda: words.extractor_words().membership.play_for),
    ("cliograph.pipeline.relations.passage", "BLADES", lambda: words.extractor_words().passage.blades),
    ("cliograph.pipeline.relations.stance", "WALKOUT_VERBS", lambda: words.extractor_words().stance.walkout_verbs),
    ("cliograph.pipeline.mentions", "COLLECTIVE_GROUPS", lambda: words.entity_words().mentions.collective_groups),
    ("cliograph.pipeline.entities", "SOVEREIGN_POSTS", lambda: words.entity_words().entities.sovereign_posts),
    ("cliograph.pipeline.coref", "SUCCESSION", lambda: words.entity_words().coref.succession),
])
def test_a_stage_reads_its_words_from_the_rule_files(module, name, loaded):
    import importlib

    assert getattr(importlib.import_module(module), name) is loaded()


def test_loaded_lists_keep_their_shape():
    assert words.extractor_words().membership.play_for["play"] == ("for", "player")  # a pair, as the rule unpacks it
    assert words.entity_words().entities.sovereign_posts[0] == "king"  # a tuple keeps its order
    assert words.entity_words().mentions.collective_groups["augurs"] == "BODY"


@pytest.mark.parametrize("loader", [rules.lexicon, rules.limits, words.words, words.stance_words, words.policy_words,
                                    words.policy_phrases, words.entity_words, words.extractor_words])
def test_every_rule_file_loads_through_its_schema(loader):
    assert loader() is loader()  # read and validated once


def test_no_stage_reads_a_word_file_around_its_schema():
    schema_files = ("lexicon", "limits", "relations", "stance", "policies", "policy_phrases", "entities", "extractors")
    raw = [f"{p.name}: {m}" for p in PIPELINE.rglob("*.py")
           for m in re.findall(r"load_json\(\"(\w+)\.json\"\)", p.read_text(encoding="utf-8"))
           if m in schema_files]
    assert raw == []


def test_the_extractors_own_lists_are_no_word_classes_of_the_learned_layer():
    """``extractors.json`` holds what the rules read alone: the learned layer's word classes
    (every list of ``relations.json`` and ``stance.json``) stay the ones it was trained on."""
    from cliograph.learn.features import word_classes

    own = rules.load_json("extractors.json")
    classes = {c for names in word_classes().values() for c in names}
    assert "oppose_verbs" in classes and "event.occur_verbs" in classes
    own_lists = {field if section == "stance" else f"{section}.{field}"
                 for section, fields in own.items() if section != "_doc" for field in fields}
    assert {"walkout_verbs", "event.planned", "office.serve"} <= own_lists
    assert own_lists.isdisjoint(classes)
