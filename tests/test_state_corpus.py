"""The system on a date over a store of every gold chapter (../shared): no office,
membership or event from another century is 'under way' on a day of 1922 or of 1685,
because open tenures end (death, successor, horizon) and events are points."""

from __future__ import annotations

import pytest
from conftest import SHARED, need_shared

import cliograph
from cliograph import query

pytestmark = pytest.mark.model

CHAPTERS = sorted((SHARED / "corpus").glob("*.txt")) + [SHARED / "seed" / "with-lenin.txt"]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    need_shared(SHARED / "corpus", "the corpus chapters")
    for p in [*CHAPTERS, SHARED / "corpus"]:
        need_shared(p, "a gold chapter")
    assert len(CHAPTERS) >= 7, CHAPTERS
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    report = cliograph.ingest(CHAPTERS, db=db)
    assert report.ok
    store = cliograph.open(db)
    yield store
    store.close()


def _lines(state):
    """Every fact id the state stands on, by section."""
    for o in state["offices"]:
        for h in o["holders"]:
            yield "office", h["person"]["name"], [e["fact_id"] for e in h["evidence"]]
    for b in state["bodies"]:
        for m in b["members"]:
            yield "body", m["member"]["name"], [e["fact_id"] for e in m["evidence"]]
    for e in state["events"]:
        yield "event", e["event"]["name"], [f["fact"] for f in e["facts"] + e["participants"]]


@pytest.mark.parametrize(("date", "century"), [("1922-04-03", 1900), ("1685-02-06", 1600)])
def test_the_system_on_a_date_lists_nothing_from_another_century(corpus_store, date, century):
    state = query.state_on(corpus_store, date)
    rows = {r["id"]: r for r in query.all_fact_rows(corpus_store)}
    lines = list(_lines(state))
    assert lines, f"nothing at all on {date}"
    for section, name, facts in lines:
        for fid in facts:
            iv = query.fact_interval(rows[fid])
            assert iv.lo is not None and century <= iv.lo < century + 100, (section, name, rows[fid]["evidence"])
            assert iv.hi is not None and iv.hi < century + 100, (section, name, rows[fid]["evidence"])


def test_the_system_in_44_bc_is_outside_what_the_store_knows(corpus_store):
    state = query.state_on(corpus_store, "-0044")
    assert state["outside"] and not state["offices"]
