"""The examples in the library's docstrings run, and show what they print.

Examples that need a store run in a folder laid out like the checkout after
``cliograph demo`` (``examples/`` and its ``cliograph.db``), with ``store`` open on it;
the others (names, dates, the language check) need nothing. An example marked
``+SKIP`` is one that writes: an ingest (the README's doctest runs it) or a correction.
"""

from __future__ import annotations

import doctest
import importlib

import pytest

import cliograph

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: modules whose examples need nothing but themselves
PURE = ["cliograph.names", "cliograph.gazetteer", "cliograph.language", "cliograph.export._common"]
#: modules whose examples read the demo's store
ON_A_STORE = ["cliograph", "cliograph.query", "cliograph.dossier", "cliograph.export",
              "cliograph.store.db"]


def _tests(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    found = doctest.DocTestFinder().find(module, name)
    return [t for t in found if t.examples]


def _run(test: doctest.DocTest, globs: dict[str, object]) -> tuple[doctest.DocTestRunner, str]:
    test.globs.update(globs)
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append)
    return runner, "".join(report)


@pytest.mark.parametrize("name", PURE)
def test_pure_examples_print_what_they_show(name):
    tests = _tests(name)
    assert tests, f"{name} has no examples left"
    for test in tests:
        runner, report = _run(test, {})
        assert runner.failures == 0 and runner.tries, report


@pytest.mark.model
@pytest.mark.parametrize("name", ON_A_STORE)
def test_examples_on_the_demo_store_print_what_they_show(demo_checkout, monkeypatch, name):
    monkeypatch.chdir(demo_checkout)
    store = cliograph.open(demo_checkout / "cliograph.db")
    from cliograph.dossier import dossier
    from cliograph.export import export

    ran = 0
    try:
        for test in _tests(name):
            runner, report = _run(test, {"cliograph": cliograph, "store": store, "export": export,
                                         "dossier": dossier})
            assert runner.failures == 0, report
            ran += runner.tries  # skipped examples are not tried
    finally:
        store.close()
    assert ran, f"every example of {name} is skipped"


def test_the_public_api_examples_are_not_skipped():
    """What the API offers has an example that runs (``+SKIP`` only where it writes)."""
    from cliograph.dossier import dossier
    from cliograph.export import export
    from cliograph.store import Store

    shown = [cliograph.open, cliograph.timeline, cliograph.network, cliograph.state_on, export,
             dossier, Store.entity]
    for fn in shown:
        doc = fn.__doc__ or ""
        examples = doctest.DocTestParser().get_examples(doc)
        assert examples, f"{fn.__qualname__} has no example"
        assert not any(e.options.get(doctest.SKIP) for e in examples), f"{fn.__qualname__} skips one"
