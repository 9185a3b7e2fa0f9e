"""The historian corrects the machine (issue 15), through the Python API and the CLI:
every correction kind made, seen, kept across a re-ingest of the unchanged and of a
changed source, and undone; corrections that lose their target are listed, never
dropped. The text is a made-up page on the Reform crisis of 1832, not a gold chapter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import cliograph
from cliograph import corrections as corr
from cliograph.cli import cli
from cliograph.errors import UsageError
from cliograph.export import export
from cliograph.model import SourceText
from cliograph.pipeline import analyse
from cliograph.store import Store

pytestmark = pytest.mark.model

TEXT = """The Reform Parliament

In March 1832 Earl Grey was appointed Prime Minister of the United Kingdom.
Lord Brougham opposed the Duke of Wellington in the House of Lords.
The Duke of Wellington was a member of the Tory Party. Grey met Brougham in London in May 1832.
Arthur Wellesley was born in Dublin in 1769.
"""
MORE = "Lord Brougham was elected to the House of Commons in 1830.\n"


@pytest.fixture
def db(tmp_path) -> Path:
    """A store of the page, read from a file of its own (a re-ingest replaces it)."""
    (tmp_path / "reform.txt").write_text(TEXT, encoding="utf-8")
    report = cliograph.ingest([tmp_path / "reform.txt"], db=tmp_path / "reform.db")
    assert report.ok, report.failed
    return tmp_path / "reform.db"


def facts(db: Path, rejected: bool = False) -> list[dict]:
    store = Store(db, create=False)
    try:
        return list(store.facts(rejected=rejected))
    finally:
        store.close()


def one(rows: list[dict], **want) -> dict:
    found = [r for r in rows if all(r[k] == v for k, v in want.items())]
    assert len(found) == 1, (want, [(r["type"], r["subject_id"], r["object_id"]) for r in rows])
    return found[0]


def entity(db: Path, eid: str) -> dict | None:
    store = Store(db, create=False)
    try:
        return next((e for e in store.entities() if e["id"] == eid), None)
    finally:
        store.close()


def mentions_of(db: Path, eid: str) -> list[tuple]:
    store = Store(db, create=False)
    try:
        return store.db.execute("select doc_id, start, end, text from mentions where"
                                " entity_id = ? order by start", [eid]).fetchall()
    finally:
        store.close()


def rewrite_unchanged(db: Path) -> None:
    """The same text written again (as a new model version would): every row replaced."""
    path = db.parent / "reform.txt"
    store = Store(db)
    try:
        store.write(analyse(SourceText(str(path), path.read_text(encoding="utf-8"),
                                       "reform"), cliograph.nlp.load()), "again")
    finally:
        store.close()


def reingest_changed(db: Path, text: str) -> cliograph.IngestReport:
    (db.parent / "reform.txt").write_text(text, encoding="utf-8")
    report = cliograph.ingest([db.parent / "reform.txt"], db=db)
    assert report.ok, report.failed
    return report


def statuses(db: Path) -> dict[int, str]:
    return {c["id"]: c["status"] for c in corr.listing(db)}


# ------------------------------------------------------------------ facts

def test_reject_confirm_edit_kept_across_reingests_and_undone(db):
    machine = facts(db)
    grey = one(machine, type="HOLDS_OFFICE", subject_id="earl-grey")
    member = one(machine, type="MEMBER_OF", subject_id="duke-of-wellington")
    opposes = one(machine, type="OPPOSES", subject_id="brougham")

    r = corr.reject(db, opposes["id"][:8], note="a debate, not enmity", author="historian")
    assert r["status"] == "applied" and r["author"] == "historian"
    corr.confirm(db, member["id"])
    corr.edit(db, grey["id"], start="1830-11", role="first lord")

    def check() -> None:
        shown = facts(db)
        assert opposes["id"] not in {f["id"] for f in shown}  # hidden by default
        assert one(facts(db, rejected=True), type="OPPOSES")["review"] == "rejected"
        assert one(shown, type="MEMBER_OF", subject_id="duke-of-wellington")["review"] == "confirmed"
        edited = one(shown, type="HOLDS_OFFICE", subject_id="earl-grey")
        assert (edited["time_start"], edited["role"], edited["review"]) == ("1830-11", "first lord",
                                                                      "corrected")
        assert edited["sort_from"] == pytest.approx(1830.83, abs=0.01)

    check()
    rewrite_unchanged(db)
    check()
    reingest_changed(db, TEXT + MORE)  # a changed text: new fact ids, found again by content
    check()
    assert set(statuses(db).values()) == {"applied"}

    rid = next(c["id"] for c in corr.listing(db) if c["action"] == "edit_fact")
    corr.undo(db, rid)
    grey_now = one(facts(db), type="HOLDS_OFFICE", subject_id="earl-grey")
    assert (grey_now["time_start"], grey_now["role"], grey_now["review"]) == (grey["time_start"],
                                                                       grey["role"], "machine")
    rid = next(c["id"] for c in corr.listing(db) if c["action"] == "reject_fact")
    corr.undo(db, rid)
    assert one(facts(db), type="OPPOSES")["review"] == "machine"
    assert statuses(db)[rid] == "undone"


def test_add_a_fact_from_a_passage_is_reanchored_then_lost_when_the_words_go(db):
    doc = Store(db, create=False).documents()[0]["id"]
    made = corr.add(db, doc, type="ALLY", subject="Earl Grey", object="brougham",
                    evidence="Grey met Brougham in London", time="1832-05")
    added = one(facts(db), type="ALLY")
    assert (added["review"], added["extractor"], added["evidence"]) == (
        "added", "user", "Grey met Brougham in London")
    store = Store(db, create=False)
    text = store.db.execute("select text from documents").fetchone()[0]
    store.close()
    assert text[added["evidence_start"]:added["evidence_end"]] == added["evidence"]

    corr.confirm(db, added["id"])  # a correction of a correction's fact
    reingest_changed(db, "A note first.\n\n" + TEXT)  # the passage moves
    moved = one(facts(db), type="ALLY")
    assert moved["review"] == "confirmed" and moved["evidence_start"] == added[
        "evidence_start"] + len("A note first.\n\n")

    report = reingest_changed(db, TEXT.replace("Grey met Brougham in London", "Grey dined"))
    assert [c["id"] for c in report.lost] == [made["id"], made["id"] + 1]
    assert any("lost its target" in w for w in report.warnings)
    assert not [f for f in facts(db) if f["type"] == "ALLY"]
    lost = corr.listing(db, status="lost")
    assert [c["action"] for c in lost] == ["add_fact", "confirm_fact"]

    reingest_changed(db, TEXT)  # the words come back: so does the fact
    assert one(facts(db), type="ALLY")["review"] == "confirmed"
    assert corr.listing(db, status="lost") == []


def test_edit_changes_type_and_ends(db):
    f = one(facts(db), type="OPPOSES", subject_id="brougham")
    corr.edit(db, f["id"], type="ALLY", subject="Earl Grey", object="Brougham")
    got = one(facts(db), type="ALLY")
    assert (got["subject_id"], got["object_id"]) == ("earl-grey", "brougham")
    with pytest.raises(UsageError, match="EDTF"):
        corr.edit(db, f["id"], time="next spring")
    with pytest.raises(UsageError, match="relation type"):
        corr.edit(db, f["id"], type="FRIENDS")
    with pytest.raises(UsageError, match="no fact"):
        corr.reject(db, "0000000000")


# ------------------------------------------------------------------ entities

def test_merge_kept_across_a_changed_source_and_undone(db):
    office_mentions = mentions_of(db, "arthur-wellesley")
    assert office_mentions, "the machine cannot know that Arthur Wellesley is the Duke"
    wrong = one(facts(db), type="BORN", subject_id="arthur-wellesley")
    corr.merge(db, "arthur-wellesley", into="duke-of-wellington")

    def merged() -> None:
        assert entity(db, "arthur-wellesley") is None
        assert entity(db, "duke-of-wellington")["review"] == "corrected"
        assert one(facts(db), id=wrong["id"])["subject_id"] == "duke-of-wellington"

    merged()
    assert set(office_mentions) <= set(mentions_of(db, "duke-of-wellington"))
    reingest_changed(db, TEXT + MORE)
    assert entity(db, "arthur-wellesley") is None
    assert entity(db, "duke-of-wellington")["review"] == "corrected"

    cid = next(c["id"] for c in corr.listing(db) if c["action"] == "merge_entities")
    corr.undo(db, cid)
    back = entity(db, "arthur-wellesley")
    assert back is not None and back["kind"] == "PERSON"
    assert [m[1:] for m in mentions_of(db, "arthur-wellesley")] == [
        m[1:] for m in office_mentions]
    assert entity(db, "duke-of-wellington")["review"] == "machine"
    corr.undo(db, cid + 1)  # undoing the undo merges them again
    assert entity(db, "arthur-wellesley") is None


def test_split_chosen_mentions_with_their_facts_and_undo(db):
    grey = mentions_of(db, "earl-grey")
    assert len(grey) >= 2
    last = grey[-1]
    aliases = entity(db, "earl-grey")["aliases"]
    corr.split(db, "earl-grey", name="Charles Grey the younger", mentions=[last[:3]])
    new = entity(db, "charles-grey-the-younger")
    assert new is not None and new["review"] == "added" and new["kind"] == "PERSON"
    assert mentions_of(db, "charles-grey-the-younger") == [last]
    assert last not in mentions_of(db, "earl-grey")

    rewrite_unchanged(db)
    assert mentions_of(db, "charles-grey-the-younger") == [last]
    reingest_changed(db, TEXT + MORE)  # same words at the same place in the new version
    assert [m[1:] for m in mentions_of(db, "charles-grey-the-younger")] == [last[1:]]

    cid = next(c["id"] for c in corr.listing(db) if c["action"] == "split_entity")
    corr.undo(db, cid)
    assert entity(db, "charles-grey-the-younger") is None
    assert len(mentions_of(db, "earl-grey")) == len(grey)
    assert entity(db, "earl-grey")["aliases"] == aliases
    with pytest.raises(UsageError, match="every mention"):
        corr.split(db, "earl-grey", name="Nobody", docs=[mentions_of(db, "earl-grey")[0][0]])


def test_rename_kind_and_aliases_kept_and_undone(db):
    corr.rename(db, "brougham", "Henry Brougham", note="his full name")
    corr.set_kind(db, "house-of-lords", "body")
    corr.add_alias(db, "earl-grey", "Charles Grey")
    corr.remove_alias(db, "earl-grey", "Grey")

    def check() -> None:
        assert entity(db, "brougham")["name"] == "Henry Brougham"
        grey = entity(db, "earl-grey")
        assert "Charles Grey" in grey["aliases"] and "Grey" not in grey["aliases"]
        store = Store(db, create=False)
        assert store.entity("Charles Grey")["id"] == "earl-grey"
        assert store.entity("Henry Brougham")["id"] == "brougham"  # found by its new name
        store.close()

    check()
    rewrite_unchanged(db)
    check()
    reingest_changed(db, TEXT + MORE)
    check()
    ids = {c["action"]: c["id"] for c in corr.listing(db)}
    for action in ("rename_entity", "add_alias", "remove_alias"):
        corr.undo(db, ids[action])
    assert entity(db, "brougham")["name"] == "Brougham"
    grey = entity(db, "earl-grey")
    assert "Charles Grey" not in grey["aliases"] and "Grey" in grey["aliases"]
    with pytest.raises(UsageError, match="already undone"):
        corr.undo(db, ids["rename_entity"])
    with pytest.raises(UsageError, match="unknown kind"):
        corr.set_kind(db, "brougham", "WIZARD")


def test_export_says_the_review_and_leaves_rejected_out_unless_asked(db, tmp_path):
    f = one(facts(db), type="OPPOSES")
    corr.reject(db, f["id"])
    corr.rename(db, "brougham", "Henry Brougham")
    store = Store(db, create=False)
    export(store, "json", tmp_path / "out.json")
    export(store, "json", tmp_path / "all.json", rejected=True)
    store.close()
    out = json.loads((tmp_path / "out.json").read_text())
    every = json.loads((tmp_path / "all.json").read_text())
    assert f["id"] not in {x["id"] for x in out["facts"]}
    assert next(x for x in every["facts"] if x["id"] == f["id"])["review"] == "rejected"
    assert next(e for e in out["entities"] if e["id"] == "brougham")["review"] == "corrected"
    from jsonschema import validate

    from cliograph.export import json_schema
    validate(every, json_schema())


# ------------------------------------------------------------------ the command line

def run(*args: str) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_every_correction_kind_and_the_list(db):
    rows = facts(db)
    doc = Store(db, create=False).documents()[0]["id"]
    grey = mentions_of(db, "earl-grey")[-1]
    d = ("--db", db)
    opposes = one(rows, type="OPPOSES")["id"]
    assert "reject fact" in run("correct", "reject", opposes[:8], *d, "--note", "no")
    run("correct", "confirm", one(rows, type="MEMBER_OF")["id"], *d)
    run("correct", "edit", one(rows, type="HOLDS_OFFICE", subject_id="earl-grey")["id"],
        "--time", "1830-11", *d)
    run("correct", "add", doc, "--type", "ALLY", "--subject", "earl-grey", "--object",
        "brougham", "--evidence", "Grey met Brougham", *d)
    run("correct", "merge", "arthur-wellesley", "duke-of-wellington", *d)
    run("correct", "split", "earl-grey", "--name", "Another Grey",
        "--mention", f"{grey[0]}:{grey[1]}-{grey[2]}", *d)
    run("correct", "rename", "brougham", "Henry Brougham", *d)
    run("correct", "kind", "london", "place", *d)
    run("correct", "alias", "brougham", "Lord Chancellor Brougham", *d)
    run("correct", "alias", "brougham", "Lord Chancellor Brougham", "--remove", *d)
    out = run("correct", "undo", "1", *d)
    assert "undo #1" in out
    listed = run("corrections", *d)
    for word in ("reject fact", "confirm fact", "edit fact", "add ALLY", "merge", "split",
                 "rename", "is a PLACE", "also called", "not called", "undo #1", "undone"):
        assert word in listed, word
    as_json = json.loads(run("corrections", "--json", *d))
    assert len(as_json) == 11 and as_json[0]["status"] == "undone"
    assert "merge" in run("corrections", "--status", "applied", *d)

    reingest_changed(db, TEXT + MORE)
    assert json.loads(run("corrections", "--json", "--status", "lost", *d)) == []
    exported = json.loads(run("export", *d))
    assert {x["review"] for x in exported["facts"] if "review" in x} >= {"confirmed", "added"}


def test_cli_errors_are_one_line(db):
    result = CliRunner().invoke(cli, ["correct", "merge", "brougham", "brougham", "--db", db])
    assert result.exit_code == 2 and "same entity" in result.output
    result = CliRunner().invoke(cli, ["correct", "split", "brougham", "--name", "X",
                                      "--mention", "nonsense", "--db", db])
    assert result.exit_code == 2 and "DOC:START-END" in result.output
    result = CliRunner().invoke(cli, ["export", "--format", "ttl", "--rejected", "--db", db])
    assert result.exit_code == 2 and "--rejected" in result.output
    result = CliRunner().invoke(cli, ["serve", "--edit", "--host", "0.0.0.0", "--db", db])
    assert result.exit_code == 2 and "this machine only" in result.output


def test_a_store_from_before_review_statuses_is_read_as_all_machine(tmp_path):
    """Read-only commands never migrate: a store without m010 is read through temporary
    views that give every fact and entity the status 'machine', and stays as it was."""
    import sqlite3

    from chronicle import build

    db = tmp_path / "old.db"
    store = Store(db)
    build(store)
    store.close()
    con = sqlite3.connect(db)
    con.execute("delete from _migrations where name = 'm010_review'")
    con.execute("drop index if exists idx_facts_review")
    for table in ("facts", "entities"):
        con.execute(f"alter table {table} drop column review")
        con.execute(f"alter table {table} drop column machine")
    for column in ("author", "status", "effect", "checked_at"):
        con.execute(f"alter table corrections drop column {column}")
    con.execute("pragma journal_mode=delete")
    con.commit()
    con.close()
    before = db.read_bytes()
    store = Store(db, create=False)
    rows = list(store.facts())
    assert rows and {r["review"] for r in rows} == {"machine"}
    assert {e["review"] for e in store.entities()} == {"machine"}
    assert corr.listing(store) == []
    store.close()
    assert db.read_bytes() == before
    corr.reject(db, rows[0]["id"])  # a writer migrates it, then corrects
    assert rows[0]["id"] not in {r["id"] for r in facts(db)}


def test_a_malformed_correction_fails_alone_and_never_stops_a_write(db):
    store = Store(db)
    store.db.execute("insert into corrections (created_at, action, target, payload)"
                     " values ('2020-01-01', 'rename_entity', 'brougham', '{}')")
    store.close()
    corr.rename(db, "earl-grey", "Charles, Earl Grey")
    assert [c["status"] for c in corr.listing(db)] == ["failed", "applied"]
    report = reingest_changed(db, TEXT + MORE)
    assert report.ingested and entity(db, "earl-grey")["name"] == "Charles, Earl Grey"
