from __future__ import annotations

import sqlite3
from pathlib import Path

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


# ------------------------------------------------------------------ alias words (m007)

def _parts_by_like(store: Store, name: str) -> list[str]:
    """The LIKE scan that people's part matches did before migration m007, as reference."""
    return [r[0] for r in store.db.execute(
        "select distinct e.id from entities e join aliases a on a.entity_id = e.id"
        " where e.kind = 'PERSON' and (a.norm like ? or a.norm like ?)", [f"% {name}", f"{name} %"])]


def _parts_by_index(store: Store, name: str) -> list[str]:
    """The same people found through the indexed first and last words of m007 (the
    look-up ``linking.Linker.neighbours`` makes for a one-word name)."""
    sql = ("select e.id from (select entity_id from aliases where first_word = ?"
           " union select entity_id from aliases where last_word = ?) a"
           " cross join entities e on e.id = a.entity_id where e.kind = 'PERSON'"
           " order by e.rowid")
    return [r[0] for r in store.db.execute(sql, [name, name])]


def _candidates(store: Store) -> set[str]:
    """Every single word an entity could be named by here, and a few no alias has."""
    words = {w for (n,) in store.db.execute("select norm from aliases") for w in n.split()}
    return words | {"nobody", "stal", "ilyich"}


def test_store_migration_m007_fills_alias_words_of_existing_rows(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    for m in MIGRATIONS[:5]:  # a database made before m006
        m(db)
        db["_migrations"].insert({"name": m.__name__, "applied_at": "2024-01-01"})
    db["entities"].insert({"id": "v", "kind": "PERSON", "name": "Vyacheslav Molotov"})
    db["aliases"].insert_all([{"entity_id": "v", "alias": a, "norm": a, "doc_id": None}
                              for a in ("vyacheslav mikhailovich molotov", "molotov")], pk=None)
    db.close()
    store = Store(path)
    rows = list(store.db.query("select norm, first_word, last_word from aliases order by norm"))
    assert rows == [{"norm": "molotov", "first_word": None, "last_word": None},
                    {"norm": "vyacheslav mikhailovich molotov", "first_word": "vyacheslav",
                     "last_word": "molotov"}]
    assert {"m006_fact_body_place_indexes", "m007_alias_words"} <= \
        {r["name"] for r in store.db["_migrations"].rows}
    plan = " ".join(r[3] for r in store.db.execute(
        "explain query plan select entity_id from aliases where last_word = 'molotov'"))
    assert "idx_aliases_last_word" in plan
    assert _parts_by_index(store, "molotov") == ["v"] == _parts_by_like(store, "molotov")
    store.close()


def test_store_person_part_matches_equal_the_like_scan_on_the_chronicle(store):
    from chronicle import build

    build(store)
    tricky = ["ilyich lenin", "vladimir ilyich lenin", "lenin's wife", "jean-paul sartre",
              "d'annunzio gabriele", "stalin", "osip stalin the elder"]
    for n, alias in enumerate(tricky):
        eid = f"p{n}"
        store.db["entities"].insert({"id": eid, "kind": "PERSON" if n % 3 else "BODY",
                                     "name": alias.title()})
        store.db["aliases"].insert({"entity_id": eid, "alias": alias, "norm": alias,
                                    "doc_id": None})
    names = _candidates(store)
    assert len(names) > 20
    found = 0
    for name in sorted(names):
        assert _parts_by_index(store, name) == _parts_by_like(store, name), name
        found += bool(_parts_by_like(store, name))
    assert found > 5


@pytest.mark.model
def test_store_person_part_matches_equal_the_like_scan_on_an_ingested_text(tmp_path):
    import cliograph

    text = Path(__file__).resolve().parent.parent / "examples" / "plutarch_caesar.txt"
    assert cliograph.ingest([text], db=tmp_path / "p.db").ok
    store = Store(tmp_path / "p.db")
    names = _candidates(store)
    assert len(names) > 50
    matched = [n for n in sorted(names) if _parts_by_like(store, n)]
    assert len(matched) > 5
    for name in sorted(names):
        assert _parts_by_index(store, name) == _parts_by_like(store, name), name
    store.close()
