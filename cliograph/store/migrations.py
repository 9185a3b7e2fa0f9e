"""The store's schema: named, ordered migrations, the only place tables are declared.

A migration runs once per database and is recorded in ``_migrations``; new columns and
tables come as new migrations appended to ``MIGRATIONS``, never as edits to old ones, so
a database made by any earlier version opens and moves forward.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

from .. import __version__
from ..names import slug

Migration = Callable[[Database], None]


def m001_documents(db: Database) -> None:
    """Sources, with the text every offset points into."""
    db["documents"].create(
        {
            "id": str,  # content hash: the same text is the same document
            "source": str,  # where it was read from (a path), to replace changed files
            "title": str,
            "author": str,
            "format": str,
            "text": str,
            "n_words": int,
            "chapters": str,  # JSON list of {title, start, end}
            "pipeline": str,  # model and extractor versions that produced the facts
            "ingested_at": str,
        },
        pk="id",
        not_null={"source", "text"},
    )
    db["documents"].create_index(["source"])
    db["footnotes"].create(
        {"doc_id": str, "label": str, "start": int, "end": int},
        pk=("doc_id", "start"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["sentences"].create(
        {"id": int, "doc_id": str, "start": int, "end": int, "text": str},
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["sentences"].create_index(["doc_id", "start"])
    db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def m002_entities_aliases_mentions(db: Database) -> None:
    """Entities are shared across documents; aliases and mentions say which text justifies them."""
    db["entities"].create(
        {
            "id": str,  # slug of the canonical name, stable across runs
            "kind": str,
            "name": str,
            "ambiguous": int,  # 1: a name here could also be another entity; kept apart
            "note": str,
        },
        pk="id",
        not_null={"kind", "name"},
        defaults={"ambiguous": 0},
    )
    db["entities"].create_index(["kind"])
    db["entities"].enable_fts(["name"], create_triggers=True)
    db["aliases"].create(
        {
            "entity_id": str,
            "alias": str,
            "norm": str,  # normalised form used for matching across documents
            "doc_id": str,
            "start": int,  # the mention that justifies the alias
            "end": int,
            "rule": str,
        },
        pk=("entity_id", "alias", "doc_id"),
        foreign_keys=[("entity_id", "entities", "id"), ("doc_id", "documents", "id")],
    )
    db["aliases"].create_index(["norm"])
    db["aliases"].create_index(["doc_id"])
    db["aliases"].enable_fts(["alias"], create_triggers=True)
    db["mentions"].create(
        {
            "id": int,
            "doc_id": str,
            "entity_id": str,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "source": str,  # the model or rule that found it
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id"), ("entity_id", "entities", "id")],
    )
    db["mentions"].create_index(["doc_id", "start"])
    db["mentions"].create_index(["entity_id"])


def m003_facts(db: Database) -> None:
    """Factoids: one assertion of one passage, with its evidence, rule and confidence."""
    db["facts"].create(
        {
            "id": str,  # hash of document, type, entities and evidence span: stable
            "doc_id": str,
            "type": str,
            "subject_id": str,
            "object_id": str,
            "time": str,  # EDTF
            "time_start": str,
            "time_end": str,
            "inferred": int,  # 1: the time came from the narrative, not the sentence
            "julian": str,  # Old Style date where the source gives both calendars
            "sort_from": float,  # fractional years, for ordering and date queries
            "sort_to": float,
            "role": str,
            "topic": str,
            "condition": str,
            "text": str,  # a quotation's words
            "place_id": str,
            "body_id": str,
            "evidence_start": int,
            "evidence_end": int,
            "evidence": str,
            "extractor": str,  # versioned rule name
            "confidence": float,
        },
        pk="id",
        not_null={"doc_id", "type", "subject_id", "extractor"},
        foreign_keys=[
            ("doc_id", "documents", "id"),
            ("subject_id", "entities", "id"),
            ("object_id", "entities", "id"),
            ("place_id", "entities", "id"),
            ("body_id", "entities", "id"),
        ],
    )
    for cols in (["doc_id"], ["subject_id", "type"], ["object_id", "type"], ["type"]):
        db["facts"].create_index(cols)


def m004_corrections(db: Database) -> None:
    """A user's corrections, kept apart from machine output so re-ingestion cannot lose them.

    ``target`` names a fact id or an entity id (both are derived from content, so they
    are the same after re-ingestion); ``action`` is one of reject_fact, edit_fact,
    merge_entities, split_entity, rename_entity, set_kind; ``payload`` is JSON.
    """
    db["corrections"].create(
        {
            "id": int,
            "created_at": str,
            "action": str,
            "target": str,
            "payload": str,
            "note": str,
        },
        pk="id",
        not_null={"action", "target"},
    )
    db["corrections"].create_index(["target"])


def m005_indexes(db: Database) -> None:
    """Mentions by entity, then document, then offset: the dossier's "mentioned in"
    (count, first offset and first mention per document) reads the index alone instead
    of every mention row; it also serves every look-up by entity, so the old one-column
    index goes."""
    db["mentions"].create_index(["entity_id", "doc_id", "start"], if_not_exists=True)
    db.execute("drop index if exists idx_mentions_entity_id")


def m006_fact_body_place_indexes(db: Database) -> None:
    """Facts by body and by place: the timeline of one entity asks for facts where it is
    subject, object, body or place, and SQLite answers an OR with indexes only when every
    term has one; without these it read every fact."""
    db["facts"].create_index(["body_id"], if_not_exists=True)
    db["facts"].create_index(["place_id"], if_not_exists=True)


#: The first and the last word of a normalised alias of several words (NULL for one word).
#: ``rtrim(norm, <every non-space character of norm>)`` keeps what precedes the last word.
ALIAS_FIRST_WORD = "case when instr(norm, ' ') > 0 then substr(norm, 1, instr(norm, ' ') - 1) end"
ALIAS_LAST_WORD = ("case when instr(norm, ' ') > 0 then"
                   " substr(norm, length(rtrim(norm, replace(norm, ' ', ''))) + 1) end")


def m007_alias_words(db: Database) -> None:
    """The first and last word of each alias, indexed, so that 'Molotov' finds 'Vyacheslav
    Molotov' by a look-up rather than a LIKE '% molotov' scan of every alias on each
    entity written. Generated columns: every writer fills them, old rows included."""
    for column, expr in (("first_word", ALIAS_FIRST_WORD), ("last_word", ALIAS_LAST_WORD)):
        db.execute(f"alter table aliases add column {column} text generated always as ({expr}) virtual")
        db["aliases"].create_index([column], if_not_exists=True)


def m008_fact_time_sense(db: Database) -> None:
    """What a fact's times mean, said in the store: ``time_sense`` (the single time is
    when it ``occurred``, was ``said``, or is ``in force``) and ``end_basis`` (an end
    the text does not state, inferred from the holder's ``death``, a ``successor`` or
    the document's ``horizon``; NULL when stated)."""
    db.execute("alter table facts add column time_sense text")
    db.execute("alter table facts add column end_basis text")


def m009_store_meta(db: Database) -> None:
    """Which cliograph last changed the schema, so that an older cliograph meeting the
    store can say which version wrote it instead of failing on a missing column; and each
    entity's identity across documents (kind, name slug, and for a one-word person the
    document: a surname alone never joins two documents' people), so that which entity
    a document's entity joins does not depend on the order documents arrive in."""
    db["_meta"].create({"key": str, "value": str}, pk="key")
    db.execute("alter table entities add column key text")
    db.execute("alter table entities add column slug text")
    for eid, kind, name in list(db.execute("select id, kind, name from entities")):
        db.execute("update entities set key = ?, slug = ? where id = ?",
                   [f"{kind}|{slug(name)}|", slug(name), eid])
    db["entities"].create_index(["key"], if_not_exists=True)
    db["entities"].create_index(["slug"], if_not_exists=True)


def m010_review(db: Database) -> None:
    """The historian's decisions beside the machine's reading: each fact and entity has a
    ``review`` status (machine, confirmed, corrected, rejected, added) that read queries
    honour, and ``machine``, the values a correction replaced (JSON), so that undoing it
    restores them. A correction records who made it, the second entity of a merge (by its
    content-derived key, in ``payload``), whether its target was found at the last
    re-application (``status``: applied, lost; ``undone`` once an undo points at it), and
    ``effect``: the rows it moved, which its undo moves back."""
    for table in ("facts", "entities"):
        db.execute(f"alter table {table} add column review text not null default 'machine'")
        db.execute(f"alter table {table} add column machine text")
    db["facts"].create_index(["review"], if_not_exists=True)
    for column, decl in (("author", "text"), ("status", "text not null default 'applied'"),
                         ("effect", "text"), ("checked_at", "text")):
        db.execute(f"alter table corrections add column {column} {decl}")


MIGRATIONS: tuple[Migration, ...] = (
    m001_documents,
    m002_entities_aliases_mentions,
    m003_facts,
    m004_corrections,
    m005_indexes,
    m006_fact_body_place_indexes,
    m007_alias_words,
    m008_fact_time_sense,
    m009_store_meta,
    m010_review,
)

#: The migrations a reader needs: every table it reads exists once these have run
#: (later ones add indexes and bookkeeping that only writers use).
READABLE_FROM = "m004_corrections"


def read_as_current(db: Database) -> None:
    """Let a read-only connection read a store made before m010 as if it had run: temporary
    views (they live in the connection, never in the file) shadow ``facts`` and ``entities``
    with the review columns every fact and entity of such a store would have, 'machine'."""
    if "m010_review" in applied(db):
        return
    for table in ("facts", "entities"):
        db.execute(f"create temp view if not exists {table} as select *, 'machine' as review,"
                   f" null as machine from main.{table}")


def applied(db: Database) -> list[str]:
    """The migrations this database records, in the order they ran ([] for none)."""
    if "_migrations" not in db.table_names():
        return []
    return [r[0] for r in db.execute("select name from _migrations order by applied_at, name")]


def unknown(db: Database) -> list[str]:
    """Migrations this database has that this cliograph does not know: a newer one wrote it."""
    known = {m.__name__ for m in MIGRATIONS}
    return [name for name in applied(db) if name not in known]


def written_by(db: Database) -> str | None:
    """The cliograph version that last migrated this database, when it says (m009)."""
    if "_meta" not in db.table_names():
        return None
    row = db.execute("select value from _meta where key = 'schema_written_by'").fetchone()
    return row[0] if row else None


def migrate(db: Database) -> list[str]:
    """Apply the migrations this database has not seen yet; return their names.

    The caller holds the write lock (``Store`` opens with BEGIN IMMEDIATE), so two
    processes opening a new store at once do not both run the same migration.
    """
    if "_migrations" not in db.table_names():
        db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    done = set(applied(db))
    ran = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        with db.atomic():
            migration(db)
            db["_migrations"].insert(
                {"name": migration.__name__, "applied_at": datetime.now(UTC).isoformat()}
            )
        ran.append(migration.__name__)
    if ran and "_meta" in db.table_names():
        db["_meta"].upsert({"key": "schema_written_by", "value": __version__}, pk="key")
    return ran
