"""`cliograph train --db`: a store's corrections adjust the learned relation layer, and the
store's later ingests read with the adjusted model."""

from __future__ import annotations

from contextlib import closing

import numpy as np
import pytest
from click.testing import CliRunner

from cliograph import corrections, ingest
from cliograph.cli import cli
from cliograph.learn import from_corrections as fc
from cliograph.learn import user_model
from cliograph.learn.features import candidates, rule_facts
from cliograph.learn.logreg import NONE, Model, train
from cliograph.model import SourceText
from cliograph.pipeline import parse_many
from cliograph.pipeline.relations.learned import EXTRACTOR, decide, shipped_model
from cliograph.store import Store

# a town's quarrels, made up: two dinners that a person says are alliances, one
# denunciation that a person says is no opposition at all
GUILD = """The Guild

In 1612 Henry Aldgate dined with Thomas Crewe at the guildhall. Robert Hale dined with
William Cecil at the harbour inn. Aldgate was elected Mayor of Bristol. Crewe denounced
Hale before the Council of Bristol.
"""
SAME_SHAPE = "Walter Pryce dined with Margaret Fenn at the palace in 1650."
OTHER_SHAPE = "Walter Pryce denounced Margaret Fenn at the palace in 1650."


def test_warm_start_keeps_the_start_and_moves_only_what_the_examples_say():
    start = train([["BIAS", "LCA:besiege"], ["BIAS", "LCA:visit"]] * 3, ["OPPOSES", NONE] * 3,
                  ["OPPOSES", "ALLY"], min_count=1)
    start.platt, start.thresholds = (0.9, 0.1), {"OPPOSES": 0.5}
    moved = train([["BIAS", "LCA:dine"]] * 2, ["ALLY"] * 2, [], min_count=1, start=start,
                  l2=fc.ANCHOR, epochs=fc.EPOCHS)
    assert moved.classes == start.classes and moved.thresholds == {"OPPOSES": 0.5}
    assert moved.platt == (0.9, 0.1)
    assert set(start.keys) < set(moved.keys)  # the new feature has a row, the old ones stay
    ally = moved.classes.index("ALLY")
    before, after = start.scores([["BIAS", "LCA:dine"]]), moved.scores([["BIAS", "LCA:dine"]])
    assert after[0, ally] > before[0, ally] + 0.3
    opposes = moved.classes.index("OPPOSES")
    assert moved.scores([["BIAS", "LCA:besiege"]]).argmax() == opposes  # not replaced


@pytest.fixture(scope="module")
def corrected(nlp, tmp_path_factory):
    """A store of GUILD with two facts added and one rejected, and its trained model."""
    tmp = tmp_path_factory.mktemp("train")
    (tmp / "guild.txt").write_text(GUILD, encoding="utf-8")
    db = tmp / "guild.db"
    ingest([tmp / "guild.txt"], db, relations_model="none")
    with closing(Store(db)) as store:
        doc = store.db.execute("select id from documents").fetchone()[0]
        corrections.add(store, doc, type="ALLY", subject="Henry Aldgate", object="Thomas Crewe",
                        evidence="Henry Aldgate dined with Thomas Crewe at the guildhall")
        corrections.add(store, doc, type="ALLY", subject="Robert Hale", object="William Cecil",
                        evidence="Robert Hale dined with\nWilliam Cecil at the harbour inn")
        opposes = store.db.execute("select id from facts where type = 'OPPOSES'").fetchone()[0]
        corrections.reject(store, opposes)
    return db, fc.train_store(db, nlp=nlp)


def scores(nlp, model: Model, text: str, relation: str) -> list[float]:
    d = next(parse_many([SourceText("new.txt", text, "new")], nlp))
    fc.before_layer(d)
    cands = [c for si, s in enumerate(d.sents) for c in candidates(d, si, s, rule_facts(d))]
    assert cands, "the sentence has a pair the layer reads"
    return [float(p[model.classes.index(relation)]) for p in model.scores([c.features for c in cands])]


def test_train_db_learns_added_facts_on_a_sentence_of_the_same_shape(nlp, corrected):
    db, done = corrected
    assert done.examples.counts() == {"ALLY": 4, NONE: 1}  # ALLY both ways; the rejection
    assert done.path == user_model.default_path(db) and done.path.is_file()
    shipped = shipped_model()
    before, after = scores(nlp, shipped, SAME_SHAPE, "ALLY"), scores(nlp, done.model, SAME_SHAPE, "ALLY")
    assert all(a > b + 0.2 for a, b in zip(after, before, strict=True))
    # the decision itself changes: the shipped model ties no pair here, the new one does
    d = next(parse_many([SourceText("new.txt", SAME_SHAPE, "new")], nlp))
    fc.before_layer(d)
    cands = [c for si, s in enumerate(d.sents) for c in candidates(d, si, s, rule_facts(d))]
    assert not list(decide(shipped, d, cands))
    assert {r for _, r, _ in decide(done.model, d, cands)} == {"ALLY"}


def test_pairs_nobody_tied_are_no_relation_and_the_machine_s_unreviewed_facts_no_example(corrected):
    _, done = corrected
    ex = done.examples
    untied = [w.split(":")[0] for w, r in zip(ex.where, ex.reviewed, strict=True) if not r]
    assert "Thomas Crewe / Council of Bristol" in untied
    assert {lab for lab, r in zip(ex.labels, ex.reviewed, strict=True) if not r} == {NONE}
    # the machine's HOLDS_OFFICE, which nobody confirmed or rejected, teaches nothing
    assert not any(w.startswith("Henry Aldgate / Mayor of Bristol") for w in ex.where)
    assert sum(ex.weights(0.5)) == sum(ex.reviewed) + 0.5 * len(untied)


def test_train_db_learns_a_rejection_in_the_corrected_direction(nlp, corrected):
    _, done = corrected
    shipped = shipped_model()
    before = scores(nlp, shipped, OTHER_SHAPE, "OPPOSES")
    after = scores(nlp, done.model, OTHER_SHAPE, "OPPOSES")
    assert after[0] < before[0] - 0.05


def test_the_store_reads_its_next_document_with_its_model(nlp, corrected, tmp_path):
    db, done = corrected
    with closing(Store(db)) as store:
        assert user_model.recorded(store) == str(done.path.resolve())
    (tmp_path / "next.txt").write_text(f"The Palace\n\n{SAME_SHAPE}\n", encoding="utf-8")
    ingest([tmp_path / "next.txt"], db)
    with closing(Store(db, create=False)) as store:
        learned = store.db.execute("select type from facts where extractor = ?", [EXTRACTOR]).fetchall()
    assert ("ALLY",) in learned
    other = tmp_path / "other.db"  # another store reads with the shipped model unless told
    ingest([tmp_path / "next.txt"], other)
    with closing(Store(other, create=False)) as store:
        assert not store.db.execute("select 1 from facts where extractor = ?", [EXTRACTOR]).fetchall()
    ingest([tmp_path / "next.txt"], other, relations_model=done.path)
    with closing(Store(other, create=False)) as store:
        assert store.db.execute("select 1 from facts where extractor = ?", [EXTRACTOR]).fetchall()


def test_worker_processes_read_with_the_chosen_model(corrected, tmp_path):
    _, done = corrected
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"The Palace {name}\n\n{SAME_SHAPE}\n", encoding="utf-8")
    files = [tmp_path / "one.txt", tmp_path / "two.txt"]
    for model, expected in ((done.path, 2), ("shipped", 0)):
        db = tmp_path / f"{expected}.db"
        assert ingest(files, db, jobs=2, relations_model=model).ok
        with closing(Store(db, create=False)) as store:
            found = store.db.execute("select count(distinct doc_id) from facts where extractor = ?",
                                     [EXTRACTOR]).fetchone()[0]
        assert found == expected


def test_the_model_file_round_trips(corrected):
    _, done = corrected
    again = Model.load(done.path)
    batch = [["BIAS", "K:PERSON>PERSON"], ["LCA:dine"]]
    assert np.allclose(again.scores(batch), done.model.scores(batch), atol=1e-2)


def test_cli_train_errors_are_one_line(tmp_path):
    missing = CliRunner().invoke(cli, ["train", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1
    assert "no database" in missing.output
    (tmp_path / "a.txt").write_text(GUILD, encoding="utf-8")
    db = tmp_path / "a.db"
    ingest([tmp_path / "a.txt"], db, relations_model="none")
    empty = CliRunner().invoke(cli, ["train", "--db", str(db)])
    assert empty.exit_code == 2 and len(empty.output.strip().splitlines()) == 1
    assert "nothing to learn from" in empty.output
    gone = CliRunner().invoke(cli, ["ingest", "-q", "--db", str(db), "--relations-model",
                                    str(tmp_path / "gone.npz"), str(tmp_path / "a.txt")])
    assert gone.exit_code == 2 and "no learned model" in gone.output


def test_cli_train_writes_where_told(corrected, tmp_path):
    db, _ = corrected
    out = tmp_path / "m.npz"
    result = CliRunner().invoke(cli, ["train", "--db", str(db), "--out", str(out), "--no-record"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "4 ALLY" in result.output
    with closing(Store(db)) as store:  # --no-record: the store keeps its model
        assert user_model.recorded(store) != str(out.resolve())


def test_a_fact_whose_ends_lie_in_adjacent_sentences_is_learned_from_the_run_time_pair(nlp, tmp_path):
    """The layer reads pairs across a sentence boundary at run time; a person's fact over
    such a pair is an example of that very pair, not an unmatched correction."""
    text = "The Staple\n\nHenry Varley sailed to Calais in 1588. Nicholas Thorne waited for the ship at the quay.\n"
    (tmp_path / "staple.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "staple.db"
    ingest([tmp_path / "staple.txt"], db, relations_model="none")
    with closing(Store(db)) as store:
        doc = store.db.execute("select id from documents").fetchone()[0]
        corrections.add(store, doc, type="ALLY", subject="Henry Varley", object="Nicholas Thorne",
                        evidence="Henry Varley sailed to Calais in 1588. Nicholas Thorne waited for the ship")
        ex = fc.examples(store, nlp)
    assert not ex.unmatched
    taught = [w for w, lab, r in zip(ex.where, ex.labels, ex.reviewed, strict=True) if r and lab == "ALLY"]
    assert taught and taught[0].startswith("Henry Varley / Nicholas Thorne: Henry Varley sailed")
    assert "Thorne waited" in taught[0]  # the evidence is both sentences
