"""The web app in-process: every page and its JSON twin, escaping, errors, read-only.

The store holds two tiny texts ingested with the real pipeline (one of them hostile) plus
the chronicle of known facts from tests/chronicle.py; the seed chapter gets its own store
when it is beside the checkout.
"""

from __future__ import annotations

import re
import warnings

import pytest
from bs4 import BeautifulSoup
from chronicle import build

import cliograph
from cliograph.store import Store
from cliograph.web import make_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.model

INLINE = """The Secretariat in 1922

In April 1922 Joseph Stalin was appointed General Secretary of the Central Committee.
Lenin's wife Nadezhda Krupskaya worked at the People's Commissariat of Enlightenment in Moscow.
Trotsky opposed Stalin in the Politburo in 1923.
"""

HOSTILE = """Hostile markup

In 1919 an agitator in Petrograd wrote <script>alert(1)</script> on a wall, and Zinoviev laughed.
Trotsky answered " onmouseover="x in the newspaper, and <b>Lenin</b> & Kamenev read it.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    (folder / "secretariat.txt").write_text(INLINE, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.db"
    report = cliograph.ingest([folder / "secretariat.txt", folder / "hostile.txt"], db=db)
    assert report.ok, report.failed
    store = Store(db)
    ids = build(store)
    ids["hostile"] = next(d.doc_id for d in report.ingested if d.path.endswith("hostile.txt"))
    ids["inline"] = next(d.doc_id for d in report.ingested if d.path.endswith("secretariat.txt"))
    store.close()
    return db, ids


@pytest.fixture(scope="module")
def client(corpus):
    app = make_app(corpus[0])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def ids(corpus):
    return corpus[1]


def get_json(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def soup(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return BeautifulSoup(r.text, "html.parser")


# ------------------------------------------------------------------ JSON twins

def test_web_home_json(client):
    data = get_json(client, "/index.json")
    assert data["ok"] is True
    assert data["counts"]["documents"] == 4
    assert {d["title"] for d in data["documents"]} >= {"A Chronicle of the Secretariat",
                                                        "A Second Source"}
    assert [k["kind"] for k in data["kinds"]] == list(cliograph.KINDS)
    assert {t["type"] for t in data["types"]} == set(cliograph.RELATION_TYPES)
    assert data["middle_date"]
    assert get_json(client, "/.json") == data


def test_web_search_json(client):
    data = get_json(client, "/search.json?q=Stalin")
    assert data["entities"] and data["entities"][0]["name"].endswith("Stalin")
    assert data["total_sentences"] >= 4
    sentence = data["sentences"][0]
    assert {"doc_id", "start", "end", "parts", "href"} <= sentence.keys()
    assert any(hit for _, hit in sentence["parts"])
    assert get_json(client, "/search.json?q=")["entities"] == []


def test_web_entities_json(client):
    data = get_json(client, "/entities.json?kind=office")
    assert data["kind"] == "OFFICE"
    assert {"General Secretary", "Dictator"} <= {e["name"] for e in data["entities"]}
    assert get_json(client, "/entities.json?kind=robot", 400)["ok"] is False


def test_web_entities_filter_facets_sort_and_pages(client, ids):
    data = get_json(client, "/entities.json?q=secretary&sort=name")
    names = [e["name"] for e in data["entities"]]
    assert {"General Secretary", "Responsible Secretary"} <= set(names)
    assert names == sorted(names, key=str.lower) and all("Secretary" in n for n in names)
    assert {k["kind"]: k["count"] for k in data["kinds"]}["OFFICE"] == len(names)
    assert get_json(client, "/entities.json?q=caesar")["entities"][0]["id"] == "julius-caesar"
    assert get_json(client, "/entities.json?q=cæsar")["entities"][0]["id"] == "julius-caesar"
    people = get_json(client, "/entities.json?kind=PERSON&limit=2")
    assert len(people["entities"]) == 2 and people["total"] > 2
    assert people["page"]["next"].endswith("offset=2&limit=2") and "kind=PERSON" in people["page"]["next"]
    rest = get_json(client, people["page"]["next"].replace("/entities", "/entities.json"))
    assert not {e["id"] for e in rest["entities"]} & {e["id"] for e in people["entities"]}
    one_doc = get_json(client, f"/entities.json?doc={ids['hostile']}")
    assert "Zinoviev" in {e["name"] for e in one_doc["entities"]}
    assert "Dictator" not in {e["name"] for e in one_doc["entities"]}
    page = soup(client, "/entities?kind=OFFICE&q=secretary")
    assert page.select_one("form.filters input[name=q]")["value"] == "secretary"
    assert [a.text for a in page.select("table.data a.ent")][:1] == ["General Secretary"]
    assert len(page.select("table.data a.ent")) == len(names)
    assert get_json(client, "/entities.json?sort=size", 400)["error"].startswith("unknown sort")


def test_web_facts_table_filters_and_exports_what_it_shows(client):
    data = get_json(client, "/facts.json?type=HOLDS_OFFICE&entity=Stalin")
    assert data["total"] >= 2 and {f["type"] for f in data["facts"]} == {"HOLDS_OFFICE"}
    assert all("joseph-stalin" in (f["subject"]["id"], (f["object"] or {}).get("id")) for f in data["facts"])
    early = get_json(client, "/facts.json?from=1921&to=1921")
    labels = {f["label"] for f in early["facts"]}
    assert "Joseph Stalin allied with Grigori Zinoviev" in labels  # 1921
    assert not any(f["subject"]["id"] == "leon-trotsky" and f["type"] == "MEMBER_OF"
                   for f in early["facts"])  # from October 1923
    bc = get_json(client, "/facts.json?to=-0001")["facts"]
    assert bc and all(f["subject"]["id"] in ("sulla", "julius-caesar") for f in bc)
    csv_text = client.get("/facts.csv?type=HOLDS_OFFICE&entity=Stalin").text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,type,subject,object") and len(lines) == data["total"] + 1
    assert get_json(client, "/facts.json?min_confidence=0.99")["total"] < get_json(client, "/facts.json")["total"]
    first = get_json(client, "/facts.json?limit=1&sort=confidence")
    assert first["facts"][0]["evidence"]["confidence"] == max(
        f["evidence"]["confidence"] for f in get_json(client, "/facts.json?limit=1000")["facts"])
    assert get_json(client, "/facts.json?dating=maybe", 400)["ok"] is False
    stated = get_json(client, "/facts.json?dating=stated&limit=1000")["facts"]
    assert stated and not any(f["inferred"] for f in stated)
    page = soup(client, "/facts?type=HOLDS_OFFICE")
    assert page.select_one("a.csv-link")["href"].startswith("/facts.csv?type=HOLDS_OFFICE")
    assert len(page.select("table.facts-table tbody tr")) == get_json(client, "/facts.json?type=HOLDS_OFFICE")["total"]


def test_web_facts_csv_neutralises_formulas(client):
    from cliograph.web.views import facts_csv
    fact = {"id": "x", "type": "QUOTE", "subject": {"name": "=HYPERLINK(1)"}, "object": None,
            "body": None, "place": None, "role": None, "topic": "", "when": "", "time": None,
            "time_start": None, "time_end": None, "inferred": False,
            "evidence": {"doc_title": "d", "text": "@SUM", "extractor": "r", "confidence": 1.0,
                         "doc_id": "d", "start": 0, "end": 1}}
    row = facts_csv({"facts": [fact]}).splitlines()[1]
    assert row.startswith("x,QUOTE,'=HYPERLINK(1),,,,,,,,,,no,d,'@SUM,r,1.0,")


def test_web_entity_json_dossier(client):
    data = get_json(client, "/entity/joseph-stalin.json")
    assert data["entity"]["name"] == "Joseph Stalin" and data["entity"]["kind"] == "PERSON"
    groups = {g["type"]: g for g in data["groups"]}
    assert {"HOLDS_OFFICE", "ALLY", "SUPPORTS_POLICY"} <= groups.keys()
    claim = groups["HOLDS_OFFICE"]["claims"][0]
    assert claim["sources"] == 2 and len(claim["facts"]) == 2  # side by side, not merged
    fact = claim["facts"][0]
    assert fact["evidence"]["href"].startswith(f"/document/{fact['evidence']['doc_id']}?at=")
    assert "_parts" not in fact  # render-only data stays out of the JSON
    alias = data["aliases"][0]
    assert {"alias", "doc_id", "start", "end", "href", "context"} <= alias.keys()


def test_web_entity_json_office_holders(client):
    data = get_json(client, "/entity/dictator.json")
    holders = data["related"]["holders"]
    assert [h["person"]["name"] for h in holders] == ["Sulla", "Julius Caesar"]
    assert holders[0]["span"] == "82 BC – succeeded by Julius Caesar, from 49 BC"
    assert holders[1]["span"] == "49 BC – death, 15 March 44 BC"


def test_web_entity_json_body_and_policy(client):
    body = get_json(client, "/entity/left-opposition.json")["related"]
    assert [m["subject"]["name"] for m in body["members"]] == ["Leon Trotsky"]
    policy = get_json(client, "/entity/new-economic-policy.json")["related"]
    assert [s["subject"]["name"] for s in policy["supporters"]] == ["Joseph Stalin"]
    assert [d["subject"]["name"] for d in policy["decisions"]] == ["Politburo"]
    assert policy["opponents"] == []


def test_web_document_json(client, ids):
    data = get_json(client, f"/document/{ids['chronicle']}.json?at=0-20")
    assert data["document"]["title"] == "A Chronicle of the Secretariat"
    assert data["target"] == [0, 20]
    assert data["text"].startswith("In April 1922")
    assert data["mentions"] and data["facts"]
    assert "_segments" not in data
    m = data["mentions"][0]
    assert data["text"][m["start"]:m["end"]] == m["text"]


def test_web_timeline_json(client):
    data = get_json(client, "/timeline.json")
    assert data["items"] and data["groups"]
    item = data["items"][0]
    assert {"id", "type", "start", "group", "label", "when", "evidence", "precision"} <= item.keys()
    assert data["items"][0]["start"].startswith("-0000")  # BC comes first
    lenin = get_json(client, "/timeline.json?entity=lenin&kind=PERSON")
    assert lenin["entity"]["id"] == "lenin" and lenin["items"]
    assert get_json(client, "/timeline.json?type=HAPPENED")["groups"][0]["id"] == "HAPPENED"


def test_web_network_json(client):
    data = get_json(client, "/network.json")
    assert data["nodes"] and data["edges"] and data["years"]
    node_ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in data["edges"])
    windowed = get_json(client, "/network.json?from=1924&to=1924")
    assert {e["type"] for e in windowed["edges"]} < {e["type"] for e in data["edges"]}
    assert windowed["window"]["from"] == "1924"


def test_web_state_json_general_secretary(client):
    data = get_json(client, "/state.json?date=1922-05-01")
    assert data["date"] == "1922-05-01"
    offices = {o["office"]["name"]: o for o in data["state"]["offices"]}
    holders = [h["person"]["name"] for h in offices["General Secretary"]["holders"]]
    assert holders == ["Joseph Stalin"]
    ev = offices["General Secretary"]["holders"][0]["evidence"][0]
    assert ev["text"] and ev["href"].startswith("/document/")
    assert set(data["nav"]) == {"prev_year", "prev", "next", "next_year"}


def test_web_state_outside_the_store_and_without_inferred_ends(client):
    data = get_json(client, "/state.json?date=2100&inferred=0")
    assert data["inferred_ends"] is False and data["state"]["outside"] is True
    assert data["state"]["offices"] == []  # no open tenure reaches 2100 on stated ends alone
    page = soup(client, "/state?date=2100&inferred=0")
    assert "outside everything the store knows" in page.select_one(".outside").get_text()
    assert page.select_one('select[name="inferred"] option[selected]')["value"] == "0"
    assert get_json(client, "/state.json?date=1922-05-01")["state"]["outside"] is False


def test_web_state_json_default_is_middle_of_corpus(client):
    data = get_json(client, "/state.json")
    assert data["date"] == data["middle_date"] == get_json(client, "/index.json")["middle_date"]


@pytest.mark.parametrize("date", ["yesterday", "1922-13-01", "1922-02-30", "<script>"])
def test_web_state_invalid_date_is_400_one_line(client, date):
    data = get_json(client, f"/state.json?date={date}", 400)
    assert data["ok"] is False and data["status"] == 400
    assert data["error"].startswith("invalid date") and "\n" not in data["error"]
    page = soup(client, f"/state?date={date}", 400)
    assert "invalid date" in page.select_one(".message").get_text()


# ------------------------------------------------------------------ HTML pages

@pytest.mark.parametrize("url", ["/", "/search?q=Stalin", "/entities", "/entity/joseph-stalin",
                                 "/entity/dictator", "/timeline", "/network",
                                 "/state?date=1922-05-01", "/state"])
def test_web_pages_render_with_json_link(client, url):
    page = soup(client, url)
    assert page.select_one("header.top nav")
    link = page.select_one("a.json-link")["href"]
    assert client.get(link).status_code == 200


def test_web_dossier_html_highlights_evidence_words_and_links_into_reader(client):
    page = soup(client, "/entity/joseph-stalin")
    assert page.h1.get_text() == "Joseph Stalin"
    fact = page.select_one("section.fact-group#type-HOLDS_OFFICE .claim.multi")
    assert fact and len(fact.select("article.fact")) == 2
    keys = [a.get_text() for a in fact.select("blockquote.evidence a.m.key")]
    assert "General Secretary" in keys
    read = fact.select_one("a.read")["href"]
    assert re.match(r"^/document/\w+\?at=\d+-\d+#c\d+$", read)
    aliases = page.select(".aliases li")
    assert aliases and aliases[0].select_one("mark")


def test_web_reader_opens_at_and_highlights_the_evidence(client, ids):
    data = get_json(client, "/entity/joseph-stalin.json")
    ev = data["groups"][0]["claims"][0]["facts"][1]["evidence"]
    page = soup(client, ev["href"].split("#")[0])
    target = "".join(t.get_text() for t in page.select("#text .tgt"))
    assert target.strip() == ev["text"]
    assert page.select_one(f"#text #c{ev['start']}")
    kinds = {c for a in page.select("#text a.m") for c in a["class"] if c.startswith("k-")}
    assert {"k-PERSON", "k-OFFICE", "k-BODY"} <= kinds
    assert page.select("#text .ev[data-facts]")
    assert page.select_one("#side-facts li")


def test_web_reader_shows_footnote_refs(tmp_path):
    text = "Stalin arrived in Moscow.1 He met Lenin there in 1922.2\n"
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "notes.db"
    cliograph.ingest([path], db=db)
    store = Store(db)
    doc_id = store.documents()[0]["id"]
    # the digits after a sentence's full stop are note markers: stored at their own offsets
    notes = [(r["label"], text[r["start"]:r["end"]])
             for r in store.db.query("select label, start, end from footnotes order by start")]
    store.close()
    assert notes == [("1", "1"), ("2", "2")]
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        page = soup(c, f"/document/{doc_id}")
    refs = page.select("#text .fnref")
    assert [r.get_text() for r in refs] == ["1", "2"]
    assert all(r["title"].startswith("footnote") for r in refs)


def test_web_reader_bad_at_is_400(client, ids):
    data = get_json(client, f"/document/{ids['chronicle']}.json?at=9-x", 400)
    assert "START-END" in data["error"]


# ------------------------------------------------------------------ escaping

def _no_injected_markup(page: BeautifulSoup) -> None:
    for script in page.find_all("script"):
        assert script.get("src", "").startswith("/static/"), script
    for tag in page.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs), tag
    assert not page.find("b")


def test_web_reader_escapes_document_text(client, ids):
    r = client.get(f"/document/{ids['hostile']}")
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert" in r.text
    page = BeautifulSoup(r.text, "html.parser")
    _no_injected_markup(page)
    text = page.select_one("#text").get_text()
    assert "<script>alert(1)</script>" in text
    assert '" onmouseover="x' in text
    assert "<b>Lenin</b> & Kamenev" in text


@pytest.mark.parametrize(("q", "shown"), [
    ("alert", "<script>alert(1)</script>"),
    ("onmouseover", '" onmouseover="x'),
    ('" onmouseover="x', '" onmouseover="x'),
    ("<script>", "<script>alert(1)</script>"),
])
def test_web_search_escapes_hits_and_query(client, q, shown):
    r = client.get("/search", params={"q": q})
    assert r.status_code == 200
    assert "<script>alert" not in r.text
    page = BeautifulSoup(r.text, "html.parser")
    _no_injected_markup(page)
    assert page.select_one(".big-search input")["value"] == q
    hits = " ".join(li.get_text() for li in page.select(".results.sentences li"))
    assert shown in hits
    assert page.select(".results.sentences mark")


def test_web_dossier_escapes_alias_context(client):
    data = get_json(client, "/search.json?q=Zinoviev")
    hostile = [e for e in data["entities"] if e["name"] == "Zinoviev" or e["id"] == "zinoviev"]
    eid = (hostile or data["entities"])[0]["id"]
    r = client.get(f"/entity/{eid}")
    assert r.status_code == 200 and "<script>alert" not in r.text
    _no_injected_markup(BeautifulSoup(r.text, "html.parser"))


# ------------------------------------------------------------------ errors, read-only

@pytest.mark.parametrize("url", ["/entity/nobody.json", "/document/0000.json", "/nowhere.json"])
def test_web_404_json(client, url):
    data = get_json(client, url, 404)
    assert data == {"ok": False, "error": data["error"], "status": 404}
    assert data["error"] and "\n" not in data["error"]


@pytest.mark.parametrize("url", ["/entity/nobody", "/document/0000", "/nowhere"])
def test_web_404_page(client, url):
    page = soup(client, url, 404)
    assert page.select_one(".error-page .status").get_text() == "404"


def test_web_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/entity/joseph-stalin")
        assert r.status_code == 405
    assert client.post("/state.json").json()["status"] == 405
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_web_unexpected_error_is_a_500_json(corpus, monkeypatch):
    from cliograph.web import views

    def broken(store, date, inferred=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "state", broken)
    with TestClient(make_app(corpus[0]), raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        r = c.get("/state.json")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": "internal error (RuntimeError); please report it",
                        "status": 500}


def test_web_missing_database_is_a_store_error(tmp_path):
    with pytest.raises(cliograph.StoreError, match="no database"):
        make_app(tmp_path / "absent.db")


def test_web_static_vendored_libraries(client):
    for path in ("/static/vendor/vis-timeline-graph2d.min.js", "/static/vendor/cytoscape.min.js",
                 "/static/vendor/vis-timeline-graph2d.min.css", "/static/timeline.js",
                 "/static/network.js", "/static/app.css"):
        assert client.get(path).status_code == 200, path
    html = client.get("/timeline").text + client.get("/network").text
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html


# ------------------------------------------------------------------ the seed chapter

@pytest.fixture(scope="module")
def seed_client(tmp_path_factory, seed_path):
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    report = cliograph.ingest([seed_path], db=db)
    assert report.ok, report.failed
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        yield c, db


def test_web_seed_every_twin(seed_client):
    client, _ = seed_client
    home = get_json(client, "/index.json")
    doc = home["documents"][0]["id"]
    stalin = get_json(client, "/search.json?q=Stalin")["entities"][0]["id"]
    for url in ("/timeline.json", "/network.json", "/state.json", f"/document/{doc}.json",
                f"/entity/{stalin}.json", "/entities.json"):
        assert get_json(client, url)["ok"] is True
    page = soup(client, f"/document/{doc}")
    assert page.select("#text .fnref"), "the seed's footnote references are visible"


def test_web_seed_state_lists_stalin_as_general_secretary(seed_client):
    client, db = seed_client
    store = Store(db, create=False)
    found = store.db.execute(
        "select count(*) from facts f join entities s on s.id = f.subject_id"
        " join entities o on o.id = f.object_id where f.type = 'HOLDS_OFFICE'"
        " and s.name like '%Stalin%' and o.name like '%General Secretary%'").fetchone()[0]
    store.close()
    assert found, "the seed's General Secretary is no longer extracted"
    data = get_json(client, "/state.json?date=1922-05-01")
    holders = {h["person"]["name"] for o in data["state"]["offices"]
               if "General Secretary" in o["office"]["name"] for h in o["holders"]}
    assert any("Stalin" in h for h in holders), data["state"]["offices"]
