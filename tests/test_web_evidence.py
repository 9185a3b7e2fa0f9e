"""Evidence sentences cut into marked segments, batched one query per document, are the
same as the two-queries-per-fact way they were made before, on real ingested texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cliograph
from cliograph import query
from cliograph.store import Store
from cliograph.web import views

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "examples" / "plutarch_caesar.txt", ROOT / "examples" / "thayer_washington_ch8.txt"]


def parts_one_at_a_time(store: Store, fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The former ``evidence_parts``, kept here as the reference."""
    ev = fact["evidence"]
    keys = {x["id"] for x in (fact.get("subject"), fact.get("object"), fact.get("body"),
                               fact.get("place")) if x}
    rows = store.db.execute(
        "select start, end, kind, entity_id from mentions where doc_id = ? and start < ?"
        " and end > ?", [ev["doc_id"], ev["end"], ev["start"]]).fetchall()
    raw = store.db.execute("select evidence from facts where id = ?", [fact["id"]]).fetchone()
    text = raw[0] if raw and raw[0] is not None else ev["text"]
    spans = [(s, e, {"kind": k, "id": eid, "key": eid in keys}) for s, e, k, eid in rows]
    parts = views.segments(text, ev["start"], {"m": spans})
    if parts:
        parts[0]["t"] = parts[0]["t"].lstrip()
        parts[-1]["t"] = parts[-1]["t"].rstrip()
    return [p for p in parts if p["t"]]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("evidence") / "evidence.db"
    report = cliograph.ingest(TEXTS, db=db)
    assert report.ok, report.failed
    s = Store(db, create=False)
    yield s
    s.close()


def test_batched_evidence_parts_equal_the_per_fact_ones(store):
    rows = query.fact_rows(store)
    assert len(rows) > 50 and len({r["doc_id"] for r in rows}) == 2
    pairs = [(query.fact_summary(r), r["evidence"]) for r in rows]
    batched = views.evidence_parts(store, pairs)
    reference = [parts_one_at_a_time(store, f) for f, _ in pairs]
    assert batched == reference
    assert sum(1 for parts in batched for p in parts if p["m"] and p["m"]["key"]) > len(rows)


def test_dossier_pages_carry_the_same_evidence_parts(store):
    top = [r[0] for r in store.db.execute(
        "select subject_id from facts group by subject_id order by count(*) desc limit 3")]
    for eid in top:
        data = views.entity(store, eid, limit="1000", per_claim="1000")
        facts = [f for g in data["groups"] for c in g["claims"] for f in c["facts"]]
        assert len(facts) == data["page"]["facts"] > 0
        for f in facts:
            assert f["_parts"] == parts_one_at_a_time(store, f), f["id"]
        assert "_parts" not in views.entity(store, eid, parts=False)["facts"][0]
