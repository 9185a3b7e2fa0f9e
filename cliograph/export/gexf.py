"""GEXF 1.3 export, dynamic, for Gephi's timeline.

The graph is ``mode="dynamic"`` with ``timeformat="double"`` and
``timerepresentation="interval"``: each edge (a fact joining two entities) carries
``start`` and ``end`` in fractional years (see ``_common.fact_interval``), so Gephi's
timeline shows an office from the year it was taken, a kinship or an alliance at the
time the text places it. An edge with an open end (an office held "from 1922") has no
``end``; an edge with no time at all has neither and is present throughout. Nodes have no
interval and are always present, so the timeline only switches edges on and off.

Edges carry GEXF 1.3's ``kind`` (the relation type, which Gephi 0.10 shows as the edge
type and can filter on), ``label`` (also the relation type) and ``weight`` (the
confidence); the other columns are the same as in the GraphML export. Written as a
stream of XML text, one node or edge at a time.
"""

from __future__ import annotations

from typing import IO, Any
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..store import Store
from ._common import Selection, fact_attributes, fact_interval, xml_text
from .graphml import ALIAS_SEPARATOR

NODE_ATTRS: tuple[tuple[str, str], ...] = (
    ("kind", "string"), ("aliases", "string"), ("mentions", "integer"),
    ("ambiguous", "boolean"),
)
EDGE_ATTRS: tuple[tuple[str, str], ...] = (
    ("relation", "string"), ("confidence", "double"), ("role", "string"), ("topic", "string"),
    ("condition", "string"), ("text", "string"),
    ("time", "string"), ("time_start", "string"), ("time_end", "string"),
    ("from", "double"), ("to", "double"), ("inferred", "boolean"), ("julian", "string"),
    ("body", "string"), ("place", "string"), ("doc", "string"), ("doc_title", "string"),
    ("evidence", "string"), ("evidence_start", "integer"), ("evidence_end", "integer"),
    ("extractor", "string"),
)


def _value(v: Any, typ: str) -> str:
    if typ == "boolean":
        return '"true"' if v else '"false"'
    if typ == "double":
        return quoteattr(repr(float(v)))
    if typ == "integer":
        return quoteattr(str(int(v)))
    return quoteattr(xml_text(v))


def _attvalues(prefix: str, attrs: tuple[tuple[str, str], ...], values: dict[str, Any]) -> str:
    items = "".join(f'<attvalue for="{prefix}{k}" value={_value(values[k], t)}/>'
                    for k, t in attrs if values.get(k) is not None and values.get(k) != "")
    return f"<attvalues>{items}</attvalues>" if items else ""


def write_gexf(store: Store, out: IO[str], *, kind: str | None = None,
               type_: str | None = None, min_confidence: float = 0.0) -> None:
    sel = Selection(store, kind=kind, type_=type_, min_confidence=min_confidence)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<gexf xmlns="http://gexf.net/1.3"'
              ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
              ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"'
              ' version="1.3">\n'
              f"  <meta><creator>cliograph {__version__}</creator>"
              "<description>entities as nodes, facts as edges; time in fractional years"
              "</description></meta>\n"
              '  <graph defaultedgetype="directed" mode="dynamic" timeformat="double"'
              ' timerepresentation="interval">\n')
    for prefix, what, attrs in (("n_", "node", NODE_ATTRS), ("e_", "edge", EDGE_ATTRS)):
        out.write(f'    <attributes class="{what}" mode="static">\n')
        for k, t in attrs:
            out.write(f'      <attribute id="{prefix}{k}" title="{k}" type="{t}"/>\n')
        out.write("    </attributes>\n")
    out.write("    <nodes>\n")
    for e in sel.entities():
        values = {"kind": e["kind"], "aliases": ALIAS_SEPARATOR.join(e["aliases"]) or None,
                  "mentions": e.get("mentions"), "ambiguous": bool(e.get("ambiguous"))}
        out.write(f"      <node id={quoteattr(xml_text(e['id']))}"
                  f" label={quoteattr(xml_text(e['name']))}>"
                  f"{_attvalues('n_', NODE_ATTRS, values)}</node>\n")
    out.write("    </nodes>\n    <edges>\n")
    for row in sel.facts(edges_only=True):
        lo, hi = fact_interval(row)
        span = (f' start="{lo!r}"' if lo is not None else "") + (
            f' end="{hi!r}"' if hi is not None else "")
        values = {"time_start": row["time_start"], "time_end": row["time_end"], **fact_attributes(row)}
        weight = row["confidence"] if row["confidence"] is not None else 1.0
        out.write(f"      <edge id={quoteattr(xml_text(row['id']))}"
                  f" source={quoteattr(xml_text(row['subject_id']))}"
                  f" target={quoteattr(xml_text(row['object_id']))}"
                  f" kind={quoteattr(xml_text(row['type']))}"
                  f" label={quoteattr(xml_text(row['type']))}"
                  f' weight="{float(weight)!r}"{span}>'
                  f"{_attvalues('e_', EDGE_ATTRS, values)}</edge>\n")
    out.write("    </edges>\n  </graph>\n</gexf>\n")
