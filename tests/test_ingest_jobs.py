"""``ingest(..., jobs=N)``: worker processes analyse, the parent writes; the database must be
the same as with one process, and a bad file is reported, not fatal."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys

import pytest

from cliograph import ingest

DOCS = {
    "a_congress.txt": (
        "In March 1921 the Tenth Party Congress met in Moscow. Finance Commissar Sokolnikov "
        "spoke for the New Economic Policy. Lenin’s wife Nadezhda Krupskaya was there.\n\n"
        "Stalin was appointed General Secretary in April 1922. Trotsky opposed him.\n"),
    "b_caesar.txt": (
        "Caesar was appointed dictator for life in 44 BC. Brutus and Cassius opposed Caesar. "
        "On the Ides of March 44 BC Caesar was killed in the Senate.\n"),
    "c_washington.txt": (
        "George Washington was elected President of the United States in 1789. John Adams "
        "became Vice President. Hamilton supported the Constitution.\n"),
}

TABLES = ("documents", "sentences", "entities", "aliases", "mentions", "facts", "footnotes")


def snapshot(db) -> dict[str, list]:
    """Every row of every table, minus surrogate keys and the ingest time."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in con.execute(f"pragma table_info({table})")
                    if r[1] != "ingested_at" and not (r[1] == "id" and r[2] == "INTEGER")]
            out[table] = sorted(map(repr, con.execute(f"select {', '.join(cols)} from {table}")))
        return out
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")  # a bad file among them
    return folder


def test_jobs_2_stores_the_same_as_jobs_1_and_reports_the_bad_file(tmp_path, corpus):
    reports, snaps = {}, {}
    for jobs in (1, 2):
        db = tmp_path / f"j{jobs}.db"
        reports[jobs] = ingest([corpus, tmp_path / "missing.txt"], db=db, jobs=jobs)
        snaps[jobs] = snapshot(db)
    for jobs, report in reports.items():
        assert [d.path.rsplit(os.sep, 1)[-1] for d in report.ingested] == sorted(DOCS), jobs
        failed = sorted(str(e) for e in report.failed)
        assert len(failed) == 2 and "b_empty.txt" in failed[0] and "missing.txt" in failed[1]
    assert {t: len(rows) for t, rows in snaps[2].items()} == \
        {t: len(rows) for t, rows in snaps[1].items()}
    assert snaps[1]["facts"], "the documents should yield facts"
    assert snaps[2] == snaps[1]  # same entities (same ids), same facts, same offsets
    assert [(d.doc_id, d.entities, d.facts) for d in reports[2].ingested] == \
        [(d.doc_id, d.entities, d.facts) for d in reports[1].ingested]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the crash is injected into forked workers")
def test_a_worker_that_dies_fails_its_file_only(tmp_path, corpus, monkeypatch):
    module = sys.modules["cliograph.ingestion"]
    real_read = module.read

    def read(path):
        if "b_caesar" in str(path):
            os._exit(3)  # as if killed for memory
        return real_read(path)

    monkeypatch.setattr(module, "read", read)
    report = ingest([corpus], db=tmp_path / "x.db", jobs=2)
    assert sorted(d.path.rsplit(os.sep, 1)[-1] for d in report.ingested) == \
        ["a_congress.txt", "c_washington.txt"]
    died = [str(e) for e in report.failed if "b_caesar" in str(e)]
    assert len(died) == 1 and "worker process" in died[0]


def test_jobs_must_not_be_negative(tmp_path, corpus):
    from cliograph.errors import UsageError

    with pytest.raises(UsageError):
        ingest([corpus], db=tmp_path / "x.db", jobs=-1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parse_failure_fails_its_file_not_its_batch(tmp_path, corpus, monkeypatch, jobs):
    if jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the failure is injected into forked workers")
    module = sys.modules["cliograph.ingestion"]
    real_parse = module.parse_many

    def parse_many(sources, nlp, batch_size=8):
        for d in real_parse(sources, nlp, batch_size):
            if "Caesar" in d.source.text:
                raise RuntimeError("the parser gave up")
            yield d

    monkeypatch.setattr(module, "parse_many", parse_many)
    report = ingest([corpus], db=tmp_path / "x.db", jobs=jobs, batch_size=8)
    assert sorted(d.path.rsplit(os.sep, 1)[-1] for d in report.ingested) == \
        ["a_congress.txt", "c_washington.txt"]
    assert any("b_caesar" in str(e) and "the parser gave up" in str(e) for e in report.failed)
