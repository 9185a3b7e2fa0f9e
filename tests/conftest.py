"""Shared fixtures: the English pipeline (loaded once), a fresh store, and the seed chapter
read from ../shared when it is there (it is copyrighted and never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cliograph.model import Entity, SourceText
from cliograph.nlp import load
from cliograph.pipeline import Document, analyse, parse_many, run_stages
from cliograph.store import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "with-lenin.txt"
GOLD = SHARED / "gold" / "with-lenin.json"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load()


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


def need_shared(path: Path, what: str) -> Path:
    """``path`` from ../shared, or a skip where it is absent: never under CI, which has it,
    so that a test meant to run on the seed or the corpus cannot pass by skipping there."""
    if not path.exists():
        message = f"{what} is not beside this checkout ({path})"
        if os.environ.get("CI"):
            pytest.fail(message + ", and CI must have it")
        pytest.skip(message)
    return path


def pairs(d: Document, type_: str) -> set[tuple[str, str | None]]:
    """The (subject, object) names of a document's facts of one type."""
    return {(d.entities[f.subject].name, d.entities[f.object].name if f.object is not None else None)
            for f in d.factoids if f.type == type_}


def entity_named(d: Document, alias: str) -> Entity | None:
    """The entity a document calls ``alias`` (its name or one of its aliases), or None."""
    return next((e for e in d.entities if alias == e.name or alias in e.aliases), None)


def the_entity(d: Document, alias: str) -> Entity:
    """``entity_named``, failing where the document has no such entity (so that two missing
    names never compare as one entity)."""
    e = entity_named(d, alias)
    if e is None:
        raise AssertionError(f"no entity with alias {alias!r}: {[e.name for e in d.entities]}")
    return e


@pytest.fixture(scope="session")
def demo_checkout(tmp_path_factory) -> Path:
    """A folder laid out like the checkout after ``cliograph demo``: ``examples/`` and the
    demo's store ``cliograph.db`` of them (no ../shared beside it, so no seed chapter:
    what the README and the docstrings show holds for every reader)."""
    import shutil

    from click.testing import CliRunner

    from cliograph.cli import cli

    folder = tmp_path_factory.mktemp("checkout")
    shutil.copytree(EXAMPLES, folder / "examples")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        result = CliRunner().invoke(cli, ["demo", "--quiet"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED, "the seed chapter")


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    return analyse(SourceText(str(seed_path), text, "With Lenin"), nlp)


@pytest.fixture(scope="session")
def analysed(nlp):
    """Run the whole pipeline on an inline text; returns the Document."""
    def run(text: str) -> Document:
        d = next(parse_many([SourceText("inline.txt", text, "inline")], nlp))
        return run_stages(d)
    return run
