"""Which shared entity a document's entity is: a function of the documents, not their order.

Two documents' entities are one entity only on strong evidence: the same name (up to
case, accents, articles and punctuation: the same slug) and the same kind. A person
named by one word (a surname, a first name) is never joined to another document's
person, whatever the name: 'Caesar' in a life of Julius and 'Caesar' in a life of
Augustus are two people. Weaker likenesses (a shared alias, a surname that ends a
fuller name elsewhere) do not merge anything; both entities are flagged ``ambiguous``
with a note naming the others ("could also be: ...").

Everything here is decided from what the store holds, never from which document came
first: an entity's identity is its ``key`` (kind, slug, and the document for a one-word
person); its id is the bare slug when it ranks first among the entities sharing that
slug (by kind, then key), else the slug with its kind (or document) appended; its name
is the first of its spellings in sort order; its flags are recomputed from its
neighbours whenever it or they change. So the same documents in any order, or analysed
by any number of worker processes, give the same rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlite_utils import Database

from ..model import KINDS, Entity
from ..names import norm, slug


def identity(ent: Entity, doc_id: str) -> tuple[str, str]:
    """(key, slug) of the shared entity ``ent`` belongs to."""
    s = slug(ent.name)
    one_word_person = ent.kind == "PERSON" and len(norm(ent.name).split()) < 2
    return f"{ent.kind}|{s}|{doc_id if one_word_person else ''}", s


def _rank(key: str) -> tuple[int, str]:
    kind = key.split("|", 1)[0]
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), key)


def _own_id(key: str, s: str) -> str:
    """The id of an entity that does not hold the bare slug."""
    kind, _, scope = key.split("|", 2)
    return f"{s}-{scope[:8]}" if scope else f"{s}-{kind.lower()}"


def _fact_id(row: tuple) -> str:
    """``db.fact_id`` from a stored row (doc, type, subject, object, start, end, role, text)."""
    return hashlib.sha1("|".join(str(x) for x in row).encode("utf-8")).hexdigest()[:16]


class Linker:
    """Entity ids, names and flags for a store, inside the caller's write transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entity_id(self, ent: Entity, doc_id: str) -> str:
        """The shared entity this document's entity is, creating it if new."""
        key, s = identity(ent, doc_id)
        row = self.db.execute("select id, name from entities where key = ?", [key]).fetchone()
        if row:
            if ent.name < row[1]:
                self.db.execute("update entities set name = ? where id = ?", [ent.name, row[0]])
            return row[0]
        eid = self._claim(key, s)
        self.db["entities"].insert({"id": eid, "kind": ent.kind, "name": ent.name,
                                    "ambiguous": 0, "note": None, "key": key, "slug": s})
        return eid

    def ids(self, keys: list[str]) -> list[str]:
        """The current id of each key."""
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = sorted(set(keys[i:i + 500]))
            found.update((k, eid) for eid, k in self.db.execute(
                f"select id, key from entities where key in ({','.join('?' * len(chunk))})",
                chunk))
        return [found[k] for k in keys]

    def _claim(self, key: str, s: str) -> str:
        """The id a new entity gets: the bare slug if it outranks its current holder
        (who then moves to its own id), else its own id."""
        holder = self.db.execute("select id, key from entities where id = ?", [s]).fetchone()
        if holder is None:
            return s
        if holder[1] is not None and _rank(key) < _rank(holder[1]):
            self.rename(s, self._free(_own_id(holder[1], s), holder[1]))
            return s
        return self._free(_own_id(key, s), key)

    def _free(self, eid: str, key: str) -> str:
        """``eid``, or with a hash of the key appended when a different entity has it."""
        row = self.db.execute("select key from entities where id = ?", [eid]).fetchone()
        if row is None or row[0] == key:
            return eid
        return f"{eid}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"

    def promote(self, slugs: Iterable[str]) -> None:
        """After entities were deleted: give each freed bare slug to the best remaining
        entity that has that slug, as if the deleted ones had never been there."""
        for s in sorted(set(slugs)):
            if self.db.execute("select 1 from entities where id = ?", [s]).fetchone():
                continue
            rows = list(self.db.execute("select id, key from entities where slug = ?", [s]))
            if rows:
                best = min(rows, key=lambda r: _rank(r[1] or ""))
                self.rename(best[0], s)

    def rename(self, old: str, new: str) -> None:
        """Move an entity to a new id, with every row that points at it; the ids of its
        facts (derived from entity ids) and the user's corrections follow."""
        if old == new:
            return
        self.db.execute("PRAGMA defer_foreign_keys = ON")  # until this transaction commits
        self.db.execute("update entities set id = ? where id = ?", [new, old])
        self.db.execute("update mentions set entity_id = ? where entity_id = ?", [new, old])
        self.db.execute("update aliases set entity_id = ? where entity_id = ?", [new, old])
        for col in ("subject_id", "object_id", "place_id", "body_id"):
            self.db.execute(f"update facts set {col} = ? where {col} = ?", [new, old])
        self.db.execute("update corrections set target = ? where target = ?", [new, old])
        facts = list(self.db.execute(
            "select id, doc_id, type, subject_id, object_id, evidence_start, evidence_end, role,"
            " text from facts where subject_id = ? or object_id = ?", [new, new]))
        for fid, *row in facts:
            moved = _fact_id(row)
            self.db.execute("update facts set id = ? where id = ?", [moved, fid])
            self.db.execute("update corrections set target = ? where target = ?", [moved, fid])

    # ------------------------------------------------------------ possibly the same

    def neighbours(self, eid: str) -> set[str]:
        """Other entities of the same kind that could be this one: a shared alias, or
        for people a one-word name that begins or ends one of the other's names; never
        two that a document mentions both of (its analysis kept them apart)."""
        row = self.db.execute("select kind from entities where id = ?", [eid]).fetchone()
        if row is None:
            return set()
        kind = row[0]
        norms = [r[0] for r in self.db.execute(
            "select distinct norm from aliases where entity_id = ?", [eid])]
        found: set[str] = set()
        if not norms:
            return found
        marks = ",".join("?" * len(norms))
        found |= {r[0] for r in self.db.execute(
            f"select distinct a.entity_id from aliases a cross join entities e"
            f" on e.id = a.entity_id where a.norm in ({marks}) and e.kind = ?", [*norms, kind])}
        if kind == "PERSON":
            single = [n for n in norms if " " not in n]
            if single:
                m = ",".join("?" * len(single))
                found |= {r[0] for r in self.db.execute(
                    f"select entity_id from aliases where first_word in ({m})"
                    f" union select entity_id from aliases where last_word in ({m})",
                    [*single, *single])}
            words = {w for n in norms if " " in n for w in (n.split()[0], n.split()[-1])}
            if words:
                m = ",".join("?" * len(words))
                found |= {r[0] for r in self.db.execute(
                    f"select distinct a.entity_id from aliases a cross join entities e"
                    f" on e.id = a.entity_id where a.norm in ({m}) and e.kind = 'PERSON'"
                    f" and a.norm not like '% %'", sorted(words))}
            found = {f for f in found if self._kind(f) == "PERSON"}
        found.discard(eid)
        # two entities one document tells apart are not 'possibly the same'
        return {f for f in found if not (self._docs(f) & self._docs(eid))}

    def _docs(self, eid: str) -> set[str]:
        return {r[0] for r in self.db.execute(
            "select distinct doc_id from mentions where entity_id = ?", [eid])}

    def _kind(self, eid: str) -> str | None:
        row = self.db.execute("select kind from entities where id = ?", [eid]).fetchone()
        return row[0] if row else None

    def flag(self, ids: Iterable[str]) -> None:
        """Recompute ``ambiguous`` and ``note`` for these entities and their neighbours."""
        todo = set(ids)
        for eid in list(todo):
            todo |= self.neighbours(eid)
        for eid in sorted(todo):
            near = sorted(self.neighbours(eid))
            note = ("could also be: " + ", ".join(near)) if near else None
            self.db.execute("update entities set ambiguous = ?, note = ? where id = ?",
                            [1 if near else 0, note, eid])
