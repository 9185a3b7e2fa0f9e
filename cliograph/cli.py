"""The command line: each command parses options, makes one library call and prints.

Library errors become one-line messages: exit status 2 for usage errors, 1 for input
that could not be processed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import __version__
from .demo import demo as run_demo
from .demo import demo_paths
from .dossier import dossier, when_text
from .errors import CliographError, UsageError
from .export import EXPORTERS, export, get_exporter
from .ingest import IngestReport, ingest
from .model import KINDS, RELATION_TYPES
from .nlp import MODEL_ENV
from .store import DEFAULT_DB, Store

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="The SQLite database file.")


def fail(exc: CliographError) -> None:
    err.print(f"Error: {escape(str(exc))}")
    sys.exit(exc.exit_status)


def translate_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Our exceptions become a one-line message and an exit status, never a traceback."""
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except CliographError as exc:
            fail(exc)
    return wrapper


@click.group()
@click.version_option(__version__, prog_name="cliograph")
def cli() -> None:
    """Rebuild the system of power a history text describes: who held which office,
    which bodies and factions existed, who sided with whom, what happened when, each
    fact tied to the sentence that states it."""


def _print_warnings(report: IngestReport) -> None:
    for line in report.warnings:
        err.print(f"warning: {escape(line)}")


def _print_report(report: IngestReport, db: str) -> None:
    for d in report.ingested:
        console.print(f"ingested {escape(d.path)}: {d.entities} entities, {d.facts} facts")
    _print_warnings(report)
    if report.failed:
        err.print(f"{len(report.failed)} file(s) could not be ingested:")
        for exc in report.failed:
            err.print(f"  {escape(str(exc))}")
    store = Store(db)
    counts = store.counts()
    store.close()
    console.print(f"database {escape(str(Path(db).resolve()))}: " + ", ".join(
        f"{v} {k}" for k, v in counts.items()))


def _ingest_with_progress(run: Callable[..., IngestReport], quiet: bool, **kw: Any) -> IngestReport:
    if quiet:
        return run(**kw)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"ingesting {Path(path).name}")

        return run(progress=progress, **kw)


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--model", default=None, help=f"spaCy pipeline to use (default: best installed; env {MODEL_ENV}).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes that parse and analyse in parallel (0: one per core).")
@click.option("--reference-date", default=None, metavar="DATE",
              help="The documents' own date (YYYY-MM-DD; -0044 for 44 BC): relative dates"
                   " ('last June', 'four years ago') are read against it.")
@translate_errors
def ingest_cmd(paths: tuple[str, ...], db: str, model: str | None, quiet: bool, jobs: int,
               reference_date: str | None) -> None:
    """Read files or folders (.txt .md .html .epub .pdf) into the database."""
    report = _ingest_with_progress(ingest, quiet, paths=paths, db=db, model=model, jobs=jobs,
                                   reference_date=reference_date)
    if not quiet:
        _print_report(report, db)
    else:
        _print_warnings(report)  # a warning is not a failure: the exit status stays 0
        for exc in report.failed:
            err.print(escape(str(exc)))
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="Only this kind.")
@translate_errors
def entities(db: str, kind: str | None) -> None:
    """List entities with their kinds, aliases and mention counts."""
    store = Store(db, create=False)
    table = Table("id", "kind", "name", "mentions", "aliases", box=None)
    for e in store.entities(kind.upper() if kind else None):
        table.add_row(e["id"], e["kind"], escape(e["name"]), str(e["mentions"]),
                      escape(", ".join(e["aliases"][:6])))
    console.print(table)


@cli.command()
@click.argument("name")
@db_option
@translate_errors
def show(name: str, db: str) -> None:
    """Show an entity's dossier: its facts by type, with dates and evidence."""
    d = dossier(Store(db, create=False), name)
    e = d.entity
    console.print(f"[bold]{escape(e['name'])}[/bold]  {e['kind']}  ({e['mentions']} mentions)")
    if e["aliases"]:
        console.print("also: " + escape(", ".join(e["aliases"])))
    if not d.facts:
        console.print("no facts yet")
    for type_, rows in d.facts.items():
        console.print(f"\n[bold]{type_}[/bold]")
        for r in rows:
            other = r["object_name"] or r.get("condition") or r.get("text") or ""
            extra = "; ".join(x for x in (r.get("role"), r.get("topic")) if x)
            console.print(f"  {escape(r['subject_name'])} → {escape(other)}"
                          f"{' (' + escape(extra) + ')' if extra else ''}  [cyan]{when_text(r)}[/cyan]")
            console.print(f"    [dim]“{escape(r['evidence'].strip())}” — {escape(r['doc_title'])}, "
                          f"{r['extractor']}, {r['confidence']:.2f}[/dim]")


@cli.command(name="export")
@db_option
@click.option("--format", "fmt", default="json", show_default=True,
              help=f"One of: {', '.join(sorted(EXPORTERS))}.")
@click.option("--out", type=click.Path(), help="File to write (default: stdout); for csv, a folder.")
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="Only entities of this kind.")
@click.option("--type", "type_", type=click.Choice(RELATION_TYPES, case_sensitive=False),
              help="Only facts of this type.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, help="Drop facts below this confidence.")
@translate_errors
def export_cmd(db: str, fmt: str, out: str | None, kind: str | None, type_: str | None,
               min_confidence: float) -> None:
    """Export entities and facts (json: the spec format the scorer reads; csv: a folder)."""
    exporter = get_exporter(fmt)
    if out is None and exporter.writes == "dir":
        raise UsageError(f"the {fmt} export writes several files; give a folder with --out DIR")
    store = Store(db, create=False)
    options = {"kind": kind.upper() if kind else None, "type_": type_.upper() if type_ else None,
               "min_confidence": min_confidence}
    export(store, fmt, sys.stdout if out is None else Path(out), **options)


@cli.command()
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@translate_errors
def demo(db: str, quiet: bool) -> None:
    """Ingest the bundled public-domain examples (and the seed chapter when present)."""
    if not demo_paths():
        raise click.UsageError("run the demo from the cliograph checkout: no examples/ folder here")
    report = _ingest_with_progress(run_demo, quiet, db=db)
    _print_report(report, db)
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes the app reachable from other machines).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@translate_errors
def serve(db: str, host: str, port: int) -> None:
    """Serve the read-only web app: dossiers, source reader, timeline, network, the system on a date."""
    import uvicorn  # imported here so that other commands start fast

    from .web import make_app

    app = make_app(db)
    console.print(f"cliograph: serving {escape(str(Path(db).resolve()))} at http://{host}:{port}/"
                  "  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
