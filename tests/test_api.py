"""The public Python API mirrors the CLI: one call per command."""

from __future__ import annotations

import io
import json

import pytest

import cliograph
from cliograph.export import export


def test_api_all_names_exist_and_are_documented():
    for name in cliograph.__all__:
        obj = getattr(cliograph, name)
        if callable(obj) and not isinstance(obj, type(cliograph)):
            assert obj.__doc__, f"{name} has no docstring"


def test_api_open_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(cliograph.StoreError, match="no database at"):
        cliograph.open(tmp_path / "nope.db")


@pytest.mark.model
def test_api_ingest_then_query_in_python(tmp_path):
    src = tmp_path / "rome.txt"
    src.write_text("In 44 BC Caesar was made dictator for life. Brutus and Cassius hated Caesar. "
                   "On the Ides of March the conspirators murdered Caesar in the Senate.\n")
    report = cliograph.ingest([src], db=tmp_path / "rome.db")
    assert report.ok and report.ingested[0].facts >= 1
    store = cliograph.open(tmp_path / "rome.db")
    caesar = store.entity("Caesar")
    assert caesar["kind"] == "PERSON"
    assert any(f["subject_id"] == caesar["id"] or f["object_id"] == caesar["id"]
               for f in store.facts(entity_id=caesar["id"]))
    assert isinstance(cliograph.timeline(store), list)
    assert {"nodes", "edges"} <= set(cliograph.network(store))
    assert "offices" in cliograph.state_on(store, "-0044")
    out = io.StringIO()
    export(store, "json", out)
    assert json.loads(out.getvalue())["entities"]
