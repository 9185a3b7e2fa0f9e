"""The historian's corrections applied to the store's rows: the SQL of issue 15.

A correction is a row of ``corrections`` (who, when, what, why); this module makes its
effect on the machine's rows, and takes it back. Every application is idempotent, so
after each document write *all* active corrections are applied again, in the order they
were made, and each one's ``status`` says whether its target was found (``applied``) or
not (``lost``; kept, never dropped, and applied again if the target comes back), or
could not be applied at all (``failed``: a malformed row; the write goes on).

Targets are content-derived: a fact's id (and, should it change because the document
did, a description that finds the same statement again: source, type, ends' keys, role
and evidence words), an entity's ``key`` (kind, name slug, scope) before its id. A
correction that replaces values keeps the machine's values in the row's ``machine``
column; one that moves rows (merge, split, alias removal) records them in its
``effect``. Undoing puts those back, then every other active correction is applied
again, so the result is the same as if the undone one had never been made.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from .. import timex
from ..names import norm, slug

#: What each correction action does to its target's review status.
FACT_ACTIONS = ("confirm_fact", "reject_fact", "edit_fact", "add_fact")
ENTITY_ACTIONS = ("merge_entities", "split_entity", "rename_entity", "set_kind", "add_alias",
                  "remove_alias")
ACTIONS = (*FACT_ACTIONS, *ENTITY_ACTIONS, "undo")
FACT_REVIEW = {"confirm_fact": "confirmed", "reject_fact": "rejected", "edit_fact": "corrected",
               "add_fact": "added"}
#: The fact columns an edit may set.
EDITABLE = ("type", "subject_id", "object_id", "role", "time", "time_start", "time_end")
ENTITY_COLUMNS = ("subject_id", "object_id", "body_id", "place_id")
#: The fact columns whose machine values a correction may keep (edits and their dates).
MACHINE_FACT = (*EDITABLE, "sort_from", "sort_to", "inferred")
#: The extractor name of a fact a person added.
USER_RULE = "user"
#: The rule of the alias a rename gives an entity's new name.
RENAME_RULE = "user.rename"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _one(db: Database, sql: str, params: list[Any]) -> Any:
    row = db.execute(sql, params).fetchone()
    return row[0] if row else None


def _loads(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


# ------------------------------------------------------------------ finding targets

def entity_key(db: Database, eid: str) -> str | None:
    return _one(db, "select key from entities where id = ?", [eid])


def find_entity(db: Database, eid: str | None, key: str | None) -> str | None:
    """The entity's current id: by its key (ids move when a slug changes hands), else id."""
    if key:
        found = _one(db, "select id from entities where key = ?", [key])
        if found:
            return found
    if eid:
        return _one(db, "select id from entities where id = ?", [eid])
    return None


def describe_fact(db: Database, fid: str) -> dict[str, Any] | None:
    """What finds a fact again when its id changed with its document's text."""
    row = db.execute(
        "select d.source, f.type, s.key, o.key, f.role, f.evidence from facts f"
        " join documents d on d.id = f.doc_id join entities s on s.id = f.subject_id"
        " left join entities o on o.id = f.object_id where f.id = ?", [fid]).fetchone()
    if row is None:
        return None
    return dict(zip(("source", "type", "subject_key", "object_key", "role", "evidence"), row,
                    strict=True))


def find_fact(db: Database, fid: str, where: dict[str, Any] | None) -> str | None:
    """The fact's id now: the same id, else the one fact of a document read from the
    same source that says the same thing with the same words."""
    if _one(db, "select id from facts where id = ?", [fid]):
        return fid
    if not where:
        return None
    found = [r[0] for r in db.execute(
        "select f.id, s.key, o.key from facts f join documents d on d.id = f.doc_id"
        " join entities s on s.id = f.subject_id left join entities o on o.id = f.object_id"
        " where d.source = ? and f.type = ? and f.evidence = ? and coalesce(f.role, '') = ?"
        " and f.extractor != ?",
        [where["source"], where["type"], where["evidence"], where["role"] or "", USER_RULE])
        if (_unscoped(r[1]), _unscoped(r[2])) == (_unscoped(where["subject_key"]),
                                                  _unscoped(where["object_key"]))]
    return found[0] if len(found) == 1 else None


def _unscoped(key: str | None) -> str:
    """'PERSON|brougham|<doc id>' -> 'PERSON|brougham': a one-word person's key names its
    document, whose id changes with its text."""
    return key.rsplit("|", 1)[0] if key else ""


# ------------------------------------------------------------------ machine values

def _remember(db: Database, table: str, rid: str, cols: list[str]) -> None:
    """Keep the values these columns have before a correction first changes them."""
    row = db.execute(f"select machine, {', '.join(cols)} from {table} where id = ?",
                     [rid]).fetchone()
    machine = _loads(row[0])
    for col, value in zip(cols, row[1:], strict=True):
        machine.setdefault(col, value)
    db.execute(f"update {table} set machine = ? where id = ?", [json.dumps(machine), rid])


def _time_columns(values: dict[str, Any]) -> dict[str, Any]:
    """sort_from/sort_to (and inferred) for a fact whose dates a person set."""
    start = values.get("time_start") or values.get("time")
    end = values.get("time_end") or values.get("time")
    lo = timex.sort_key(start) if start else None
    hi = timex.sort_key(end) if end else None
    return {"sort_from": lo, "sort_to": hi if hi is not None else lo, "inferred": 0}


def reset_fact(db: Database, fid: str) -> None:
    """The fact as the machine wrote it (an added fact: gone)."""
    row = db.execute("select extractor, machine from facts where id = ?", [fid]).fetchone()
    if row is None:
        return
    if row[0] == USER_RULE:
        db.execute("delete from facts where id = ?", [fid])
        return
    machine = {k: v for k, v in _loads(row[1]).items() if k in MACHINE_FACT}
    sets = ", ".join(f"{c} = ?" for c in machine)
    db.execute(f"update facts set {sets + ', ' if sets else ''}review = 'machine', machine = null"
               " where id = ?", [*machine.values(), fid])


def reset_entity(db: Database, eid: str) -> None:
    machine = {k: v for k, v in _loads(_one(db, "select machine from entities where id = ?",
                                            [eid])).items() if k in ("name", "kind")}
    sets = ", ".join(f"{c} = ?" for c in machine)
    db.execute(f"update entities set {sets + ', ' if sets else ''}review = 'machine',"
               " machine = null where id = ?", [*machine.values(), eid])


# ------------------------------------------------------------------ applying

Row = dict[str, Any]


def _follow(db: Database, c: Row, found: str | None) -> str | None:
    """The correction's target as found now; the correction points at it from here on."""
    if found and found != c["target"]:
        db.execute("update corrections set target = ? where id = ?", [found, c["id"]])
    return found


def _fact_target(db: Database, c: Row) -> str | None:
    return _follow(db, c, find_fact(db, c["target"], c["payload"].get("where")))


def _review_fact(db: Database, c: Row) -> bool:
    fid = _fact_target(db, c)
    if fid is None:
        return False
    db.execute("update facts set review = ? where id = ?", [FACT_REVIEW[c["action"]], fid])
    return True


def _edit_fact(db: Database, c: Row) -> bool:
    fid = _fact_target(db, c)
    if fid is None:
        return False
    # column names go into SQL: only the editable ones, whatever the row holds
    values: dict[str, Any] = {k: v for k, v in c["payload"].get("set", {}).items()
                              if k in EDITABLE}
    if not values:
        raise ValueError("an edit that sets no editable column")
    keys = c["payload"].get("keys", {})
    for col in ("subject_id", "object_id"):
        if col in values and values[col] is not None:
            values[col] = find_entity(db, values[col], keys.get(col))
            if values[col] is None:
                return False
    if any(k in values for k in ("time", "time_start", "time_end")):
        row = db.execute("select time, time_start, time_end from facts where id = ?",
                         [fid]).fetchone()
        dates = {**dict(zip(("time", "time_start", "time_end"), row, strict=True)), **values}
        values |= _time_columns(dates)
    _remember(db, "facts", fid, list(values))
    sets = ", ".join(f"{c} = ?" for c in values)
    db.execute(f"update facts set {sets}, review = 'corrected' where id = ?",
               [*values.values(), fid])
    return True


def added_fact_id(c: Row) -> str:
    """The id of a fact a person added: the correction's own, so other corrections can
    point at it whatever document version it is anchored in."""
    return hashlib.sha1(f"added|{c['id']}|{c['created_at']}".encode()).hexdigest()[:16]


def _anchor(db: Database, c: Row) -> tuple[str, int, int] | None:
    """The document and span of an added fact's passage: where it was selected, else the
    same words in the document now read from that source (the occurrence nearest the
    old place)."""
    p = c["payload"]
    text = _one(db, "select text from documents where id = ?", [c["target"]])
    if text is not None and text[p["start"]:p["end"]] == p["evidence"]:
        return c["target"], p["start"], p["end"]
    best: tuple[int, str, int] | None = None
    for did, dtext in db.execute("select id, text from documents where source = ?",
                                 [p.get("source")]):
        i = dtext.find(p["evidence"])
        while i >= 0:
            cand = (abs(i - p["start"]), did, i)
            best = cand if best is None or cand < best else best
            i = dtext.find(p["evidence"], i + 1)
    if best is None:
        return None
    return best[1], best[2], best[2] + len(p["evidence"])


def _add_fact(db: Database, c: Row) -> bool:
    p = c["payload"]
    where = _anchor(db, c)
    subject = find_entity(db, p["subject"], p.get("subject_key"))
    obj = find_entity(db, p.get("object"), p.get("object_key")) if p.get("object") else None
    if where is None or subject is None or (p.get("object") and obj is None):
        db.execute("delete from facts where id = ?", [added_fact_id(c)])
        return False
    doc_id, start, end = where
    dates = {k: p.get(k) for k in ("time", "time_start", "time_end")}
    row = {"id": added_fact_id(c), "doc_id": doc_id, "type": p["type"], "subject_id": subject,
           "object_id": obj, "role": p.get("role"), **dates, **_time_columns(dates),
           "evidence_start": start, "evidence_end": end, "evidence": p["evidence"],
           "extractor": USER_RULE, "confidence": 1.0, "review": "added"}
    old = db.execute("select review from facts where id = ?", [row["id"]]).fetchone()
    if old is None:
        db["facts"].insert(row)
    else:  # applied before: later corrections (confirm, edit) keep their say
        row.pop("review")
        db["facts"].update(row["id"], {k: v for k, v in row.items() if k != "id"})
    return True


def _entity_target(db: Database, c: Row) -> str | None:
    return _follow(db, c, find_entity(db, c["target"], c["payload"].get("key")))


def _rename(db: Database, c: Row) -> bool:
    eid = _entity_target(db, c)
    if eid is None:
        return False
    col = "name" if c["action"] == "rename_entity" else "kind"
    _remember(db, "entities", eid, [col])
    db.execute(f"update entities set {col} = ?, review = 'corrected' where id = ?",
               [c["payload"][col], eid])
    if col == "name" and not _has_alias(db, eid, c["payload"]["name"], None):
        # found by its new name, as by any other (names are looked up among aliases)
        db["aliases"].insert({"entity_id": eid, "alias": c["payload"]["name"],
                              "norm": norm(c["payload"]["name"]), "doc_id": None,
                              "start": None, "end": None, "rule": RENAME_RULE})
    return True


def _has_alias(db: Database, eid: str, alias: str, doc_id: str | None) -> bool:
    return _one(db, "select 1 from aliases where entity_id = ? and alias = ? and doc_id is ?",
                [eid, alias, doc_id]) is not None


def _add_alias(db: Database, c: Row) -> bool:
    eid = _entity_target(db, c)
    if eid is None:
        return False
    alias = c["payload"]["alias"]
    if not _has_alias(db, eid, alias, None):
        db["aliases"].insert({"entity_id": eid, "alias": alias, "norm": norm(alias),
                              "doc_id": None, "start": None, "end": None, "rule": USER_RULE})
    db.execute("update entities set review = 'corrected' where id = ?", [eid])
    return True


ALIAS_COLUMNS = ("alias", "norm", "doc_id", "start", "end", "rule")


def _remove_alias(db: Database, c: Row) -> bool:
    eid = _entity_target(db, c)
    if eid is None:
        return False
    rows = [list(r) for r in db.execute(
        f"select {', '.join(ALIAS_COLUMNS)} from aliases where entity_id = ? and norm = ?",
        [eid, norm(c["payload"]["alias"])])]
    effect = c["effect"]
    effect["rows"] = [r for r in effect.get("rows", []) if r not in rows] + rows
    db.execute("delete from aliases where entity_id = ? and norm = ?",
               [eid, norm(c["payload"]["alias"])])
    db.execute("update entities set review = 'corrected' where id = ?", [eid])
    return True


def _move_all(db: Database, old: str, new: str, effect: dict[str, Any]) -> None:
    """Every row of entity ``old`` to ``new``, recorded in ``effect`` to move back."""
    mentions = [list(r) for r in db.execute(
        "select doc_id, start, end, id from mentions where entity_id = ?", [old])]
    db.execute("update mentions set entity_id = ? where entity_id = ?", [new, old])
    moved, dropped = [], []
    for row in db.execute(f"select {', '.join(ALIAS_COLUMNS)} from aliases where entity_id = ?",
                          [old]).fetchall():
        alias, doc_id = row[0], row[2]
        if _has_alias(db, new, alias, doc_id):
            dropped.append(list(row))
        else:
            moved.append([alias, doc_id])
        db.execute("update or ignore aliases set entity_id = ? where entity_id = ? and alias = ?"
                   " and doc_id is ?", [new, old, alias, doc_id])
    db.execute("delete from aliases where entity_id = ?", [old])
    facts = []
    for col in ENTITY_COLUMNS:
        facts += [[r[0], col] for r in db.execute(f"select id from facts where {col} = ?", [old])]
        db.execute(f"update facts set {col} = ? where {col} = ?", [new, old])
    for name, rows in (("mentions", mentions), ("aliases", moved), ("dropped", dropped),
                       ("facts", facts)):
        effect[name] = effect.get(name, []) + [r for r in rows if r not in effect.get(name, [])]


def _merge(db: Database, c: Row) -> bool:
    p, effect = c["payload"], c["effect"]
    into = find_entity(db, p["into"], p.get("into_key"))
    if into is None:
        return False
    if into != p["into"]:
        p["into"] = into
        db.execute("update corrections set payload = ? where id = ?", [json.dumps(p), c["id"]])
    eid = find_entity(db, c["target"], p.get("key"))
    if eid is None or eid == into:
        # merged before and not written again since: applied while its rows are still there
        return any(_one(db, "select 1 from mentions where doc_id = ? and start = ? and end = ?"
                        " and id = ? and entity_id = ?", [*m, into])
                   for m in effect.get("mentions", []))
    row = db.execute("select id, kind, name, ambiguous, note, key, slug, review, machine"
                     " from entities where id = ?", [eid]).fetchone()
    effect["entity"] = dict(zip(("id", "kind", "name", "ambiguous", "note", "key", "slug",
                                 "review", "machine"), row, strict=True))
    _move_all(db, eid, into, effect)
    db.execute("delete from entities where id = ?", [eid])
    db.execute("update entities set review = 'corrected' where id = ?", [into])
    return True


def _unmerge(db: Database, c: Row) -> None:
    p, effect = c["payload"], c["effect"]
    into = find_entity(db, p["into"], p.get("into_key"))
    old = effect.get("entity")
    if into is None or not old:
        return
    eid = find_entity(db, old["id"], old["key"])
    if eid is None:
        eid = old["id"] if not _one(db, "select 1 from entities where id = ?", [old["id"]]) \
            else f"{old['id']}-{c['id']}"
        db["entities"].insert({**old, "id": eid})
    for doc_id, start, end, mid in effect.get("mentions", []):
        db.execute("update mentions set entity_id = ? where entity_id = ? and doc_id = ?"
                   " and start = ? and end = ? and id = ?", [eid, into, doc_id, start, end, mid])
    for alias, doc_id in effect.get("aliases", []):
        db.execute("update or ignore aliases set entity_id = ? where entity_id = ? and alias = ?"
                   " and doc_id is ?", [eid, into, alias, doc_id])
    _restore_aliases(db, eid, effect.get("dropped", []))
    for fid, col in effect.get("facts", []):
        if col not in ENTITY_COLUMNS:  # a column name goes into SQL
            continue
        db.execute(f"update facts set {col} = ? where id = ? and {col} = ?", [eid, fid, into])
    reset_entity(db, into)


def _restore_aliases(db: Database, eid: str, rows: list[list[Any]]) -> None:
    for row in rows:
        rec = dict(zip(ALIAS_COLUMNS, row, strict=True))
        if rec["doc_id"] is not None and not _one(
                db, "select 1 from documents where id = ?", [rec["doc_id"]]):
            continue  # that version of the document is gone: its rows went with it
        if not _has_alias(db, eid, rec["alias"], rec["doc_id"]):
            db["aliases"].insert({"entity_id": eid, **rec})


def _mentions_now(db: Database, p: dict[str, Any]) -> list[list[Any]]:
    """The chosen mentions in the documents as they are now: a document read again from
    its source after a change has a new id; a mention is the same words at the same place,
    else the nearest mention with those words."""
    out = []
    for doc_id, start, end, *rest in p["mentions"]:
        text = rest[0] if rest else None
        if _one(db, "select 1 from documents where id = ?", [doc_id]) or text is None:
            out.append([doc_id, start, end])
            continue
        source = p.get("sources", {}).get(doc_id)
        found = db.execute(
            "select m.doc_id, m.start, m.end from mentions m join documents d on d.id = m.doc_id"
            " where d.source = ? and m.text = ? order by abs(m.start - ?), m.start limit 1",
            [source, text, start]).fetchone()
        if found:
            out.append(list(found))
    return out


def split_key(c: Row) -> str:
    p = c["payload"]
    return f"{p['kind']}|{slug(p['name'])}|split-{c['id']}"


def _split(db: Database, c: Row) -> bool:
    p = c["payload"]
    key = split_key(c)
    eid = _entity_target(db, c)
    new = _one(db, "select id from entities where key = ?", [key])
    listed = [m for m in _mentions_now(db, p) if _one(
        db, "select 1 from mentions where doc_id = ? and start = ? and end = ? and entity_id in"
        " (?, ?)", [*m, eid, new])]
    if not listed:
        return False
    if new is None:
        s = slug(p["name"])
        new = next(i for i in (s, f"{s}-{p['kind'].lower()}", f"{s}-split-{c['id']}")
                   if not _one(db, "select 1 from entities where id = ?", [i]))
        db["entities"].insert({"id": new, "kind": p["kind"], "name": p["name"], "ambiguous": 0,
                               "note": None, "key": key, "slug": s, "review": "added"})
    if eid is None:
        return True
    moved = []
    for doc_id, start, end in listed:
        if db.execute("update mentions set entity_id = ? where doc_id = ? and start = ?"
                      " and end = ? and entity_id = ?", [new, doc_id, start, end, eid]).rowcount:
            moved.append((doc_id, start, end))
        text = _one(db, "select text from mentions where doc_id = ? and start = ? and end = ?",
                    [doc_id, start, end])
        # the alias this mention justified goes with it (and comes back on undo)
        db.execute("update or ignore aliases set entity_id = ? where entity_id = ? and doc_id = ?"
                   " and start = ? and end = ?", [new, eid, doc_id, start, end])
        db.execute("delete from aliases where entity_id = ? and doc_id = ? and start = ?"
                   " and end = ?", [eid, doc_id, start, end])
        if not _has_alias(db, new, text, doc_id):
            db["aliases"].insert({"entity_id": new, "alias": text, "norm": norm(text),
                                  "doc_id": doc_id, "start": start, "end": end,
                                  "rule": "user.split"})
    # a fact goes with the mention its evidence holds, if no mention it keeps is there
    for doc_id, start, end in moved:
        for col in ENTITY_COLUMNS:
            for fid, es, ee in db.execute(
                    f"select id, evidence_start, evidence_end from facts where doc_id = ?"
                    f" and {col} = ? and evidence_start <= ? and evidence_end >= ?",
                    [doc_id, eid, start, end]).fetchall():
                if not _one(db, "select 1 from mentions where doc_id = ? and entity_id = ?"
                            " and start >= ? and end <= ?", [doc_id, eid, es, ee]):
                    db.execute(f"update facts set {col} = ? where id = ?", [new, fid])
    db.execute("update entities set review = 'corrected' where id = ?", [eid])
    return True


def _unsplit(db: Database, c: Row) -> None:
    new = _one(db, "select id from entities where key = ?", [split_key(c)])
    eid = find_entity(db, c["target"], c["payload"].get("key"))
    if new is None:
        return
    if eid is not None:
        db.execute("update mentions set entity_id = ? where entity_id = ?", [eid, new])
        db.execute("delete from aliases where entity_id = ? and rule = 'user.split'", [new])
        db.execute("update or ignore aliases set entity_id = ? where entity_id = ?", [eid, new])
        for col in ENTITY_COLUMNS:
            db.execute(f"update facts set {col} = ? where {col} = ?", [eid, new])
        reset_entity(db, eid)
    db.execute("delete from aliases where entity_id = ?", [new])
    if not _one(db, "select 1 from mentions where entity_id = ?", [new]):
        db.execute("delete from entities where id = ?", [new])


APPLY: dict[str, Callable[[Database, Row], bool]] = {
    "confirm_fact": _review_fact, "reject_fact": _review_fact, "edit_fact": _edit_fact,
    "add_fact": _add_fact, "merge_entities": _merge, "split_entity": _split,
    "rename_entity": _rename, "set_kind": _rename, "add_alias": _add_alias,
    "remove_alias": _remove_alias,
}


def take_back(db: Database, c: Row) -> None:
    """Undo what correction ``c`` did to the rows (the caller then applies the others)."""
    action = c["action"]
    if action == "add_fact":
        db.execute("delete from facts where id = ?", [added_fact_id(c)])
    elif action in ("confirm_fact", "reject_fact", "edit_fact"):
        fid = find_fact(db, c["target"], c["payload"].get("where"))
        if fid:
            reset_fact(db, fid)
    elif action in ("rename_entity", "set_kind"):
        eid = find_entity(db, c["target"], c["payload"].get("key"))
        if eid:
            db.execute("delete from aliases where entity_id = ? and rule = ?", [eid, RENAME_RULE])
            reset_entity(db, eid)
    elif action == "add_alias":
        eid = find_entity(db, c["target"], c["payload"].get("key"))
        if eid:
            db.execute("delete from aliases where entity_id = ? and alias = ? and rule = ?",
                       [eid, c["payload"]["alias"], USER_RULE])
            reset_entity(db, eid)
    elif action == "remove_alias":
        eid = find_entity(db, c["target"], c["payload"].get("key"))
        if eid:
            _restore_aliases(db, eid, c["effect"].get("rows", []))
            reset_entity(db, eid)
    elif action == "merge_entities":
        _unmerge(db, c)
    elif action == "split_entity":
        _unsplit(db, c)
    db.execute("update corrections set effect = null where id = ?", [c["id"]])


# ------------------------------------------------------------------ the whole list

def rows(db: Database) -> list[Row]:
    out = []
    for r in db.query("select * from corrections order by id"):
        r["payload"] = _loads(r["payload"])
        r["effect"] = _loads(r.get("effect"))
        r.setdefault("status", "applied")  # a store before m010, read as it is
        r.setdefault("author", None)
        out.append(r)
    return out


def undone(corrections: list[Row]) -> set[int]:
    """Ids of the corrections an active undo points at (an undo can itself be undone)."""
    out: set[int] = set()
    for c in sorted(corrections, key=lambda c: -c["id"]):
        if c["id"] not in out and c["action"] == "undo":
            out.add(int(c["target"]))
    return out


def _apply_one(db: Database, c: Row) -> str:
    """applied, lost, or failed: a correction that cannot be applied (a malformed row, a
    bug) is undone to a savepoint and marked, so it never stops a document being written."""
    db.execute("savepoint correction")
    try:
        found = APPLY[c["action"]](db, c)
    except (sqlite3.Error, KeyError, ValueError, TypeError, IndexError):
        db.execute("rollback to correction")
        db.execute("release correction")
        return "failed"
    db.execute("release correction")
    return "applied" if found else "lost"


def reapply(db: Database) -> list[Row]:
    """Apply every active correction again, in the order they were made; record each
    one's status; return those that were applied before and are lost (or failed) now."""
    all_rows = rows(db)
    off = undone(all_rows)
    lost = []
    stamp = now()
    for c in all_rows:
        if c["id"] in off:
            status = "undone"
        elif c["action"] == "undo":
            status = "applied"
        else:
            status = _apply_one(db, c)
            if status != "applied" and c["status"] == "applied":
                lost.append(c)
        db.execute("update corrections set status = ?, effect = ?, checked_at = ? where id = ?",
                   [status, json.dumps(c["effect"]) if c["effect"] else None, stamp, c["id"]])
        c["status"] = status
    return lost


def record(db: Database, action: str, target: str, payload: dict[str, Any], note: str | None,
           author: str | None) -> int:
    """A new correction row (applied by the next :func:`reapply`)."""
    return db["corrections"].insert({
        "created_at": now(), "action": action, "target": target,
        "payload": json.dumps(payload, ensure_ascii=False), "note": note, "author": author,
        "status": "applied"}).last_pk
