"""Questions asked of a store: a timeline, a network, the system on a date, full-text search.

The web app renders these and the Python API returns them; each returns plain dicts and
lists (JSON-ready), and every line that states something carries its evidence: the
document, the character span and the sentence.

Times are EDTF strings at the precision the text gives; ``cliograph.edtf`` turns them
into half-open intervals of fractional years (a year-only date covers the whole year; BC
dates order correctly), and back into words. A fact holds over ``fact_interval(row)``.
"""

from __future__ import annotations

import functools
import json
import math
import re
import statistics
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from .edtf import (
    Interval,
    bounds,
    date_label,
    edtf_day,
    fact_interval,
    iso_day,
    parse_date,
    precision,
    span,
    year_label,
)
from .errors import UsageError
from .gazetteer import locate_together
from .model import KINDS, RELATION_TYPES
from .names import norm, spell_out, spellings
from .store import Store

T = TypeVar("T")

__all__ = [
    "EDGE_TYPES", "FACT_ORDER", "NODE_KINDS", "TIMELINE_GROUPS", "Interval", "Memo",
    "all_fact_rows", "bounds", "date_label", "edtf_day", "evidence", "fact_interval",
    "fact_label", "fact_rows", "fact_summary", "fts_query", "holders", "spellings", "iso_day", "memo",
    "middle_date", "network", "parse_date", "precision", "search", "split_hits", "state_on",
    "time_span", "timeline", "undated", "when_label", "year_label", "dated_years", "end_label",
]

# A corpus states few distinct dates over many facts: read and word each EDTF value once.
# Both are pure functions of the string and return immutable values.
_label = functools.lru_cache(maxsize=16384)(date_label)


def when_label(row: dict[str, Any]) -> str:
    """A fact's time as text: '8 April 1922', 'from April 1922', 'until 1923',
    with ' (inferred)' when the narrative, not the sentence, gave it."""
    if row.get("time"):
        text = _label(row["time"])
    elif row.get("time_start") and row.get("time_end") and row.get("end_basis"):
        text = f"from {_label(row['time_start'])}, {end_label(row)}"
    elif row.get("time_start") and row.get("time_end"):
        text = f"{_label(row['time_start'])}–{_label(row['time_end'])}"
    elif row.get("time_start"):
        text = f"from {_label(row['time_start'])}"
    elif row.get("time_end"):
        text = f"until {_label(row['time_end'])}"
    else:
        return ""
    return f"{text} (inferred)" if row.get("inferred") else text


#: Why an inferred end is where it is, in words.
END_BASIS = {"death": "until death", "successor": "until the next holder",
             "horizon": "last attested", "dissolution": "until the body was dissolved"}


def end_label(row: dict[str, Any]) -> str:
    """An inferred end in words: 'last attested December 1685', 'until death (March 1919)'."""
    basis = row.get("end_basis")
    if not basis or not row.get("time_end"):
        return ""
    if basis == "horizon":
        return f"last attested {_label(row['time_end'])}"
    return f"{END_BASIS.get(basis, 'until')} ({_label(row['time_end'])})"


# ------------------------------------------------------------------ facts and intervals

_FACT_SQL = """
select f.*, s.name as subject_name, s.kind as subject_kind,
       o.name as object_name, o.kind as object_kind,
       b.name as body_name, b.kind as body_kind, p.name as place_name, p.kind as place_kind,
       d.title as doc_title
from facts f
join entities s on s.id = f.subject_id
left join entities o on o.id = f.object_id
left join entities b on b.id = f.body_id
left join entities p on p.id = f.place_id
join documents d on d.id = f.doc_id
{where}
order by {order}
"""
#: The order facts come in: time, undated last, then where they are stated.
FACT_ORDER = "f.sort_from is null, f.sort_from, f.doc_id, f.evidence_start"


#: Facts a person has not rejected: every question leaves the rejected ones out.
NOT_REJECTED = "f.review != 'rejected'"
#: The review statuses a facts table may ask for ('all' shows the rejected too).
REVIEWS = ("machine", "confirmed", "corrected", "rejected", "added", "all")


def fact_rows(store: Store, where: str = "", params: Sequence[Any] = (), *,
              rejected: bool = False) -> list[dict[str, Any]]:
    """Facts joined with the names and kinds of their entities and their document's title.

    ``where`` is an SQL condition on the aliases ``f`` (facts), ``s``, ``o``, ``b``, ``p``
    (subject, object, body, place) and ``d`` (document), with ``?`` parameters. Facts a
    person rejected are left out unless ``rejected``.
    """
    conds = [c for c in (where, "" if rejected else NOT_REJECTED) if c]
    where = " and ".join(f"({c})" for c in conds)
    sql = _FACT_SQL.format(where=f"where {where}" if where else "", order=FACT_ORDER)
    return list(store.db.query(sql, list(params)))


class Memo(OrderedDict[Hashable, Any]):
    """Values computed from a database that stay right until it changes, the least
    recently used dropped beyond ``size``. The web app hangs one on its read-only store
    (``Store.memo``) and empties it whenever another connection commits; a store without
    one computes everything afresh, as a library caller writing to it needs."""

    def __init__(self, size: int = 256) -> None:
        super().__init__()
        self.size = size


def memo(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave before for ``key`` while the store's memo holds it.
    Callers share the value: they must not change it."""
    cache: Memo | None = getattr(store, "memo", None)
    if cache is None:
        return compute()
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = compute()
    if len(cache) > cache.size:
        cache.popitem(last=False)
    return value


def all_fact_rows(store: Store) -> list[dict[str, Any]]:
    """``fact_rows(store)``, shared through the store's memo (a new list, the same rows)."""
    return list(memo(store, "fact_rows", lambda: fact_rows(store)))


def _ref(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    eid = row.get(f"{role}_id")
    if not eid:
        return None
    return {"id": eid, "name": row.get(f"{role}_name"), "kind": row.get(f"{role}_kind")}


def evidence(row: dict[str, Any]) -> dict[str, Any]:
    """A fact's provenance: where it is stated, by which rule, how sure."""
    return {
        "fact_id": row["id"],
        "doc_id": row["doc_id"],
        "doc_title": row.get("doc_title"),
        "start": row["evidence_start"],
        "end": row["evidence_end"],
        "text": (row.get("evidence") or "").strip(),
        "extractor": row["extractor"],
        "confidence": row["confidence"],
    }


_VERB = {
    "HOLDS_OFFICE": "holds the office of", "MEMBER_OF": "member of", "ALLY": "allied with",
    "OPPOSES": "opposes", "SUPPORTS_POLICY": "supports", "OPPOSES_POLICY": "opposes",
    "PARTICIPATES": "takes part in", "DECIDES": "decides", "QUOTE": "says to",
}


def fact_label(row: dict[str, Any]) -> str:
    """A fact as a short phrase: 'Stalin holds the office of General Secretary',
    'Nadezhda Krupskaya, wife of Lenin', 'Kronstadt mutiny happened'."""
    s, o, t = row.get("subject_name") or row["subject_id"], row.get("object_name"), row["type"]
    if t == "KIN":
        return f"{s}, {row.get('role') or 'kin'} of {o}"
    if t == "MEMBER_OF" and row.get("role") and row["role"] != "member":
        return f"{s}, {row['role']} of {o}"
    if t == "HEALTH":
        return f"{s}: {row.get('condition') or 'health'}"
    if t == "HAPPENED":
        return f"{s} happened" + (f" at {row['place_name']}" if row.get("place_name") else "")
    if t in ("BORN", "DIED"):
        verb = "born" if t == "BORN" else "died"
        extra = f" at {row['place_name']}" if row.get("place_name") else ""
        extra += f" ({row['condition']})" if row.get("condition") else ""
        return f"{s} {verb}{extra}"
    if t == "QUOTE":
        words = (row.get("text") or "").strip()
        short = words if len(words) <= 80 else words[:77] + "…"
        return f"{s}{' to ' + o if o else ''}: “{short}”"
    label = f"{s} {_VERB.get(t, t.lower().replace('_', ' '))} {o or ''}".strip()
    if row.get("topic"):
        label += f" (on {row['topic']})"
    if row.get("role") and t in ("PARTICIPATES", "HOLDS_OFFICE"):
        label += f" ({row['role']})"
    return label


def fact_summary(row: dict[str, Any]) -> dict[str, Any]:
    """A fact as the JSON the app serves: entities, time (raw and as text), evidence."""
    return {
        "id": row["id"],
        "type": row["type"],
        "label": fact_label(row),
        "subject": _ref(row, "subject"),
        "object": _ref(row, "object"),
        "body": _ref(row, "body"),
        "place": _ref(row, "place"),
        "role": row.get("role"),
        "topic": row.get("topic"),
        "condition": row.get("condition"),
        "text": row.get("text"),
        "time": row.get("time"),
        "time_start": row.get("time_start"),
        "time_end": row.get("time_end"),
        "when": when_label(row),
        "inferred": bool(row.get("inferred")),
        "julian": row.get("julian"),
        "evidence": evidence(row),
        "review": row.get("review") or "machine",
    }


def _entity(store: Store, entity: str) -> dict[str, Any]:
    row = store.db.execute("select id, name, kind from entities where id = ?", [entity]).fetchone()
    if row is None:
        found = store.entity(entity)
        if found is None:
            raise UsageError(f"no entity named '{entity}'; search for it or list them with "
                             f"'cliograph entities'")
        return {"id": found["id"], "name": found["name"], "kind": found["kind"]}
    return {"id": row[0], "name": row[1], "kind": row[2]}


# ------------------------------------------------------------------ offices and tenures

def holders(store: Store, office_id: str) -> list[dict[str, Any]]:
    """Who held an office, in time order, one line per fact.

    A fact with only a start holds from then until a later holder of the same office
    appears (``to_basis: "next holder"``, with the ``successor``) or the holder dies
    (``"death"``), else it stays open; one with only an end holds since the previous
    holder's last attested time. Undated holdings come last.
    """
    def compute() -> list[dict[str, Any]]:
        rows = fact_rows(store, "f.type = 'HOLDS_OFFICE' and f.object_id = ?", [office_id])
        return _tenures(rows, _deaths(store))
    return list(memo(store, ("holders", office_id), compute))


def _deaths(store: Store) -> dict[str, tuple[float, dict[str, Any]]]:
    """Person id -> (the end of their dated death, the DIED fact)."""
    def compute() -> dict[str, tuple[float, dict[str, Any]]]:
        out: dict[str, tuple[float, dict[str, Any]]] = {}
        for r in fact_rows(store, "f.type = 'DIED'"):
            iv = fact_interval(r)
            end = iv.hi if iv.hi is not None else iv.lo
            if end is not None and (r["subject_id"] not in out or end < out[r["subject_id"]][0]):
                out[r["subject_id"]] = (end, r)
        return out
    return memo(store, "deaths", compute)


def _office_tenures(store: Store, inferred_ends: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Office id -> its tenures (see ``holders``), out of all the fact rows."""
    def compute() -> dict[str, list[dict[str, Any]]]:
        by_office: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in all_fact_rows(store):
            if r["type"] == "HOLDS_OFFICE" and r["object_id"]:
                by_office[r["object_id"]].append(r)
        deaths = _deaths(store)
        return {office: _tenures(office_rows, deaths, inferred_ends)
                for office, office_rows in by_office.items()}
    return memo(store, ("office_tenures", inferred_ends), compute)


def _tenures(rows: list[dict[str, Any]],
             deaths: dict[str, tuple[float, dict[str, Any]]] | None = None,
             inferred_ends: bool = True) -> list[dict[str, Any]]:
    deaths = deaths or {}
    raw = [(r, fact_interval(r, inferred_ends)) for r in rows]
    dated = [(r, iv) for r, iv in raw if iv.dated]
    out = []
    for r, iv in raw:
        lo, hi = iv.lo, iv.hi
        successor = None
        lo_basis = "stated" if lo is not None else None
        hi_basis = "stated" if hi is not None else None
        if iv.dated and hi is None and lo is not None:
            ends = [(o.lo, "next holder", q) for q, o in dated
                    if q["subject_id"] != r["subject_id"] and o.lo is not None and o.lo > lo]
            death = deaths.get(r["subject_id"])
            if death and death[0] > lo:
                ends.append((death[0], "death", death[1]))
            if ends:
                hi, hi_basis, nxt = min(ends, key=lambda x: x[0])
                successor = {**_ref(nxt, "subject"), "when": when_label(nxt), "fact_id": nxt["id"],
                             "basis": hi_basis}
            else:
                hi_basis = "open"
        if iv.dated and lo is None and hi is not None:
            earlier = [o.hi for q, o in dated
                       if q["subject_id"] != r["subject_id"] and o.hi is not None and o.hi < hi
                       and o.lo is not None]
            if earlier:
                lo, lo_basis = max(earlier), "previous holder"
            else:
                lo_basis = "open"
        if r.get("end_basis") and hi_basis == "stated":
            hi_basis = r["end_basis"] if inferred_ends else "attested"
        out.append({**fact_summary(r), "person": _ref(r, "subject"), "office": _ref(r, "object"),
                    "from": lo, "to": hi, "from_basis": lo_basis, "to_basis": hi_basis,
                    "successor": successor, "dated": iv.dated,
                    "last_attested": end_label(r) if inferred_ends else None})
    out.sort(key=lambda t: (not t["dated"], t["from"] if t["from"] is not None else
                            (t["to"] if t["to"] is not None else math.inf)))
    return out


def _covers(lo: float | None, hi: float | None, dlo: float, dhi: float) -> bool:
    return (lo is None or lo < dhi) and (hi is None or hi > dlo)


# ------------------------------------------------------------------ the system on a date

def state_on(store: Store, date: str, inferred_ends: bool = True) -> dict[str, Any]:
    """The system on a date: who held each office, who belonged to each body and faction,
    which policies were decided, supported or opposed, which events were under way.

    Only dated facts take part; each line lists the facts that support it. A year or month
    counts as covering every day in it, so '1922' holds on 1922-05-01. An event is under
    way only within its own dates. A tenure whose end the text does not state lasts to an
    inferred end (the holder's death, a successor, the last date its document speaks of:
    'last attested ...') with ``inferred_ends``, else only where the sources attest it.
    ``outside`` says when the date lies outside every date the store knows (``known``).

    Example:
        >>> state = cliograph.state_on(store, "1789-05-01")
        >>> [h["person"]["name"] for o in state["offices"] if o["office"]["name"] == "President"
        ...  for h in o["holders"]]
        ['George Washington']
    """
    dlo, dhi = parse_date(date)
    rows = all_fact_rows(store)
    undated = 0
    known = time_span(store)

    offices: dict[str, dict[str, Any]] = {}
    for office_id, tenures in _office_tenures(store, inferred_ends).items():
        for t in tenures:
            if not t["dated"]:
                undated += 1
                continue
            if not _covers(t["from"], t["to"], dlo, dhi):
                continue
            entry = offices.setdefault(office_id, {"office": t["office"], "holders": {}})
            holder = entry["holders"].setdefault(
                t["person"]["id"], {"person": t["person"], "when": [], "evidence": []})
            holder["when"].append(_tenure_text(t))
            if t.get("last_attested"):
                holder["last_attested"] = t["last_attested"]
            holder["evidence"].append({**t["evidence"], "when": t["when"]})

    bodies: dict[str, dict[str, Any]] = {}
    policies: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    for r in rows:
        t = r["type"]
        if t not in ("MEMBER_OF", "SUPPORTS_POLICY", "OPPOSES_POLICY", "DECIDES", "HAPPENED",
                     "PARTICIPATES"):
            continue
        iv = fact_interval(r, inferred_ends)
        if not iv.dated:
            undated += 1
            continue
        line = {"fact": r["id"], "when": when_label(r), "evidence": {**evidence(r),
                                                                     "when": when_label(r)}}
        if t == "MEMBER_OF" and r["object_id"] and iv.overlaps(dlo, dhi):
            entry = bodies.setdefault(r["object_id"], {"body": _ref(r, "object"), "members": {}})
            member = entry["members"].setdefault(
                r["subject_id"], {"member": _ref(r, "subject"), "roles": [], "evidence": []})
            if r.get("role") and r["role"] not in member["roles"]:
                member["roles"].append(r["role"])
            member["evidence"].append(line["evidence"])
        elif (t in ("SUPPORTS_POLICY", "OPPOSES_POLICY") and r["object_id"]
              and iv.overlaps(dlo, dhi)):
            entry = _policy(policies, r)
            side = "supporters" if t == "SUPPORTS_POLICY" else "opponents"
            entry[side].append({"who": _ref(r, "subject"), **line})
        elif t == "DECIDES" and r.get("object_kind") == "POLICY" and r["object_id"]:
            if iv.lo is not None and iv.lo < dhi:  # decided on or before the date
                _policy(policies, r)["decisions"].append({"by": _ref(r, "subject"), **line})
        elif t in ("HAPPENED", "DECIDES") and r.get("subject_kind") == "EVENT":
            if iv.overlaps(dlo, dhi):
                _event(events, r["subject_id"], _ref(r, "subject"))["facts"].append(
                    {"label": fact_label(r), **line})
        elif t == "PARTICIPATES" and r.get("object_kind") == "EVENT" and iv.overlaps(dlo, dhi):
            _event(events, r["object_id"], _ref(r, "object"))["participants"].append(
                {"who": _ref(r, "subject"), "role": r.get("role"), **line})

    for p in policies.values():
        status = []
        if p["decisions"]:
            status.append("decided")
        if p["supporters"]:
            status.append("supported")
        if p["opponents"]:
            status.append("contested")
        p["status"] = status

    def named(d: dict[str, dict[str, Any]], key: str) -> list[dict[str, Any]]:
        return sorted(d.values(), key=lambda e: (e[key]["name"] or "").lower())

    office_list = named(offices, "office")
    for o in office_list:
        o["holders"] = list(o["holders"].values())
    body_list = named(bodies, "body")
    for b in body_list:
        b["members"] = sorted(b["members"].values(),
                              key=lambda m: (m["member"]["name"] or "").lower())
    return {
        "date": date.strip(),
        "label": date_label(date.strip()),
        "offices": office_list,
        "bodies": body_list,
        "policies": named(policies, "policy"),
        "events": named(events, "event"),
        "undated_facts": undated,
        "inferred_ends": inferred_ends,
        "known": [edtf_day(known[0]), edtf_day(known[1])] if known else None,
        "outside": known is None or dhi <= known[0] or dlo >= known[1],
    }


def _tenure_text(t: dict[str, Any]) -> str:
    if t["time"]:
        return t["when"]
    parts = t["when"]
    if t["to_basis"] == "next holder" and t["successor"]:
        parts += f", until {t['successor']['name']} ({t['successor']['when']})"
    elif t["to_basis"] == "death" and t["successor"]:
        parts += f", until death ({t['successor']['when']})"
    return parts


def _policy(policies: dict[str, dict[str, Any]], r: dict[str, Any]) -> dict[str, Any]:
    return policies.setdefault(r["object_id"], {"policy": _ref(r, "object"), "decisions": [],
                                                "supporters": [], "opponents": []})


def _event(events: dict[str, dict[str, Any]], eid: str,
           ref: dict[str, Any] | None) -> dict[str, Any]:
    return events.setdefault(eid, {"event": ref, "facts": [], "participants": []})


def middle_date(store: Store) -> str | None:
    """The middle of the corpus in time: the median of its dated facts' midpoints, as an
    EDTF day (None when no fact is dated). The date view opens there."""
    def compute() -> str | None:
        mids = []
        for r in fact_rows(store, "f.time is not null or f.time_start is not null"
                                  " or f.time_end is not null or f.sort_from is not null"):
            iv = fact_interval(r)
            if iv.lo is not None and iv.hi is not None:
                mids.append((iv.lo + iv.hi) / 2)
            elif iv.lo is not None or iv.hi is not None:
                mids.append(iv.lo if iv.lo is not None else iv.hi)
        return edtf_day(statistics.median(mids)) if mids else None
    return memo(store, "middle_date", compute)


def time_span(store: Store) -> tuple[float, float] | None:
    """The earliest and latest moment any dated fact covers, in fractional years."""
    def compute() -> tuple[float, float] | None:
        ends: list[float] = []
        for r in all_fact_rows(store):
            iv = fact_interval(r)
            ends.extend(x for x in (iv.lo, iv.hi) if x is not None)
        return (min(ends), max(ends)) if ends else None
    return memo(store, "time_span", compute)


# ------------------------------------------------------------------ timeline

#: Group order on the timeline, and which fact types are drawn as ranges.
TIMELINE_GROUPS = (
    ("HOLDS_OFFICE", "Offices held"), ("MEMBER_OF", "Memberships"), ("HAPPENED", "Events"),
    ("DECIDES", "Decisions"), ("PARTICIPATES", "Participation"),
    ("SUPPORTS_POLICY", "Policy support"), ("OPPOSES_POLICY", "Policy opposition"),
    ("ALLY", "Alliances"), ("OPPOSES", "Oppositions"), ("KIN", "Kinship"),
    ("BORN", "Births"), ("DIED", "Deaths"), ("HEALTH", "Health"), ("QUOTE", "Quotations"),
)
_RANGES = {"HOLDS_OFFICE": "tenure", "MEMBER_OF": "membership"}
_DAY = 1.5 / 365


def _kinds(values: Iterable[str] | None, allowed: Sequence[str], what: str) -> set[str] | None:
    if not values:
        return None
    out = set()
    for v in values:
        for part in str(v).split(","):
            part = part.strip().upper()
            if not part:
                continue
            if part not in allowed:
                raise UsageError(f"unknown {what} '{part}': use one of {', '.join(allowed)}")
            out.add(part)
    return out or None


def timeline(store: Store, entity: str | None = None, kinds: Iterable[str] | None = None,
             types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Dated facts as timeline items: office tenures and memberships as ranges, other
    facts as points, or as ranges covering their period when the date is only a month,
    season or year (``precision`` says which; ``inferred`` marks narrative dates).

    Args:
        entity: only facts about this entity (id, name or alias).
        kinds: only facts whose subject or object is of one of these entity kinds.
        types: only these relation types.

    Returns:
        Items in time order, each with ``start``/``end`` as ISO days JavaScript reads
        (astronomical years, so BC works), ``lo``/``hi`` fractional years, ``type``
        ('point' or 'range'), ``group`` (the relation type), the fact and its evidence.

    Example:
        >>> items = cliograph.timeline(store, entity="Washington")
        >>> items == sorted(items, key=lambda item: item["lo"]), items[0]["start"][:2]
        (True, '17')
    """
    kind_set = _kinds(kinds, KINDS, "kind")
    type_set = _kinds(types, RELATION_TYPES, "relation type")
    where, params = "", []
    if entity:
        ent = _entity(store, entity)
        where = "(f.subject_id = ? or f.object_id = ? or f.body_id = ? or f.place_id = ?)"
        params = [ent["id"]] * 4
    rows = fact_rows(store, where, params) if where else all_fact_rows(store)
    extent = time_span(store)
    # tenures need every holder of the office, not only the filtered ones
    tenure: dict[str, dict[str, Any]] = {}
    offices = {r["object_id"] for r in rows if r["type"] == "HOLDS_OFFICE" and r["object_id"]}
    for office in offices:
        for t in holders(store, office):
            tenure[t["id"]] = t
    items = []
    for r in rows:
        if type_set and r["type"] not in type_set:
            continue
        if kind_set and not {r.get("subject_kind"), r.get("object_kind")} & kind_set:
            continue
        iv = fact_interval(r)
        if not iv.dated:
            continue
        lo, hi = iv.lo, iv.hi
        if r["id"] in tenure:
            lo, hi = tenure[r["id"]]["from"], tenure[r["id"]]["to"]
        open_start, open_end = lo is None, hi is None
        if lo is None:
            lo = min(extent[0], hi - 1) if extent else hi - 1
        if hi is None:
            hi = max(extent[1], lo + 1) if extent else lo + 1
        ranged = r["type"] in _RANGES or hi - lo > _DAY
        items.append({
            **fact_summary(r),
            "kind": _RANGES.get(r["type"], "event"),
            "group": r["type"],
            "type": "range" if ranged else "point",
            "start": iso_day(lo),
            "end": iso_day(hi) if ranged else None,
            "lo": lo,
            "hi": hi,
            "precision": iv.precision,
            "open_start": open_start,
            "open_end": open_end,
        })
    items.sort(key=lambda i: (i["lo"], i["group"]))
    return items


def undated(store: Store, entity: str | None = None, kinds: Iterable[str] | None = None,
            types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The facts ``timeline`` leaves out for want of a date, with the same filters: listed
    apart, never placed at a year."""
    kind_set = _kinds(kinds, KINDS, "kind")
    type_set = _kinds(types, RELATION_TYPES, "relation type")
    if entity:
        eid = _entity(store, entity)["id"]
        rows = fact_rows(store, "(f.subject_id = ? or f.object_id = ? or f.body_id = ?"
                                " or f.place_id = ?)", [eid] * 4)
    else:
        rows = all_fact_rows(store)
    return [fact_summary(r) for r in rows
            if not fact_interval(r).dated
            and (not type_set or r["type"] in type_set)
            and (not kind_set or {r.get("subject_kind"), r.get("object_kind")} & kind_set)]


def dated_years(intervals: Iterable[Interval], most: int = 60) -> list[int]:
    """The years where dated facts are (each fact's first and last year, and the years
    between for spans of at most ``most`` years), in order: a time slider steps over
    these, not evenly over centuries where the sources say nothing."""
    years: set[int] = set()
    for iv in intervals:
        if not iv.dated or iv.lo is None:
            continue
        first = math.floor(iv.lo)
        last = math.floor(iv.hi - 1e-9) if iv.hi is not None else first
        years.update((first, last) if last - first > most else range(first, last + 1))
    return sorted(years)


# ------------------------------------------------------------------ network

NODE_KINDS = ("PERSON", "BODY", "FACTION")
EDGE_TYPES = ("ALLY", "OPPOSES", "MEMBER_OF", "KIN")


def _window(at: str | None, window: tuple[str | None, str | None] | None
            ) -> tuple[float | None, float | None] | None:
    if at:
        return parse_date(at)
    if window and (window[0] or window[1]):
        lo = parse_date(window[0])[0] if window[0] else None
        hi = parse_date(window[1])[1] if window[1] else None
        if lo is not None and hi is not None and hi <= lo:
            raise UsageError(f"empty time window: '{window[0]}' is after '{window[1]}'")
        return lo, hi
    return None


def _attested(row: dict[str, Any]) -> Interval:
    """When a fact shows its entities at work: its stated times only, so an open-ended
    tenure ('from 49 BC') attests its holder around 49 BC, not for ever after."""
    iv = fact_interval(row)
    if not iv.dated or (iv.lo is not None and iv.hi is not None):
        return iv
    edge = row.get("time_start") or row.get("time_end") or row.get("time") or ""
    for part in edge.split("/"):
        got = span(part) if part not in ("", "..") else None
        if got is not None:
            return Interval(got[0], got[1], True, got[2])
    return iv


def network(store: Store, at: str | None = None,
            window: tuple[str | None, str | None] | None = None,
            entity: str | None = None, depth: int = 1) -> dict[str, Any]:
    """People, bodies and factions joined by ALLY, OPPOSES, MEMBER_OF and KIN facts.

    With ``entity`` only its neighbourhood: the nodes at most ``depth`` edges away from it
    (over all time, so that moving the time window shows one company coming and going),
    and the edges among them; each node says how many steps away it is (``steps``).

    With ``at`` (a date) or ``window`` (from, to: dates, either may be None) only edges
    whose time overlaps it are kept; facts with no time hold at all times. A node is kept
    when it has no dated fact at all, when one of its dated facts overlaps the window, or
    when a kept edge touches it.

    Returns:
        ``{"nodes": [...], "edges": [...], "window": {...}, "span": [lo, hi] | None}``;
        each edge carries its fact's type, role, topic, time and evidence.

    Example:
        >>> net = cliograph.network(store, at="1789-05-01")
        >>> net["window"]["at"], len(net["edges"]) > 0, all(e["label"] for e in net["edges"])
        ('1789-05-01', True, True)
    """
    win = _window(at, window)
    lo, hi = win if win else (None, None)
    marks = ",".join("?" * len(NODE_KINDS))
    nodes: dict[str, dict[str, Any]] = {}
    for row in store.db.query(
            "select e.id, e.name, e.kind,"
            " (select count(*) from mentions m where m.entity_id = e.id) as mentions"
            f" from entities e where e.kind in ({marks}) order by e.name", NODE_KINDS):
        nodes[row["id"]] = {**row, "degree": 0}
    # when each entity is attested by a dated fact, to place nodes in the window
    attested: dict[str, list[Interval]] = defaultdict(list)
    rows = all_fact_rows(store)
    for r in rows:
        iv = _attested(r)
        if iv.dated:
            for key in ("subject_id", "object_id"):
                if r.get(key):
                    attested[r[key]].append(iv)
    edges = []
    for r in rows:
        if r["type"] not in EDGE_TYPES or not r["object_id"]:
            continue
        iv = fact_interval(r)
        if win and not iv.overlaps(lo, hi):
            continue
        for role in ("subject", "object"):
            ref = _ref(r, role)
            if ref and ref["id"] not in nodes:
                nodes[ref["id"]] = {**ref, "mentions": 0, "degree": 0}
        edges.append({
            "id": r["id"], "source": r["subject_id"], "target": r["object_id"], "type": r["type"],
            "label": fact_label(r), "role": r.get("role"), "topic": r.get("topic"),
            "time": r.get("time"), "time_start": r.get("time_start"), "time_end": r.get("time_end"),
            "when": when_label(r), "inferred": bool(r.get("inferred")),
            "lo": iv.lo, "hi": iv.hi, "evidence": evidence(r),
        })
    if entity is not None:
        if entity not in nodes:
            raise UsageError(f"'{entity}' is not in the network: only people, bodies and factions"
                             " (and what they are joined to) are")
        steps = _neighbourhood(entity, depth, [(r["subject_id"], r["object_id"]) for r in rows
                                               if r["type"] in EDGE_TYPES and r["object_id"]])
        edges = [e for e in edges if e["source"] in steps and e["target"] in steps]
        nodes = {k: {**n, "steps": steps[k]} for k, n in nodes.items() if k in steps}
    touched = {e["source"] for e in edges} | {e["target"] for e in edges}
    for e in edges:
        nodes[e["source"]]["degree"] += 1
        nodes[e["target"]]["degree"] += 1
    kept = []
    for n in nodes.values():
        ivs = attested.get(n["id"], [])
        if (not win or n["id"] in touched or not ivs
                or any(iv.overlaps(lo, hi) for iv in ivs)):
            kept.append(n)
    extent = time_span(store)
    return {
        "nodes": kept,
        "edges": edges,
        "focus": {"id": entity, "depth": depth} if entity is not None else None,
        "years": dated_years(fact_interval(r) for r in rows if r["type"] in EDGE_TYPES),
        "window": {"at": at, "from": window[0] if window else None,
                   "to": window[1] if window else None, "lo": lo, "hi": hi} if win else None,
        "span": list(extent) if extent else None,
    }


def _neighbourhood(start: str, depth: int, pairs: list[tuple[str, str]]) -> dict[str, int]:
    """Entity id -> steps from ``start``, for those at most ``depth`` steps away."""
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        near[a].add(b)
        near[b].add(a)
    steps = {start: 0}
    frontier = [start]
    for step in range(1, depth + 1):
        frontier = sorted({n for f in frontier for n in near[f]} - steps.keys())
        steps.update((n, step) for n in frontier)
    return steps


# ------------------------------------------------------------------ search

_TOKEN = re.compile(r"\w+", re.UNICODE)
HIT_START, HIT_END = "\x02", "\x03"


def _fold(text: str) -> str:
    """Words compared however they are spelled: case, accents and ligatures folded."""
    words = " ".join(_TOKEN.findall(text))
    return norm(spell_out(words))


def fts_query(q: str) -> str | None:
    """User input -> a safe FTS5 query: each word becomes a quoted prefix term (or a group
    of them, one per spelling), so no operator, column filter or unbalanced quote in the
    input reaches FTS5.

    Example:
        >>> fts_query('Stalin" OR name:x*')
        '"Stalin"* AND "OR"* AND "name"* AND "x"*'
        >>> fts_query("Caesar")
        '("Caesar"* OR "Cæsar")'
    """
    tokens = _TOKEN.findall(q or "")[:16]
    if not tokens:
        return None

    def term(word: str, prefix: bool = True) -> str:
        return '"' + word.replace('"', '""') + '"' + ("*" if prefix else "")

    groups = []
    for t in tokens:  # the word as typed is a prefix; its other spellings whole words
        forms = [term(t)] + [term(f, prefix=False) for f in spellings(t)[1:]]
        groups.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return " AND ".join(groups)


def split_hits(text: str) -> list[tuple[str, bool]]:
    """FTS5 highlight() output -> [(text, is_hit), ...] so templates escape every part."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{HIT_START}{HIT_END}]", text)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


def search(store: Store, q: str, limit: int = 20) -> dict[str, Any]:
    """Full-text search over entity names, aliases and sentences.

    Returns:
        ``{"q", "entities": [...], "sentences": [...], "total_sentences"}``; each sentence
        has ``parts``, a list of ``[text, is_hit]`` pairs, and its document offsets.
    """
    limit = max(1, min(int(limit), 200))
    match = fts_query(q)
    if match is None:
        return {"q": q, "entities": [], "sentences": [], "total_sentences": 0}
    found: dict[str, dict[str, Any]] = {}
    name_rows = store.db.execute(
        "select e.id, e.name, e.kind, null from entities_fts f join entities e on e.rowid = f.rowid"
        " where entities_fts match ? order by rank limit 200", [match]).fetchall()
    alias_rows = store.db.execute(
        "select e.id, e.name, e.kind, a.alias from aliases_fts f"
        " join aliases a on a.rowid = f.rowid join entities e on e.id = a.entity_id"
        " where aliases_fts match ? order by rank limit 200",
        [match]).fetchall()
    needle = _fold(q)
    for eid, name, kind, alias in [*name_rows, *alias_rows]:
        entry = found.setdefault(eid, {"id": eid, "name": name, "kind": kind, "matched": [],
                                       "exact": False})
        if alias and alias != name and alias not in entry["matched"]:
            entry["matched"].append(alias)
        if needle in {_fold(x) for x in (name, alias) if x}:
            entry["exact"] = True
    if found:
        marks = ",".join("?" * len(found))
        counts = dict(store.db.execute(
            f"select entity_id, count(*) from mentions where entity_id in ({marks})"
            " group by entity_id", list(found)).fetchall())
        for eid, entry in found.items():
            entry["mentions"] = counts.get(eid, 0)
    entities = sorted(found.values(), key=lambda e: (not e["exact"], -e["mentions"], e["name"]))
    total = store.db.execute("select count(*) from sentences_fts where sentences_fts match ?",
                             [match]).fetchone()[0]
    sentences = []
    for sid, doc_id, start, end, marked, title in store.db.execute(
            "select s.id, s.doc_id, s.start, s.end,"
            f" highlight(sentences_fts, 0, '{HIT_START}', '{HIT_END}'), d.title"
            " from sentences_fts f join sentences s on s.rowid = f.rowid"
            " join documents d on d.id = s.doc_id"
            " where sentences_fts match ? order by rank limit ?", [match, limit]).fetchall():
        sentences.append({"id": sid, "doc_id": doc_id, "doc_title": title, "start": start,
                          "end": end, "parts": split_hits(marked.strip())})
    return {"q": q, "entities": entities[:limit], "total_entities": len(entities),
            "sentences": sentences, "total_sentences": total}


# ------------------------------------------------------------------ tables to browse

#: The orders the entity list and the facts table can be sorted in (name -> SQL).
ENTITY_SORTS = {"mentions": "mentions desc, e.name", "name": "e.name collate nocase, e.id"}
FACT_SORTS = {
    "time": FACT_ORDER, "type": f"f.type, {FACT_ORDER}",
    "subject": f"s.name collate nocase, {FACT_ORDER}",
    "confidence": f"f.confidence desc, {FACT_ORDER}", "document": "d.title, f.evidence_start",
}


def _choice(value: str | None, allowed: dict[str, str], what: str) -> str:
    value = value or next(iter(allowed))
    if value not in allowed:
        raise UsageError(f"unknown {what} '{value[:20]}': use one of {', '.join(allowed)}")
    return allowed[value]


def _name_filter(q: str | None) -> tuple[str, list[Any]]:
    """Entities whose name or an alias contains every word of ``q`` in any of its
    spellings (case, accents and ligatures folded), as an SQL condition on ``e``."""
    conds: list[str] = []
    params: list[Any] = []
    for word in _TOKEN.findall(q or "")[:8]:
        forms = list(dict.fromkeys(x for f in spellings(word) for x in (f.lower(), _fold(f)) if x))
        conds.append("(" + " or ".join(
            "lower(e.name) like ? escape '\\' or exists (select 1 from aliases a"
            " where a.entity_id = e.id and a.norm like ? escape '\\')" for _ in forms) + ")")
        for f in forms:
            pattern = "%" + f.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern]
    return " and ".join(conds), params


def entity_table(store: Store, q: str | None = None, kinds: Iterable[str] | None = None,
                 doc: str | None = None, sort: str | None = None, offset: int = 0,
                 limit: int = 100, where_ids: Sequence[str] | None = None) -> dict[str, Any]:
    """A page of the entity list, filtered by name words, kinds, document (and ids), with
    the count of each kind and each document under the other filters (the facets)."""
    wanted = _kinds(kinds, KINDS, "kind")
    order = _choice(sort, ENTITY_SORTS, "sort")
    name_cond, name_params = _name_filter(q)

    def where(skip: str) -> tuple[str, list[Any]]:
        conds, params = [], []
        if where_ids is not None:
            conds.append(f"e.id in ({','.join('?' * len(where_ids)) or 'null'})")
            params += list(where_ids)
        if name_cond:
            conds.append(name_cond)
            params += name_params
        if wanted and skip != "kind":
            conds.append(f"e.kind in ({','.join('?' * len(wanted))})")
            params += sorted(wanted)
        if doc and skip != "doc":
            conds.append("exists (select 1 from mentions m where m.entity_id = e.id and m.doc_id = ?)")
            params.append(doc)
        return (" where " + " and ".join(conds)) if conds else "", params

    w, params = where("")
    total = store.db.execute(f"select count(*) from entities e{w}", params).fetchone()[0]
    rows = list(store.db.query(
        "select e.id, e.kind, e.name, e.ambiguous, e.note,"
        " (select count(*) from mentions m where m.entity_id = e.id) as mentions,"
        " (select json_group_array(distinct a.alias) from aliases a where a.entity_id = e.id)"
        f" as aliases from entities e{w} order by {order} limit ? offset ?",
        [*params, limit, offset]))
    for row in rows:
        row["aliases"] = [a for a in json.loads(row["aliases"] or "[]") if a != row["name"]]
    wk, pk = where("kind")
    by_kind = dict(store.db.execute(f"select e.kind, count(*) from entities e{wk} group by e.kind", pk))
    wd, pd = where("doc")
    by_doc = store.db.execute(
        "select d.id, d.title, count(distinct e.id) from entities e"
        " join mentions m on m.entity_id = e.id join documents d on d.id = m.doc_id"
        f"{wd} group by d.id order by d.title", pd).fetchall()
    return {"total": total, "entities": rows,
            "kinds": [{"kind": k, "count": by_kind.get(k, 0)} for k in KINDS],
            "documents": [{"id": i, "title": t, "count": n} for i, t, n in by_doc]}


def facts_table(store: Store, types: Iterable[str] | None = None, entity: str | None = None,
                doc: str | None = None, start: str | None = None, end: str | None = None,
                min_confidence: float = 0.0, rule: str | None = None,
                inferred: bool | None = None, sort: str | None = None, offset: int = 0,
                limit: int = 100, review: str | None = None) -> dict[str, Any]:
    """A page of all facts, filtered and sorted as a facts table shows them: by relation
    type, an entity at either end (id, name or alias words), document, a time window
    (facts that overlap it; undated facts drop out once a window is set), least
    confidence, extracting rule (a prefix: 'offices' or 'offices.copula.v1'), and
    whether the time was inferred; ``review`` keeps one review status ('all': every
    fact, the rejected too; by default all but the rejected)."""
    wanted = _kinds(types, RELATION_TYPES, "relation type")
    order = _choice(sort, FACT_SORTS, "sort")
    conds, params = ["f.confidence >= ?"], [min_confidence]
    if review not in (None, "", *REVIEWS):
        raise UsageError(f"review must be one of {', '.join(REVIEWS)}, not '{review[:40]}'")
    if not review:
        conds.append(NOT_REJECTED)
    elif review != "all":
        conds.append("f.review = ?")
        params.append(review)
    if wanted:
        conds.append(f"f.type in ({','.join('?' * len(wanted))})")
        params += sorted(wanted)
    if entity:
        ids = [r[0] for r in store.db.execute("select id from entities where id = ?", [entity])]
        if not ids:
            cond, p = _name_filter(entity)
            ids = [r[0] for r in store.db.execute(f"select e.id from entities e where {cond}", p)] \
                if cond else []
        marks = ",".join("?" * len(ids)) or "null"
        conds.append(f"(f.subject_id in ({marks}) or f.object_id in ({marks}))")
        params += ids + ids
    if doc:
        conds.append("f.doc_id = ?")
        params.append(doc)
    if rule:
        conds.append("(f.extractor = ? or f.extractor like ? escape '\\')")
        params += [rule, rule.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%"]
    if inferred is not None:
        conds.append("coalesce(f.inferred, 0) = ?")
        params.append(int(inferred))
    window = _window(None, (start, end)) if (start or end) else None
    sql = _FACT_SQL.format(where="where " + " and ".join(conds), order=order)
    rows = list(store.db.query(sql, params))
    if window is not None:
        lo, hi = window
        rows = [r for r in rows if (iv := fact_interval(r)).dated and iv.overlaps(lo, hi)]
    page = rows[offset:offset + limit]
    return {"total": len(rows), "facts": [fact_summary(r) for r in page]}


def entity_mentions(store: Store, eid: str, limit: int = 500) -> list[dict[str, Any]]:
    """An entity's mentions with a little of the text around each (for choosing which
    of them a split takes away), in document and text order."""
    rows = store.db.execute(
        "select m.doc_id, m.start, m.end, m.text, d.title,"
        " substr(d.text, max(m.start - 60, 1), min(m.start, 60)),"
        " substr(d.text, m.end + 1, 60) from mentions m join documents d on d.id = m.doc_id"
        " where m.entity_id = ? order by d.title, m.doc_id, m.start limit ?",
        [eid, limit]).fetchall()
    return [{"doc_id": d, "start": s, "end": e, "text": t, "doc_title": title,
             "before": " ".join(b.split()), "after": " ".join(a.split()),
             "ref": f"{d}:{s}-{e}"} for d, s, e, t, title, b, a in rows]


def rejected_facts(store: Store, eid: str) -> int:
    """How many facts about an entity a person rejected (the pages hide them)."""
    return store.db.execute(
        "select count(*) from facts where review = 'rejected' and (subject_id = ? or"
        " object_id = ?)", [eid, eid]).fetchone()[0]


def entities_named(store: Store, name: str) -> list[dict[str, Any]]:
    """Every entity that this id, name or alias (in any of its spellings) names, the most
    mentioned first; failing an exact name, those whose names contain it."""
    ids = store.entity_ids(name)
    return entity_table(store, limit=len(ids), where_ids=ids)["entities"] if ids else []


def fact_places(store: Store, **filters: Any) -> dict[str, Any]:
    """The places a selection of facts (``facts_table``'s filters) happened at or names:
    each with how many of those facts, and its point where the gazetteer knows it."""
    table = facts_table(store, **{**filters, "offset": 0, "limit": 10**9})
    places: dict[str, dict[str, Any]] = {}
    for f in table["facts"]:
        for ref in (f["place"], f["subject"], f["object"], f["body"]):
            if ref and ref["kind"] == "PLACE":
                entry = places.setdefault(ref["id"], {"id": ref["id"], "name": ref["name"],
                                                      "facts": 0, "fact_ids": set()})
                entry["fact_ids"].add(f["id"])
    located = locate_together([p["name"] for p in places.values()])
    points, unplaced = [], []
    for p in sorted(places.values(), key=lambda p: (-len(p["fact_ids"]), p["name"])):
        p["facts"] = len(p.pop("fact_ids"))
        loc = located.get(p["name"])
        if loc is None:
            unplaced.append(p)
        else:
            points.append({**p, "lat": loc.lat, "lon": loc.lon, "located_as": loc.name,
                           "country": loc.country})
    return {"total_facts": table["total"], "points": points, "unplaced": unplaced}
