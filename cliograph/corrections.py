"""The historian corrects the machine: the library API behind `cliograph correct`, the
editing web app and Python callers.

Each function checks its arguments against the store (a fact by id or a unique id
prefix, an entity by id, name or alias), records one correction row (who, when, what,
why) and applies every active correction again (``store.review.reapply``), all in one
write transaction. The machine's rows are never thrown away: a rejected fact stays,
marked ``rejected`` and left out of what is read; an undo is a correction too.

    >>> from cliograph import corrections
    >>> corrections.reject("cliograph.db", "3f2a9c1b", note="a misreading")  # doctest: +SKIP
    >>> corrections.merge("cliograph.db", "Koba", into="Joseph Stalin")      # doctest: +SKIP
    >>> corrections.undo("cliograph.db", 2)                                   # doctest: +SKIP
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from . import timex
from .errors import UsageError
from .model import KINDS, RELATION_TYPES
from .store import Store
from .store import review as rv
from .store.connect import immediate

DbLike = str | Path | Store
#: What `cliograph correct` calls each action.
VERBS = {"confirm": "confirm_fact", "reject": "reject_fact", "edit": "edit_fact",
         "add": "add_fact", "merge": "merge_entities", "split": "split_entity",
         "rename": "rename_entity", "kind": "set_kind", "alias": "add_alias",
         "unalias": "remove_alias", "undo": "undo"}
STATUSES = ("applied", "lost", "undone", "failed")


@contextmanager
def _writing(db: DbLike) -> Iterator[Store]:
    store = db if isinstance(db, Store) else Store(db)
    if store.readonly:
        raise UsageError("this store was opened read-only: corrections need a writable one")
    try:
        with immediate(store.db):
            yield store
    finally:
        if not isinstance(db, Store):
            store.close()


def _who(author: str | None) -> str:
    if author:
        return author
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "unknown"


# ------------------------------------------------------------------ looking things up

def fact(store: Store, ref: str) -> str:
    """A fact's id from its id or a unique prefix of it (6 characters at least)."""
    ref = ref.strip()
    if store.db.execute("select 1 from facts where id = ?", [ref]).fetchone():
        return ref
    found = [r[0] for r in store.db.execute(
        "select id from facts where id like ? limit 2",
        [ref.replace("%", "").replace("_", "") + "%"])] if len(ref) >= 6 else []
    if len(found) == 1:
        return found[0]
    what = "several facts" if found else "no fact"
    raise UsageError(f"{what} with id '{ref[:40]}'; the facts table (cliograph serve, /facts)"
                     " and `cliograph export` show the ids")


def entity(store: Store, ref: str) -> str:
    """An entity's id from its id, name or alias (the most mentioned of several)."""
    row = store.db.execute("select id from entities where id = ?", [ref]).fetchone()
    if row:
        return row[0]
    found = store.entity(ref)
    if found is None:
        raise UsageError(f"no entity named '{ref[:60]}'; `cliograph entities --name` finds them")
    return found["id"]


def _key(store: Store, eid: str) -> str | None:
    return rv.entity_key(store.db, eid)


def _date(value: str | None, what: str) -> str | None:
    if value in (None, ""):
        return None
    if not timex.is_valid_edtf(value):
        raise UsageError(f"{what} '{value[:40]}' is not an EDTF date (1922, 1922-04-03,"
                         " 1922-04, 1920/1921, -0044)")
    return value


def _type(value: str) -> str:
    if value.upper() not in RELATION_TYPES:
        raise UsageError(f"unknown relation type '{value[:40]}': use one of"
                         f" {', '.join(RELATION_TYPES)}")
    return value.upper()


def _kind(value: str) -> str:
    if value.upper() not in KINDS:
        raise UsageError(f"unknown kind '{value[:40]}': use one of {', '.join(KINDS)}")
    return value.upper()


# ------------------------------------------------------------------ making corrections

def _make(db: DbLike, action: str, note: str | None, author: str | None,
          build: Callable[[Store], tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Record the correction ``build`` describes and apply them all; return its row."""
    with _writing(db) as store:
        target, payload = build(store)
        cid = rv.record(store.db, action, target, payload, note, _who(author))
        rv.reapply(store.db)
        return _row(store, cid)


def _fact_payload(store: Store, fid: str) -> dict[str, Any]:
    return {"where": rv.describe_fact(store.db, fid)}


def confirm(db: DbLike, fact_ref: str, *, note: str | None = None,
            author: str | None = None) -> dict[str, Any]:
    """Say a fact is right: it is then shown as confirmed."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        fid = fact(store, fact_ref)
        return fid, _fact_payload(store, fid)
    return _make(db, "confirm_fact", note, author, build)


def reject(db: DbLike, fact_ref: str, *, note: str | None = None,
           author: str | None = None) -> dict[str, Any]:
    """Say a fact is wrong: it stays in the store, left out of every page and export
    unless rejected facts are asked for."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        fid = fact(store, fact_ref)
        return fid, _fact_payload(store, fid)
    return _make(db, "reject_fact", note, author, build)


def edit(db: DbLike, fact_ref: str, *, type: str | None = None,  # noqa: A002 - the fact's field
         subject: str | None = None, object: str | None = None,  # noqa: A002
         role: str | None = None, time: str | None = None, start: str | None = None,
         end: str | None = None, note: str | None = None,
         author: str | None = None) -> dict[str, Any]:
    """Change a fact's type, ends (subject, object: an entity's id or name; '' for no
    object), role or dates (EDTF; '' clears one); what is not given stays."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        fid = fact(store, fact_ref)
        values: dict[str, Any] = {}
        keys: dict[str, Any] = {}
        if type:
            values["type"] = _type(type)
        for col, ref in (("subject_id", subject), ("object_id", object)):
            if ref == "" and col == "object_id":
                values[col] = None
            elif ref:
                values[col] = entity(store, ref)
                keys[col] = _key(store, values[col])
        if role is not None:
            values["role"] = role or None
        for col, value in (("time", time), ("time_start", start), ("time_end", end)):
            if value is not None:
                values[col] = _date(value, col.replace("_", " "))
        if not values:
            raise UsageError("nothing to edit: give a type, subject, object, role or date")
        return fid, {"set": values, "keys": keys, **_fact_payload(store, fid)}
    return _make(db, "edit_fact", note, author, build)


def add(db: DbLike, doc: str, *, type: str, subject: str,  # noqa: A002 - the fact's field
        object: str | None = None, start: int | None = None,  # noqa: A002
        end: int | None = None, evidence: str | None = None, role: str | None = None,
        time: str | None = None, time_start: str | None = None, time_end: str | None = None,
        note: str | None = None, author: str | None = None) -> dict[str, Any]:
    """Add a fact the machine missed, from a passage of a source: the characters
    ``start``-``end`` of document ``doc`` (or the one place ``evidence`` occurs in it)
    are its evidence."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        row = store.db.execute("select id, source, text from documents where id = ?",
                               [doc]).fetchone()
        if row is None:
            raise UsageError(f"no document with id '{doc[:40]}'; `cliograph documents`"
                             " lists them")
        text = row[2]
        s, e = start, end
        if s is None or e is None:
            if not evidence or text.count(evidence) != 1:
                raise UsageError("give the passage as start and end offsets, or as words"
                                 " that occur exactly once in the document")
            s = text.index(evidence)
            e = s + len(evidence)
        if not (0 <= s < e <= len(text)):
            raise UsageError(f"{s}-{e} is not a passage of this document (0-{len(text)})")
        payload: dict[str, Any] = {
            "type": _type(type), "start": s, "end": e, "evidence": text[s:e], "source": row[1],
            "role": role or None, "time": _date(time, "time"),
            "time_start": _date(time_start, "start"), "time_end": _date(time_end, "end")}
        payload["subject"] = entity(store, subject)
        payload["subject_key"] = _key(store, payload["subject"])
        if object:
            payload["object"] = entity(store, object)
            payload["object_key"] = _key(store, payload["object"])
        return row[0], payload
    return _make(db, "add_fact", note, author, build)


def merge(db: DbLike, entity_ref: str, *, into: str, note: str | None = None,
          author: str | None = None) -> dict[str, Any]:
    """One entity is another: its mentions, aliases and facts go to ``into``."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        eid, other = entity(store, entity_ref), entity(store, into)
        if eid == other:
            raise UsageError(f"'{entity_ref}' and '{into}' are the same entity ({eid})")
        return eid, {"key": _key(store, eid), "into": other, "into_key": _key(store, other)}
    return _make(db, "merge_entities", note, author, build)


def split(db: DbLike, entity_ref: str, *, name: str, kind: str | None = None,
          mentions: Iterable[tuple[str, int, int]] = (), docs: Iterable[str] = (),
          note: str | None = None, author: str | None = None) -> dict[str, Any]:
    """Some mentions of an entity are someone else: those chosen (``(doc, start, end)``,
    or every mention in ``docs``) become a new entity called ``name``, with the facts
    whose evidence holds them."""
    def build(store: Store) -> tuple[str, dict[str, Any]]:
        eid = entity(store, entity_ref)
        words = {(d, s, e): t for d, s, e, t in store.db.execute(
            "select doc_id, start, end, text from mentions where entity_id = ?", [eid])}
        have = set(words)
        chosen = {(d, int(s), int(e)) for d, s, e in mentions}
        wanted = set(docs)
        chosen |= {m for m in have if m[0] in wanted}
        if not chosen or not chosen <= have:
            raise UsageError(f"choose mentions of {eid} to split off (its mentions: "
                             f"{len(have)}); {len(chosen - have)} chosen are not its own")
        if chosen == have:
            raise UsageError("every mention was chosen: rename the entity instead")
        k = _kind(kind) if kind else store.db.execute(
            "select kind from entities where id = ?", [eid]).fetchone()[0]
        if not name.strip():
            raise UsageError("the new entity needs a name")
        sources = dict(store.db.execute(
            f"select id, source from documents where id in ({','.join('?' * len(chosen))})",
            sorted({m[0] for m in chosen})).fetchall())
        return eid, {"key": _key(store, eid), "name": name.strip(), "kind": k,
                     "mentions": [[*m, words[m]] for m in sorted(chosen)], "sources": sources}
    done = _make(db, "split_entity", note, author, build)
    store = db if isinstance(db, Store) else Store(db, create=False)
    try:  # the new entity's id, to show it
        done["split_id"] = store.db.execute("select id from entities where key = ?",
                                            [rv.split_key(done)]).fetchone()[0]
    finally:
        if not isinstance(db, Store):
            store.close()
    return done


def _entity_change(action: str, field: str, check: Callable[[str], str]) -> Callable[..., Any]:
    def change(db: DbLike, entity_ref: str, value: str, *, note: str | None = None,
               author: str | None = None) -> dict[str, Any]:
        def build(store: Store) -> tuple[str, dict[str, Any]]:
            eid = entity(store, entity_ref)
            return eid, {"key": _key(store, eid), field: check(value)}
        return _make(db, action, note, author, build)
    return change


def _name(value: str) -> str:
    if not value.strip():
        raise UsageError("a name cannot be empty")
    return value.strip()


rename = _entity_change("rename_entity", "name", _name)
rename.__doc__ = "Give an entity the name a historian would use."
set_kind = _entity_change("set_kind", "kind", _kind)
set_kind.__doc__ = "Say what kind of thing an entity is (PERSON, BODY, ...)."
add_alias = _entity_change("add_alias", "alias", _name)
add_alias.__doc__ = "Another name of an entity: it is found by it from now on."
remove_alias = _entity_change("remove_alias", "alias", _name)
remove_alias.__doc__ = "A name that is not this entity's: it no longer finds it."


def undo(db: DbLike, correction_id: int, *, note: str | None = None,
         author: str | None = None) -> dict[str, Any]:
    """Take a correction back (an undo, too: that makes it again). Recorded as a
    correction pointing at the one undone."""
    with _writing(db) as store:
        rows = {c["id"]: c for c in rv.rows(store.db)}
        c = rows.get(int(correction_id))
        if c is None:
            raise UsageError(f"no correction #{correction_id}; `cliograph corrections` lists them")
        if c["id"] in rv.undone(list(rows.values())):
            raise UsageError(f"correction #{c['id']} is already undone")
        cid = rv.record(store.db, "undo", str(c["id"]), {"action": c["action"]}, note,
                        _who(author))
        if c["action"] != "undo":  # undoing an undo: reapply makes the undone one again
            rv.take_back(store.db, c)
        rv.reapply(store.db)
        return _row(store, cid)


# ------------------------------------------------------------------ reading them

def _row(store: Store, cid: int) -> dict[str, Any]:
    return next(c for c in listing(store) if c["id"] == cid)


def listing(db: DbLike, status: str | None = None) -> list[dict[str, Any]]:
    """Every correction, oldest first: id, created_at, author, action, target, payload,
    note, status (applied, lost, undone)."""
    if status and status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}")
    store = db if isinstance(db, Store) else Store(db, create=False)
    try:
        out = []
        for c in rv.rows(store.db):
            c.pop("effect", None)
            if status is None or c["status"] == status:
                out.append(c)
        return out
    finally:
        if not isinstance(db, Store):
            store.close()


def merged_into(store: Store, eid: str) -> str | None:
    """The entity an active merge put ``eid`` into, for a page or a command that asks
    for an entity that is no longer there."""
    rows = rv.rows(store.db)
    off = rv.undone(rows)
    for c in reversed(rows):
        if c["action"] == "merge_entities" and c["id"] not in off and c["target"] == eid:
            return c["payload"].get("into")
    return None


def describe(c: dict[str, Any]) -> str:
    """One line saying what a correction does."""
    p, a = c["payload"], c["action"]
    what = {
        "confirm_fact": lambda: f"confirm fact {c['target']}",
        "reject_fact": lambda: f"reject fact {c['target']}",
        "edit_fact": lambda: f"edit fact {c['target']}: " + ", ".join(
            f"{k.removesuffix('_id')}={v}" for k, v in p.get("set", {}).items()),
        "add_fact": lambda: f"add {p.get('type')} {p.get('subject')}"
                            f"{' → ' + p['object'] if p.get('object') else ''}"
                            f" from “{p.get('evidence', '')[:60]}”",
        "merge_entities": lambda: f"merge {c['target']} into {p.get('into')}",
        "split_entity": lambda: f"split {len(p.get('mentions', []))} mention(s) of {c['target']}"
                                f" off as {p.get('name')} ({p.get('kind')})",
        "rename_entity": lambda: f"rename {c['target']} to {p.get('name')}",
        "set_kind": lambda: f"{c['target']} is a {p.get('kind')}",
        "add_alias": lambda: f"{c['target']} is also called {p.get('alias')}",
        "remove_alias": lambda: f"{c['target']} is not called {p.get('alias')}",
        "undo": lambda: f"undo #{c['target']} ({p.get('action', '')})",
    }.get(a, lambda: f"{a} {c['target']}")
    return what()


def write_json(db: DbLike, out: IO[str], status: str | None = None) -> None:
    """The corrections as a JSON list, to keep, share or read into another store."""
    json.dump(listing(db, status), out, ensure_ascii=False, indent=1)
    out.write("\n")


__all__ = ["VERBS", "add", "add_alias", "confirm", "describe", "edit", "listing", "merge",
           "reject", "remove_alias", "rename", "set_kind", "split", "undo", "write_json"]
