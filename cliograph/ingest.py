"""Ingest: read files, run the pipeline, store each document in its own transaction.

Bad files do not stop a batch: each is reported with its problem and the good ones are
stored. A document either lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import CliographError, SourceError, UsageError
from .model import SourceText
from .nlp import load, model_id
from .pipeline import parse_many, run_stages, to_analysis
from .readers import iter_sources, read
from .store import DEFAULT_DB, Store

Progress = Callable[[str, int, int], None]


@dataclass
class Ingested:
    path: str
    doc_id: str
    title: str
    entities: int
    facts: int


@dataclass
class IngestReport:
    """What an ingest did: the documents stored and the files that failed, with why."""

    ingested: list[Ingested] = field(default_factory=list)
    failed: list[SourceError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def pipeline_id(nlp_id: str) -> str:
    return f"cliograph-{__version__}+{nlp_id}"


def ingest(paths: Iterable[str | Path], db: str | Path | Store = DEFAULT_DB, *,
           model: str | None = None, progress: Progress | None = None,
           batch_size: int = 8) -> IngestReport:
    """Read, analyse and store files and folders.

    Example:
        >>> report = ingest(["examples/"], db="demo.db")   # doctest: +SKIP
        >>> [d.title for d in report.ingested]              # doctest: +SKIP
        ['Macaulay James2 Accession', ...]
    """
    paths = list(paths)
    if not paths:
        raise UsageError("nothing to ingest: give one or more files or folders")
    report = IngestReport()
    files: list[Path] = []
    for p in paths:
        try:
            files.extend(iter_sources([p]))
        except SourceError as exc:
            report.failed.append(exc)
    store = db if isinstance(db, Store) else Store(db)
    try:
        nlp = load(model)
        pipeline = pipeline_id(model_id(nlp))
        total = len(files)

        def sources() -> Iterator[SourceText]:
            for path in files:
                try:
                    yield read(path)
                except SourceError as exc:
                    report.failed.append(exc)
                    if progress:
                        progress(str(path), len(report.ingested) + len(report.failed), total)

        for d in parse_many(sources(), nlp, batch_size=batch_size):
            try:
                analysis = to_analysis(run_stages(d))
                doc_id = store.write(analysis, pipeline)
            except CliographError as exc:
                report.failed.append(SourceError(d.source.path, str(exc)))
                continue
            except Exception as exc:  # a pipeline bug must not lose the rest of the batch
                report.failed.append(SourceError(
                    d.source.path, f"internal error while analysing ({type(exc).__name__}: {exc});"
                    " please report it"))
                continue
            report.ingested.append(Ingested(
                d.source.path, doc_id, d.source.title, len(analysis.entities), len(analysis.factoids)))
            if progress:
                progress(d.source.path, len(report.ingested) + len(report.failed), total)
    finally:
        if not isinstance(db, Store):
            store.close()
    return report
