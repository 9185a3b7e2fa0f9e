"""The dossier comes a page of claims at a time: the slices, the counts and the links.

The store is the chronicle of known facts (tests/chronicle.py) plus six more copies of its
first document, each a different text, so every chronicle claim is stated seven or more
times in as many sources, the way the benchmark's corpus repeats its texts.
"""

from __future__ import annotations

import re
import warnings

import pytest
from bs4 import BeautifulSoup
from chronicle import CHRONICLE, add_document, build

from cliograph.store import Store
from cliograph.web import make_app
from cliograph.web.views import DOSSIER_PER_CLAIM

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

COPIES = 6
WHO = "joseph-stalin"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "pages.db"
    store = Store(path)
    build(store)
    for n in range(COPIES):
        add_document(store, f"Copy {n}", [*CHRONICLE, (f"This is copy {n}.", [], [])])
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def truth(db):
    """What the database says about Stalin's facts, without the web code."""
    store = Store(db, create=False)
    where = "subject_id = ? or object_id = ?"
    ids = {r[0] for r in store.db.execute(f"select id from facts where {where}", [WHO, WHO])}
    claims = store.db.execute(
        "select count(*) from (select distinct type, subject_id, object_id, role, topic,"
        f" condition, text from facts where {where})", [WHO, WHO]).fetchone()[0]
    per_type = dict(store.db.execute(
        f"select type, count(*) from facts where {where} group by type", [WHO, WHO]).fetchall())
    store.close()
    return {"ids": ids, "claims": claims, "per_type": per_type}


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    return r.json()


def claims_of(data):
    return [c for g in data["groups"] for c in g["claims"]]


def json_url(href):
    path, _, qs = href.partition("?")
    return f"{path}.json?{qs}"


def test_dossier_default_page_counts_everything_and_shows_a_few_statements(client, truth):
    data = get(client, f"/entity/{WHO}.json")
    page = data["page"]
    assert page["facts"] == len(truth["ids"]) and page["claims"] == truth["claims"]
    assert truth["claims"] < page["limit"], "one page should hold every claim here"
    claims = claims_of(data)
    assert page["shown_claims"] == len(claims) == truth["claims"]
    full = claims_of(get(client, f"/entity/{WHO}.json?per_claim=1000"))
    assert [c["sources"] for c in claims] == \
        [len({f["evidence"]["doc_id"] for f in c["facts"]}) for c in full]
    assert sum(c["count"] for c in claims) == len(truth["ids"])
    assert max(c["count"] for c in claims) > DOSSIER_PER_CLAIM, "some claim should overflow"
    for c in claims:
        assert len(c["facts"]) == min(c["count"], DOSSIER_PER_CLAIM)
        assert (c["all"] is not None) == (c["count"] > DOSSIER_PER_CLAIM)
    assert data["facts"] == [f for c in claims for f in c["facts"]]
    assert page["shown_facts"] == len(data["facts"])
    assert {g["type"]: g["count"] for g in data["groups"]} == truth["per_type"]
    assert page["prev"] is None and page["next"] is None
    assert "offset" in page["about"] and "per_claim" in page["about"]


def test_dossier_pages_partition_the_claims_in_order(client, truth):
    full = claims_of(get(client, f"/entity/{WHO}.json?limit=1000&per_claim=1000"))
    assert {f["id"] for c in full for f in c["facts"]} == truth["ids"]
    assert all(len(c["facts"]) == c["count"] for c in full)
    seen, url, offsets = [], f"/entity/{WHO}.json?limit=2&per_claim=1000", []
    while url:
        data = get(client, url)
        assert data["page"]["shown_claims"] <= 2
        offsets.append(data["page"]["offset"])
        seen.extend(claims_of(data))
        url = json_url(data["page"]["next"]) if data["page"]["next"] else None
    assert offsets == list(range(0, truth["claims"], 2))
    assert [(c["label"], [f["id"] for f in c["facts"]]) for c in seen] == \
        [(c["label"], [f["id"] for f in c["facts"]]) for c in full]
    back = get(client, f"/entity/{WHO}.json?offset=2&limit=2")["page"]["prev"]
    assert back == f"/entity/{WHO}?offset=0&limit=2&per_claim={DOSSIER_PER_CLAIM}"


def test_dossier_claim_link_lists_all_its_statements(client):
    first = claims_of(get(client, f"/entity/{WHO}.json"))
    n, claim = next((n, c) for n, c in enumerate(first) if c["all"])
    assert claim["all"] == f"/entity/{WHO}?offset={n}&limit=1&per_claim={claim['count']}"
    alone = get(client, json_url(claim["all"]))
    [whole] = claims_of(alone)
    assert whole["label"] == claim["label"] and len(whole["facts"]) == whole["count"] == claim["count"]
    assert [f["id"] for f in whole["facts"][:len(claim["facts"])]] == [f["id"] for f in claim["facts"]]
    assert whole["all"] is None


def test_dossier_past_the_last_claim_is_an_empty_page_pointing_back(client, truth):
    data = get(client, f"/entity/{WHO}.json?offset=500&limit=10")
    assert data["groups"] == [] and data["facts"] == []
    assert data["page"]["claims"] == truth["claims"] and data["page"]["next"] is None
    assert data["page"]["prev"] == f"/entity/{WHO}?offset={max(truth['claims'] - 10, 0)}" \
        f"&limit=10&per_claim={DOSSIER_PER_CLAIM}"


@pytest.mark.parametrize("query", ["offset=-1", "offset=x", "limit=0", "limit=1001",
                                   "per_claim=0", "per_claim=2.5", "limit=%C2%B2"])
def test_dossier_bad_paging_parameter_is_400(client, query):
    data = get(client, f"/entity/{WHO}.json?{query}", 400)
    assert data["ok"] is False and query.split("=")[0] in data["error"]
    assert BeautifulSoup(client.get(f"/entity/{WHO}?{query}").text, "html.parser") \
        .select_one(".error-page .status").get_text() == "400"


def test_dossier_html_has_pager_and_show_all_links(client, truth):
    page = BeautifulSoup(client.get(f"/entity/{WHO}?limit=2").text, "html.parser")
    pager = page.select_one("nav.pager")
    assert pager.get_text(" ", strip=True).startswith(f"claims 1–2 of {truth['claims']}")
    assert pager.select_one("a[rel=next]")["href"] == \
        f"/entity/{WHO}?offset=2&limit=2&per_claim={DOSSIER_PER_CLAIM}"
    assert f"{len(truth['ids'])} facts ({truth['claims']} claims)" in \
        page.select_one(".lede").get_text(" ", strip=True)
    full = BeautifulSoup(client.get(f"/entity/{WHO}").text, "html.parser")
    assert full.select_one("nav.pager") is None
    more = full.select(".claim-note a.more-link")
    assert more and all(re.fullmatch(rf"/entity/{WHO}\?offset=\d+&limit=1&per_claim=\d+", a["href"])
                        for a in more)
    cards = full.select_one(".claim.multi .claim-cards")
    assert len(cards.select("article.fact")) == DOSSIER_PER_CLAIM
