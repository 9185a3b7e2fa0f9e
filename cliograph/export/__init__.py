"""Exporters, one module per format, registered in ``EXPORTERS`` by format name.

Every exporter is a function ``fn(store, out, *, kind=None, type_=None, min_confidence=0.0)``
wrapped in an :class:`Exporter` that says what ``out`` must be:

- ``writes == "stream"``: ``out`` is an open text stream (json, graphml, gexf, jsonld, ttl);
- ``writes == "dir"``: ``out`` is a folder path and the exporter writes several files in it
  (csv: entities.csv, aliases.csv, facts.csv).

:func:`export` takes either an open stream or a path. Given a path it writes a stream format
to ``PATH.part`` and renames it into place when done, and a folder format into the folder
(made if missing), so an interrupted export never leaves a half-written file under the
final name. Every mistake a caller can make (unknown format, a stream for a folder format,
an unwritable path) is a one-line :class:`~cliograph.errors.UsageError`.

    >>> import os, cliograph
    >>> export(cliograph.open("cliograph.db"), "ttl", "demo.ttl")
    >>> export(cliograph.open("cliograph.db"), "csv", "demo-csv/")
    >>> sorted(os.listdir("demo-csv"))
    ['aliases.csv', 'entities.csv', 'facts.csv']
"""

from __future__ import annotations

import json as _json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal

from ..errors import UsageError
from ..store import Store
from .csv import write_csv
from .gexf import write_gexf
from .graphml import write_graphml
from .json import write_json
from .rdf import write_jsonld, write_ttl

ExportFn = Callable[..., None]


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, what it writes to, and the function that writes it."""

    name: str
    fn: ExportFn
    writes: Literal["stream", "dir"] = "stream"
    suffix: str = ""  # file name ending for a stream format ("" for a folder format)
    media_type: str = "application/octet-stream"
    description: str = ""

    def __call__(self, store: Store, out: IO[str] | str | os.PathLike[str],
                 **options: object) -> None:
        self.fn(store, out, **options)


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter("json", write_json, "stream", ".json", "application/json",
             "the spec format (spec/facts.md) that the scorer reads"),
    Exporter("csv", write_csv, "dir", "", "text/csv",
             "a folder with entities.csv, aliases.csv and facts.csv"),
    Exporter("graphml", write_graphml, "stream", ".graphml", "application/graphml+xml",
             "GraphML for Gephi, Cytoscape and yEd: entities as nodes, facts as edges"),
    Exporter("gexf", write_gexf, "stream", ".gexf", "application/gexf+xml",
             "GEXF 1.3, dynamic: Gephi's timeline plays the network over time"),
    Exporter("jsonld", write_jsonld, "stream", ".jsonld", "application/ld+json",
             "JSON-LD linked data, Wikidata properties and reified factoids"),
    Exporter("ttl", write_ttl, "stream", ".ttl", "text/turtle",
             "Turtle linked data, Wikidata properties and reified factoids"),
)}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``json`` export (``export/schema.json``)."""
    return _json.loads(resources.files(__package__).joinpath("schema.json").read_text("utf-8"))


def formats() -> list[str]:
    """The export format names, sorted."""
    return sorted(EXPORTERS)


def get_exporter(fmt: str) -> Exporter:
    """The exporter for a format name, or a one-line UsageError listing the formats."""
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise UsageError(
            f"unknown export format '{fmt}'; choose one of: {', '.join(formats())}"
        ) from None


def export(store: Store, fmt: str, out: IO[str] | str | os.PathLike[str],
           **options: object) -> None:
    """Write the store in a format to an open text stream or to a path.

    ``out`` is an open text stream or a file path for stream formats, and a folder path
    for folder formats (``EXPORTERS[fmt].writes == "dir"``, i.e. csv).

    Example:
        >>> export(store, "ttl", "facts.ttl", min_confidence=0.6)
        >>> with open("facts.ttl", encoding="utf-8") as f:
        ...     f.readline().startswith("@prefix")
        True
    """
    exporter = get_exporter(fmt)
    if isinstance(out, str | os.PathLike):
        _export_to_path(store, exporter, Path(out), options)
        return
    if exporter.writes == "dir":
        raise UsageError(
            f"the {fmt} export writes a folder of files; give a folder path (--out DIR),"
            " not a stream")
    exporter.fn(store, out, **options)


def _export_to_path(store: Store, exporter: Exporter, path: Path,
                    options: dict[str, object]) -> None:
    if exporter.writes == "dir":
        if path.exists() and not path.is_dir():
            raise UsageError(f"{path} is a file; the {exporter.name} export needs a folder path")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        try:
            exporter.fn(store, path, **options)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    if path.is_dir():
        raise UsageError(f"{path} is a folder; the {exporter.name} export writes one file")
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            exporter.fn(store, fh, **options)
        tmp.replace(path)
    except OSError as exc:
        _remove(tmp)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["EXPORTERS", "Exporter", "export", "formats", "get_exporter", "json_schema"]
