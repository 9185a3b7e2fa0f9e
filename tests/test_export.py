"""Every export format round-trips: JSON against its schema and the referee's scorer,
GraphML/GEXF through networkx, Turtle/JSON-LD through rdflib and SPARQL, CSV through the
csv module; on a store filled with rows directly (independent of extraction quality) and
on one the real pipeline filled."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import warnings
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
import rdflib
from conftest import SHARED, need_shared
from rdflib.compare import isomorphic

import cliograph
from cliograph import query
from cliograph.errors import UsageError
from cliograph.export import EXPORTERS, Exporter, export, formats, json_schema
from cliograph.export import rdf as rdf_export
from cliograph.export._common import edtf_bounds, fact_interval
from cliograph.store import Store

GOLD = SHARED / "gold" / "with-lenin.json"
SCORER = SHARED / "tools" / "score.py"

P = rdflib.Namespace("http://www.wikidata.org/prop/")
PS = rdflib.Namespace("http://www.wikidata.org/prop/statement/")
PQ = rdflib.Namespace("http://www.wikidata.org/prop/qualifier/")
WDT = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
XSD = rdflib.XSD
ENT = rdf_export.ENT
CGO = rdf_export.CGO

WHO_HELD_GENERAL_SECRETARY = """
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE {
  ?person p:P39 ?statement .
  ?statement ps:P39 ?office .
  ?office rdfs:label ?office_name .
  FILTER(CONTAINS(LCASE(STR(?office_name)), "general secretary"))
  ?person rdfs:label ?name .
}"""

# ---------------------------------------------------------------- a store made of rows

SENTENCES = [
    ("s1", "In April 1922 Stalin became General Secretary."),
    ("s2", "Lenin's wife Nadezhda Krupskaya nursed him."),
    ("s3", "His father Ilya Ulyanov was a school inspector."),
    ("s4", "Stalin sat in the Politburo from 1919 and in the Communist Party."),
    ("s5", "Trotsky led the offensive against the Kronstadt mutiny in March 1921."),
    ("s6", "Lenin died at Gorki on 21 January 1924."),
    ("s7", "Lenin suffered a stroke in May 1922."),
    ("s8", "Stalin & the <Secretariat> \"backed\" the New Economic Policy\x0c in 1921."),
    ("s9", "Trotsky opposed Stalin in the winter of 1923-4."),
]
TEXT = " ".join(s for _, s in SENTENCES)
SPAN = {}
_pos = 0
for _key, _s in SENTENCES:
    SPAN[_key] = (_pos, _pos + len(_s))
    _pos += len(_s) + 1

ENTITIES = [
    ("stalin", "PERSON", "Joseph Stalin", ["Stalin", "Koba"]),
    ("general-secretary", "OFFICE", "General Secretary", []),
    ("lenin", "PERSON", "Vladimir Lenin", ["Lenin", "Ilich"]),
    ("nadezhda-krupskaya", "PERSON", "Nadezhda Krupskaya", ["Krupskaya"]),
    ("ilya-ulyanov", "PERSON", "Ilya Ulyanov", []),
    ("politburo", "BODY", "Politburo", []),
    ("communist-party", "BODY", "Communist Party", []),
    ("trotsky", "PERSON", "Leon Trotsky", ["Trotsky", "Trotski"]),
    ("kronstadt-mutiny", "EVENT", "Kronstadt mutiny", []),
    ("gorki", "PLACE", "Gorki", []),
    ("new-economic-policy", "POLICY", "New Economic Policy", ["NEP"]),
]

# (id, type, subject, object, sentence, extra columns)
FACTS = [
    ("f-office", "HOLDS_OFFICE", "stalin", "general-secretary", "s1",
     {"time_start": "1922-04", "sort_from": 1922.25, "sort_to": 1922.25, "confidence": 0.9}),
    ("f-wife", "KIN", "nadezhda-krupskaya", "lenin", "s2", {"role": "wife", "confidence": 0.8}),
    ("f-father", "KIN", "ilya-ulyanov", "lenin", "s3", {"role": "father", "confidence": 0.8}),
    ("f-politburo", "MEMBER_OF", "stalin", "politburo", "s4",
     {"time_start": "1919", "sort_from": 1919.0, "sort_to": 1919.0, "confidence": 0.7}),
    ("f-party", "MEMBER_OF", "stalin", "communist-party", "s4", {"confidence": 0.7}),
    ("f-kronstadt", "PARTICIPATES", "trotsky", "kronstadt-mutiny", "s5",
     {"role": "led the offensive", "time": "1921-03", "sort_from": 1921.17,
      "sort_to": 1921.17, "confidence": 0.75}),
    ("f-died", "DIED", "lenin", None, "s6",
     {"time": "1924-01-21", "place_id": "gorki", "sort_from": 1924.05, "sort_to": 1924.05,
      "confidence": 0.9}),
    ("f-stroke", "HEALTH", "lenin", None, "s7",
     {"condition": "stroke", "time": "1922-05", "inferred": 1, "confidence": 0.6}),
    ("f-nep", "SUPPORTS_POLICY", "stalin", "new-economic-policy", "s8",
     {"time": "1921", "sort_from": 1921.0, "sort_to": 1921.0, "confidence": 0.4}),
    ("f-opposes", "OPPOSES", "trotsky", "stalin", "s9",
     {"time": "1923/1924", "sort_from": 1923.0, "sort_to": 1924.0, "confidence": 0.65}),
]
EDGE_FACTS = [f for f in FACTS if f[3]]


def fill(store: Store) -> None:
    doc = "d0c0ffee00000001"
    db = store.db
    db["documents"].insert({"id": doc, "source": "/nowhere/with-lenin.txt",
                            "title": "Rows", "format": "txt", "text": TEXT,
                            "n_words": len(TEXT.split()), "chapters": "[]",
                            "pipeline": "test", "ingested_at": "2024-01-01T00:00:00"})
    for eid, kind, name, aliases in ENTITIES:
        db["entities"].insert({"id": eid, "kind": kind, "name": name})
        for alias in [name, *aliases]:
            db["aliases"].insert({"entity_id": eid, "alias": alias, "norm": alias.casefold(),
                                  "doc_id": doc, "start": 0, "end": len(alias), "rule": "test"})
        db["mentions"].insert({"doc_id": doc, "entity_id": eid, "start": 0, "end": 1,
                               "text": name, "kind": kind, "source": "test"})
    for fid, typ, subj, obj, sent, extra in FACTS:
        s, e = SPAN[sent]
        db["facts"].insert({
            "id": fid, "doc_id": doc, "type": typ, "subject_id": subj, "object_id": obj,
            "evidence_start": s, "evidence_end": e, "evidence": TEXT[s:e],
            "extractor": "test.rows.v1", "inferred": 0, **extra})


@pytest.fixture
def rows(store) -> Store:
    fill(store)
    return store


def dump(store: Store, fmt: str, **options) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, **options)
    return buf.getvalue()


def turtle(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="turtle")


def jsonld(text: str) -> rdflib.Graph:
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        return rdflib.Graph().parse(data=text, format="json-ld")


def who_held_general_secretary(g: rdflib.Graph) -> set[str]:
    return {str(r[0]) for r in g.query(WHO_HELD_GENERAL_SECRETARY)}


def score(tmp_path: Path, data: str) -> subprocess.CompletedProcess[str]:
    need_shared(SCORER, "the referee's scorer")
    need_shared(GOLD, "the seed's gold file")
    pred = tmp_path / "pred.json"
    pred.write_text(data, encoding="utf-8")
    return subprocess.run([sys.executable, str(SCORER), str(pred), str(GOLD)],
                          capture_output=True, text=True, timeout=60)


# ---------------------------------------------------------------- registry

def test_export_registry_declares_what_each_format_writes():
    assert formats() == ["csv", "gexf", "graphml", "json", "jsonld", "ttl"]
    for name, ex in EXPORTERS.items():
        assert isinstance(ex, Exporter) and ex.name == name and callable(ex.fn)
        assert ex.writes in ("stream", "dir")
        assert ex.media_type and ex.description
        assert (ex.suffix == "") == (ex.writes == "dir")
    assert EXPORTERS["csv"].writes == "dir"
    assert {n for n, e in EXPORTERS.items() if e.writes == "stream"} == {
        "json", "graphml", "gexf", "jsonld", "ttl"}


def test_export_unknown_format_is_a_usage_error_listing_the_formats(rows):
    with pytest.raises(UsageError) as info:
        export(rows, "xls", io.StringIO())
    msg = str(info.value)
    assert "\n" not in msg
    assert msg == ("unknown export format 'xls'; choose one of: "
                   "csv, gexf, graphml, json, jsonld, ttl")


def test_export_folder_format_to_a_stream_or_a_file_is_a_usage_error(rows, tmp_path):
    with pytest.raises(UsageError, match="csv export writes a folder"):
        export(rows, "csv", io.StringIO())
    f = tmp_path / "a.csv"
    f.write_text("x")
    with pytest.raises(UsageError, match="is a file; the csv export needs a folder"):
        export(rows, "csv", f)
    with pytest.raises(UsageError, match="is a folder; the ttl export writes one file"):
        export(rows, "ttl", tmp_path)


def test_export_to_an_unwritable_path_is_one_line(rows, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match=r"^cannot write .*out\.ttl: ") as info:
        export(rows, "ttl", blocker / "out.ttl")
    assert "\n" not in str(info.value)
    assert not list(tmp_path.glob("**/*.part"))


def test_export_to_a_path_writes_in_place_of_a_part_file(rows, tmp_path):
    for fmt, ex in EXPORTERS.items():
        target = tmp_path / (fmt + (ex.suffix or "-folder"))
        export(rows, fmt, target)
        assert target.exists()
    assert not list(tmp_path.glob("**/*.part"))
    assert sorted(p.name for p in (tmp_path / "csv-folder").iterdir()) == [
        "aliases.csv", "entities.csv", "facts.csv"]


def _cli_store(tmp_path: Path) -> Path:
    db = tmp_path / "cli.db"
    s = Store(db)
    fill(s)
    s.close()
    return db


def test_cli_export_gexf_and_ttl_to_a_file(tmp_path):
    from click.testing import CliRunner

    from cliograph.cli import cli
    db = _cli_store(tmp_path)
    for fmt in ("gexf", "ttl"):
        out = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt,
                                          "--out", str(out), "--min-confidence", "0.7"])
        assert result.exit_code == 0, result.output
    assert nx.read_gexf(tmp_path / "out.gexf").number_of_edges() == sum(
        1 for f in EDGE_FACTS if f[5]["confidence"] >= 0.7)
    assert who_held_general_secretary(turtle((tmp_path / "out.ttl").read_text())) == {
        "Joseph Stalin"}


def test_cli_export_csv_writes_a_folder(tmp_path):
    from click.testing import CliRunner

    from cliograph.cli import cli, export_cmd
    out_option = next(p for p in export_cmd.params if p.name == "out")
    assert getattr(out_option.type, "dir_okay", True)  # csv writes a folder
    db = _cli_store(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 2 and "--out" in result.output
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "csv",
                                      "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert len(read_csv(tmp_path / "csv" / "facts.csv")) == len(FACTS)


# ---------------------------------------------------------------- time

def test_export_edtf_bounds_are_the_query_layers():
    # one reading of time for the graph exports and the web timeline (issue 18): a month is
    # its days' share of the year, and 82 BC is the astronomical year -81, as in test_query
    for value in ("1922", "1922-04", "1924-01-21", "1922-22", "1920/1921", "1919/..", "-0082",
                  "-0044-03-15", "14XX", "[1667,1668]"):
        assert edtf_bounds(value) == query.bounds(value), value
    assert edtf_bounds("1922-04") == (pytest.approx(1922 + 90 / 365), pytest.approx(1922 + 120 / 365))
    assert edtf_bounds("-0082") == (-81.0, -80.0)
    assert edtf_bounds("-0001")[1] == edtf_bounds("0001")[0]  # no year zero in the values
    assert edtf_bounds("{1667..1669}") == (1667.0, 1670.0)
    assert edtf_bounds("Y-12000") == (-11999.0, -11998.0)
    assert edtf_bounds("1922-02-30") == (None, None)
    assert edtf_bounds("summer") == (None, None)


def test_export_fact_interval_is_the_query_layers():
    tenure = {"type": "HOLDS_OFFICE", "time_start": "1922-04"}
    assert fact_interval(tenure) == (pytest.approx(1922 + 90 / 365), None)  # held from April
    event = {"type": "HAPPENED", "time_start": "1922-04"}
    assert fact_interval(event) == query.bounds("1922-04")  # happened in April, not since
    assert fact_interval({"type": "DIED", "time": "-0044-03-15"}) == query.bounds("-0044-03-15")
    assert fact_interval({"time_end": "1924"}) == (None, 1925.0)
    assert fact_interval({}) == (None, None)
    for row in (tenure, event, {"time": "-0082"}):
        iv = query.fact_interval(row)
        assert fact_interval(row) == (iv.lo, iv.hi)


# ---------------------------------------------------------------- json

def test_export_json_validates_against_the_schema_and_the_scorer_reads_it(rows, tmp_path):
    text = dump(rows, "json")
    data = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(json_schema())
    jsonschema.validate(data, json_schema())
    assert len(data["entities"]) == len(ENTITIES) and len(data["facts"]) == len(FACTS)
    result = score(tmp_path, text)
    assert result.returncode == 0, result.stderr
    assert "entities F1" in result.stdout.splitlines()[-1]


def test_export_json_schema_rejects_a_malformed_fact(rows):
    data = json.loads(dump(rows, "json"))
    data["facts"][0]["type"] = "LIKES"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


# ---------------------------------------------------------------- csv

def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_writes_entities_aliases_and_one_row_per_factoid(rows, tmp_path):
    export(rows, "csv", tmp_path / "out")
    ents = read_csv(tmp_path / "out" / "entities.csv")
    aliases = read_csv(tmp_path / "out" / "aliases.csv")
    facts = read_csv(tmp_path / "out" / "facts.csv")
    assert {e["id"] for e in ents} == {e[0] for e in ENTITIES}
    lenin = next(e for e in ents if e["id"] == "lenin")
    assert lenin["kind"] == "PERSON" and set(lenin["aliases"].split(" | ")) == {"Lenin", "Ilich"}
    assert {(a["entity_id"], a["alias"]) for a in aliases} >= {("lenin", "Ilich"),
                                                             ("trotsky", "Trotski")}
    assert {a["canonical"] for a in aliases if a["alias"] == "Vladimir Lenin"} == {"1"}
    assert len(facts) == len(FACTS)
    nep = next(f for f in facts if f["id"] == "f-nep")
    s, e = SPAN["s8"]
    assert (int(nep["evidence_start"]), int(nep["evidence_end"])) == (s, e)
    assert nep["evidence"] == TEXT[s:e]  # quotes, ampersand and control characters kept
    assert nep["subject_name"] == "Joseph Stalin" and nep["doc_title"] == "Rows"
    office = next(f for f in facts if f["id"] == "f-office")
    assert office["time_start"] == "1922-04" and office["time"] == ""


def test_export_csv_filters_by_kind_and_confidence(rows, tmp_path):
    export(rows, "csv", tmp_path / "p", kind="PERSON", min_confidence=0.7)
    ents = read_csv(tmp_path / "p" / "entities.csv")
    facts = read_csv(tmp_path / "p" / "facts.csv")
    assert {e["kind"] for e in ents} == {"PERSON"}
    assert {a["entity_id"] for a in read_csv(tmp_path / "p" / "aliases.csv")} <= {
        e["id"] for e in ents}
    assert facts and all(float(f["confidence"]) >= 0.7 for f in facts)
    assert "f-nep" not in {f["id"] for f in facts}


# ---------------------------------------------------------------- graphml / gexf

def test_export_graphml_loads_in_networkx_with_counts_kinds_and_times(rows, tmp_path):
    path = tmp_path / "g.graphml"
    export(rows, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == len(ENTITIES)
    assert g.number_of_edges() == len(EDGE_FACTS)
    assert g.nodes["lenin"]["kind"] == "PERSON" and g.nodes["lenin"]["label"] == "Vladimir Lenin"
    edges = {d.get("id", k): (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    u, v, office = edges["f-office"]
    assert (u, v) == ("stalin", "general-secretary")
    assert office["relation"] == office["interaction"] == "HOLDS_OFFICE"
    assert office["confidence"] == 0.9 and office["start"] == "1922-04"
    assert office["from"] == pytest.approx(query.bounds("1922-04")[0]) and "to" not in office  # from April 1922
    assert edges["f-opposes"][2]["from"] == 1923.0 and edges["f-opposes"][2]["to"] == 1925.0
    assert edges["f-nep"][2]["evidence"] == TEXT[slice(*SPAN["s8"])].replace("\x0c", "")
    assert "f-died" not in edges and "f-stroke" not in edges  # no object entity, no edge


def test_export_gexf_is_dynamic_and_loads_in_networkx_with_intervals(rows, tmp_path):
    path = tmp_path / "g.gexf"
    export(rows, "gexf", path)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="double"' in text
    g = nx.read_gexf(path, version="1.3")
    assert g.graph["mode"] == "dynamic"
    assert g.number_of_nodes() == len(ENTITIES)
    assert g.number_of_edges() == len(EDGE_FACTS)
    assert g.nodes["trotsky"]["label"] == "Leon Trotsky"
    assert g.nodes["trotsky"]["kind"] == "PERSON"
    edges = {d["id"]: d for _, _, d in g.edges(data=True)}
    office = edges["f-office"]
    assert office["start"] == pytest.approx(query.bounds("1922-04")[0]) and "end" not in office
    assert office["label"] == office["relation"] == "HOLDS_OFFICE"
    assert office["weight"] == 0.9
    assert (edges["f-wife"].get("start"), edges["f-wife"].get("end")) == (None, None)
    assert (edges["f-kronstadt"]["start"], edges["f-kronstadt"]["end"]) == pytest.approx(
        query.bounds("1921-03"), abs=1e-5)  # the same March the web timeline draws
    assert (edges["f-opposes"]["start"], edges["f-opposes"]["end"]) == (1923.0, 1925.0)
    assert 'kind="HOLDS_OFFICE"' in text


def test_export_graph_formats_with_a_kind_keep_edges_between_kept_nodes(rows, tmp_path):
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"p.{fmt}"
        export(rows, fmt, path, kind="PERSON")
        g = read(path)
        assert {d["kind"] for _, d in g.nodes(data=True)} == {"PERSON"}
        assert {d["id"] for _, _, d in g.edges(data=True)} == {"f-wife", "f-father", "f-opposes"}


def test_export_graph_formats_filter_by_type(rows, tmp_path):
    path = tmp_path / "k.gexf"
    export(rows, "gexf", path, type_="KIN")
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == len(ENTITIES)
    assert {d["relation"] for _, _, d in g.edges(data=True)} == {"KIN"}


# ---------------------------------------------------------------- rdf

def test_export_ttl_answers_who_held_general_secretary(rows):
    g = turtle(dump(rows, "ttl"))
    assert who_held_general_secretary(g) == {"Joseph Stalin"}


def test_export_ttl_maps_relations_to_wikidata_in_wikidata_direction(rows):
    g = turtle(dump(rows, "ttl"))
    assert (ENT.stalin, WDT.P39, ENT["general-secretary"]) in g
    assert (ENT["nadezhda-krupskaya"], WDT.P26, ENT.lenin) in g            # wife: spouse
    assert (ENT.lenin, WDT.P22, ENT["ilya-ulyanov"]) in g                  # father: flipped
    assert (ENT.stalin, WDT.P463, ENT.politburo) in g
    assert (ENT.stalin, WDT.P102, ENT["communist-party"]) in g             # a party
    assert (ENT["kronstadt-mutiny"], WDT.P710, ENT.trotsky) in g            # event P710 person
    assert (ENT.lenin, WDT.P570, rdflib.Literal("1924-01-21", datatype=XSD.date)) in g
    assert (ENT.lenin, WDT.P20, ENT.gorki) in g
    assert (ENT.trotsky, CGO.opposes, ENT.stalin) in g                      # no Wikidata property
    assert (ENT.stalin, CGO.supportsPolicy, ENT["new-economic-policy"]) in g
    assert (ENT.lenin, rdflib.RDFS.label, rdflib.Literal("Vladimir Lenin")) in g
    assert (ENT.lenin, rdflib.SKOS.altLabel, rdflib.Literal("Ilich")) in g


def test_export_ttl_keeps_each_factoid_as_a_reified_statement(rows):
    g = turtle(dump(rows, "ttl"))
    st = rdf_export.fact_iri("f-office")
    assert (ENT.stalin, P.P39, st) in g
    assert (st, PS.P39, ENT["general-secretary"]) in g
    assert (st, PQ.P580, rdflib.Literal("1922-04", datatype=XSD.gYearMonth)) in g
    assert (st, rdflib.RDF.type, rdflib.URIRef("http://wikiba.se/ontology#Statement")) in g
    assert (st, CGO.subject, ENT.stalin) in g
    assert (st, rdflib.PROV.wasDerivedFrom, rdf_export.doc_iri("d0c0ffee00000001")) in g
    assert g.value(st, CGO.evidence).toPython() == TEXT[slice(*SPAN["s1"])]
    assert g.value(st, CGO.evidenceStart).toPython() == SPAN["s1"][0]
    assert g.value(st, CGO.extractor).toPython() == "test.rows.v1"
    assert float(g.value(st, CGO.confidence).toPython()) == 0.9
    opposes = rdf_export.fact_iri("f-opposes")
    interval = g.value(opposes, PQ.P585)
    assert interval.datatype == rdf_export.EDTF and str(interval) == "1923/1924"
    stroke = rdf_export.fact_iri("f-stroke")
    assert g.value(stroke, CGO.condition).toPython() == "stroke"
    assert g.value(stroke, CGO.timeInferred).toPython() is True
    assert len(set(g.subjects(rdflib.RDF.type, CGO.Factoid))) == len(FACTS)
    nep = rdf_export.fact_iri("f-nep")
    assert g.value(nep, CGO.evidence).toPython() == TEXT[slice(*SPAN["s8"])]  # escaped, kept


def test_export_jsonld_is_the_same_graph_as_the_turtle(rows):
    text = dump(rows, "jsonld")
    doc = json.loads(text)
    assert set(doc) == {"@context", "@graph"}
    assert doc["@context"]["wdt"] == "http://www.wikidata.org/prop/direct/"
    assert isomorphic(jsonld(text), turtle(dump(rows, "ttl")))
    assert who_held_general_secretary(jsonld(text)) == {"Joseph Stalin"}


def test_export_time_literals_are_xsd_where_simple_and_edtf_otherwise():
    assert rdf_export.time_literal("1922").datatype == XSD.gYear
    assert rdf_export.time_literal("-0082").datatype == XSD.gYear
    assert rdf_export.time_literal("1922-04").datatype == XSD.gYearMonth
    assert rdf_export.time_literal("1922-04-08").datatype == XSD.date
    for v in ("1922-02-30", "1922-22", "1920/1921", "14XX", "1919/.."):
        assert rdf_export.time_literal(v).datatype == rdf_export.EDTF


def test_export_rdf_filters_by_confidence_and_kind(rows):
    g = turtle(dump(rows, "ttl", min_confidence=0.7))
    assert (ENT.stalin, CGO.supportsPolicy, ENT["new-economic-policy"]) not in g
    assert (ENT.stalin, WDT.P39, ENT["general-secretary"]) in g
    g = turtle(dump(rows, "ttl", kind="OFFICE"))
    assert set(g.subjects(rdflib.RDF.type, CGO.Person)) == set()
    assert set(g.subjects(rdflib.RDF.type, CGO.Factoid)) == set()  # no office is a subject


# ---------------------------------------------------------------- streaming

class Spy:
    """A store whose facts() records how much had been written when each row was read."""

    def __init__(self, store: Store, out: io.StringIO) -> None:
        self._store, self._out, self.seen = store, out, []

    def __getattr__(self, name):
        return getattr(self._store, name)

    def facts(self, *args, **kwargs):
        for row in self._store.facts(*args, **kwargs):
            self.seen.append(len(self._out.getvalue()))
            yield row


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "ttl", "jsonld"])
def test_export_streams_output_while_reading_facts(rows, monkeypatch, fmt):
    monkeypatch.setattr(rdf_export, "BATCH", 2)
    out = io.StringIO()
    spy = Spy(rows, out)
    EXPORTERS[fmt].fn(spy, out)
    assert len(spy.seen) >= 6
    assert spy.seen[-1] > spy.seen[0], "nothing was written until every fact had been read"


def test_export_ttl_in_small_batches_is_the_same_graph_with_prefixes_once(rows, monkeypatch):
    whole = turtle(dump(rows, "ttl"))
    monkeypatch.setattr(rdf_export, "BATCH", 1)
    text = dump(rows, "ttl")
    assert text.count("@prefix wdt:") == 1
    assert isomorphic(turtle(text), whole)
    assert isomorphic(jsonld(dump(rows, "jsonld")), whole)


# ---------------------------------------------------------------- a store the pipeline filled

STORY = (
    "In 1922 Stalin became General Secretary of the Central Committee. Finance Commissar "
    "Sokolnikov argued for the state monopoly of foreign trade. Lenin’s wife Nadezhda "
    "Krupskaya wrote to Trotsky in December 1922.\n"
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingested")
    src = folder / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    db = folder / "story.db"
    report = cliograph.ingest([src], db=db)
    assert report.ok, report.failed
    store = Store(db)
    yield store
    store.close()


@pytest.mark.model
def test_export_every_format_round_trips_on_an_ingested_text(ingested, tmp_path):
    facts = list(ingested.facts())
    types = {f["type"] for f in facts}
    assert {"HOLDS_OFFICE", "KIN"} <= types, types
    n_entities = sum(1 for _ in ingested.entities())
    n_edges = sum(1 for f in facts if f["object_id"])

    data = dump(ingested, "json")
    jsonschema.validate(json.loads(data), json_schema())
    result = score(tmp_path, data)
    assert result.returncode == 0, result.stderr

    export(ingested, "graphml", tmp_path / "s.graphml")
    g = nx.read_graphml(tmp_path / "s.graphml", force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (n_entities, n_edges)
    export(ingested, "gexf", tmp_path / "s.gexf")
    g = nx.read_gexf(tmp_path / "s.gexf")
    assert (g.number_of_nodes(), g.number_of_edges()) == (n_entities, n_edges)
    assert any("start" in d for _, _, d in g.edges(data=True))

    export(ingested, "csv", tmp_path / "csv")
    assert len(read_csv(tmp_path / "csv" / "facts.csv")) == len(facts)

    ttl = turtle(dump(ingested, "ttl"))
    assert who_held_general_secretary(ttl) == {"Stalin"}
    assert (ENT["nadezhda-krupskaya"], WDT.P26, ENT.lenin) in ttl
    assert isomorphic(jsonld(dump(ingested, "jsonld")), ttl)


SEED_INGEST_TIMEOUT = 600  # seconds: a guard against a hang, not a speed test (that is bench/run.py)


@pytest.mark.model
def test_export_ttl_on_the_seed_chapter_finds_the_general_secretary(seed_path, tmp_path):
    db = tmp_path / "seed.db"
    done = subprocess.run(
        [sys.executable, "-m", "cliograph", "ingest", "--quiet", "--db", str(db), str(seed_path)],
        capture_output=True, text=True, timeout=SEED_INGEST_TIMEOUT)
    assert done.returncode == 0, done.stderr
    store = Store(db)
    try:
        held = [f for f in store.facts(type_="HOLDS_OFFICE")
                if "general secretary" in (f["object_name"] or "").casefold()]
        assert held, "the seed's General Secretary is no longer extracted"
        holders = who_held_general_secretary(turtle(dump(store, "ttl")))
    finally:
        store.close()
    assert any("Stalin" in h for h in holders), holders
