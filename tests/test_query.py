"""cliograph.query on a store of known facts (tests/chronicle.py): no spaCy model needed."""

from __future__ import annotations

import pytest
from chronicle import build

from cliograph import query
from cliograph.errors import UsageError
from cliograph.store import Store


@pytest.fixture(scope="module")
def chron(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("chronicle") / "chronicle.db")
    build(store)
    yield store
    store.close()


@pytest.mark.parametrize(("edtf", "expected"), [
    ("1922", (1922.0, 1923.0)),
    ("1922-04", (1922 + 90 / 365, 1922 + 120 / 365)),
    ("1922-04-08", (1922 + 97 / 365, 1922 + 98 / 365)),
    ("-0082", (-81.0, -80.0)),            # 82 BC is astronomical year -81
    ("-0001", (0.0, 1.0)),                # 1 BC is year 0: no gap before AD 1
    ("0001", (1.0, 2.0)),
    ("192X", (1920.0, 1930.0)),
    ("14XX", (1400.0, 1500.0)),
    ("1920/1921", (1920.0, 1922.0)),
    ("1919/..", (1919.0, None)),
    ("../1923", (None, 1924.0)),
    ("~1922", (1922.0, 1923.0)),
])
def test_query_bounds_cover_the_stated_precision(edtf, expected):
    lo, hi = query.bounds(edtf)
    assert lo == pytest.approx(expected[0]) if expected[0] is not None else lo is None
    assert hi == pytest.approx(expected[1]) if expected[1] is not None else hi is None


@pytest.mark.parametrize("edtf", ["", "abc", "1922-13", "1922-02-30", "../.."])
def test_query_bounds_unreadable_is_none(edtf):
    assert query.bounds(edtf) is None


@pytest.mark.parametrize(("edtf", "label"), [
    ("1922-04-08", "8 April 1922"),
    ("1922-04", "April 1922"),
    ("1922-22", "summer 1922"),
    ("-0044-03-15", "15 March 44 BC"),
    ("-0082", "82 BC"),
    ("1920/1921", "1920–1921"),
    ("1919/..", "from 1919"),
    ("~1922", "c. 1922"),
    ("192X", "1920s"),
])
def test_query_date_label_reads_as_a_historian_writes(edtf, label):
    assert query.date_label(edtf) == label


@pytest.mark.parametrize("bad", ["", "yesterday", "1922-13-01", "1922-02-30", "0", "1922/1923",
                                 "<script>", "1922-05-01T00:00"])
def test_query_parse_date_rejects_with_one_line(bad):
    with pytest.raises(UsageError) as exc:
        query.parse_date(bad)
    assert "\n" not in str(exc.value)
    assert "YYYY-MM-DD" in str(exc.value)


def test_query_bc_days_order_before_ad():
    assert query.parse_date("-0044-03-15")[0] < query.parse_date("0001")[0]
    assert query.iso_day(query.parse_date("-0044-03-15")[0]) == "-000043-03-15"
    assert query.edtf_day(query.parse_date("-0044-03-15")[0]) == "-0044-03-15"


def _holders(state, office):
    return [h["person"]["name"] for o in state["offices"] if o["office"]["name"] == office
            for h in o["holders"]]


def test_query_state_on_lists_general_secretary_from_start_only_fact(chron):
    state = query.state_on(chron, "1922-05-01")
    assert _holders(state, "General Secretary") == ["Joseph Stalin"]
    office = next(o for o in state["offices"] if o["office"]["name"] == "General Secretary")
    holder = office["holders"][0]
    # both sources stand behind the line, each with its sentence
    assert {e["doc_title"] for e in holder["evidence"]} == {"A Chronicle of the Secretariat",
                                                            "A Second Source"}
    assert all(e["text"] and e["end"] > e["start"] for e in holder["evidence"])
    assert _holders(state, "Responsible Secretary") == ["Vyacheslav Molotov"]


def test_query_state_on_before_the_appointment_has_no_general_secretary(chron):
    assert _holders(query.state_on(chron, "1921-06-01"), "General Secretary") == []


@pytest.mark.parametrize(("date", "holder"), [
    ("-0060", ["Sulla"]),               # from 82 BC until the next holder (49 BC)
    ("-0045-06-01", ["Julius Caesar"]),  # from 49 BC until his death
    ("-0040", []),                      # after Caesar's death, nobody is recorded
])
def test_query_state_on_tenure_runs_until_next_holder_or_death(chron, date, holder):
    assert _holders(query.state_on(chron, date), "Dictator") == holder


def test_query_state_on_bodies_policies_events(chron):
    state = query.state_on(chron, "1921-03-10")
    assert [e["event"]["name"] for e in state["events"]] == ["Kronstadt mutiny"]
    nep = next(p for p in state["policies"] if p["policy"]["name"] == "New Economic Policy")
    assert nep["status"] == ["decided"]
    later = query.state_on(chron, "1923-11-01")
    assert [b["body"]["name"] for b in later["bodies"]] == ["Left Opposition"]
    assert later["bodies"][0]["members"][0]["roles"] == ["leader"]


def test_query_state_on_invalid_date(chron):
    with pytest.raises(UsageError, match="invalid date 'May 1922'"):
        query.state_on(chron, "May 1922")


def test_query_holders_over_time(chron):
    rows = query.holders(chron, "dictator")
    assert [(r["person"]["name"], r["to_basis"]) for r in rows] == [
        ("Sulla", "next holder"), ("Julius Caesar", "death")]
    assert rows[0]["successor"]["name"] == "Julius Caesar"


def test_query_timeline_ranges_points_and_precision(chron):
    items = {i["label"]: i for i in query.timeline(chron)}
    stalin = [i for i in query.timeline(chron) if i["label"].startswith("Joseph Stalin holds")]
    assert {(i["type"], i["kind"]) for i in stalin} == {("range", "tenure")}
    assert {i["start"] for i in stalin} == {"1922-01-01", "1922-04-01"}
    decided = items["Politburo decides New Economic Policy"]
    assert decided["type"] == "point" and decided["start"] == "1921-02-08"
    stroke = items["Lenin: first stroke"]  # month only: drawn over the month
    assert stroke["type"] == "range" and stroke["precision"] == "month"
    assert (stroke["start"], stroke["end"]) == ("1922-05-01", "1922-06-01")
    death = items["Julius Caesar died at Rome"]
    assert death["start"] == "-000043-03-15"  # BC, astronomical, as JavaScript reads it
    inferred = items["Joseph Stalin supports New Economic Policy"]
    assert inferred["inferred"] is True and "(inferred)" in inferred["when"]


def test_query_timeline_filters(chron):
    only = query.timeline(chron, entity="Lenin")
    assert only and all("lenin" in {(i["subject"] or {}).get("id"), (i["object"] or {}).get("id")}
                        for i in only)
    events = query.timeline(chron, kinds=["EVENT"])
    assert [i["group"] for i in events] == ["HAPPENED"]
    assert [i["group"] for i in query.timeline(chron, types=["died"])] == ["DIED"]
    with pytest.raises(UsageError, match="unknown kind 'ROBOT'"):
        query.timeline(chron, kinds=["robot"])
    with pytest.raises(UsageError, match="no entity named"):
        query.timeline(chron, entity="Nobody At All")


def test_query_network_window_changes_nodes_and_edges(chron):
    everything = query.network(chron)
    assert {e["type"] for e in everything["edges"]} == {"ALLY", "OPPOSES", "MEMBER_OF", "KIN"}
    assert {n["kind"] for n in everything["nodes"]} <= {"PERSON", "BODY", "FACTION"}
    y1921 = query.network(chron, window=("1921", "1921"))
    y1924 = query.network(chron, window=("1924", "1924"))
    types_1921 = {e["type"] for e in y1921["edges"]}
    types_1924 = {e["type"] for e in y1924["edges"]}
    assert types_1921 == {"ALLY", "OPPOSES", "KIN"}       # KIN is undated: at all times
    assert types_1924 == {"MEMBER_OF", "KIN"}             # membership from October 1923 on
    names_1921 = {n["name"] for n in y1921["nodes"]}
    names_1924 = {n["name"] for n in y1924["nodes"]}
    assert "Grigori Zinoviev" in names_1921 and "Grigori Zinoviev" not in names_1924
    assert "Left Opposition" in names_1924 and "Left Opposition" not in names_1921
    at = query.network(chron, at="1921-06-01")
    assert {e["type"] for e in at["edges"]} == types_1921
    edge = everything["edges"][0]
    assert {"id", "source", "target", "type", "when", "evidence"} <= edge.keys()
    with pytest.raises(UsageError, match="empty time window"):
        query.network(chron, window=("1923", "1921"))


@pytest.mark.parametrize(("q", "expected"), [
    ("Stalin", '"Stalin"*'),
    ('Stalin" OR name:x*', '"Stalin"* AND "OR"* AND "name"* AND "x"*'),
    ("NEAR(a b) -c ^d", '"NEAR"* AND "a"* AND "b"* AND "c"* AND "d"*'),
    ("Cæsar b", '("Cæsar"* OR "Caesar") AND "b"*'),
    ("  ", None),
    ('"', None),
])
def test_query_fts_query_quotes_every_token(q, expected):
    assert query.fts_query(q) == expected


@pytest.mark.parametrize("q", ['"', "Stalin AND", "NEAR(", "name:", "*", "(", "Stalin\"", "a OR"])
def test_query_search_never_passes_fts_syntax(chron, q):
    result = query.search(chron, q)
    assert isinstance(result["sentences"], list)


def test_query_search_names_aliases_sentences(chron):
    result = query.search(chron, "Stalin")
    assert result["entities"][0]["id"] == "joseph-stalin"
    assert "Stalin" in result["entities"][0]["matched"]
    assert result["total_sentences"] == 4
    assert any(hit for s in result["sentences"] for _, hit in s["parts"])
    assert query.search(chron, "Zinov")["entities"][0]["id"] == "grigori-zinoviev"  # prefix


def test_query_middle_date(chron):
    middle = query.middle_date(chron)
    assert middle and query.parse_date(middle)


@pytest.mark.parametrize(("typed", "found"), [
    ("Cæsar", "julius-caesar"),     # a ligature typed, the name spelled out
    ("caesar", "julius-caesar"),
    ("Trotski", "leon-trotsky"),    # a transliteration variant
    ("Zinoviev", "grigori-zinoviev"),
])
def test_query_search_finds_names_however_spelled(chron, typed, found):
    result = query.search(chron, typed)
    assert result["entities"] and result["entities"][0]["id"] == found


def test_query_spellings_leave_common_words_alone():
    assert query.spellings("army") == ["army"]
    assert query.spellings("Cæsar") == ["Cæsar", "Caesar"]
    assert "Tchernov" in query.spellings("Chernov")


def test_query_fact_places_puts_known_places_on_the_map(chron):
    places = query.fact_places(chron)
    assert [p["name"] for p in places["points"]] == ["Rome"]
    assert places["points"][0]["country"] == "IT" and places["points"][0]["facts"] >= 1
    assert query.fact_places(chron, types=["KIN"])["points"] == []
