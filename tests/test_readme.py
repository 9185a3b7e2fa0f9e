"""The README's tour, run as written: every `cliograph` command of its first code block
against the demo's store, and its Python blocks as doctests, in a folder laid out like the
checkout."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from cliograph.cli import cli
from cliograph.web import make_app

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after: str, lang: str = "") -> str:
    rest = README[README.index(after):]
    return re.search(rf"```{lang}\n(.*?)```", rest, re.S).group(1)


def _tour_commands() -> list[list[str]]:
    lines = [line.split("  #")[0].strip() for line in _block("## A short tour").splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("cliograph ")]


PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.fixture
def checkout(demo_checkout):
    """A folder with the examples and the demo's store, as after `make demo`."""
    return demo_checkout


def test_readme_tour_lists_the_commands_it_promises():
    verbs = [c[0] for c in _tour_commands()]
    assert verbs == ["ingest", "entities", "entities", "show", "export", "serve"]


@pytest.mark.parametrize("args", [c for c in _tour_commands() if c[0] != "serve"],
                         ids=lambda a: " ".join(a))
def test_readme_tour_command_works_as_written(checkout, monkeypatch, args):
    monkeypatch.chdir(checkout)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    if args[0] == "show":
        assert result.output.startswith("Cæsar  PERSON")
    if args[:2] == ["entities", "--name"]:
        assert "Cæsar" in result.output
    if args[0] == "export":
        assert (checkout / "facts.json").stat().st_size > 1000


def test_readme_tour_serve_opens_the_demo_store(checkout):
    app = make_app(checkout / "cliograph.db")
    assert app.state.store.counts()["documents"] >= 4


def test_readme_python_blocks_are_doctests():
    # a block without prompts would be checked by nothing
    assert PYTHON_BLOCKS and all(block.lstrip().startswith(">>> ") for block in PYTHON_BLOCKS)


@pytest.mark.parametrize("n", range(len(PYTHON_BLOCKS)))
def test_readme_python_block_runs_as_written(checkout, monkeypatch, n):
    monkeypatch.chdir(checkout)
    test = doctest.DocTestParser().get_doctest(PYTHON_BLOCKS[n], {}, f"README.md python block {n + 1}",
                                               str(ROOT / "README.md"), 0)
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0 and runner.tries == len(test.examples) > 0, "".join(report)
    assert (checkout / "facts.ttl").stat().st_size > 1000
