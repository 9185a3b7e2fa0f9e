"""Ingest: read files, run the pipeline, store each document in its own transaction.

Bad files do not stop a batch: each is reported with its problem and the good ones are
stored. A document either lands whole or not at all.

With ``jobs=1`` everything runs in this process and the documents stream through
``nlp.pipe`` in batches. With ``jobs=N`` (N > 1) N worker processes each load the model
once and read, clean, parse and run the stages of one batch of files at a time; only the
finished ``Analysis`` (plain dataclasses, never a spaCy ``Doc``) comes back, and this
process, the store's one writer, writes the documents in input order. Either way at most a few
documents are in memory at once, however many files there are, and the database ends up
the same: same rows, same entity ids, same facts.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from . import __version__, timex
from .corrections import describe
from .errors import CliographError, SourceError, UsageError
from .language import language_warning
from .learn import user_model
from .learn.logreg import Model
from .model import SourceText
from .nlp import load, model_id
from .pipeline import Analysis, parse_many, run_stages, to_analysis
from .pipeline.relations.learned import set_model, shipped_model, use_model
from .readers import iter_sources, read
from .store import DEFAULT_DB, Store

Progress = Callable[[str, int, int], None]

#: Tasks in flight per worker: enough to keep every worker busy while the parent
#: writes, few enough that memory does not depend on the number of files.
IN_FLIGHT_PER_JOB = 2

#: A parse batch holds at most ``batch_size`` documents and, beyond its first, at most
#: this many characters. spaCy's peak memory while parsing is about 3 kB per character
#: of the batch (the parser's and NER's per-token feature tables), so 8 chapters of 45k
#: characters in one batch peak at 1.1 GB where one at a time peaks at 0.33 GB, for the
#: same CPU time; short documents still go eight at a time.
BATCH_CHARS = 60_000

T = TypeVar("T")


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
    warnings: list[str] = field(default_factory=list)
    """One line per stored file that is suspect, naming it: e.g. not English."""
    lost: list[dict] = field(default_factory=list)
    """The user's corrections whose fact or entity a re-ingested file no longer has
    (kept in the store, applied again if the target comes back)."""

    @property
    def ok(self) -> bool:
        return not self.failed


def pipeline_id(nlp_id: str) -> str:
    return f"cliograph-{__version__}+{nlp_id}"


def default_jobs() -> int:
    """The cores this process may use (``jobs=0`` means this many)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest(paths: Iterable[str | Path], db: str | Path | Store = DEFAULT_DB, *,
           model: str | None = None, progress: Progress | None = None,
           batch_size: int = 8, jobs: int = 1, reference_date: str | None = None,
           relations_model: str | Path | None = None) -> IngestReport:
    """Read, analyse and store files and folders.

    ``relations_model`` is the learned relation layer's model: a file (``cliograph
    train`` writes one from a store's corrections), ``"shipped"`` or ``"none"``; by
    default the one recorded in the store, else the shipped one (``learn.user_model``).

    ``reference_date`` (EDTF: ``2013-03-15``, ``-0044``) is the documents' own date, which
    their relative dates ('last June', 'four years ago') are read against.

    ``jobs`` is the number of processes that parse and analyse (0: one per core); the
    stored result does not depend on it.

    Example:
        >>> report = ingest(["examples/"], db="demo.db")   # doctest: +SKIP
        >>> [d.title for d in report.ingested]              # doctest: +SKIP
        ['Macaulay James2 Accession', ...]
    """
    paths = list(paths)
    if not paths:
        raise UsageError("nothing to ingest: give one or more files or folders")
    if jobs < 0:
        raise UsageError(f"jobs must be 0 (one per core) or more, not {jobs}")
    if reference_date is not None and timex.normalise(reference_date) is None:
        raise UsageError(f"reference date '{reference_date}' is not a date (YYYY, YYYY-MM or"
                         " YYYY-MM-DD; -0044 for 44 BC)")
    global _REFERENCE_DATE
    _REFERENCE_DATE = reference_date
    report = IngestReport()
    files: list[Path] = []
    ignored: list[Path] = []
    for p in paths:
        try:
            files.extend(iter_sources([p], skipped=report.failed, ignored=ignored))
        except SourceError as exc:
            report.failed.append(exc)
    if ignored:
        names = ", ".join(str(f) for f in ignored[:5]) + (f" and {len(ignored) - 5} more" if len(ignored) > 5 else "")
        report.warnings.append(f"skipped {len(ignored)} file(s) of a type cliograph does not read"
                               f" ({names}): it reads .txt, .md, .html, .epub and .pdf")
    jobs = min(jobs or default_jobs(), max(len(files), 1))
    store = db if isinstance(db, Store) else Store(db)
    try:
        learned, _ = user_model.chosen(store, None if relations_model is None else str(relations_model),
                                       shipped_model())
        run = _ingest_parallel if jobs > 1 else _ingest_serial
        with use_model(learned):
            run(files, store, report, model=model, progress=progress, batch_size=batch_size,
                jobs=jobs, learned=learned)
    finally:
        if not isinstance(db, Store):
            store.close()
    return report


# ------------------------------------------------------------------ shared

#: The reference date of the current ingest (worker processes get it on start).
_REFERENCE_DATE: str | None = None


def _read(path: str | Path) -> SourceText:
    """``read``, with the reference date given on ingest as the document's own date."""
    source = read(path)
    return replace(source, date=_REFERENCE_DATE) if _REFERENCE_DATE else source


def batches(items: Iterable[T], size: int, length: Callable[[T], int],
            max_chars: int = BATCH_CHARS) -> Iterator[list[T]]:
    """Consecutive groups of at most ``size`` items and (past the first) ``max_chars``."""
    group: list[T] = []
    chars = 0
    for item in items:
        n = length(item)
        if group and (len(group) >= size or chars + n > max_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += n
    if group:
        yield group


def _too_long(source: SourceText, max_length: int) -> SourceError | None:
    """spaCy refuses a text over ``nlp.max_length`` with an exception that would end the
    whole batch; refuse the file instead, in one line, and go on with the others."""
    if len(source.text) <= max_length:
        return None
    return SourceError(source.path, f"too long to analyse in one piece ({len(source.text):,}"
                       f" characters; the limit is {max_length:,}): split it into chapters")


def _store_one(store: Store, report: IngestReport, path: str, analysis: Analysis,
               pipeline: str) -> None:
    try:
        doc_id = store.write(analysis, pipeline)
    except CliographError as exc:
        report.failed.append(SourceError(path, str(exc)))
        return
    for note in (*analysis.source.notes, language_warning(analysis.source.text)):
        if note:
            report.warnings.append(f"{path}: {note}")
    for c in store.lost:
        report.lost.append(c)
        what = "could not be applied" if c["status"] == "failed" else "lost its target"
        report.warnings.append(f"{path}: correction #{c['id']} ({describe(c)}) {what};"
                               f" `cliograph corrections --status {c['status']}` lists them")
    report.ingested.append(Ingested(
        path, doc_id, analysis.source.title, len(analysis.entities), len(analysis.factoids)))


def _internal_error(exc: BaseException) -> str:
    return (f"internal error while analysing ({type(exc).__name__}: {exc});"
            " please report it")


def _parse_group(group: list[SourceText], nlp: Language) -> list[tuple[SourceText, Any]]:
    """Clean and parse a batch: ``(source, Document)``, or ``(source, problem)`` for a
    source spaCy fails on. A failure inside ``nlp.pipe`` would take the whole batch with
    it, so the batch is then parsed again one source at a time to find the culprit."""
    try:
        return [(d.source, d) for d in parse_many(group, nlp, batch_size=len(group))]
    except Exception as exc:
        if len(group) == 1:
            return [(group[0], _internal_error(exc))]
    return [pair for source in group for pair in _parse_group([source], nlp)]


def _analyse_parsed(d) -> Analysis | str:  # noqa: ANN001 - a pipeline Document
    """Stages and offset mapping for one parsed document, or the reason it failed."""
    try:
        return to_analysis(run_stages(d))
    except SourceError as exc:
        return exc.problem
    except CliographError as exc:
        return str(exc)
    except Exception as exc:  # a pipeline bug must not lose the rest of the batch
        return _internal_error(exc)


# ------------------------------------------------------------------ one process


def _ingest_serial(files: list[Path], store: Store, report: IngestReport, *,
                   model: str | None, progress: Progress | None, batch_size: int,
                   jobs: int, learned: Model | None = None) -> None:
    nlp = load(model)
    pipeline = pipeline_id(model_id(nlp))
    total = len(files)

    def tick(path: str) -> None:
        if progress:
            progress(path, len(report.ingested) + len(report.failed), total)

    def sources() -> Iterator[SourceText]:
        for path in files:
            try:
                source = _read(path)
                too_long = _too_long(source, nlp.max_length)
                if too_long:
                    raise too_long
                yield source
            except SourceError as exc:
                report.failed.append(exc)
                tick(str(path))

    for group in batches(sources(), max(batch_size, 1), lambda s: len(s.text)):
        for source, d in _parse_group(group, nlp):
            result = d if isinstance(d, str) else _analyse_parsed(d)
            if isinstance(result, str):
                report.failed.append(SourceError(source.path, result))
            else:
                _store_one(store, report, source.path, result, pipeline)
            tick(source.path)


# ------------------------------------------------------------------ worker processes

_WORKER_MODEL: str | None = None


#: PR_SET_PDEATHSIG, from <linux/prctl.h>.
_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it ends, even by ``kill -9``.

    A killed parent cannot shut its pool down, and its workers would wait for work
    forever. On Linux the kernel sends SIGKILL when the parent dies; elsewhere, and as a
    second line, a thread notices that the parent has changed (the worker was adopted).
    """
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:  # died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="cliograph-parent-watch").start()


def _worker_init(model: str | None, parent: int, reference_date: str | None = None,
                 learned: Model | None = None) -> None:
    global _WORKER_MODEL, _REFERENCE_DATE
    _die_with_parent(parent)
    _WORKER_MODEL, _REFERENCE_DATE = model, reference_date
    set_model(learned)


def _worker_model_id() -> str:
    """Load the model in a worker (raising ModelError if it cannot) and name it."""
    return model_id(load(_WORKER_MODEL))


Outcome = tuple[str, str, "Analysis | str"]  # (path, "ok" | "failed", analysis | problem)


def _worker_analyse(paths: list[str]) -> list[Outcome]:
    """A batch of files through read, clean, parse (one ``nlp.pipe`` batch) and stages, in
    a worker process, in order.

    Problems come back as strings, because not all of our exceptions survive pickling,
    and a spaCy ``Doc`` never leaves the worker: only plain dataclasses do.
    """
    failed: dict[str, str] = {}
    sources = []
    for path in paths:
        try:
            source = _read(path)
            too_long = _too_long(source, load(_WORKER_MODEL).max_length)
            if too_long:
                raise too_long
            sources.append(source)
        except SourceError as exc:
            failed[path] = exc.problem
        except Exception as exc:
            failed[path] = _internal_error(exc)
    analysed: dict[str, Analysis | str] = {}
    if sources:
        for source, d in _parse_group(sources, load(_WORKER_MODEL)):
            analysed[source.path] = d if isinstance(d, str) else _analyse_parsed(d)
    out: list[Outcome] = []
    for path in paths:
        result = failed.get(path, analysed.get(path, "internal error: no result"))
        out.append((path, "failed" if isinstance(result, str) else "ok", result))
    return out


def _context() -> multiprocessing.context.BaseContext:
    """fork where there is one: workers start at once, sharing the imported modules."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _executor(jobs: int, model: str | None, learned: Model | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                               initializer=_worker_init,
                               initargs=(model, os.getpid(), _REFERENCE_DATE, learned))


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _ingest_parallel(files: list[Path], store: Store, report: IngestReport, *,
                     model: str | None, progress: Progress | None, batch_size: int,
                     jobs: int, learned: Model | None = None) -> None:
    """Workers analyse, this process writes, in input order, a bounded window at a time.

    A task is a parse batch, formed as in one process (``batches``, by file size). If a
    worker dies (killed for memory, a crash in native code) the pool breaks and every
    task in flight fails with it; their files are then retried one at a time in a fresh
    pool of one worker, so only the file that kills its worker is reported.
    """
    total = len(files)
    # few files: smaller batches, so that every worker gets some
    size = max(1, min(batch_size, total // (jobs * IN_FLIGHT_PER_JOB)))
    queue: deque[tuple[list[str], bool]] = deque(  # (paths, retry)
        ([str(p) for p in group], False) for group in batches(files, size, _file_size))
    pipeline: str | None = None
    if _context().get_start_method() == "fork":
        load(model)  # forked workers inherit the loaded pipeline instead of each loading it

    def done(path: str, status: str, result: Analysis | str) -> None:
        if status == "ok":
            _store_one(store, report, path, result, pipeline)
        else:
            report.failed.append(SourceError(path, result))
        if progress:
            progress(path, len(report.ingested) + len(report.failed), total)

    while queue:
        alone = queue[0][1]
        with _executor(1 if alone else jobs, model, learned) as pool:
            if pipeline is None:
                pipeline = pipeline_id(pool.submit(_worker_model_id).result())  # ModelError
            _drain(pool, queue, alone, 1 if alone else jobs * IN_FLIGHT_PER_JOB, done)


def _drain(pool: ProcessPoolExecutor, queue: deque[tuple[list[str], bool]], alone: bool,
           limit: int, done: Callable[[str, str, Analysis | str], None]) -> None:
    """Run the queue's tasks (those with ``retry == alone``) through the pool, ``limit`` in
    flight, handing each file's result to ``done`` in input order, until the pool breaks."""
    window: deque[tuple[list[str], Future]] = deque()

    def fill() -> None:
        while queue and len(window) < limit and queue[0][1] == alone:
            paths, retry = queue.popleft()
            try:
                window.append((paths, pool.submit(_worker_analyse, paths)))
            except BrokenProcessPool:  # a worker died: what is in flight says which
                queue.appendleft((paths, retry))
                return

    fill()
    while window:
        paths, future = window[0]
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            if alone:  # a retry holds one file: that file killed its worker
                window.popleft()
                done(paths[0], "failed", "the worker process analysing it died"
                     " (out of memory? try a smaller file, or --jobs 1)")
            else:  # every file in flight goes back, to be retried one at a time
                queue.extendleft(([p], True) for ps, _ in reversed(window) for p in reversed(ps))
            return
        window.popleft()
        for path, status, result in outcomes:
            done(path, status, result)
        fill()
