"""The system on a date shows what the sources support then: events at their own dates,
tenures to their stated or inferred ends (death, successor, the last date attested), and
a word when the date lies outside everything the store knows. Built by direct inserts
(tests/chronicle.py), so no spaCy model is needed."""

from __future__ import annotations

import pytest
from chronicle import add_document

from cliograph import query
from cliograph.store import Store

ENTITIES = {
    "queen-anne": ("PERSON", "Queen Anne"),
    "george": ("PERSON", "George of Hanover"),
    "harley": ("PERSON", "Robert Harley"),
    "monarch": ("OFFICE", "Monarch of Great Britain"),
    "treasurer": ("OFFICE", "Lord Treasurer"),
    "union": ("EVENT", "Union of the Parliaments"),
    "fire": ("EVENT", "Great Fire of Edinburgh"),
}

SENTENCES = [
    ("Anne became Queen on 8 March 1702.",
     [("Anne", "queen-anne")],
     [{"type": "HOLDS_OFFICE", "subject": "queen-anne", "object": "monarch", "time_start": "1702-03-08",
       "time_end": "1714-08-01", "end_basis": "death"}]),
    ("The Union of the Parliaments took effect in May 1707.",
     [("Union of the Parliaments", "union")],
     [{"type": "HAPPENED", "subject": "union", "time_start": "1707-05"}]),
    ("Harley was made Lord Treasurer in May 1711.",
     [("Harley", "harley")],
     [{"type": "HOLDS_OFFICE", "subject": "harley", "object": "treasurer", "time_start": "1711-05",
       "time_end": "1714-08", "end_basis": "horizon", "inferred": 0}]),
    ("Anne died on 1 August 1714, and George was proclaimed king the same day.",
     [("Anne", "queen-anne"), ("George", "george")],
     [{"type": "DIED", "subject": "queen-anne", "time": "1714-08-01"},
      {"type": "HOLDS_OFFICE", "subject": "george", "object": "monarch", "time_start": "1714-08-01",
       "time_end": "1714-08", "end_basis": "horizon"}]),
]


@pytest.fixture(scope="module")
def reign(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("reign") / "reign.db")
    add_document(store, "A Reign", SENTENCES, ENTITIES)
    yield store
    store.close()


def _holders(state, office):
    return [h["person"]["name"] for o in state["offices"] if o["office"]["name"] == office
            for h in o["holders"]]


def test_an_event_without_an_end_is_under_way_only_at_its_date(reign):
    assert [e["event"]["name"] for e in query.state_on(reign, "1707-05-20")["events"]] == [
        "Union of the Parliaments"]
    assert query.state_on(reign, "1710-01-01")["events"] == []


def test_a_reign_ends_at_death_and_the_successor_follows(reign):
    assert _holders(query.state_on(reign, "1710"), "Monarch of Great Britain") == ["Queen Anne"]
    assert _holders(query.state_on(reign, "1714-08-02"), "Monarch of Great Britain") == [
        "George of Hanover"]


def test_an_inferred_end_is_last_attested_and_can_be_left_out(reign):
    state = query.state_on(reign, "1713-01-01")
    (office,) = [o for o in state["offices"] if o["office"]["name"] == "Lord Treasurer"]
    assert office["holders"][0]["last_attested"] == "last attested August 1714"
    assert _holders(query.state_on(reign, "1713-01-01", inferred_ends=False), "Lord Treasurer") == []
    # the sources do attest him at his appointment
    assert _holders(query.state_on(reign, "1711-05-10", inferred_ends=False), "Lord Treasurer") == [
        "Robert Harley"]


def test_a_date_outside_the_store_says_so(reign):
    inside, outside = query.state_on(reign, "1710"), query.state_on(reign, "1922-04-03")
    assert not inside["outside"] and outside["outside"]
    assert outside["offices"] == [] and outside["events"] == []
    assert outside["known"][0].startswith("1702")


def test_when_label_names_an_inferred_end():
    row = {"time_start": "1711-05", "time_end": "1714-08", "end_basis": "horizon"}
    assert query.when_label(row) == "from May 1711, last attested August 1714"
    row = {"time_start": "1702-03-08", "time_end": "1714-08-01", "end_basis": "death"}
    assert query.when_label(row) == "from 8 March 1702, until death (1 August 1714)"


def test_undated_facts_are_listed_apart_and_the_slider_runs_over_dated_years(tmp_path):
    store = Store(tmp_path / "years.db")
    try:
        add_document(store, "Two Centuries", [
            ("Anne became Queen on 8 March 1702.", [("Anne", "queen-anne")],
             [{"type": "ALLY", "subject": "queen-anne", "object": "harley", "time": "1702"}]),
            ("Harley was her friend.", [("Harley", "harley")],
             [{"type": "ALLY", "subject": "harley", "object": "george"}]),
            ("George wrote to Harley in 1922.", [("George", "george")],
             [{"type": "ALLY", "subject": "george", "object": "harley", "time": "1922"}]),
        ], ENTITIES)
        assert query.network(store)["years"] == [1702, 1922]
        assert [f["label"] for f in query.undated(store)] == [
            "Robert Harley allied with George of Hanover"]
        assert all(i["time"] for i in query.timeline(store))
    finally:
        store.close()


def test_an_open_tenure_on_stated_ends_holds_only_at_its_start():
    row = {"type": "HOLDS_OFFICE", "time_start": "1711-05"}
    assert query.fact_interval(row).hi is None                     # open: the next holder may end it
    iv = query.fact_interval(row, inferred_ends=False)
    assert (iv.lo, iv.hi) == query.bounds("1711-05")
    event = {"type": "HAPPENED", "time_start": "1707-05"}
    assert (query.fact_interval(event).lo, query.fact_interval(event).hi) == query.bounds("1707-05")


def test_an_inferred_end_is_not_exported_as_an_end_time(reign):
    import io

    import rdflib

    from cliograph.export import export
    buf = io.StringIO()
    export(reign, "ttl", buf)
    g = rdflib.Graph().parse(data=buf.getvalue(), format="turtle")
    end = rdflib.URIRef("http://www.wikidata.org/prop/qualifier/P582")
    ends = {str(o) for _, _, o in g.triples((None, end, None))}
    bases = {str(o) for s, p, o in g if str(p).endswith("endBasis")}
    assert bases == {"death", "horizon"}
    # Anne's end (death) and Harley's and George's (horizon) are inferred: none is a P582
    assert not ends
