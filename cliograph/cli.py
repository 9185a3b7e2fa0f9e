"""The command line: each command parses options, makes one library call and prints.

Library errors become one-line messages: exit status 2 for usage errors, 1 for input
that could not be processed.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import __version__, query
from . import corrections as corr
from .demo import SEED as DEMO_SEED
from .demo import demo_paths
from .dossier import dossier, when_text
from .errors import CliographError, UsageError
from .export import EXPORTERS, export, get_exporter
from .model import KINDS, RELATION_TYPES
from .store import DEFAULT_DB, Store

if TYPE_CHECKING:
    from .ingestion import IngestReport

console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="The SQLite database file.")


def shown(text: object) -> str:
    """Text safe to print: Rich markup escaped, and control characters (a newline or a
    terminal escape sequence in a file name) and invisible format characters (bidi
    overrides) written as ``\\n``, ``\\x1b``, ``\\u202e``, never sent raw to the terminal."""
    out = []
    for ch in str(text):
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch != "\t":
            out.append(repr(ch)[1:-1] if ch.isascii() else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return escape("".join(out))


def fail(exc: CliographError) -> None:
    err.print(f"Error: {shown(exc)}")
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
        err.print(f"warning: {shown(line)}")


def _print_report(report: IngestReport, db: str) -> None:
    for d in report.ingested:
        console.print(f"ingested {shown(d.path)}: {d.entities} entities, {d.facts} facts")
    _print_warnings(report)
    if report.failed:
        err.print(f"{len(report.failed)} file(s) could not be ingested:")
        for exc in report.failed:
            err.print(f"  {shown(exc)}")
    store = Store(db, create=False)
    counts = store.counts()
    store.close()
    console.print(f"database {shown(Path(db).resolve())}: " + ", ".join(
        f"{v} {k}" for k, v in counts.items()))


def _ingest_with_progress(run: Callable[..., IngestReport], quiet: bool, **kw: Any) -> IngestReport:
    if quiet:
        return run(**kw)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"ingesting {shown(Path(path).name)}")

        return run(progress=progress, **kw)


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: best installed; env CLIOGRAPH_MODEL).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes that parse and analyse in parallel (0: one per core).")
@click.option("--reference-date", default=None, metavar="DATE",
              help="The documents' own date (YYYY-MM-DD; -0044 for 44 BC): relative dates"
                   " ('last June', 'four years ago') are read against it.")
@click.option("--relations-model", default=None, metavar="FILE|shipped|none",
              help="The learned relation layer's model: a file `cliograph train` wrote,"
                   " 'shipped' or 'none' (default: the one `train` recorded in this database,"
                   " else the shipped one).")
@translate_errors
def ingest_cmd(paths: tuple[str, ...], db: str, model: str | None, quiet: bool, jobs: int,
               reference_date: str | None, relations_model: str | None) -> None:
    """Read files or folders (.txt .md .html .epub .pdf) into the database."""
    from .ingestion import ingest  # loads spaCy: only the commands that parse import it

    report = _ingest_with_progress(ingest, quiet, paths=paths, db=db, model=model, jobs=jobs,
                                   reference_date=reference_date,
                                   relations_model=relations_model)
    if not quiet:
        _print_report(report, db)
    else:
        _print_warnings(report)  # a warning is not a failure: the exit status stays 0
        for exc in report.failed:
            err.print(shown(exc))
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="Only this kind.")
@click.option("--name", "q", help="Only entities whose name or an alias contains these words (any spelling).")
@click.option("--doc", help="Only entities mentioned in this document (its id, from 'cliograph documents').")
@click.option("--sort", type=click.Choice(list(query.ENTITY_SORTS)), default="mentions", show_default=True)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many.")
@translate_errors
def entities(db: str, kind: str | None, q: str | None, doc: str | None, sort: str, limit: int) -> None:
    """List entities with their ids, kinds, mention counts and aliases."""
    store = Store(db, create=False)
    found = query.entity_table(store, q, [kind] if kind else None, doc, sort, 0, limit)
    store.close()
    table = Table("id", "kind", "name", "mentions", "aliases", box=None)
    table.columns[0].overflow = "fold"  # an id is what one types next: never cut it
    for e in found["entities"]:
        table.add_row(shown(e["id"]), e["kind"], shown(e["name"]), str(e["mentions"]),
                      shown(", ".join(e["aliases"][:6])))
    console.print(table)
    if found["total"] > len(found["entities"]):
        err.print(f"{len(found['entities'])} of {found['total']} shown; "
                  "narrow with --kind/--name/--doc or raise --limit")


@cli.command()
@click.argument("name")
@db_option
@translate_errors
def show(name: str, db: str) -> None:
    """Show an entity's dossier (by id, name or alias): its facts by type, with dates and evidence."""
    d = dossier(Store(db, create=False), name)
    e = d.entity
    console.print(f"[bold]{shown(e['name'])}[/bold]  {e['kind']}  ({e['mentions']} mentions)  id {shown(e['id'])}")
    if e["aliases"]:
        console.print("also: " + shown(", ".join(e["aliases"])))
    if d.others:
        err.print(f"'{shown(name)}' also names " + ", ".join(
            f"{shown(o['id'])} ({o['kind']}, {o['mentions']} mentions)" for o in d.others[:8])
            + ("…" if len(d.others) > 8 else "") + ": show one of them by its id")
    if not d.facts:
        console.print("no facts yet")
    for type_, rows in d.facts.items():
        console.print(f"\n[bold]{type_}[/bold]")
        for r in rows:
            other = r["object_name"] or r.get("condition") or r.get("text") or ""
            extra = "; ".join(x for x in (r.get("role"), r.get("topic")) if x)
            review = r.get("review") or "machine"
            console.print(f"  {shown(r['subject_name'])} → {shown(other)}"
                          f"{' (' + shown(extra) + ')' if extra else ''}  [cyan]{when_text(r)}[/cyan]"
                          f"{'  ' + shown(f'[{review}]') if review != 'machine' else ''}  [dim]{r['id']}[/dim]")
            console.print(f"    [dim]“{shown(' '.join(r['evidence'].split()))}” — {shown(r['doc_title'])}, "
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
@click.option("--rejected", is_flag=True, help="Keep the facts a person rejected (json, csv).")
@translate_errors
def export_cmd(db: str, fmt: str, out: str | None, kind: str | None, type_: str | None,
               min_confidence: float, rejected: bool) -> None:
    """Export entities and facts (json: the spec format the scorer reads; csv: a folder)."""
    exporter = get_exporter(fmt)
    if out is None and exporter.writes == "dir":
        raise UsageError(f"the {fmt} export writes several files; give a folder with --out DIR")
    store = Store(db, create=False)
    options = {"kind": kind.upper() if kind else None, "type_": type_.upper() if type_ else None,
               "min_confidence": min_confidence}
    if rejected:
        if fmt not in ("json", "csv"):
            raise UsageError("--rejected is for the json and csv exports, which say each"
                             " fact's review status")
        options["rejected"] = True
    if out is not None and exporter.writes == "dir" and Path(out).suffix.lower() == f".{fmt}":
        raise UsageError(f"the {fmt} export writes a folder of files (entities, aliases, facts);"
                         f" give --out a folder name, such as {Path(out).stem}/")
    export(store, fmt, sys.stdout if out is None else Path(out), **options)
    if out is not None:
        counts = store.counts()
        err.print(f"wrote the {fmt} export of {shown(str(Path(db)))} to {shown(str(out))}"
                  f" ({counts['entities']} entities, {counts['facts']} facts in the store)")


# ------------------------------------------------------------------ corrections

note_option = click.option("--note", help="Why: kept with the correction.")
author_option = click.option("--author", help="Who makes it (default: your user name).")


def _done(c: dict[str, Any]) -> None:
    made = f" (new entity {shown(c['split_id'])})" if c.get("split_id") else ""
    console.print(f"correction #{c['id']}: {shown(corr.describe(c))}{made}"
                  f" {shown('[' + c['status'] + ']')}")


@cli.group()
def correct() -> None:
    """Correct the machine: confirm, reject or edit a fact, add one, merge, split or
    rename an entity, change its kind or aliases, undo a correction. Facts are named by
    id (or its first 6+ characters), entities by id, name or alias. Corrections are kept
    apart from the machine's rows and applied again after every ingest."""


def _fact_verb(name: str, fn: Callable[..., dict[str, Any]], help_: str) -> None:
    @correct.command(name=name, help=help_)
    @click.argument("fact")
    @db_option
    @note_option
    @author_option
    @translate_errors
    def verb(fact: str, db: str, note: str | None, author: str | None) -> None:
        _done(fn(db, fact, note=note, author=author))


_fact_verb("confirm", corr.confirm, "Say a fact is right.")
_fact_verb("reject", corr.reject, "Say a fact is wrong: left out of pages and exports from now on.")


@correct.command(name="edit")
@click.argument("fact")
@db_option
@click.option("--type", "type_", help="Relation type.")
@click.option("--subject", help="Subject entity (id or name).")
@click.option("--object", "object_", help="Object entity (id or name; '' for none).")
@click.option("--role", help="Role ('' clears it).")
@click.option("--time", help="EDTF date ('' clears it).")
@click.option("--start", help="EDTF start ('' clears it).")
@click.option("--end", help="EDTF end ('' clears it).")
@note_option
@author_option
@translate_errors
def correct_edit(fact: str, db: str, type_: str | None, subject: str | None,
                 object_: str | None, role: str | None, time: str | None, start: str | None,
                 end: str | None, note: str | None, author: str | None) -> None:
    """Change a fact's type, ends, role or dates."""
    _done(corr.edit(db, fact, type=type_, subject=subject, object=object_, role=role,
                    time=time, start=start, end=end, note=note, author=author))


@correct.command(name="add")
@click.argument("doc")
@db_option
@click.option("--type", "type_", required=True, help="Relation type.")
@click.option("--subject", required=True, help="Subject entity (id or name).")
@click.option("--object", "object_", help="Object entity (id or name).")
@click.option("--start", "at_start", type=int, help="Evidence start offset in the document.")
@click.option("--end", "at_end", type=int, help="Evidence end offset.")
@click.option("--evidence", help="Evidence words, when they occur once in the document.")
@click.option("--role", help="Role.")
@click.option("--time", help="EDTF date.")
@note_option
@author_option
@translate_errors
def correct_add(doc: str, db: str, type_: str, subject: str, object_: str | None,
                at_start: int | None, at_end: int | None, evidence: str | None,
                role: str | None, time: str | None, note: str | None,
                author: str | None) -> None:
    """Add a fact the machine missed, from a passage of document DOC."""
    _done(corr.add(db, doc, type=type_, subject=subject, object=object_, start=at_start,
                   end=at_end, evidence=evidence, role=role, time=time, note=note,
                   author=author))


@correct.command(name="merge")
@click.argument("entity")
@click.argument("into")
@db_option
@note_option
@author_option
@translate_errors
def correct_merge(entity: str, into: str, db: str, note: str | None, author: str | None) -> None:
    """ENTITY is INTO: its mentions, aliases and facts go to INTO."""
    _done(corr.merge(db, entity, into=into, note=note, author=author))


@correct.command(name="split")
@click.argument("entity")
@db_option
@click.option("--name", required=True, help="Name of the new entity.")
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False), help="Its kind (default: ENTITY's).")
@click.option("--mention", "mentions", multiple=True, metavar="DOC:START-END",
              help="A mention that goes to the new entity (repeat).")
@click.option("--doc", "docs", multiple=True, help="Every mention in this document goes (repeat).")
@note_option
@author_option
@translate_errors
def correct_split(entity: str, db: str, name: str, kind: str | None, mentions: tuple[str, ...],
                  docs: tuple[str, ...], note: str | None, author: str | None) -> None:
    """Some mentions of ENTITY are someone else: they become a new entity."""
    chosen = []
    for m in mentions:
        doc, _, span = m.rpartition(":")
        a, _, b = span.partition("-")
        if not (doc and a.isdigit() and b.isdigit()):
            raise UsageError(f"--mention '{m}' is not DOC:START-END")
        chosen.append((doc, int(a), int(b)))
    _done(corr.split(db, entity, name=name, kind=kind, mentions=chosen, docs=docs, note=note,
                     author=author))


@correct.command(name="rename")
@click.argument("entity")
@click.argument("name")
@db_option
@note_option
@author_option
@translate_errors
def correct_rename(entity: str, name: str, db: str, note: str | None, author: str | None) -> None:
    """Give ENTITY the name NAME."""
    _done(corr.rename(db, entity, name, note=note, author=author))


@correct.command(name="kind")
@click.argument("entity")
@click.argument("kind", type=click.Choice(KINDS, case_sensitive=False))
@db_option
@note_option
@author_option
@translate_errors
def correct_kind(entity: str, kind: str, db: str, note: str | None, author: str | None) -> None:
    """Say what kind of thing ENTITY is."""
    _done(corr.set_kind(db, entity, kind, note=note, author=author))


@correct.command(name="alias")
@click.argument("entity")
@click.argument("alias")
@click.option("--remove", is_flag=True, help="ALIAS is not a name of ENTITY.")
@db_option
@note_option
@author_option
@translate_errors
def correct_alias(entity: str, alias: str, remove: bool, db: str, note: str | None,
                  author: str | None) -> None:
    """ALIAS is another name of ENTITY (with --remove: it is not)."""
    fn = corr.remove_alias if remove else corr.add_alias
    _done(fn(db, entity, alias, note=note, author=author))


@correct.command(name="undo")
@click.argument("correction", type=int)
@db_option
@note_option
@author_option
@translate_errors
def correct_undo(correction: int, db: str, note: str | None, author: str | None) -> None:
    """Take correction number CORRECTION back (undoing an undo makes it again)."""
    _done(corr.undo(db, correction, note=note, author=author))


@cli.command(name="corrections")
@db_option
@click.option("--status", type=click.Choice(corr.STATUSES), help="Only these: applied, lost"
              " (their fact or entity is gone since a re-ingest) or undone.")
@click.option("--json", "as_json", is_flag=True, help="Write them as JSON (to keep or share).")
@click.option("--out", type=click.Path(dir_okay=False), help="File for the JSON (default: stdout).")
@translate_errors
def corrections_cmd(db: str, status: str | None, as_json: bool, out: str | None) -> None:
    """List the corrections made to the machine's reading: who, when, what, why, status."""
    store = Store(db, create=False)
    try:
        if as_json or out:
            if out:
                with open(out, "w", encoding="utf-8") as fh:
                    corr.write_json(store, fh, status)
            else:
                corr.write_json(store, sys.stdout, status)
            return
        rows = corr.listing(store, status)
    finally:
        store.close()
    table = Table("#", "when", "who", "what", "status", "note", box=None)
    for c in rows:
        table.add_row(str(c["id"]), c["created_at"][:16], shown(c["author"] or ""),
                      shown(corr.describe(c)), c["status"], shown(c["note"] or ""))
    console.print(table)
    if not rows:
        err.print("no corrections" + (f" with status {status}" if status else ""))


@cli.command(name="train")
@db_option
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="The model file to write (default: beside the database, DB.learned.npz).")
@click.option("--start", "start_from", default=None, metavar="FILE|shipped",
              help="The model the corrections adjust (default: the shipped one; a file"
                   " carries another database's corrections over).")
@click.option("--no-record", is_flag=True,
              help="Write the model only: later ingests into this database keep their model.")
@translate_errors
def train_cmd(db: str, out: str | None, start_from: str | None, no_record: bool) -> None:
    """Learn from this database's corrections: confirmed, edited and added facts teach the
    learned relation layer what a relation looks like, rejected ones what it does not. The
    model is written and recorded in the database: later ingests into it read with it."""
    from .learn.from_corrections import train_store  # loads spaCy

    done = train_store(db, out=out, start=start_from, record=not no_record)
    for line in done.lines:
        console.print(shown(line))


@cli.command()
@db_option
@translate_errors
def upgrade(db: str) -> None:
    """Bring a database made by an older cliograph up to this version's schema."""
    if not Path(db).exists():
        raise UsageError(f"no database at {db}; nothing to upgrade")
    store = Store(db)
    ran = store.migrated
    store.close()
    console.print(f"upgraded {shown(db)}: " + ", ".join(ran) if ran else f"{shown(db)} is up to date")


@cli.command()
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@translate_errors
def demo(db: str, quiet: bool) -> None:
    """Ingest the bundled public-domain examples (and the seed chapter when present)."""
    if not demo_paths():
        raise click.UsageError("run the demo from the cliograph checkout: no examples/ folder here")
    from .demo import demo as run_demo  # loads spaCy

    report = _ingest_with_progress(run_demo, quiet, db=db)
    _print_report(report, db)
    if not DEMO_SEED.is_file():
        err.print(f"the seed chapter ({DEMO_SEED}) is not beside this checkout: only the examples"
                  " were ingested")
    console.print(f"next: cliograph serve --db {shown(db)}   (or: cliograph entities --db {shown(db)})")
    if report.failed:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes the app reachable from other machines).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--edit", is_flag=True, help="Let the pages correct the machine (confirm, reject,"
              " edit, add facts; merge, split, rename entities); this machine only.")
@translate_errors
def serve(db: str, host: str, port: int, edit: bool) -> None:
    """Serve the web app: dossiers, source reader, timeline, network, the system on a date
    (read-only unless --edit)."""
    import uvicorn  # imported here so that other commands start fast

    from .web import make_app
    from .web.app import LOOPBACK, allowed_hosts

    if edit and host not in LOOPBACK:
        raise UsageError("--edit serves this machine only: leave --host at 127.0.0.1")
    app = make_app(db, hosts=allowed_hosts(host), edit=edit)
    console.print(f"cliograph: serving {shown(Path(db).resolve())} at http://{host}:{port}/"
                  "  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
