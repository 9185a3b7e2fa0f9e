"""Linked data export (Turtle and JSON-LD, through rdflib), in Wikidata's statement model.

IRIs. Our own things live under ``https://cliograph.invalid/`` (``.invalid`` is reserved
by RFC 2606/6761: it can never resolve or collide with a real site, so nothing here
pretends to be published; rewrite the prefix when publishing):

- ``ent:{id}``  = ``https://cliograph.invalid/entity/{id}``  an entity (id percent-encoded)
- ``fact:{id}`` = ``https://cliograph.invalid/fact/{id}``    a factoid (a statement node)
- ``doc:{id}``  = ``https://cliograph.invalid/doc/{id}``     a source document
- ``cgo:``      = ``https://cliograph.invalid/ontology#``    our classes and properties

Every fact gives (1) a *direct* ("truthy") triple for simple queries, ``wdt:P39`` where
Wikidata has a property and ``cgo:holdsOffice`` and the like where it does not, and (2)
the factoid itself as a statement node, as Wikidata writes statements::

    ent:stalin wdt:P39 ent:general-secretary ;
        p:P39 fact:1caea2cd088d0b0d .
    fact:1caea2cd088d0b0d a wikibase:Statement, cgo:Factoid ;
        ps:P39 ent:general-secretary ;
        pq:P580 "1922-04"^^xsd:gYearMonth ;
        cgo:relation "HOLDS_OFFICE" ; cgo:subject ent:stalin ; cgo:object ent:general-secretary ;
        prov:wasDerivedFrom doc:fa596615b08ff97c ;
        cgo:evidence "Stalin's appointment was confirmed ..." ;
        cgo:evidenceStart 1234 ; cgo:evidenceEnd 1290 ;
        cgo:extractor "offices.copula.v1" ; cgo:confidence 0.85 .

The mapping (``WIKIDATA`` below, documented in docs/export.md) follows Wikidata's
direction, which is not always the fact's: KIN's role says what the subject is to the
object, so "A is B's father" is ``B wdt:P22 A``; PARTICIPATES is ``event wdt:P710 person``.
Time qualifiers: start P580, end P582, point in time P585. BORN/DIED/HAPPENED put the
time and place in main values (P569/P19, P570/P20, P585 or P580/P582 and P276); such a
factoid node carries one ``ps:`` value per property. ``cgo:subject``/``cgo:object`` always
keep the fact's own direction.

Dates are ``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date`` where the EDTF value is that
simple (years BC as XML Schema 1.0 writes them, ``-0082``), and otherwise a literal typed
``<http://id.loc.gov/datatypes/edtf/EDTF>`` (the Library of Congress EDTF datatype).

Streaming: nothing builds one big graph. Entities and facts are serialised in batches of
``BATCH`` into a small rdflib Graph each. Turtle: the prefixes are written once, then each
batch's Turtle with its ``@prefix`` lines dropped (a prefix the header did not declare is
written before the batch that uses it: Turtle allows directives anywhere). JSON-LD: one
document ``{"@context": ..., "@graph": [...]}`` whose ``@graph`` array is written node
object by node object, each batch compacted with the same context; a subject that appears
in several batches (an entity and the facts that point at it) appears as several node
objects with the same ``@id``, which JSON-LD processors merge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import IO, Any
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from .. import __version__
from ..store import Store
from ._common import Selection, batched

BASE = "https://cliograph.invalid/"
ENT = Namespace(BASE + "entity/")
FACT = Namespace(BASE + "fact/")
DOC = Namespace(BASE + "doc/")
CGO = Namespace(BASE + "ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")

PREFIXES: dict[str, Namespace] = {
    "ent": ENT, "fact": FACT, "doc": DOC, "cgo": CGO, "wd": WD, "wdt": WDT, "p": P, "ps": PS,
    "pq": PQ, "wikibase": WIKIBASE, "prov": PROV, "rdfs": RDFS, "skos": SKOS,
    "dcterms": DCTERMS, "xsd": XSD, "rdf": RDF,
}

BATCH = 200

# entity kind -> our class, and a Wikidata class where one plainly fits (P31 "instance of")
KIND_CLASS = {k: CGO[k.capitalize()] for k in
              ("PERSON", "BODY", "FACTION", "OFFICE", "POLICY", "EVENT", "PLACE")}
KIND_WIKIDATA = {
    "PERSON": WD.Q5,         # human
    "BODY": WD.Q43229,       # organization
    "OFFICE": WD.Q4164871,   # position
    "EVENT": WD.Q1656682,    # event
    "PLACE": WD.Q2221906,    # geographic location
}

# relation type -> our direct property (used where no Wikidata property applies)
OWN_PROPERTY = {
    "HOLDS_OFFICE": "holdsOffice", "MEMBER_OF": "memberOf", "KIN": "kin", "ALLY": "ally",
    "OPPOSES": "opposes", "SUPPORTS_POLICY": "supportsPolicy",
    "OPPOSES_POLICY": "opposesPolicy", "PARTICIPATES": "participates", "DECIDES": "decides",
    "HEALTH": "health", "QUOTE": "quote", "BORN": "born", "DIED": "died",
    "HAPPENED": "happened",
}

# KIN role (what the subject is to the object) -> (Wikidata property, flip): with flip the
# Wikidata statement is made about the object ("A is B's father" is B P22 A)
KIN_ROLES: dict[str, tuple[str, bool]] = {
    **{r: ("P26", False) for r in ("wife", "husband", "spouse", "consort")},
    **{r: ("P451", False) for r in ("partner", "companion", "lover", "mistress")},
    **{r: ("P3373", False) for r in (
        "sister", "brother", "sibling", "half-sister", "half-brother", "half-sibling")},
    **{r: ("P22", True) for r in ("father",)},
    **{r: ("P25", True) for r in ("mother",)},
    **{r: ("P40", True) for r in ("son", "daughter", "child")},
    **{r: ("P40", False) for r in ("parent",)},
}

# Wikidata properties used, for docs/export.md and the tests
WIKIDATA = {
    "HOLDS_OFFICE": "P39 position held",
    "MEMBER_OF": "P463 member of; P102 member of political party (object a BODY named '... Party')",
    "KIN": "P26 spouse, P451 unmarried partner, P3373 sibling, P22 father, P25 mother, P40 child",
    "PARTICIPATES": "P710 participant (made about the event)",
    "BORN": "P569 date of birth, P19 place of birth",
    "DIED": "P570 date of death, P20 place of death",
    "HAPPENED": "P585 point in time or P580/P582, P276 location",
}
QUALIFIERS = {"time_start": "P580", "time_end": "P582", "time": "P585"}

_PARTY = re.compile(r"\bparty\b", re.IGNORECASE)
_YEAR = re.compile(r"^-?\d{4,}$")
_YEAR_MONTH = re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def entity_iri(entity_id: str) -> URIRef:
    return ENT[quote(entity_id, safe="")]


def fact_iri(fact_id: str) -> URIRef:
    return FACT[quote(fact_id, safe="")]


def doc_iri(doc_id: str) -> URIRef:
    return DOC[quote(doc_id, safe="")]


def time_literal(value: str) -> Literal:
    """An EDTF value as xsd:gYear, xsd:gYearMonth or xsd:date where it is that simple."""
    v = value.strip()
    if _YEAR.match(v) and v.lstrip("-") != "0000":
        return Literal(v, datatype=XSD.gYear)
    if _YEAR_MONTH.match(v) and not v.lstrip("-").startswith("0000"):
        return Literal(v, datatype=XSD.gYearMonth)
    m = _DATE.match(v)
    if m:
        try:
            date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
        else:
            return Literal(v, datatype=XSD.date)
    return Literal(v, datatype=EDTF)


def _decimal(x: float) -> Literal:
    return Literal(Decimal(str(round(float(x), 6))), datatype=XSD.decimal)


def new_graph() -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


# ------------------------------------------------------------------ triples

def entity_triples(g: Graph, e: dict[str, Any]) -> None:
    s = entity_iri(e["id"])
    g.add((s, RDF.type, KIND_CLASS.get(e["kind"], CGO.Entity)))
    if e["kind"] in KIND_WIKIDATA:
        g.add((s, WDT.P31, KIND_WIKIDATA[e["kind"]]))
    g.add((s, RDFS.label, Literal(e["name"])))
    g.add((s, CGO.id, Literal(e["id"])))
    g.add((s, CGO.kind, Literal(e["kind"])))
    for alias in e.get("aliases") or ():
        g.add((s, SKOS.altLabel, Literal(alias)))
    if e.get("mentions") is not None:
        g.add((s, CGO.mentions, Literal(int(e["mentions"]))))
    if e.get("ambiguous"):
        g.add((s, CGO.ambiguous, Literal(True)))
        if e.get("note"):
            g.add((s, RDFS.comment, Literal(e["note"])))


def document_triples(g: Graph, d: dict[str, Any]) -> None:
    s = doc_iri(d["id"])
    g.add((s, RDF.type, CGO.Document))
    g.add((s, RDF.type, PROV.Entity))
    for key, prop in (("title", DCTERMS.title), ("author", DCTERMS.creator),
                      ("source", DCTERMS.source), ("format", DCTERMS["format"])):
        if d.get(key):
            g.add((s, prop, Literal(d[key])))


def wikidata_claims(row: dict[str, Any]) -> list[tuple[URIRef, str, Node]]:
    """The Wikidata-style claims a fact makes: (statement subject, property, value)."""
    t = row["type"]
    subj = entity_iri(row["subject_id"])
    obj = entity_iri(row["object_id"]) if row.get("object_id") else None
    place = entity_iri(row["place_id"]) if row.get("place_id") else None
    when = row.get("time") or row.get("time_start") or row.get("time_end")
    if t == "HOLDS_OFFICE" and obj is not None:
        return [(subj, "P39", obj)]
    if t == "MEMBER_OF" and obj is not None:
        party = bool(_PARTY.search(row.get("object_name") or ""))
        party = party and row.get("object_kind", "BODY") == "BODY"
        return [(subj, "P102" if party else "P463", obj)]
    if t == "KIN" and obj is not None:
        role = (row.get("role") or "").strip().casefold()
        if role in KIN_ROLES:
            prop, flip = KIN_ROLES[role]
            return [(obj, prop, subj)] if flip else [(subj, prop, obj)]
        return []
    if t == "PARTICIPATES" and obj is not None:
        return [(obj, "P710", subj)]
    if t in ("BORN", "DIED"):
        claims: list[tuple[URIRef, str, Node]] = []
        if when:
            claims.append((subj, "P569" if t == "BORN" else "P570", time_literal(when)))
        if place is not None:
            claims.append((subj, "P19" if t == "BORN" else "P20", place))
        return claims
    if t == "HAPPENED":
        claims = []
        if row.get("time"):
            claims.append((subj, "P585", time_literal(row["time"])))
        if row.get("time_start"):
            claims.append((subj, "P580", time_literal(row["time_start"])))
        if row.get("time_end"):
            claims.append((subj, "P582", time_literal(row["time_end"])))
        if place is not None:
            claims.append((subj, "P276", place))
        return claims
    return []


def fact_triples(g: Graph, row: dict[str, Any]) -> None:
    st = fact_iri(row["id"])
    t = row["type"]
    subj = entity_iri(row["subject_id"])
    obj = entity_iri(row["object_id"]) if row.get("object_id") else None
    g.add((st, RDF.type, WIKIBASE.Statement))
    g.add((st, RDF.type, CGO.Factoid))
    g.add((st, CGO.relation, Literal(t)))
    g.add((st, CGO.subject, subj))
    if obj is not None:
        g.add((st, CGO.object, obj))

    claims = wikidata_claims(row)
    for who, prop, value in claims:
        g.add((who, WDT[prop], value))
        g.add((who, P[prop], st))
        g.add((st, PS[prop], value))
    if not claims:  # our own property, in the fact's direction
        own = CGO[OWN_PROPERTY.get(t, t.lower())]
        if obj is not None:
            g.add((subj, own, obj))
        g.add((subj, CGO.statement, st))
    if t not in ("BORN", "DIED", "HAPPENED"):  # there the time is the main value
        for col, prop in QUALIFIERS.items():
            if row.get(col) and not (col == "time_end" and row.get("end_basis")):
                g.add((st, PQ[prop], time_literal(row[col])))  # an inferred end is no end time
    for col, prop in (("time", CGO.time), ("time_start", CGO.start), ("time_end", CGO.end),
                      ("julian", CGO.julian), ("role", CGO.role), ("topic", CGO.topic),
                      ("condition", CGO.condition), ("text", CGO.text)):
        if row.get(col):
            g.add((st, prop, Literal(row[col])))
    if row.get("inferred"):
        g.add((st, CGO.timeInferred, Literal(True)))
    if row.get("end_basis"):
        g.add((st, CGO.endBasis, Literal(row["end_basis"])))
    for col, prop in (("place_id", CGO.place), ("body_id", CGO.body)):
        if row.get(col):
            g.add((st, prop, entity_iri(row[col])))
    for col, prop in (("sort_from", CGO.sortFrom), ("sort_to", CGO.sortTo)):
        if row.get(col) is not None:
            g.add((st, prop, _decimal(row[col])))
    # provenance: the factoid model's source, passage, rule and confidence
    g.add((st, PROV.wasDerivedFrom, doc_iri(row["doc_id"])))
    if row.get("evidence") is not None:
        g.add((st, CGO.evidence, Literal(row["evidence"])))
    for col, prop in (("evidence_start", CGO.evidenceStart), ("evidence_end", CGO.evidenceEnd)):
        if row.get(col) is not None:
            g.add((st, prop, Literal(int(row[col]))))
    g.add((st, CGO.extractor, Literal(row["extractor"])))
    if row.get("confidence") is not None:
        g.add((st, CGO.confidence, _decimal(row["confidence"])))


def graphs(store: Store, *, kind: str | None = None, type_: str | None = None,
           min_confidence: float = 0.0, batch: int | None = None) -> Iterator[Graph]:
    """The export as a sequence of small graphs: documents, entities, then facts."""
    batch = batch or BATCH
    sel = Selection(store, kind=kind, type_=type_, min_confidence=min_confidence)
    g = new_graph()
    g.add((URIRef(BASE), RDF.type, PROV.Bundle))
    g.add((URIRef(BASE), DCTERMS.creator, Literal(f"cliograph {__version__}")))
    for d in store.documents():
        document_triples(g, d)
    yield g
    for chunk in batched(sel.entities(), batch):
        g = new_graph()
        for e in chunk:
            entity_triples(g, e)
        yield g
    object_kind = _object_kinds(store)
    for chunk in batched(sel.facts(), batch):
        g = new_graph()
        for row in chunk:
            if row.get("object_id"):
                row = {**row, "object_kind": object_kind(row["object_id"])}
            fact_triples(g, row)
        yield g


def _object_kinds(store: Store) -> Any:
    cache: dict[str, str] = {}

    def kind_of(entity_id: str) -> str:
        if entity_id not in cache:
            if len(cache) > 10_000:
                cache.clear()
            r = store.db.execute("select kind from entities where id = ?", [entity_id]).fetchone()
            cache[entity_id] = r[0] if r else ""
        return cache[entity_id]
    return kind_of


# ------------------------------------------------------------------ writers

_PREFIX_LINE = re.compile(r"^@prefix\s+([\w.-]*):\s*<([^>]*)>\s*\.\s*$")


def _turtle_chunks(gs: Iterable[Graph]) -> Iterator[str]:
    declared = {p: str(ns) for p, ns in PREFIXES.items()}
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in declared.items())
    yield f"# cliograph {__version__}: entities and factoids, Wikidata statement model\n"
    for g in gs:
        if not len(g):
            continue
        text = g.serialize(format="turtle")
        body = []
        for line in text.split("\n"):
            m = _PREFIX_LINE.match(line)
            if m:
                if declared.get(m[1]) != m[2]:
                    declared[m[1]] = m[2]
                    body.append(line)
                continue
            body.append(line)
        yield "\n" + "\n".join(body).strip("\n") + "\n"


def write_ttl(store: Store, out: IO[str], *, kind: str | None = None, type_: str | None = None,
              min_confidence: float = 0.0) -> None:
    for chunk in _turtle_chunks(graphs(store, kind=kind, type_=type_,
                                       min_confidence=min_confidence)):
        out.write(chunk)


CONTEXT: dict[str, str] = {p: str(ns) for p, ns in PREFIXES.items()}


def write_jsonld(store: Store, out: IO[str], *, kind: str | None = None,
                 type_: str | None = None, min_confidence: float = 0.0) -> None:
    out.write('{\n "@context": ' + json.dumps(CONTEXT) + ',\n "@graph": [')
    first = True
    for g in graphs(store, kind=kind, type_=type_, min_confidence=min_confidence):
        if not len(g):
            continue
        doc = json.loads(g.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
        nodes = doc.get("@graph", [doc] if isinstance(doc, dict) else doc)
        for node in nodes:
            if isinstance(node, dict):
                node.pop("@context", None)
            out.write(("\n  " if first else ",\n  ") + json.dumps(node, ensure_ascii=False))
            first = False
    out.write("\n ]\n}\n")
