"""One reading of EDTF values for the store, the query layer, the exports and the web
(cliograph.edtf, issue 18): BC years as facts.md writes them, arithmetic on the
astronomical line."""

from __future__ import annotations

import pytest

from cliograph import edtf, query, timex
from cliograph.export._common import edtf_bounds
from cliograph.export._common import fact_interval as export_interval


@pytest.mark.parametrize(("value", "lo"), [
    ("-0082", -81.0),   # 82 BC (facts.md: no year zero) is astronomical year -81
    ("-0044-03-15", None),
    ("-0001", 0.0),     # 1 BC is year 0 on the line, so AD 1 follows with no gap
    ("0001", 1.0),
    ("1922", 1922.0),
])
def test_every_reader_puts_a_year_at_the_same_place(value, lo):
    here = edtf.bounds(value)
    assert here is not None
    if lo is not None:
        assert here[0] == lo
    assert query.bounds(value) == here
    assert edtf_bounds(value) == here
    assert timex.sort_key(value) == pytest.approx(here[0], abs=1e-4)
    assert edtf.sort_key(value) == here[0]
    assert export_interval({"time": value}) == here
    iv = query.fact_interval({"time": value})
    assert (iv.lo, iv.hi) == here


def test_bc_dates_are_as_long_as_ad_ones_and_in_order():
    lo, hi = edtf.bounds("-0044")
    assert hi - lo == 1.0
    keys = [edtf.sort_key(v) for v in ("-0100", "-0082-07", "-0044-03-15", "-0001", "0001")]
    assert keys == sorted(keys)
    assert edtf.date_label("-0044-03-15") == "15 March 44 BC"
    assert edtf.edtf_day(edtf.bounds("-0044-03-15")[0]) == "-0044-03-15"  # and back again


def test_sets_and_open_ends():
    assert edtf.bounds("[1667,1668]") == (1667.0, 1669.0)
    assert edtf.sort_key("../1922") == 1923.0  # only its end is known
    assert edtf.sort_key("1922-02-30") is None


# The web JSON gives a BC value the same bounds: the timeline's item, the network's edge
# and the state on a date all place the fact where ``edtf.bounds`` does.
BC_VALUES = ["-0082", "-0044-03-15", "-0479/-0478"]
BC_ENTITIES = {"athens": ("PLACE", "Athens"), "sparta": ("PLACE", "Sparta"),
               "persian-war": ("EVENT", "Persian war")}


@pytest.fixture(scope="module")
def bc_client(tmp_path_factory):
    import warnings

    from chronicle import add_document

    from cliograph.store import Store
    from cliograph.web import make_app

    with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    db = tmp_path_factory.mktemp("bc") / "bc.db"
    store = Store(db)
    sentences = [(f"In the {n + 1}th year Athens and Sparta made a pact and the Persian war went on.",
                  [("Athens", "athens"), ("Sparta", "sparta"), ("Persian war", "persian-war")],
                  [{"type": "ALLY", "subject": "athens", "object": "sparta", "time": value},
                   {"type": "HAPPENED", "subject": "persian-war", "time": value}])
                 for n, value in enumerate(BC_VALUES)]
    add_document(store, "Ancient Alliances", sentences, BC_ENTITIES)
    store.close()
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        yield c


def _json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("value", BC_VALUES)
def test_the_web_json_puts_a_bc_value_where_edtf_does(bc_client, value):
    lo, hi = edtf.bounds(value)
    items = [i for i in _json(bc_client, "/timeline.json")["items"] if i["time"] == value]
    assert [(i["lo"], i["hi"]) for i in items] == [(lo, hi), (lo, hi)]  # the pact and the war
    assert {i["start"] for i in items} == {edtf.iso_day(lo)}
    war = next(i["id"] for i in items if i["group"] == "HAPPENED")
    edges = [e for e in _json(bc_client, "/network.json")["edges"] if e["time"] == value]
    assert [(e["lo"], e["hi"]) for e in edges] == [(lo, hi)]
    day = 1 / 366

    def war_on(f: float) -> bool:
        events = _json(bc_client, f"/state.json?date={edtf.edtf_day(f)}")["state"]["events"]
        return any(f["fact"] == war for e in events for f in e["facts"])

    assert war_on(lo) and war_on(hi - day)  # its first and last days
    assert not war_on(lo - day) and not war_on(hi + day / 2)  # the days either side
