"""The SQLite store: one file, opened in WAL mode, written one document per transaction.

A document is identified by a hash of its text, so ingesting it again replaces its
rows instead of adding new ones, and ingesting a changed file replaces the version
read from the same path. Entities are shared across documents: a document's entity
joins an existing one when their kinds agree and a name matches unambiguously;
a name that could be two existing entities starts a new one, flagged ``ambiguous``.

The store reads and writes rows; the questions asked of it (timeline, network, the state
on a date) are ``cliograph.query``'s, and the exports ``cliograph.export``'s: the store
imports neither.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import timex
from ..errors import StoreError
from ..model import TIME_SENSE, Analysis, Entity, Factoid, When
from ..names import norm, slug, spellings
from . import review
from .connect import immediate, open_reader, open_writer
from .linking import Linker, identity

DEFAULT_DB = "cliograph.db"


def document_id(text: str) -> str:
    """Content hash: the same text is the same document wherever it was read from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fact_id(doc_id: str, f: Factoid, subject: str, obj: str | None) -> str:
    """Stable across re-ingestion, so a user's corrections keep pointing at it."""
    key = "|".join(str(x) for x in (doc_id, f.type, subject, obj, f.start, f.end, f.role, f.text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Store:
    """A cliograph database.

    ``Store(path)`` opens it for writing, creating and migrating it if needed;
    ``Store(path, create=False)`` opens an existing store read-only and never writes to
    the file (no tables, no migration, no journal-mode change). Either way a file that
    is not a cliograph store, or that a newer cliograph wrote, is refused untouched.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = Path(path)
        self.readonly = not create  # opened by a read command: corrections refuse it
        #: Computations ``query`` may keep between calls (a ``query.Memo``); None, the
        #: default, computes afresh. Only a reader that empties it when the database
        #: changes may set one: the web app does, keyed on PRAGMA data_version.
        self.memo: Any = None
        #: The corrections the last write left without a target (``review.reapply``).
        self.lost: list[dict[str, Any]] = []
        if not create and not self.path.exists():
            raise StoreError(f"no database at {self.path}; run 'cliograph ingest' first or pass --db")
        if self.path.exists() and not self.path.is_file():
            what = "a folder" if self.path.is_dir() else "not a regular file"
            raise StoreError(f"{self.path} is {what}; --db needs a file path")
        try:
            if create:
                self.db, self.migrated = open_writer(self.path)
            else:
                self.db, self.migrated = open_reader(self.path), []
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path} is locked by another process ({exc}); try"
                                 " again when it has finished") from exc
            raise StoreError(f"cannot open {self.path} ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a cliograph database ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- writing

    def has_document(self, doc_id: str, pipeline: str) -> bool:
        row = self.db.execute(
            "select 1 from documents where id = ? and pipeline = ?", [doc_id, pipeline]
        ).fetchone()
        return row is not None

    def write(self, a: Analysis, pipeline: str) -> str:
        """Replace everything known about this document, in one transaction.

        A database error (disk full, I/O error, locked too long) rolls the whole document
        back and comes out as a StoreError, so a batch can report the file and go on.
        """
        try:
            return self._write(a, pipeline)
        except sqlite3.Error as exc:
            raise StoreError(f"could not write it to {self.path} ({exc}); the database is"
                             " as it was before this file") from exc

    def _write(self, a: Analysis, pipeline: str) -> str:
        text = a.source.text
        doc_id = document_id(text)
        with immediate(self.db):
            linker = Linker(self.db)
            touched = self._remove_old_versions(linker, doc_id, a.source.path)
            self.db["documents"].insert({
                "id": doc_id,
                "source": a.source.path,
                "title": a.source.title,
                "author": a.source.author,
                "format": a.source.format,
                "text": text,
                "n_words": len(text.split()),
                "chapters": json.dumps([c.__dict__ for c in a.source.chapters]),
                "pipeline": pipeline,
                "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
            })
            self.db["footnotes"].insert_all(
                ({"doc_id": doc_id, "label": f.label, "start": f.start, "end": f.end}
                 for f in a.footnotes), replace=True)
            self.db["sentences"].insert_all(
                {"doc_id": doc_id, "start": s, "end": e, "text": text[s:e]} for s, e in a.sentences)
            for ent in a.entities:
                linker.entity_id(ent, doc_id)
            # by key, after all of them: a later one may have moved an earlier one's id
            ids = linker.ids([identity(ent, doc_id)[0] for ent in a.entities])
            self._write_aliases(a.entities, ids, doc_id)
            self.db["mentions"].insert_all(
                {"doc_id": doc_id, "entity_id": ids[m.entity], "start": m.start, "end": m.end,
                 "text": m.text, "kind": m.kind, "source": m.source}
                for m in a.mentions if m.entity is not None)
            self.db["facts"].insert_all(
                (self._fact_row(doc_id, f, ids, text) for f in a.factoids), replace=True)
            self._apply_corrections(doc_id)
            keys = sorted(touched)
            still = [r[0] for r in self.db.execute(
                f"select id from entities where key in ({','.join('?' * len(keys))})", keys)]
            linker.flag(sorted({*ids, *still}))
        return doc_id

    def _remove_old_versions(self, linker: Linker, doc_id: str, path: str) -> dict[str, str]:
        """Delete this document and any older version read from the same path; return the
        entities that touched them (key -> slug): their flags, and which of them holds a
        bare slug, are decided again as if the old version had never been stored."""
        touched: dict[str, str] = {}
        old = [r[0] for r in self.db.execute(
            "select id from documents where id = ? or source = ?", [doc_id, path])]
        for old_id in old:
            before = {r[0] for r in self.db.execute(
                "select distinct entity_id from mentions where doc_id = ?", [old_id])}
            near = before | {n for eid in before for n in linker.neighbours(eid)}
            touched |= {k: sl for k, sl in self.db.execute(
                "select key, slug from entities where id in"
                f" ({','.join('?' * len(near))})", sorted(near))}
            self._delete_document(old_id)
        linker.promote(touched.values())
        return touched

    def _delete_document(self, doc_id: str) -> None:
        for table in ("facts", "mentions", "aliases", "sentences", "footnotes"):
            self.db.execute(f"delete from {table} where doc_id = ?", [doc_id])
        self.db.execute("delete from documents where id = ?", [doc_id])
        # entities no document mentions any more
        self.db.execute(
            "delete from aliases where entity_id not in (select entity_id from mentions)")
        self.db.execute(
            "delete from entities where id not in (select entity_id from mentions)"
            " and id not in (select subject_id from facts)"
            " and id not in (select object_id from facts where object_id is not null)")

    def _write_aliases(self, ents: list[Entity], ids: list[str], doc_id: str) -> None:
        rows = []
        for ent, eid in zip(ents, ids, strict=True):
            for alias, (s, e, rule) in ent.aliases.items():
                rows.append({"entity_id": eid, "alias": alias, "norm": norm(alias),
                             "doc_id": doc_id, "start": s, "end": e, "rule": rule})
        self.db["aliases"].insert_all(rows, replace=True)

    def _fact_row(self, doc_id: str, f: Factoid, ids: list[str], text: str) -> dict[str, Any]:
        subject = ids[f.subject]
        obj = ids[f.object] if f.object is not None else None
        point = f.when or f.start_time or f.end_time
        lo, hi = _sort_range(f.start_time or f.when, f.end_time or f.when)
        return {
            "id": fact_id(doc_id, f, subject, obj),
            "doc_id": doc_id,
            "type": f.type,
            "subject_id": subject,
            "object_id": obj,
            "time": f.when.value if f.when else None,
            "time_start": f.start_time.value if f.start_time else None,
            "time_end": f.end_time.value if f.end_time else None,
            "inferred": int(bool(point and point.inferred)),
            "time_sense": TIME_SENSE.get(f.type),
            "end_basis": f.end_basis if f.end_time else None,
            "julian": point.julian if point else None,
            "sort_from": lo,
            "sort_to": hi,
            "role": f.role,
            "topic": f.topic,
            "condition": f.condition,
            "text": f.text,
            "place_id": ids[f.place] if f.place is not None else None,
            "body_id": ids[f.body] if f.body is not None else None,
            "evidence_start": f.start,
            "evidence_end": f.end,
            "evidence": text[f.start:f.end],
            "extractor": f.extractor,
            "confidence": f.confidence,
        }

    def _apply_corrections(self, doc_id: str) -> None:
        """Re-apply every correction the user made (to this document's new rows, and to
        entities it may have re-created); ``lost`` lists those whose target went with the
        old version of the document."""
        self.lost = review.reapply(self.db)

    # ---------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("documents", "entities", "mentions", "facts")}

    def documents(self) -> list[dict[str, Any]]:
        return list(self.db.query(
            "select id, source, title, author, format, n_words, ingested_at from documents"
            " order by title, id"))

    def entities(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """Entities with their aliases and mention counts, most mentioned first."""
        where, params = ("where e.kind = ?", [kind]) if kind else ("", [])
        sql = (
            "select e.id, e.kind, e.name, e.ambiguous, e.note, e.review,"
            " (select count(*) from mentions m where m.entity_id = e.id) as mentions,"
            " (select json_group_array(distinct a.alias) from aliases a where a.entity_id = e.id)"
            f" as aliases from entities e {where} order by mentions desc, e.name, e.id"
        )
        for row in self.db.query(sql, params):
            # sorted: the rows' order is the order documents arrived in
            row["aliases"] = sorted(a for a in json.loads(row["aliases"] or "[]") if a != row["name"])
            yield row

    def entity(self, name: str) -> dict[str, Any] | None:
        """An entity by id, name or alias (the most mentioned when several match).

        Example:
            >>> cliograph.open("cliograph.db").entity("Washington")["name"]
            'George Washington'
        """
        ids = set(self.entity_ids(name))
        found = [r for r in self.entities() if r["id"] in ids]
        return found[0] if found else None

    def entity_ids(self, name: str) -> list[str]:
        """The ids of every entity an id, name or alias names, in any of its spellings
        (Caesar/Cæsar, Trotski/Trotsky); failing an exact name, those whose names contain
        it. An id names its entity alone."""
        if self.db.execute("select 1 from entities where id = ?", [name]).fetchone():
            return [name]
        keys = list(dict.fromkeys(k for s in spellings(name.strip()) if (k := norm(s))))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        ids = {r[0] for r in self.db.execute(
            f"select id from entities where id = ? union select entity_id from aliases"
            f" where norm in ({marks})", [slug(name), *keys])}
        if not ids:  # % and _ escaped, or they would match everyone
            for key in keys:
                pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                ids |= {r[0] for r in self.db.execute(
                    "select entity_id from aliases where norm like ? escape '\\'", [pattern])}
        return sorted(ids)

    def facts(self, entity_id: str | None = None, type_: str | None = None,
              min_confidence: float = 0.0, rejected: bool = False) -> Iterator[dict[str, Any]]:
        """Facts, in time order, with the names of the entities they join; the ones a
        person rejected only when ``rejected``."""
        where = ["f.confidence >= ?"] + ([] if rejected else ["f.review != 'rejected'"])
        params: list[Any] = [min_confidence]
        if entity_id:
            where.append("(f.subject_id = ? or f.object_id = ?)")
            params += [entity_id, entity_id]
        if type_:
            where.append("f.type = ?")
            params.append(type_)
        sql = (
            "select f.*, s.name as subject_name, o.name as object_name, d.title as doc_title"
            " from facts f join entities s on s.id = f.subject_id"
            " left join entities o on o.id = f.object_id join documents d on d.id = f.doc_id"
            f" where {' and '.join(where)}"
            " order by f.type, f.sort_from is null, f.sort_from, f.doc_id, f.evidence_start, f.id"
        )
        yield from self.db.query(sql, params)


def _sort_range(start: When | None, end: When | None) -> tuple[float | None, float | None]:
    lo = timex.sort_key(start.value) if start else None
    hi = timex.sort_key(end.value) if end else None
    return lo, hi if hi is not None else lo
