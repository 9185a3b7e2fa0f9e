"""Opening a store: for reading without ever writing, for writing only once it is ours.

A command that reads opens the file read-only (SQLite's ``mode=ro``), so it can neither
create tables nor switch the journal mode of a file it was pointed at by mistake. A
writer takes the write lock first (``BEGIN IMMEDIATE``), looks at what the file holds,
and only then migrates, all in that one transaction: a file that is not a cliograph
store, or one a newer cliograph wrote, is refused before anything is written, and two
processes opening a new store at once take turns instead of racing to migrate it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.request import pathname2url

from sqlite_utils import Database

from .. import __version__
from ..errors import StoreError
from .migrations import MIGRATIONS, READABLE_FROM, applied, migrate, read_as_current, unknown, written_by

#: Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT = 60


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = "file:" + pathname2url(str(path.resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False)
    # we say where transactions begin (BEGIN IMMEDIATE for writes), not the sqlite3 module
    conn.isolation_level = None
    return conn


@contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at its start.

    A deferred BEGIN reads first and asks for the lock at its first write; if another
    writer committed in between, SQLite answers "database is locked" at once, without
    waiting the busy timeout. Taking the lock first makes concurrent writers queue.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _tables(db: Database) -> set[str]:
    return {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}


def check_schema(db: Database, path: Path, *, for_writing: bool) -> None:
    """Refuse, in one line, a file that is not a cliograph store or that this version
    cannot read; an empty file is a new store for a writer."""
    tables = _tables(db)
    if not tables:
        if for_writing:
            return
        raise StoreError(f"{path} is an empty database, not a cliograph store; run"
                         " 'cliograph ingest' first or pass --db")
    if "_migrations" not in tables:
        raise StoreError(f"{path} is not a cliograph database (it holds other tables:"
                         f" {', '.join(sorted(tables)[:5])}); it was left untouched")
    newer = unknown(db)
    if newer:
        by = written_by(db)
        raise StoreError(
            f"{path} was written by {'cliograph ' + by if by else 'a newer cliograph'}"
            f" (schema {newer[-1]}), newer than this cliograph {__version__}: upgrade"
            " cliograph to open it")
    done = set(applied(db))
    needed = [m.__name__ for m in MIGRATIONS]
    needed = needed[: needed.index(READABLE_FROM) + 1]
    if not for_writing and not set(needed) <= done:
        raise StoreError(f"{path} was made by an older cliograph; run 'cliograph upgrade"
                         f" --db {path}' to bring it up to date")


def open_reader(path: Path) -> Database:
    """A read-only connection to an existing cliograph store: never creates, migrates or
    changes the journal mode."""
    db = Database(_connect(path, readonly=True))
    try:
        check_schema(db, path, for_writing=False)
        read_as_current(db)
    except BaseException:
        db.close()
        raise
    return db


def _wal(db: Database) -> None:
    """Switch a new store to WAL. The switch needs the file to itself and SQLite does not
    wait for it (no busy handler): while a second writer that opened it at the same
    moment holds its lock, try again, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            if db.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
        if time.monotonic() > deadline:  # the next writer to open it switches it
            return
        time.sleep(0.05)


def open_writer(path: Path) -> tuple[Database, list[str]]:
    """A connection that may write, to a new store or one of ours, migrated to this
    version; also the migrations it ran."""
    db = Database(_connect(path, readonly=False))
    try:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
        with immediate(db):
            check_schema(db, path, for_writing=True)
            ran = migrate(db)
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            _wal(db)  # ours by now, and outside a transaction
    except BaseException:
        db.close()
        raise
    return db, ran
