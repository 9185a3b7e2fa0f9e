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


# ------------------------------------------------------------------ linking across documents

def _analysis(path: str, text: str, names: list[tuple[str, str]],
              facts: list[tuple[str, int, int | None]] = ()):
    """A hand-made Analysis: each (name, kind) is an entity with one mention at its first
    occurrence in ``text``; facts are (type, subject index, object index)."""
    from cliograph.model import Entity, Factoid, Mention, SourceText
    from cliograph.pipeline import Analysis

    ents, mentions = [], []
    for i, (name, kind) in enumerate(names):
        start = text.index(name)
        ents.append(Entity(name, kind, {name: (start, start + len(name), "test")}, [i]))
        mentions.append(Mention(start, start + len(name), name, kind, "test", entity=i))
    factoids = [Factoid(t, s, o, 0, len(text), "test.v1", 0.9) for t, s, o in facts]
    return Analysis(SourceText(path, text, path), [(0, len(text))], [], mentions, ents, factoids)


LINK_DOCS = [
    ("georgia.txt", "The poet Georgia Douglas met Georgia in 1920.",
     [("Georgia Douglas", "PERSON"), ("Georgia", "PLACE")], [("PARTICIPATES", 0, 1)]),
    ("person.txt", "Georgia wrote to Douglas from Atlanta.",
     [("Georgia", "PERSON"), ("Douglas", "PERSON"), ("Atlanta", "PLACE")], [("ALLY", 0, 1)]),
    ("again.txt", "Douglas answered Georgia Douglas from Atlanta.",
     [("Douglas", "PERSON"), ("Georgia Douglas", "PERSON"), ("Atlanta", "PLACE")],
     [("OPPOSES", 0, 1)]),
]


def _linked(tmp_path, order: list[int], name: str) -> tuple[list, list]:
    store = Store(tmp_path / f"{name}.db")
    for i in order:
        store.write(_analysis(*LINK_DOCS[i]), "test")
    ents = sorted(store.db.execute("select id, kind, name, ambiguous, note from entities"))
    facts = sorted(store.db.execute("select id, type, subject_id, object_id from facts"))
    store.close()
    return ents, facts


def test_linking_is_the_same_in_every_order_of_the_documents(tmp_path):
    """Same full name and kind join; a one-word person never joins another document's;
    the bare id goes to the first kind in KINDS order, whichever came first; flags and
    fact ids follow."""
    from itertools import permutations

    results = {order: _linked(tmp_path, list(order), "".join(map(str, order)))
               for order in permutations(range(3))}
    ents, facts = results[(0, 1, 2)]
    for order, got in results.items():
        assert got == (ents, facts), order
    by_id = {e[0]: e for e in ents}
    assert by_id["georgia-douglas"][1] == "PERSON"  # one entity, in two documents
    assert by_id["atlanta"][1] == "PLACE"
    # 'Georgia' the person (one word: scoped to its document) outranks the place
    georgia = [e for e in ents if e[2] == "Georgia"]
    assert {e[1] for e in georgia} == {"PERSON", "PLACE"}
    assert ("georgia", "PERSON") in {(e[0], e[1]) for e in georgia}
    assert ("georgia-place", "PLACE") in {(e[0], e[1]) for e in georgia}
    # the two one-word Douglases stay apart, flagged as possibly each other; the one in
    # a document without Georgia Douglas as possibly her too (the other's document told
    # the two apart)
    douglases = {e[0]: e for e in ents if e[2] == "Douglas"}
    assert len(douglases) == 2 and all(e[3] == 1 for e in douglases.values())
    notes = sorted(e[4] for e in douglases.values())
    assert sum("georgia-douglas" in n for n in notes) == 1
    assert all(any(other in n for other in douglases) for n in notes)
    assert len(facts) == 3 and all(f[2] in by_id and f[3] in by_id for f in facts)


def test_replacing_a_document_gives_the_store_it_would_have_had(tmp_path):
    """The bare id freed by a replaced document goes back to the best remaining entity."""
    direct = _linked(tmp_path, [0, 2], "direct")
    store = Store(tmp_path / "replaced.db")
    for i in (0, 1, 2):
        store.write(_analysis(*LINK_DOCS[i]), "test")
    path, text, names, facts = LINK_DOCS[1]
    # person.txt changes into a text about the place alone (its Georgia the person goes)
    store.write(_analysis(path, "Atlanta is in Georgia.", [("Atlanta", "PLACE"),
                                                           ("Georgia", "PLACE")]), "test")
    ents = {e[0]: e[1] for e in store.db.execute("select id, kind from entities")}
    store.close()
    assert ents["georgia"] == "PLACE" and "georgia-place" not in ents
    assert {e[0] for e in direct[0]} <= set(ents) | {"georgia-place"}
