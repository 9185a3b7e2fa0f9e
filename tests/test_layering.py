"""The package's layers: what may import what, and what starts without spaCy.

The store reads and writes rows and knows nothing of the pipeline that fills it or of
the surfaces that read it; the pipeline knows nothing of where its results go; the
questions (``query``) know nothing of the web app. Reading a store (the web app, the
exports, ``import cliograph.store``) never loads spaCy or the rule files.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cliograph"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(path: Path, in_functions: bool = True) -> set[str]:
    """The cliograph modules ``path`` imports anywhere (inside functions too, unless not
    ``in_functions``), outside ``if TYPE_CHECKING:`` blocks, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if not in_functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # a submodule, maybe
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m == "cliograph" or m.startswith("cliograph.")}


GRAPH = {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}
#: What merely importing a package runs (a function's own imports run when it is called).
ON_IMPORT = {module_name(p): imports(p, in_functions=False) for p in PACKAGE.rglob("__init__.py")}


def reachable(start: str) -> set[str]:
    """Every cliograph module that ``start`` or its functions may load: their imports and
    their imports' imports, and what importing the packages they live in runs."""
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        if m in seen or m not in GRAPH:
            continue
        seen.add(m)
        # a package: what importing it runs (``from cliograph import timex`` does not call
        # ``cliograph.open``, whose own import of the store waits for a call)
        todo.extend(ON_IMPORT[m] if m in ON_IMPORT and m != start else GRAPH[m])
        parent = m.rpartition(".")[0]
        while parent:
            todo.extend(ON_IMPORT.get(parent, ()))
            parent = parent.rpartition(".")[0]
    return seen


def under(layer: str) -> list[str]:
    return sorted(m for m in GRAPH if m == layer or m.startswith(layer + "."))


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("cliograph.store", ("cliograph.pipeline", "cliograph.query", "cliograph.export",
                         "cliograph.web", "cliograph.ingestion", "cliograph.nlp", "cliograph.rules")),
    ("cliograph.query", ("cliograph.web", "cliograph.pipeline", "cliograph.nlp")),
    ("cliograph.pipeline", ("cliograph.store", "cliograph.web", "cliograph.query",
                            "cliograph.export")),
])
def test_a_layer_never_imports_the_ones_above_it(layer, forbidden):
    modules = under(layer)
    assert modules, f"no module under {layer}"
    for m in modules:
        bad = sorted(x for x in reachable(m) if x.startswith(forbidden))
        assert not bad, f"{m} imports {bad}"


def test_the_graph_sees_imports_inside_functions():
    # ingest imports spaCy's loader at the top; the CLI imports ingestion inside a command
    assert "cliograph.nlp" in GRAPH["cliograph.ingestion"]
    assert "cliograph.ingestion" in GRAPH["cliograph.cli"]
    assert "cliograph.pipeline" in reachable("cliograph.ingestion")


READ_ONLY = r"""
import sys
from pathlib import Path
from click.testing import CliRunner

import cliograph.store
from cliograph.store import Store

db = Path(sys.argv[1])
Store(db).close()
assert "spacy" not in sys.modules, "import cliograph.store"
from cliograph.cli import cli
result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "json"])
assert result.exit_code == 0, result.output
result = CliRunner().invoke(cli, ["entities", "--db", str(db)])
assert result.exit_code == 0, result.output
from cliograph.web import make_app
make_app(str(db))
import cliograph
cliograph.timeline(cliograph.open(db))
loaded = sorted(m for m in sys.modules if m == "spacy" or m.startswith(("spacy.",
                "cliograph.pipeline", "cliograph.rules", "cliograph.nlp", "cliograph.ingestion")))
assert not loaded, loaded
print("ok")
"""


def test_reading_a_store_never_loads_spacy(tmp_path):
    done = subprocess.run([sys.executable, "-c", READ_ONLY, str(tmp_path / "empty.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_ingest_and_its_report_are_still_the_package_s():
    import cliograph
    from cliograph import IngestReport, ingest
    from cliograph.ingestion import IngestReport as Report
    from cliograph.ingestion import ingest as ingest_fn

    assert ingest is ingest_fn and IngestReport is Report and cliograph.ingest is ingest_fn
    with pytest.raises(AttributeError):
        cliograph.no_such_name  # noqa: B018 - the attribute access is the test


@pytest.mark.parametrize("module", ["cliograph.learn.features", "cliograph.learn.from_corrections",
                                    "cliograph.pipeline.relations.learned", "cliograph.store.review",
                                    "cliograph.query"])
def test_each_module_imports_first_in_a_fresh_interpreter(module):
    # the package's __init__ no longer imports everything first: every entry point has to
    # work alone (learn.features and the pipeline import each other)
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
