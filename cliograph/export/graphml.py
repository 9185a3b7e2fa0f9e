"""GraphML export for Gephi, Cytoscape desktop, yEd and networkx.

Nodes are entities, edges are facts that join two entities (a fact with no object
entity, such as HEALTH or BORN, is not an edge). The graph is directed and may hold
several edges between two nodes, one per factoid; each edge keeps its fact id.

Node data: ``label`` and ``name`` (the canonical name: Gephi and yEd show ``label``,
Cytoscape ``name``), ``kind``, ``aliases`` (joined with `` | ``), ``mentions``,
``ambiguous``. Edge data: ``label``, ``relation`` and ``interaction`` (the relation type;
Cytoscape's convention is ``interaction``), ``weight`` and ``confidence``, ``role``,
``topic``, ``time``/``start``/``end`` (EDTF as stored), ``from``/``to`` (fractional years,
see ``_common.fact_interval``; absent when open or unknown), ``inferred``, ``julian``,
``body``, ``place``, ``doc``, ``evidence``, ``evidence_start``, ``evidence_end``,
``extractor``. Written as a stream of XML text, one node or edge at a time.
"""

from __future__ import annotations

from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from .. import __version__
from ..store import Store
from ._common import Selection, fact_attributes, xml_text

ALIAS_SEPARATOR = " | "

# (key, graphml type, value from an entity row)
NODE_KEYS: tuple[tuple[str, str], ...] = (
    ("label", "string"), ("name", "string"), ("kind", "string"), ("aliases", "string"),
    ("mentions", "int"), ("ambiguous", "boolean"),
)
EDGE_KEYS: tuple[tuple[str, str], ...] = (
    ("label", "string"), ("relation", "string"), ("interaction", "string"),
    ("weight", "double"), ("confidence", "double"), ("role", "string"), ("topic", "string"),
    ("condition", "string"), ("text", "string"),
    ("time", "string"), ("start", "string"), ("end", "string"),
    ("from", "double"), ("to", "double"), ("inferred", "boolean"), ("julian", "string"),
    ("body", "string"), ("place", "string"), ("doc", "string"), ("doc_title", "string"),
    ("evidence", "string"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("extractor", "string"),
)


def node_values(e: dict[str, Any]) -> dict[str, Any]:
    return {"label": e["name"], "name": e["name"], "kind": e["kind"],
            "aliases": ALIAS_SEPARATOR.join(e["aliases"]) or None,
            "mentions": e.get("mentions"), "ambiguous": bool(e.get("ambiguous"))}


def edge_values(row: dict[str, Any]) -> dict[str, Any]:
    return {"label": row["type"], "interaction": row["type"], "weight": row["confidence"],
            "start": row["time_start"], "end": row["time_end"], **fact_attributes(row)}


def _value(v: Any, typ: str) -> str:
    if typ == "boolean":
        return "true" if v else "false"
    if typ == "double":
        return repr(float(v))
    if typ == "int":
        return str(int(v))
    return escape(xml_text(v))


def _data(prefix: str, keys: tuple[tuple[str, str], ...], values: dict[str, Any]) -> str:
    return "".join(
        f'<data key="{prefix}{k}">{_value(values[k], t)}</data>'
        for k, t in keys if values.get(k) is not None and values.get(k) != "")


def write_graphml(store: Store, out: IO[str], *, kind: str | None = None,
                  type_: str | None = None, min_confidence: float = 0.0) -> None:
    sel = Selection(store, kind=kind, type_=type_, min_confidence=min_confidence)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
              ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
              ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
              ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
              f"<!-- cliograph {__version__}: entities as nodes, facts as edges -->\n")
    for prefix, what, keys in (("n_", "node", NODE_KEYS), ("e_", "edge", EDGE_KEYS)):
        for k, t in keys:
            out.write(f'  <key id="{prefix}{k}" for="{what}" attr.name="{k}"'
                      f' attr.type="{t}"/>\n')
    out.write('  <graph id="cliograph" edgedefault="directed">\n')
    for e in sel.entities():
        out.write(f"    <node id={quoteattr(xml_text(e['id']))}>"
                  f"{_data('n_', NODE_KEYS, node_values(e))}</node>\n")
    for row in sel.facts(edges_only=True):
        out.write(f"    <edge id={quoteattr(xml_text(row['id']))}"
                  f" source={quoteattr(xml_text(row['subject_id']))}"
                  f" target={quoteattr(xml_text(row['object_id']))}>"
                  f"{_data('e_', EDGE_KEYS, edge_values(row))}</edge>\n")
    out.write("  </graph>\n</graphml>\n")
