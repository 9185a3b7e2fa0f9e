from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from cliograph import ingest
from cliograph.cli import cli
from cliograph.store import Store

STORY = (
    "In March 1921 the Tenth Party Congress met in Moscow. Finance Commissar Sokolnikov "
    "spoke for the New Economic Policy. Lenin’s wife Nadezhda Krupskaya was there.\n"
)


def counts(db) -> dict[str, int]:
    s = Store(db)
    try:
        return {t: s.db[t].count for t in ("documents", "sentences", "entities", "aliases",
                                           "mentions", "facts", "footnotes")}
    finally:
        s.close()


def test_ingest_seed_twice_gives_the_same_row_counts(tmp_path, seed_path):
    db = tmp_path / "seed.db"
    ingest([seed_path], db=db)
    once = counts(db)
    ingest([seed_path], db=db)
    assert counts(db) == once
    assert once["documents"] == 1 and once["facts"] > 0 and once["footnotes"] >= 20


def test_ingest_changed_file_replaces_the_old_version(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    db = tmp_path / "s.db"
    ingest([src], db=db)
    src.write_text(STORY + "Stalin was appointed General Secretary in April 1922.\n")
    ingest([src], db=db)
    s = Store(db)
    docs = s.documents()
    assert len(docs) == 1
    assert "General Secretary" in s.db["documents"].get(docs[0]["id"])["text"]
    s.close()


def test_ingest_evidence_offsets_point_at_the_stored_text(tmp_path, seed_path):
    db = tmp_path / "seed.db"
    ingest([seed_path], db=db)
    s = Store(db)
    text = next(s.db["documents"].rows)["text"]
    for f in s.db["facts"].rows:
        assert text[f["evidence_start"]:f["evidence_end"]] == f["evidence"]
    for m in s.db["mentions"].rows:
        assert text[m["start"]:m["end"]] == m["text"]
    for fn in s.db["footnotes"].rows:
        assert fn["label"] in text[fn["start"]:fn["end"]]
    s.close()


def test_ingest_rejected_fact_stays_rejected_after_reingestion(tmp_path):
    src = tmp_path / "kin.txt"
    src.write_text("Lenin’s wife Nadezhda Krupskaya ran the commissariat.\n")
    db = tmp_path / "k.db"
    ingest([src], db=db)
    s = Store(db)
    fact = next(s.db["facts"].rows)
    s.db["corrections"].insert({"action": "reject_fact", "target": fact["id"]})
    s.close()
    ingest([src], db=db)
    s = Store(db)
    # kept, marked, and left out of what is read (issue 15: the machine's rows stay)
    assert s.db["facts"].get(fact["id"])["review"] == "rejected"
    assert fact["id"] not in {f["id"] for f in s.facts()}
    s.close()


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n  ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
    ("broken.epub", b"PK\x03\x04 not really a zip", "broken EPUB"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_cli_ingest_bad_file_is_one_line_naming_it_with_status_1(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db), str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert lines == [f"{bad}: {message}"] or (lines[0].startswith(f"{bad}: {message}") and len(lines) == 1)
    assert counts(db)["documents"] == 0


def test_cli_ingest_missing_file_is_reported(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "x.db"),
                                      str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.output.strip() == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_cli_ingest_folder_with_good_and_bad_files_keeps_the_good(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY)
    (folder / "empty.txt").write_text("")
    db = tmp_path / "m.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db), str(folder)])
    assert result.exit_code == 1
    assert "1 file(s) could not be ingested" in result.output
    assert f"{folder / 'empty.txt'}: empty file" in result.output
    assert counts(db)["documents"] == 1


def test_cli_ingest_folder_says_which_files_it_does_not_read(tmp_path):
    (tmp_path / "good.txt").write_text("In 1921 Lenin spoke in Moscow.\n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 a word document")
    (tmp_path / "dump.bin").write_bytes(bytes(range(256)))
    (tmp_path / ".hidden.bin").write_bytes(b"x")
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "s.db"), str(tmp_path)])
    assert result.exit_code == 0, result.output
    warning = [line for line in result.output.splitlines() if "does not read" in line]
    assert len(warning) == 1 and "notes.docx" in warning[0] and "dump.bin" in warning[0]
    assert "hidden" not in warning[0] and "skipped 2 file(s)" in warning[0]


def test_cli_ingest_folder_without_readable_files_is_an_error(tmp_path):
    folder = tmp_path / "pics"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG")
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "x.db"), str(folder)])
    assert result.exit_code == 1
    assert "no readable files" in result.output


def test_cli_export_json_is_read_by_the_referee_format(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--quiet", "--db", str(db), str(src)]).exit_code == 0
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["document"] == "story.txt"
    ids = {e["id"] for e in data["entities"]}
    assert {"id", "kind", "name", "aliases"} <= set(data["entities"][0])
    for f in data["facts"]:
        assert f["subject"] in ids and f["type"] and f["evidence"]


def test_cli_export_unknown_format_is_a_usage_error(tmp_path):
    db = tmp_path / "e.db"
    Store(db).close()
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "xls"])
    assert result.exit_code == 2
    assert "unknown export format 'xls'" in result.output


def test_cli_show_unknown_name_says_how_to_list_entities(tmp_path):
    db = tmp_path / "e.db"
    Store(db).close()
    result = CliRunner().invoke(cli, ["show", "--db", str(db), "Nobody"])
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: no entity named 'Nobody'; find one with"
                                     " 'cliograph entities --name WORDS'")


def test_cli_show_prints_facts_with_evidence(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY)
    db = tmp_path / "s.db"
    runner = CliRunner()
    runner.invoke(cli, ["ingest", "--quiet", "--db", str(db), str(src)])
    result = runner.invoke(cli, ["show", "--db", str(db), "Krupskaya"])
    assert result.exit_code == 0, result.output
    assert "KIN" in result.output and "wife" in result.output
    assert "Lenin’s wife Nadezhda Krupskaya" in result.output


def _entity_rows(db):
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("select id, kind, name, ambiguous, note from entities"))
    finally:
        con.close()


def test_ingest_across_documents_joins_full_names_only_and_flags_the_rest(tmp_path):
    texts = {
        "a.txt": "Vyacheslav Molotov ran the Secretariat. Maria Ulyanova said her brother was ill.",
        "b.txt": "Molotov said nothing. Maria Theresa said the war was lost. Vyacheslav Molotov"
                 " left.",
        "c.txt": "Maria said she was tired. Maria wrote to Molotov, and Molotov replied.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text + "\n")
    db = tmp_path / "x.db"
    ingest([tmp_path / n for n in texts], db=db)
    s = Store(db, create=False)
    full = s.db.execute("select id from entities where name = 'Vyacheslav Molotov'").fetchall()
    assert full == [("vyacheslav-molotov",)]  # the same full name: one entity in a and b
    docs_of = {r[0] for r in s.db.execute(
        "select distinct doc_id from mentions where entity_id = 'vyacheslav-molotov'")}
    assert len(docs_of) == 2
    # a surname alone joins nothing: c's Molotov is its own entity, flagged
    alone = [e for e in s.entities("PERSON") if e["name"] == "Molotov"]
    assert alone and all(e["ambiguous"] == 1 and "vyacheslav-molotov" in e["note"] for e in alone)
    marias = [e for e in s.entities("PERSON") if e["name"] == "Maria"]
    assert len(marias) == 1 and marias[0]["ambiguous"] == 1
    assert "maria-ulyanova" in marias[0]["note"] and "maria-theresa" in marias[0]["note"]
    s.close()
    # and the store is the same whichever order the documents come in
    for order in (["c.txt", "b.txt", "a.txt"], ["b.txt", "c.txt", "a.txt"]):
        other = tmp_path / f"{order[0]}.db"
        ingest([tmp_path / n for n in order], db=other)
        assert _entity_rows(other) == _entity_rows(db)
