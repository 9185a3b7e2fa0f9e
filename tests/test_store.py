from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from cliograph.errors import StoreError
from cliograph.store import MIGRATIONS, Store, migrate


def test_store_migrations_create_every_table_on_a_blank_database():
    db = Database(memory=True)
    applied = migrate(db)
    assert applied == [m.__name__ for m in MIGRATIONS]
    tables = set(db.table_names())
    assert {"documents", "footnotes", "sentences", "entities", "aliases", "mentions", "facts",
            "corrections", "_migrations"} <= tables
    assert {"sentences_fts", "entities_fts", "aliases_fts"} <= tables
    facts = db["facts"].columns_dict
    for col in ("doc_id", "type", "subject_id", "object_id", "time", "time_start", "time_end",
                "inferred", "evidence_start", "evidence_end", "extractor", "confidence"):
        assert col in facts
    assert {fk.other_table for fk in db["facts"].foreign_keys} == {"documents", "entities"}
    assert db["sentences"].triggers, "full-text index must follow inserts"


def test_store_migrate_twice_applies_nothing_new():
    db = Database(memory=True)
    migrate(db)
    assert migrate(db) == []
    assert db["_migrations"].count == len(MIGRATIONS)


def test_store_open_missing_database_without_create_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match=r"no database at .*missing.db; run 'cliograph ingest' first"):
        Store(tmp_path / "missing.db", create=False)


def test_store_open_a_file_that_is_not_sqlite_is_one_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("just some notes\n" * 100)
    with pytest.raises(StoreError, match="is not a cliograph database"):
        Store(bad)


def test_store_is_in_wal_mode(tmp_path):
    Store(tmp_path / "w.db").close()
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
