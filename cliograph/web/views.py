"""What each page shows, as plain data: the JSON twin serves it as it is, the template
renders it. Keys starting with ``_`` are for the HTML page only (render helpers) and are
left out of the JSON.

Every builder takes the store first and raises ``NotFound`` for a missing entity or
document and ``UsageError`` for a malformed parameter.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
import re
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import quote, urlencode

from .. import corrections as corr
from .. import query
from ..errors import CliographError, UsageError
from ..export.csv import neutralise
from ..model import KINDS, RELATION_TYPES
from ..store import Store

KIND_LABELS = {
    "PERSON": "People", "BODY": "Bodies", "FACTION": "Factions", "OFFICE": "Offices",
    "POLICY": "Policies", "EVENT": "Events", "PLACE": "Places",
}
TYPE_LABELS = dict(query.TIMELINE_GROUPS)


class NotFound(CliographError):
    """A page for an entity or document the store does not hold."""


# ------------------------------------------------------------------ text segmentation

def segments(text: str, base: int, layers: dict[str, list[tuple[int, int, Any]]]
             ) -> list[dict[str, Any]]:
    """Cut ``text`` (which starts at document offset ``base``) at every span boundary.

    ``layers`` maps a layer name ('m' mentions, 'ev' evidence, 'fn' footnotes, 'tgt' the
    target span) to ``(start, end, value)`` spans in document offsets. Each segment says
    which spans cover it: the innermost mention, the evidence values, the footnote label.
    Templates escape every segment's text; no markup is ever built from document text.
    """
    end_all = base + len(text)
    starts: dict[int, list[tuple[str, int, int, Any, int]]] = defaultdict(list)
    ends: dict[int, set[int]] = defaultdict(set)
    n = 0
    for layer, spans in layers.items():
        for s, e, value in spans:
            s, e = max(s, base), min(e, end_all)
            if e <= s:
                continue
            n += 1
            starts[s].append((layer, s, e, value, n))
            ends[e].add(n)
    cuts = sorted({base, end_all, *starts, *ends})
    active: list[tuple[str, int, int, Any, int]] = []
    out: list[dict[str, Any]] = []
    for pos, nxt in zip(cuts, cuts[1:], strict=False):
        if pos in ends:
            active = [a for a in active if a[4] not in ends[pos]]
        anchors = sorted({f"c{a[1]}" for a in starts.get(pos, []) if a[0] == "ev"}
                         | {a[3] for a in starts.get(pos, []) if a[0] == "ch"})
        active.extend(starts.get(pos, []))
        mentions = [a for a in active if a[0] == "m"]
        mention = min(mentions, key=lambda a: a[2] - a[1])[3] if mentions else None
        evs = [a[3] for a in active if a[0] == "ev"]  # lists of fact ids
        fns = [a[3] for a in active if a[0] == "fn"]
        seg = {
            "t": text[pos - base:nxt - base],
            "m": mention,
            "ev": " ".join(dict.fromkeys(v for vs in evs for v in vs)) if evs else "",
            "fn": fns[0] if fns else None,
            "tgt": any(a[0] == "tgt" for a in active),
            "anchors": anchors,
        }
        prev = out[-1] if out else None
        if prev and not anchors and all(prev[k] == seg[k] for k in ("m", "ev", "fn", "tgt")):
            prev["t"] += seg["t"]
        else:
            out.append(seg)
    return out


def evidence_parts(store: Store, facts: list[tuple[dict[str, Any], str | None]]
                   ) -> list[list[dict[str, Any]]]:
    """Each fact's evidence sentence cut into segments, its own entities' mentions marked
    ``key`` (the words that carry the fact), other mentions by kind.

    ``facts`` pairs a fact summary with its stored evidence text (unstripped, so offsets
    hold; None falls back to the summary's). The mentions come in one query per document,
    not one per fact: a dossier page shows hundreds of facts.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, (fact, _) in enumerate(facts):
        by_doc[fact["evidence"]["doc_id"]].append(i)
    out: list[list[dict[str, Any]]] = [[] for _ in facts]
    for doc_id, indexes in by_doc.items():
        evs = [facts[i][0]["evidence"] for i in indexes]
        rows = store.db.execute(
            "select start, end, kind, entity_id from mentions where doc_id = ? and start < ?"
            " and end > ? order by start, id",
            [doc_id, max(ev["end"] for ev in evs), min(ev["start"] for ev in evs)]).fetchall()
        # sorted by start, and none starts more than the longest mention before a span it
        # overlaps: bisect to the few near each span instead of testing them all
        starts = [r[0] for r in rows]
        longest = max((r[1] - r[0] for r in rows), default=0)
        for i in indexes:
            fact, raw = facts[i]
            ev = fact["evidence"]
            near = rows[bisect.bisect_right(starts, ev["start"] - longest):
                        bisect.bisect_left(starts, ev["end"])]
            out[i] = _parts(fact, raw, [r for r in near if r[1] > ev["start"]])
    return out


def _parts(fact: dict[str, Any], raw: str | None, mentions: list[tuple[int, int, str, str]]
           ) -> list[dict[str, Any]]:
    ev = fact["evidence"]
    keys = {x["id"] for x in (fact.get("subject"), fact.get("object"), fact.get("body"),
                               fact.get("place")) if x}
    text = raw if raw is not None else ev["text"]
    spans = [(s, e, {"kind": k, "id": eid, "key": eid in keys}) for s, e, k, eid in mentions]
    parts = segments(text, ev["start"], {"m": spans})
    # trim the surrounding whitespace the stored span may carry
    if parts:
        parts[0]["t"] = parts[0]["t"].lstrip()
        parts[-1]["t"] = parts[-1]["t"].rstrip()
    return [p for p in parts if p["t"]]


def _href_at(ev: dict[str, Any]) -> str:
    return f"/document/{ev['doc_id']}?at={ev['start']}-{ev['end']}#c{ev['start']}"


def public(obj: Any) -> Any:
    """The JSON twin of a page's data: without its render-only ``_`` keys, and every
    evidence dict (one with ``fact_id``, ``doc_id``, ``start`` and ``end``) given an
    ``href`` into the reader. One pass that steps over scalars without a call: the
    timeline's data is some 400,000 values."""
    if isinstance(obj, dict):
        out = {k: public(v) if isinstance(v, (dict, list)) else v
               for k, v in obj.items() if not k.startswith("_")}
        if "fact_id" in out and "doc_id" in out and "start" in out and "end" in out:
            out["href"] = _href_at(out)
        return out
    if isinstance(obj, list):
        return [public(v) if isinstance(v, (dict, list)) else v for v in obj]
    return obj


# ------------------------------------------------------------------ home and lists

def home(store: Store) -> dict[str, Any]:
    counts = store.counts()
    kinds = []
    per_kind = dict(store.db.execute(
        "select kind, count(*) from entities group by kind").fetchall())
    for kind in KINDS:
        top = list(store.db.query(
            "select e.id, e.name, count(m.id) as mentions from entities e"
            " left join mentions m on m.entity_id = e.id where e.kind = ?"
            " group by e.id order by mentions desc, e.name limit 14", [kind]))
        kinds.append({"kind": kind, "label": KIND_LABELS[kind], "count": per_kind.get(kind, 0),
                      "top": top})
    per_type = dict(store.db.execute("select type, count(*) from facts f where"
                                     f" {query.NOT_REJECTED} group by type").fetchall())
    types = [{"type": t, "label": TYPE_LABELS.get(t, t), "count": per_type.get(t, 0)}
             for t in RELATION_TYPES]
    docs = store.documents()
    per_doc = {r[0]: r[1:] for r in store.db.execute(
        f"select d.id, (select count(*) from facts f where f.doc_id = d.id and {query.NOT_REJECTED}),"
        " (select count(distinct entity_id) from mentions m where m.doc_id = d.id)"
        " from documents d").fetchall()}
    for d in docs:
        d["facts"], d["entities"] = per_doc.get(d["id"], (0, 0))
    span = query.time_span(store)
    return {
        "ok": True,
        "counts": counts,
        "documents": docs,
        "kinds": kinds,
        "types": types,
        "span": [query.edtf_day(span[0]), query.edtf_day(span[1])] if span else None,
        "span_label": _span_label(span),
        "middle_date": query.middle_date(store),
    }


def _span_label(span: tuple[float, float] | None) -> str | None:
    if not span:
        return None
    first = query.year_label(math.floor(span[0]))
    last_year = math.floor(span[1] - 1e-9) if span[1] > span[0] else math.floor(span[1])
    last = query.year_label(last_year)
    return first if first == last else f"{first}–{last}"


#: The entity list and the facts table show this many rows a page (?limit= up to LIST_MAX).
LIST_LIMIT = 100
LIST_MAX = 1000


def _page(offset: str | None, limit: str | None) -> tuple[int, int]:
    return (_number(offset, "offset", 0, 0, 10**9),
            _number(limit, "limit", LIST_LIMIT, 1, LIST_MAX))


def _pages(path: str, params: dict[str, Any], offset: int, limit: int, total: int
           ) -> dict[str, Any]:
    """Where this page sits among all, and links to its neighbours that keep every filter."""
    def href(at: int) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "", [])}
        return f"{path}?{urlencode({**kept, 'offset': at, 'limit': limit}, doseq=True)}"
    return {"offset": offset, "limit": limit, "total": total,
            "first": offset + 1 if total else 0, "last": min(offset + limit, total),
            "prev": href(max(0, offset - limit)) if offset > 0 else None,
            "next": href(offset + limit) if offset + limit < total else None}


def entity_list(store: Store, kind: str | None = None, q: str | None = None,
                doc: str | None = None, sort: str | None = None, offset: str | None = None,
                limit: str | None = None) -> dict[str, Any]:
    """The entity list: a filter box over names and aliases, kind and document facets,
    sorting by mentions or name, a page at a time."""
    kinds = [k for k in (kind or "").upper().split(",") if k]
    start, size = _page(offset, limit)
    table = query.entity_table(store, q, kinds, doc or None, sort, start, size)
    label = KIND_LABELS.get(kinds[0], "Entities") if len(kinds) == 1 else "All entities"
    params = {"q": q, "kind": ",".join(kinds), "doc": doc, "sort": sort}
    return {"ok": True, "kind": ",".join(kinds) or None, "label": label, "q": q or "",
            "doc": doc, "sort": sort or "mentions", **table,
            "page": _pages("/entities", params, start, size, table["total"])}


def _fact_filters(params: dict[str, Any]) -> dict[str, Any]:
    """The facts table's query parameters as ``query.facts_table`` arguments."""
    conf = params.get("min_confidence") or "0"
    if not re.fullmatch(r"(0(\.\d{1,3})?|1(\.0{1,3})?)", conf.strip()):
        raise UsageError(f"min_confidence='{conf[:20]}' is not a number from 0 to 1")
    inferred = {"": None, None: None, "inferred": True, "stated": False}.get(params.get("dating"), "bad")
    if inferred == "bad":
        raise UsageError("dating must be 'stated' or 'inferred'")
    return {"types": [t for t in (params.get("type") or "").upper().split(",") if t],
            "entity": params.get("entity") or None, "doc": params.get("doc") or None,
            "start": params.get("from") or None, "end": params.get("to") or None,
            "min_confidence": float(conf), "rule": params.get("rule") or None,
            "inferred": inferred, "sort": params.get("sort"), "review": params.get("review")}


def _kept_filters(params: dict[str, Any], filters: dict[str, Any]) -> dict[str, Any]:
    return {**{k: params.get(k) for k in FACT_FILTERS}, "type": ",".join(filters["types"])}


def facts_table(store: Store, params: dict[str, Any]) -> dict[str, Any]:
    """Every fact in one table, filtered and sorted by the query parameters (see
    ``query.facts_table``); the CSV, JSON and map links give exactly the rows shown."""
    start, size = _page(params.get("offset"), params.get("limit"))
    filters = _fact_filters(params)
    table = query.facts_table(store, **filters, offset=start, limit=size)
    kept = _kept_filters(params, filters)
    chosen = urlencode({k: v for k, v in kept.items() if v})
    shown = urlencode({**{k: v for k, v in kept.items() if v}, "offset": start, "limit": size})
    return {"ok": True, "filters": {k: v or "" for k, v in kept.items()}, **table,
            "documents": store.documents(), "types": RELATION_TYPES,
            "sorts": list(query.FACT_SORTS),
            "csv": f"/facts.csv?{shown}", "json": f"/facts.json?{shown}",
            "map": f"/map?{chosen}", "page": _pages("/facts", kept, start, size, table["total"])}


def place_map(store: Store, params: dict[str, Any]) -> dict[str, Any]:
    """The places of the facts the facts table's filters select, with a point where the
    gazetteer knows them and listed apart where it does not (most ancient places)."""
    filters = _fact_filters(params)
    kept = _kept_filters(params, filters)
    chosen = urlencode({k: v for k, v in kept.items() if v})
    return {"ok": True, "filters": {k: v or "" for k, v in kept.items()},
            **query.fact_places(store, **filters), "facts": f"/facts?{chosen}"}


#: The facts table's filters, in the order its form shows them.
FACT_FILTERS = ("type", "entity", "doc", "from", "to", "min_confidence", "rule", "dating", "sort",
                "review")
FACT_COLUMNS = ("id", "type", "subject", "object", "body", "place", "role", "topic", "when",
                "time", "time_start", "time_end", "inferred", "document", "evidence", "rule",
                "confidence", "review", "href")


def facts_csv(data: dict[str, Any]) -> str:
    """The rows a facts page shows, as CSV; a cell that a spreadsheet would read as a
    formula (=, +, -, @ first) gets a leading apostrophe."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(FACT_COLUMNS)
    for f in data["facts"]:
        ev = f["evidence"]
        cells = [f["id"], f["type"], *(f[r]["name"] if f[r] else "" for r in ("subject", "object", "body", "place")),
                 f["role"], f["topic"], f["when"], f["time"], f["time_start"], f["time_end"],
                 "yes" if f["inferred"] else "no", ev["doc_title"], ev["text"], ev["extractor"],
                 ev["confidence"], f.get("review", "machine"), _href_at(ev)]
        w.writerow(["" if c is None else neutralise(c) for c in cells])
    return out.getvalue()


def search(store: Store, q: str) -> dict[str, Any]:
    result = query.search(store, q, limit=50) if q.strip() else {
        "q": q, "entities": [], "total_entities": 0, "sentences": [], "total_sentences": 0}
    for s in result["sentences"]:
        s["href"] = f"/document/{s['doc_id']}?at={s['start']}-{s['end']}#c{s['start']}"
    return {"ok": True, **result}


# ------------------------------------------------------------------ dossier

def _entity_row(store: Store, entity_id: str) -> dict[str, Any]:
    row = store.db.execute("select id, kind, name, ambiguous, note, review from entities"
                           " where id = ?", [entity_id]).fetchone()
    if row is None:
        into = corr.merged_into(store, entity_id)
        if into:
            raise NotFound(f"'{entity_id}' was merged into '{into}' (see /corrections):"
                           f" its dossier is /entity/{into}")
        raise NotFound(f"no entity with id '{entity_id}'; search for it from the home page")
    return dict(zip(("id", "kind", "name", "ambiguous", "note", "review"), row, strict=True))


#: A dossier page shows this many claims (one assertion, however many sentences state
#: it), and of each claim this many statements (two rows of the side-by-side cards);
#: ?limit= and ?per_claim= change them, up to DOSSIER_MAX, and ?offset= pages on. Lenin in
#: the benchmark's million words is 31 claims in 923 facts.
DOSSIER_LIMIT = 50
DOSSIER_PER_CLAIM = 4
DOSSIER_MAX = 1000
DOSSIER_PAGING = (
    "'groups' hold claims offset to offset+limit-1 of all 'claims', in order (relation type,"
    " then time); each claim lists at most per_claim of its statements: its 'count' is all of"
    " them and its 'all' links to them. 'facts' are the statements shown. Query parameters:"
    " offset, limit and per_claim (1 to 1000); a page's JSON is at its path + .json.")


def _number(value: str | None, name: str, default: int, least: int, most: int) -> int:
    if value is None or value == "":
        return default
    if not re.fullmatch(r"\d{1,9}", value.strip(), re.ASCII) or not least <= int(value) <= most:
        raise UsageError(f"{name}='{value[:20]}' is not a whole number from {least} to {most}")
    return int(value)


def _dossier_href(entity_id: str, offset: int, limit: int, per_claim: int) -> str:
    return f"/entity/{quote(entity_id, safe='')}?offset={offset}&limit={limit}&per_claim={per_claim}"


#: A fact as a statement of a claim: (id, document, the claim's key: type, subject, object,
#: role, topic, condition, quoted words). Read without the joins of the full rows, which
#: only the statements a page shows need.
Statement = tuple[Any, ...]


def _statements(store: Store, eid: str) -> list[Statement]:
    return store.db.execute(
        "select f.id, f.doc_id, f.type, f.subject_id, f.object_id, f.role, f.topic, f.condition,"
        " f.text from facts f where (f.subject_id = ? or f.object_id = ?)"
        f" and {query.NOT_REJECTED} order by {query.FACT_ORDER}", [eid, eid]).fetchall()


def _claims(statements: list[Statement]) -> list[list[Statement]]:
    """Statements (in time order) as claims: by relation type in timeline order, then by
    the time of each claim's first statement; the statements keep time order."""
    by_type: dict[str, dict[tuple[Any, ...], list[Statement]]] = defaultdict(dict)
    for st in statements:
        by_type[st[2]].setdefault(st[2:], []).append(st)
    order = [t for t, _ in query.TIMELINE_GROUPS]
    types = sorted(by_type, key=lambda t: order.index(t) if t in order else len(order))
    return [claim for t in types for claim in by_type[t].values()]


def _fact_rows_by_id(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):  # under SQLite's limit on parameters
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update((r["id"], r) for r in query.fact_rows(store, f"f.id in ({marks})", chunk))
    return out


def _aliases(store: Store, eid: str) -> list[dict[str, Any]]:
    """Each alias with the words around the mention that justified it."""
    aliases = []
    for alias, doc_id, title, start, end, rule, ctx_start, ctx in store.db.execute(
            "select a.alias, a.doc_id, d.title, a.start, a.end, a.rule,"
            " max(a.start - 80, 0) as cs,"
            " substr(d.text, max(a.start - 80, 0) + 1, a.end + 80 - max(a.start - 80, 0))"
            " from aliases a left join documents d on d.id = a.doc_id where a.entity_id = ?"
            " order by a.alias, d.title", [eid]).fetchall():
        before, word, after = "", alias, ""
        if ctx is not None and start is not None and end is not None:
            before, word, after = ctx[:start - ctx_start], ctx[start - ctx_start:end - ctx_start], \
                ctx[end - ctx_start:]
            if "\n\n" in before:  # stay inside the alias's paragraph
                before, ctx_start = before.rsplit("\n\n", 1)[1], 0
            after = after.split("\n\n", 1)[0]
            before = re.sub(r"\s+", " ", before)
            before = ("…" + before.split(" ", 1)[-1]) if ctx_start > 0 and " " in before else before
            after = re.sub(r"\s+", " ", after)
            after = after.rsplit(" ", 1)[0] + "…" if " " in after else after
        aliases.append({"alias": alias, "doc_id": doc_id, "doc_title": title, "start": start,
                        "end": end, "rule": rule, "context": [before, word, after],
                        "href": f"/document/{doc_id}?at={start}-{end}#c{start}" if doc_id
                        else None})  # no document: an alias a person gave
    return aliases


def _mentioned_in(store: Store, eid: str) -> list[dict[str, Any]]:
    return [
        {"doc_id": d, "doc_title": t, "count": n, "first": s,
         "href": f"/document/{d}?at={s}-{e}#c{s}"}
        for d, t, n, s, e in store.db.execute(
            "select m.doc_id, d.title, count(*), min(m.start),"
            " (select m2.end from mentions m2 where m2.doc_id = m.doc_id and m2.entity_id = ?"
            "  order by m2.start limit 1)"
            " from mentions m join documents d on d.id = m.doc_id where m.entity_id = ?"
            " group by m.doc_id order by d.title", [eid, eid]).fetchall()]


def entity(store: Store, entity_id: str, offset: str | None = None, limit: str | None = None,
           per_claim: str | None = None, *, parts: bool = True) -> dict[str, Any]:
    """The dossier: names, aliases with where each was justified, facts grouped by type
    in time order (claims stated by several sentences or sources side by side), and for
    an office its holders, for a body or faction its members and decisions, for a policy
    its supporters and opponents.

    The facts come a page of claims at a time (``offset``, ``limit``, ``per_claim``; see
    ``DOSSIER_PAGING``): the most mentioned people have hundreds of facts, mostly the same
    few claims restated, and a page with all of them took a quarter of a second to build
    and megabytes to send. ``parts=False`` skips the evidence segments only the HTML shows.
    """
    ent = _entity_row(store, entity_id)
    eid = ent["id"]
    first = _number(offset, "offset", 0, 0, 10**9)
    size = _number(limit, "limit", DOSSIER_LIMIT, 1, DOSSIER_MAX)
    each = _number(per_claim, "per_claim", DOSSIER_PER_CLAIM, 1, DOSSIER_MAX)
    mentions = _mentioned_in(store, eid)
    statements = _statements(store, eid)
    claims = _claims(statements)
    per_type = Counter(st[2] for st in statements)
    groups = _claim_groups(store, eid, claims[first:first + size], first, each, per_type, parts)
    shown = [f for g in groups for c in g["claims"] for f in c["facts"]]
    page = {
        "offset": first, "limit": size, "per_claim": each, "claims": len(claims),
        "facts": len(statements), "shown_claims": sum(len(g["claims"]) for g in groups),
        "shown_facts": len(shown),
        "prev": _dossier_href(eid, max(min(first, len(claims)) - size, 0), size, each)
        if first > 0 else None,
        "next": _dossier_href(eid, first + size, size, each) if first + size < len(claims) else None,
        "about": DOSSIER_PAGING,
    }

    related: dict[str, Any] = {}
    kind = ent["kind"]
    if kind == "OFFICE":
        related["holders"] = [_tenure_view(t) for t in query.holders(store, eid)]
    if kind in ("BODY", "FACTION"):
        related["members"] = [query.fact_summary(r) for r in query.fact_rows(
            store, "f.type = 'MEMBER_OF' and f.object_id = ?", [eid])]
        related["decisions"] = [query.fact_summary(r) for r in query.fact_rows(
            store, "f.type = 'DECIDES' and f.subject_id = ?", [eid])]
        related["offices"] = [query.fact_summary(r) for r in query.fact_rows(
            store, "f.type = 'HOLDS_OFFICE' and f.body_id = ?", [eid])]
    if kind == "POLICY":
        for key, t in (("supporters", "SUPPORTS_POLICY"), ("opponents", "OPPOSES_POLICY"),
                       ("decisions", "DECIDES")):
            related[key] = [query.fact_summary(r) for r in query.fact_rows(
                store, "f.type = ? and f.object_id = ?", [t, eid])]
    if kind == "EVENT":
        related["participants"] = [query.fact_summary(r) for r in query.fact_rows(
            store, "f.type = 'PARTICIPATES' and f.object_id = ?", [eid])]
    n_mentions = sum(m["count"] for m in mentions)
    return {
        "ok": True,
        "entity": {**ent, "mentions": n_mentions},
        "aliases": _aliases(store, eid),
        "mentioned_in": mentions,
        "facts": shown,
        "groups": groups,
        "page": page,
        "related": related,
        "rejected": query.rejected_facts(store, eid),
        "_mentions": query.entity_mentions(store, eid) if parts else [],
    }


def corrections(store: Store) -> dict[str, Any]:
    """Every correction made to the machine's reading, newest first, with its status
    (a lost one's fact or entity is gone since its source was read again)."""
    rows = [{**c, "what": corr.describe(c)} for c in reversed(corr.listing(store))]
    return {"ok": True, "corrections": rows,
            "lost": sum(1 for c in rows if c["status"] == "lost")}


def _claim_groups(store: Store, eid: str, claims: list[list[Statement]], first: int,
                  each: int, per_type: Counter[str], parts: bool) -> list[dict[str, Any]]:
    """The claims of one page (the first numbered ``first``) under their relation types;
    only the statements shown are read in full and summarised (and segmented, with
    ``parts``), so a page costs what it shows, not what the entity has."""
    rows = _fact_rows_by_id(store, [st[0] for statements in claims for st in statements[:each]])
    groups: list[dict[str, Any]] = []
    pairs = []
    for n, statements in enumerate(claims, first):
        t = statements[0][2]
        shown = [(query.fact_summary(r), r.get("evidence"))
                 for r in (rows[st[0]] for st in statements[:each])]
        pairs.extend(shown)
        if not groups or groups[-1]["type"] != t:
            groups.append({"type": t, "label": TYPE_LABELS.get(t, t), "count": per_type[t],
                           "claims": []})
        more = len(statements) > len(shown)
        groups[-1]["claims"].append({
            "label": shown[0][0]["label"], "sources": len({st[1] for st in statements}),
            "count": len(statements), "facts": [f for f, _ in shown],
            "all": _dossier_href(eid, n, 1, min(len(statements), DOSSIER_MAX)) if more else None,
        })
    if parts:
        for (fact, _), segs in zip(pairs, evidence_parts(store, pairs), strict=True):
            fact["_parts"] = segs
    return groups


def _tenure_view(t: dict[str, Any]) -> dict[str, Any]:
    if not t["dated"]:
        span = "undated"
    else:
        left = (query.date_label(t["time"]) if t["time"] else
                query.date_label(t["time_start"]) if t["time_start"] else
                f"(since {query.edtf_day(t['from'])})" if t["from"] is not None else "…")
        if t["time"]:
            right = ""
        elif t["time_end"]:
            right = query.date_label(t["time_end"])
        elif t["to_basis"] == "next holder" and t.get("successor"):
            right = f"succeeded by {t['successor']['name']}, {t['successor']['when']}"
        elif t["to_basis"] == "death" and t.get("successor"):
            right = f"death, {t['successor']['when']}"
        else:
            right = "…"
        span = f"{left} – {right}" if right else left
        if t["inferred"]:
            span += " (inferred)"
    keep = ("id", "person", "office", "when", "time", "time_start", "time_end", "inferred",
            "from", "to", "from_basis", "to_basis", "dated", "evidence", "successor")
    return {**{k: t.get(k) for k in keep}, "span": span}


# ------------------------------------------------------------------ source reader

_AT = re.compile(r"^(\d+)-(\d+)$")


def document(store: Store, doc_id: str, at: str | None = None) -> dict[str, Any]:
    """A document with its mentions, facts and footnotes; ``at`` ('START-END') marks the
    span to open at and highlight."""
    row = store.db.execute(
        "select id, source, title, author, format, n_words, chapters, pipeline, ingested_at, text"
        " from documents where id = ?", [doc_id]).fetchone()
    if row is None:
        raise NotFound(f"no document with id '{doc_id}'; the home page lists them")
    keys = ("id", "source", "title", "author", "format", "n_words", "chapters", "pipeline",
            "ingested_at")
    doc = dict(zip(keys, row[:-1], strict=True))
    text = row[-1]
    doc["chapters"] = json.loads(doc["chapters"] or "[]")
    target = None
    if at:
        m = _AT.match(at.strip())
        if not m or int(m[2]) < int(m[1]) or int(m[2]) > len(text):
            raise UsageError(f"at='{at[:40]}' is not a span of this document: use START-END "
                             f"character offsets between 0 and {len(text)}")
        target = [int(m[1]), int(m[2])]
    mentions = [{"start": s, "end": e, "text": t, "kind": k, "entity_id": eid, "name": name}
                for s, e, t, k, eid, name in store.db.execute(
                    "select m.start, m.end, m.text, m.kind, m.entity_id, e.name from mentions m"
                    " join entities e on e.id = m.entity_id where m.doc_id = ? order by m.start",
                    [doc_id]).fetchall()]
    footnotes = [{"label": lab, "start": s, "end": e} for lab, s, e in store.db.execute(
        "select label, start, end from footnotes where doc_id = ? order by start", [doc_id])]
    rows = query.fact_rows(store, "f.doc_id = ?", [doc_id])
    rows.sort(key=lambda r: (r["evidence_start"], r["type"]))
    facts = [query.fact_summary(r) for r in rows]
    ev_spans: dict[tuple[int, int], list[str]] = defaultdict(list)
    for f in facts:
        ev_spans[(f["evidence"]["start"], f["evidence"]["end"])].append(f["id"])
    layers = {
        "m": [(m["start"], m["end"], {"kind": m["kind"], "id": m["entity_id"], "name": m["name"]})
              for m in mentions],
        "ev": [(s, e, ids) for (s, e), ids in ev_spans.items()],
        "fn": [(f["start"], f["end"], f["label"]) for f in footnotes],
        "tgt": [(target[0], target[1], True)] if target else [],
        "ch": [(c["start"], c["start"] + 1, f"ch{i}")
               for i, c in enumerate(doc["chapters"], 1) if c.get("start") is not None],
    }
    kinds = defaultdict(int)
    for m in mentions:
        kinds[m["kind"]] += 1
    return {
        "ok": True,
        "document": doc,
        "target": target,
        "text": text,
        "mentions": mentions,
        "mention_kinds": dict(kinds),
        "footnotes": footnotes,
        "facts": facts,
        "_segments": segments(text, 0, layers),
    }


# ------------------------------------------------------------------ timeline, network, state

def timeline(store: Store, entity: str | None, kinds: list[str],
             types: list[str]) -> dict[str, Any]:
    ent = None
    if entity:
        ent = query._entity(store, entity)
    items = query.timeline(store, entity=ent["id"] if ent else None, kinds=kinds or None,
                           types=types or None)
    present = {i["group"] for i in items}
    groups = [{"id": t, "label": label, "count": sum(1 for i in items if i["group"] == t)}
              for t, label in query.TIMELINE_GROUPS if t in present]
    options = list(store.db.query(
        "select e.id, e.name, e.kind from entities e where e.id in (select subject_id from facts f"
        f" where {query.NOT_REJECTED} union select object_id from facts f where"
        f" {query.NOT_REJECTED}) order by e.name"))
    loose = query.undated(store, entity=ent["id"] if ent else None, kinds=kinds or None,
                          types=types or None)
    return {"ok": True, "entity": ent, "kinds": [k.upper() for k in kinds], "types": types,
            "items": items, "groups": groups, "undated": loose, "_entities": options,
            "_all_kinds": KINDS}


def network(store: Store, at: str | None, start: str | None, end: str | None,
            entity: str | None = None, depth: str | None = None) -> dict[str, Any]:
    """The network, or one entity's neighbourhood (``depth`` 1 or 2 steps)."""
    steps = _number(depth, "depth", 1, 1, 2)
    focus = None
    if entity:
        named = query.entities_named(store, entity)
        if not named:
            raise NotFound(f"no entity '{entity}'; search for it from the home page")
        focus = _entity_row(store, named[0]["id"])
    data = query.network(store, at=at or None,
                         window=(start or None, end or None) if (start or end) else None,
                         entity=focus["id"] if focus else None, depth=steps)
    counts = defaultdict(int)
    for e in data["edges"]:
        counts[e["type"]] += 1
    # the slider runs over the years where dated relations are, not evenly over the span
    years = [data["years"][0], data["years"][-1]] if data["years"] else None
    return {"ok": True, **data, "edge_counts": dict(counts), "years": years, "entity": focus,
            "data_years": data["years"],
            "_edge_types": query.EDGE_TYPES, "_node_kinds": query.NODE_KINDS}


def _shift(date: str, months: int) -> str | None:
    m = re.match(r"^(-?)(\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$", date)
    if not m:
        return None
    y = (-1 if m[1] else 1) * int(m[2])
    astro = y + 1 if y < 0 else y
    month = int(m[3] or 1)
    total = astro * 12 + (month - 1) + months
    ay, am = divmod(total, 12)
    hy = ay - 1 if ay <= 0 else ay
    year = f"{'-' if hy < 0 else ''}{abs(hy):04d}"
    if m[4]:
        return f"{year}-{am + 1:02d}-{m[4] if int(m[4]) <= 28 else '28'}"
    if m[3]:
        return f"{year}-{am + 1:02d}"
    return year


def state(store: Store, date: str | None, inferred: str | None = None) -> dict[str, Any]:
    """The system on a date; ``inferred=0`` leaves out ends the text does not state."""
    middle = query.middle_date(store)
    if not date:
        date = middle
    if not date:
        return {"ok": True, "date": None, "middle_date": None, "state": None,
                "nav": None, "inferred_ends": True}
    inferred_ends = (inferred or "1").strip().lower() not in ("0", "no", "false", "off")
    data = query.state_on(store, date, inferred_ends=inferred_ends)
    step = 1 if re.match(r"^-?\d+-\d{2}", date.strip()) else 12
    nav = {"prev_year": _shift(data["date"], -12), "prev": _shift(data["date"], -step),
           "next": _shift(data["date"], step), "next_year": _shift(data["date"], 12)}
    return {"ok": True, "date": data["date"], "middle_date": middle, "state": data, "nav": nav,
            "inferred_ends": inferred_ends}
