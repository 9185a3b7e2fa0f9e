"""The web app keeps what it computed from the database (all facts, tenures, the time span)
until another connection commits: then the next page reads the new state."""

from __future__ import annotations

import warnings

from chronicle import add_document, build

from cliograph import query
from cliograph.store import Store
from cliograph.web import make_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LATER = [("In June 1930 Vyacheslav Molotov was appointed General Secretary.",
          [("Vyacheslav Molotov", "vyacheslav-molotov"), ("General Secretary", "general-secretary")],
          [{"type": "HOLDS_OFFICE", "subject": "vyacheslav-molotov", "object": "general-secretary",
            "time_start": "1930-06"}])]


def holders(client, date):
    data = client.get(f"/state.json?date={date}").json()
    return {h["person"]["name"] for o in data["state"]["offices"]
            if o["office"]["name"] == "General Secretary" for h in o["holders"]}


def test_web_memo_is_emptied_when_another_connection_commits(tmp_path):
    db = tmp_path / "memo.db"
    store = Store(db)
    build(store)
    app = make_app(db)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        before = client.get("/timeline.json").json()["items"]
        assert holders(client, "1931-01-01") == {"Joseph Stalin"}
        assert app.state.store.memo, "the pages should have filled the memo"
        assert holders(client, "1931-01-01") == {"Joseph Stalin"}  # from the memo, same

        add_document(store, "A Later Source", LATER)  # another connection commits
        after = client.get("/timeline.json").json()["items"]
        assert len(after) == len(before) + 1
        assert holders(client, "1931-01-01") == {"Vyacheslav Molotov"}
        dossier = client.get("/entity/general-secretary.json").json()
        assert [h["person"]["name"] for h in dossier["related"]["holders"]][-1] == \
            "Vyacheslav Molotov"
    store.close()


def test_library_store_computes_afresh_without_a_memo(tmp_path):
    store = Store(tmp_path / "lib.db")
    build(store)
    assert store.memo is None
    n = len(query.timeline(store))
    add_document(store, "A Later Source", LATER)  # the same connection writes
    assert len(query.timeline(store)) == n + 1
    store.close()


def test_memo_drops_the_least_recently_used():
    memo = query.Memo(size=2)
    store = type("S", (), {"memo": memo})()
    calls = []

    def compute(key):
        calls.append(key)
        return key * 2

    for key in ("a", "b", "a", "c", "a", "b"):
        assert query.memo(store, key, lambda k=key: compute(k)) == key * 2
    assert calls == ["a", "b", "c", "b"]  # 'b' went when 'c' came; 'a' was used since
    assert list(memo) == ["a", "b"]
