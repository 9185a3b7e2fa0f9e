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
