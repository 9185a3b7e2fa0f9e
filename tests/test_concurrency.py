"""Concurrent use: the web app serving while an ingest writes to the same database, and a
bounded load test. Everything talks to 127.0.0.1 only, and every loop is bounded in count
and time."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from badinput import STORIES, check_db
from chronicle import build

import cliograph
from cliograph.store import Store

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """``cliograph serve`` in its own process on a free loopback port."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cliograph", "serve", "--db", str(db), "--port", str(self.port)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, self.proc.communicate()
            try:
                if httpx.get(f"{self.base}/index.json", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.1)

    def stop(self) -> str:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        _, err = self.proc.communicate(timeout=15)
        return err.decode(errors="replace")


def final_state(db: Path) -> dict[str, tuple[int, int, int]]:
    """doc id -> (facts, distinct entities mentioned, mentions) once everything is written."""
    con = sqlite3.connect(db)
    try:
        return {d: (f, e, m) for d, f, e, m in con.execute(
            "select d.id, (select count(*) from facts f where f.doc_id = d.id),"
            " (select count(distinct entity_id) from mentions m where m.doc_id = d.id),"
            " (select count(*) from mentions m where m.doc_id = d.id) from documents d")}
    finally:
        con.close()


# ------------------------------------------------------------------ serving while ingesting

@pytest.mark.model
def test_readers_never_see_a_half_ingested_document(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    paths = []
    for i, story in enumerate(STORIES):
        path = folder / f"story{i}.txt"
        path.write_text((story + "\n") * 3, encoding="utf-8")
        paths.append(path)
    db = tmp_path / "live.db"
    assert cliograph.ingest(paths[:1], db=db).ok  # the server needs a database to open
    server = Server(db)
    observed: list[dict] = []
    documents: dict[str, dict] = {}
    try:
        ingest = subprocess.Popen(
            [sys.executable, "-m", "cliograph", "ingest", "--quiet", "--db", str(db),
             *map(str, paths[1:])], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True)
        deadline = time.monotonic() + 240
        with httpx.Client(base_url=server.base, timeout=30) as client:
            while True:
                done = ingest.poll() is not None
                r = client.get("/index.json")
                assert r.status_code == 200, r.text
                home = r.json()
                observed.append(home)
                for d in home["documents"]:
                    if d["id"] not in documents:  # open each document as soon as it shows
                        page = client.get(f"/document/{d['id']}.json")
                        assert page.status_code == 200, page.text
                        documents[d["id"]] = page.json()
                if done:
                    break
                assert time.monotonic() < deadline, "the ingest did not finish"
        _, err = ingest.communicate(timeout=30)
        assert ingest.returncode == 0, err
    finally:
        if ingest.poll() is None:
            os.killpg(ingest.pid, signal.SIGKILL)
        log = server.stop()
    assert "Traceback" not in log, log
    final = final_state(db)
    check_db(db)
    assert len(final) == len(paths) and set(documents) == set(final)
    counts_seen = sorted({h["counts"]["documents"] for h in observed})
    print(f"\n{len(observed)} home pages read during the ingest; document counts seen:"
          f" {counts_seen}")
    assert len(counts_seen) > 2, "the ingest finished before the server saw it under way"
    for home in observed:
        # one snapshot per page: the counts agree with the list, every listed document
        # has all its facts and entities
        assert home["counts"]["documents"] == len(home["documents"])
        assert home["counts"]["facts"] == sum(d["facts"] for d in home["documents"])
        for d in home["documents"]:
            facts, entities, _ = final[d["id"]]
            assert (d["facts"], d["entities"]) == (facts, entities), d["title"]
    for doc_id, page in documents.items():
        facts, _, mentions = final[doc_id]
        assert (len(page["facts"]), len(page["mentions"])) == (facts, mentions)


# ------------------------------------------------------------------ load

@pytest.fixture(scope="module")
def chronicle_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "chronicle.db"
    store = Store(db)
    ids = build(store)
    store.close()
    return db, ids


def test_load_2000_requests_over_20_connections(chronicle_db):
    db, ids = chronicle_db
    urls = ["/index.json", "/search.json?q=Stalin", "/entities.json", "/entities.json?kind=PERSON",
            "/entity/joseph-stalin.json", "/entity/dictator.json",
            f"/document/{ids['chronicle']}.json?at=0-20", "/timeline.json",
            "/network.json", "/network.json?from=1921&to=1923", "/state.json?date=1922-05-01",
            "/state.json"]
    total, connections = 2000, 20
    server = Server(db)
    latencies: list[float] = []
    errors: list[str] = []

    async def worker(client: httpx.AsyncClient, queue: asyncio.Queue) -> None:
        while True:
            try:
                url = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            start = time.perf_counter()
            try:
                r = await client.get(url)
                if r.status_code != 200 or r.json().get("ok") is not True:
                    errors.append(f"{url}: {r.status_code}")
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(f"{url}: {type(exc).__name__}")
            latencies.append(time.perf_counter() - start)

    async def run() -> float:
        queue: asyncio.Queue = asyncio.Queue()
        for i in range(total):
            queue.put_nowait(urls[i % len(urls)])
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(base_url=server.base, limits=limits, timeout=30) as client:
            start = time.perf_counter()
            await asyncio.wait_for(
                asyncio.gather(*(worker(client, queue) for _ in range(connections))), 180)
            return time.perf_counter() - start

    try:
        elapsed = asyncio.run(run())
    finally:
        log = server.stop()
    assert len(latencies) == total
    q = statistics.quantiles(latencies, n=100)
    print(f"\nload: {total} requests over {connections} connections in {elapsed:.1f}s"
          f" ({total / elapsed:.0f} req/s); p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms,"
          f" max {max(latencies) * 1000:.0f} ms; {len(errors)} errors")
    assert errors == [], errors[:10]
    assert "Traceback" not in log, log


def test_live_server_refuses_traversal_and_huge_requests(chronicle_db):
    """What a real HTTP server receives unnormalised: literal dot segments, a 100k query."""
    db, _ = chronicle_db
    server = Server(db)

    def raw(target: bytes) -> tuple[int, bytes]:
        with socket.create_connection((HOST, server.port), timeout=10) as s:
            s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\n"
                      b"Connection: close\r\n\r\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head.split()[1]), body

    try:
        for target in (b"/static/../../pyproject.toml", b"/static/../../../../etc/passwd",
                       b"/static/%2e%2e/%2e%2e/pyproject.toml", b"/static/..%2f..%2fpyproject.toml",
                       b"/document/..%2f..%2fetc%2fpasswd", b"/../../etc/passwd",
                       b"/static/../app.py", b"/static/../templates/base.html"):
            status, body = raw(target)
            assert status in (400, 404), (target, status)
            assert b"[build-system]" not in body and b"root:" not in body
            assert b"import " not in body and b"{%" not in body
        status, _ = raw(b"/search.json?q=" + b"a" * 100_000)
        assert 400 <= status < 500
        status, body = raw(b"/search.json?q=" + b"a" * 600)
        assert status == 400 and b"too long" in body
    finally:
        log = server.stop()
    assert "Traceback" not in log, log


def test_each_page_is_one_snapshot_even_if_a_write_commits_midway(chronicle_db, tmp_path,
                                                                   monkeypatch):
    """Deterministic version of the race above: a document is committed by another
    connection in the middle of building the home page."""
    import shutil
    import warnings

    from cliograph.web import make_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    db = tmp_path / "snap.db"
    shutil.copy(chronicle_db[0], db)
    app = make_app(db)
    store = app.state.store
    original = store.documents

    def documents_after_a_commit():
        con = sqlite3.connect(db)
        with con:
            con.execute("insert into documents (id, source, title, text) values"
                        " ('late', 'late.txt', 'Late', 'Lenin spoke.')")
            con.execute("insert into sentences (doc_id, start, end, text) values"
                        " ('late', 0, 12, 'Lenin spoke.')")
        con.close()
        return original()

    monkeypatch.setattr(store, "documents", documents_after_a_commit)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        home = client.get("/index.json").json()
        assert home["counts"]["documents"] == len(home["documents"]) == 2
        monkeypatch.setattr(store, "documents", original)
        home = client.get("/index.json").json()  # the next page sees the new document
        assert home["counts"]["documents"] == len(home["documents"]) == 3


# ------------------------------------------------------------------ two writers at once

def _write_in_child(db: Path, analysis, barrier, errors) -> None:  # noqa: ANN001
    """A writer process: open the store (creating and migrating it if new) and write."""
    try:
        barrier.wait(timeout=30)
        store = Store(db)
        try:
            store.write(analysis, "test-pipeline")
        finally:
            store.close()
    except BaseException as exc:  # reported to the parent, which fails the test
        errors.put(f"{type(exc).__name__}: {exc}")
        os._exit(1)
    os._exit(0)


@pytest.mark.model
def test_two_writers_at_once_lose_nothing_in_a_new_or_an_existing_store(tmp_path, nlp):
    """20 rounds each: two processes open the same store at the same moment and write a
    document each. Migrations run under one lock and writers queue (BEGIN IMMEDIATE), so
    neither gets 'database is locked' or a half-migrated schema. About 10 s."""
    import multiprocessing

    from cliograph.model import SourceText
    from cliograph.pipeline import analyse

    analyses = [analyse(SourceText(f"story{i}.txt", STORIES[i], f"Story {i}"), nlp)
                for i in range(3)]
    ctx = multiprocessing.get_context("fork")
    for existing in (False, True):
        for round_ in range(20):
            db = tmp_path / f"{'old' if existing else 'new'}{round_}.db"
            if existing:
                store = Store(db)
                store.write(analyses[2], "test-pipeline")
                store.close()
            barrier, errors = ctx.Barrier(2), ctx.SimpleQueue()  # put() is written at once
            procs = [ctx.Process(target=_write_in_child, args=(db, a, barrier, errors))
                     for a in analyses[:2]]
            for p in procs:
                p.start()
            for p in procs:
                p.join(timeout=120)
            problems = [errors.get() for p in procs if p.exitcode != 0]
            assert problems == [], (existing, round_, problems)
            counts = check_db(db)
            assert counts["documents"] == (3 if existing else 2), (existing, round_)
