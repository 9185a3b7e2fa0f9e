"""Bad input: every kind of broken or unusual file gives one line naming it, the right exit
status, no traceback; good files beside them are stored and the database stays consistent.

The inputs are made at test time (tests/badinput); the 50 MB text is written to tmp_path.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from badinput import (
    CP1252_TEXT,
    EXPECTED_PROBLEMS,
    FRENCH,
    GERMAN,
    LATIN1_TEXT,
    SPECIAL_PROBLEMS,
    STORIES,
    check_db,
    make_bad_corpus,
    make_foreign_db,
    make_special_folder,
    mixed_line_endings,
    per_document,
    write_big_text,
    write_zip_bomb,
)
from click.testing import CliRunner

import cliograph
from cliograph.cli import cli
from cliograph.errors import SourceError
from cliograph.export import export
from cliograph.language import english_share, language_warning
from cliograph.readers import read

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "cliograph", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"})


# ------------------------------------------------------------------ one file at a time

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_bad_corpus(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("name", sorted(EXPECTED_PROBLEMS))
def test_bad_file_reader_raises_one_line_source_error(corpus, name):
    path = corpus[name]
    with pytest.raises(SourceError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {EXPECTED_PROBLEMS[name]}")
    assert "\n" not in message and len(message) < 300


@pytest.mark.model
@pytest.mark.parametrize("name", ["empty.txt", "image.txt", "scanned.pdf", "truncated.epub",
                                  "corrupt.epub", "app.html"])
def test_bad_file_cli_one_line_exit_1_database_untouched(corpus, tmp_path, name):
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db), str(corpus[name])])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"{corpus[name]}: {EXPECTED_PROBLEMS[name]}")
    assert check_db(db)["documents"] == 0


def test_cp1252_and_latin1_text_decoded_correctly(corpus):
    assert read(corpus["good_cp1252.txt"]).text == CP1252_TEXT
    assert read(corpus["good_latin1.txt"]).text == LATIN1_TEXT


def test_mixed_line_endings_become_one_convention(corpus):
    text = read(corpus["good_mixed_endings.txt"]).text
    assert "\r" not in text
    expected = mixed_line_endings().decode().replace("\r\n", "\n").replace("\r", "\n")
    assert text == expected
    assert text.count("\n") == 5


def test_html_that_is_mostly_script_keeps_only_the_prose(corpus):
    page = read(corpus["good_page.html"])
    assert page.text == ("In 1917 Lenin returned to Petrograd and denounced the Provisional "
                         "Government.")
    for junk in ("var x", "injected", "Enable JavaScript", "document.write"):
        assert junk not in page.text


def test_usage_errors_exit_2_in_one_line(tmp_path):
    runner = CliRunner()
    for args in (["ingest"], ["ingest", "--no-such-option", "x.txt"],
                 ["ingest", "--jobs", "-3", "x.txt"], ["serve", "--port", "0"],
                 ["entities", "--kind", "ROBOT", "--db", str(tmp_path / "x.db")],
                 ["export", "--format", "xls", "--db", str(tmp_path / "x.db")]):
        if args[0] == "export":
            cliograph.Store(tmp_path / "x.db").close()
        result = runner.invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


@pytest.mark.parametrize(("kind", "status"), [("folder", 2), ("not-sqlite", 1),
                                              ("missing-folder", 1)])
def test_bad_database_path_is_one_line(tmp_path, kind, status):
    good = tmp_path / "story.txt"
    good.write_text(STORIES[0])
    if kind == "folder":
        db = tmp_path / "adir"
        db.mkdir()
    elif kind == "not-sqlite":
        db = tmp_path / "notes.db"
        db.write_text("these are my notes, not a database\n" * 200)
    else:
        db = tmp_path / "no" / "such" / "folder" / "x.db"
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(db), str(good)])
    assert result.exit_code == status, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    if status == 2:  # click's usage message: the error line names the path
        assert any(ln.startswith("Error: ") and str(db) in ln for ln in lines), lines
        return
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(db) in lines[0], lines
    if kind == "not-sqlite":
        assert db.read_text().startswith("these are my notes")  # never overwritten


# ------------------------------------------------------------------ non-English

def test_language_check_flags_french_and_german_not_english():
    for text in (FRENCH, GERMAN, FRENCH * 50):
        warning = language_warning(text)
        assert warning and "English-only" in warning and "\n" not in warning
    russian = "В 1917 году большевики взяли власть в Петрограде. Ленин вернулся из Финляндии. " * 5
    assert "non-Latin" in language_warning(russian)
    for text in STORIES:
        assert language_warning(text * 5) is None
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert language_warning(text) is None, path
        assert english_share(text)[0] > 0.25
    assert language_warning("Le général.") is None  # too short to judge


def test_language_check_reads_only_the_start_of_a_long_text():
    share, words = english_share(FRENCH * 100_000)  # 60 MB
    assert words == 3000 and share < 0.05


@pytest.mark.model
def test_non_english_text_is_ingested_with_a_warning(tmp_path):
    src = tmp_path / "revolution_fr.txt"
    src.write_text(FRENCH * 3, encoding="utf-8")
    report = cliograph.ingest([src], db=tmp_path / "fr.db")
    assert [d.path for d in report.ingested] == [str(src)] and not report.failed
    assert len(report.warnings) == 1
    assert str(src) in str(report.warnings[0]) and "English-only" in str(report.warnings[0])
    result = CliRunner().invoke(cli, ["ingest", "--quiet", "--db", str(tmp_path / "fr2.db"),
                                      str(src)])
    assert result.exit_code == 0, result.output  # a warning is not a failure
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(src) in lines[0] and "English-only" in lines[0]


# ------------------------------------------------------------------ size

BIG_SCRIPT = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path

    def rss_kb(field):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        return 0

    from cliograph.clean import clean
    from cliograph.readers import read
    base = rss_kb("VmRSS")
    t0 = time.perf_counter()
    src = read(sys.argv[1])
    t1 = time.perf_counter()
    c = clean(src.text)
    t2 = time.perf_counter()
    raw, txt = src.text, c.text
    step = max(1, len(txt) // 997)
    bad = [i for i in range(0, len(txt), step)
           if txt[i] != " " and raw[c.to_raw(i)] != txt[i]]
    print(json.dumps({"chars": len(raw), "clean_chars": len(txt), "footnotes": len(c.footnotes),
                      "read_s": t1 - t0, "clean_s": t2 - t1, "bad_offsets": len(bad),
                      "growth_mb": (rss_kb("VmHWM") - base) / 1024}))
""")


def test_50mb_text_reads_and_cleans_in_bounded_memory(tmp_path):
    """The reader and the cleaner on 50 MB, in a fresh process so its peak memory is its own.

    Parsing 50 MB with spaCy takes far longer than CI allows (and is over the parser's
    length limit: see the next test), so the full ingest is not run on it here.
    """
    big = tmp_path / "big.txt"
    size = write_big_text(big, 50 * 1024 * 1024)
    script = tmp_path / "big.py"
    script.write_text(BIG_SCRIPT)
    proc = subprocess.run([sys.executable, str(script), str(big)], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"\n50 MB text: read {stats['read_s']:.1f}s, clean {stats['clean_s']:.1f}s,"
          f" peak memory growth {stats['growth_mb']:.0f} MB for {size / 2**20:.0f} MB of text")
    assert stats["chars"] == size
    assert stats["footnotes"] > 1000 and stats["clean_chars"] < stats["chars"]
    assert stats["bad_offsets"] == 0
    # The text, its bytes, the cleaned copy and the offset map: a few copies, never more.
    assert stats["growth_mb"] < 8 * size / 2**20


@pytest.mark.model
@pytest.mark.parametrize("jobs", [1, 2])
def test_text_over_the_parser_limit_is_refused_in_one_line_and_the_rest_kept(tmp_path, nlp, jobs):
    big = tmp_path / "huge.txt"
    write_big_text(big, nlp.max_length + 100_000)
    good = tmp_path / "good.txt"
    good.write_text(STORIES[0])
    report = cliograph.ingest([big, good], db=tmp_path / "h.db", jobs=jobs)
    assert [d.path for d in report.ingested] == [str(good)]
    assert len(report.failed) == 1
    message = str(report.failed[0])
    assert message.startswith(f"{big}: ") and "\n" not in message and len(message) < 300
    assert "too long" in message and "internal error" not in message
    check_db(tmp_path / "h.db")


# ------------------------------------------------------------------ a mixed folder

@pytest.mark.model
def test_mixed_folder_cli_keeps_good_files_lists_bad_ones_at_the_end(tmp_path):
    folder = tmp_path / "mixed"
    files = make_bad_corpus(folder)
    (folder / "revolution_fr.txt").write_text(FRENCH * 3, encoding="utf-8")
    db = tmp_path / "mixed.db"
    proc = subprocess.run(
        [sys.executable, "-m", "cliograph", "ingest", "--db", str(db), str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300, cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "300"})
    out = proc.stdout
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "Error:" not in out
    lines = out.splitlines()
    good = sorted(n for n in files if n.startswith("good_")) + ["revolution_fr.txt"]
    for name in good:
        assert any(ln.startswith(f"ingested {folder / name}:") for ln in lines), (name, out)
    header = lines.index(f"{len(EXPECTED_PROBLEMS)} file(s) could not be ingested:")
    assert all(not ln.startswith("ingested ") for ln in lines[header:])
    listed = [ln.strip() for ln in lines[header + 1:header + 1 + len(EXPECTED_PROBLEMS)]]
    for name, problem in EXPECTED_PROBLEMS.items():
        assert sum(ln.startswith(f"{folder / name}: {problem}") for ln in listed) == 1, name
    counts = check_db(db)
    assert counts["documents"] == len(good)
    rows = per_document(db)
    # Running it again stores nothing twice: same documents with the same rows.
    again = run_cli("ingest", "--quiet", "--db", str(db), str(folder))
    assert again.returncode == 1 and "Traceback" not in again.stderr
    problems = [ln for ln in again.stderr.splitlines()
                if ln.strip() and not ln.startswith("warning: ")]
    assert len(problems) == len(EXPECTED_PROBLEMS), again.stderr
    after = check_db(db)
    assert per_document(db) == rows
    assert after == counts  # entities too: none duplicated, none lost


@pytest.mark.model
def test_reingesting_the_same_files_gives_the_same_entities(tmp_path):
    (tmp_path / "a.txt").write_text(CP1252_TEXT * 3)
    (tmp_path / "b.txt").write_text(LATIN1_TEXT * 3)
    db = tmp_path / "same.db"
    store_entities = []
    for _ in range(2):
        cliograph.ingest([tmp_path / "a.txt", tmp_path / "b.txt"], db=db)
        check_db(db)
        con = sqlite3.connect(db)
        store_entities.append(sorted(con.execute("select id, kind, name from entities")))
        con.close()
    assert store_entities[0] == store_entities[1]


# ------------------------------------------------------------------ hostile inputs (issue 17)

def test_epub_zip_bomb_is_refused_within_seconds_in_bounded_memory(tmp_path):
    """A small EPUB whose page expands to 250 MB, eight times in the spine: refused while
    unpacking, before anything is parsed."""
    bomb = tmp_path / "bomb.epub"
    write_zip_bomb(bomb, member_mb=250, copies=8)
    assert bomb.stat().st_size < 4_000_000
    probe = textwrap.dedent(f"""
        import resource, sys, time
        from cliograph.errors import SourceError
        from cliograph.readers import read
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.monotonic()
        try:
            read({str(bomb)!r})
            print("READ")
        except SourceError as exc:
            print(exc)
        grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(time.monotonic() - start, grew // 1024)
    """)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    message, numbers = out.stdout.strip().splitlines()
    seconds, grew_mb = float(numbers.split()[0]), int(numbers.split()[1])
    assert "EPUB refused" in message and "zip bomb" in message, message
    assert seconds < 10 and grew_mb < 500, (seconds, grew_mb)


def test_epub_of_many_tiny_pages_over_the_tag_limit_is_refused(tmp_path):
    from badinput import epub_bytes

    from cliograph.readers import epub

    book = tmp_path / "tiny.epub"
    book.write_bytes(epub_bytes(["<b>x</b>" * 40_000] * 6))
    with pytest.raises(SourceError, match="markup tags"):
        read(book)
    assert epub.MAX_TAGS < 6 * 80_000


def test_special_entries_in_a_folder_are_listed_not_read(tmp_path):
    from cliograph.readers import iter_sources

    make_special_folder(tmp_path / "f")
    skipped: list[SourceError] = []
    files = list(iter_sources([tmp_path / "f"], skipped=skipped))
    assert [f.name for f in files] == ["good.txt"]
    assert {Path(e.path).name: e.problem for e in skipped}.keys() == SPECIAL_PROBLEMS.keys()
    for e in skipped:
        assert e.problem.startswith(SPECIAL_PROBLEMS[Path(e.path).name]), e
    for name in SPECIAL_PROBLEMS:  # named on their own, each is one SourceError too
        with pytest.raises(SourceError, match=SPECIAL_PROBLEMS[name]):
            read(tmp_path / "f" / name)


@pytest.mark.model
def test_folder_with_a_fifo_dev_zero_and_a_link_loop_stores_the_good_file(tmp_path):
    folder = tmp_path / "f"
    make_special_folder(folder)
    db = tmp_path / "s.db"
    result = run_cli("ingest", "--quiet", "--db", str(db), str(folder), timeout=180)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == len(SPECIAL_PROBLEMS), result.stderr
    for name, problem in SPECIAL_PROBLEMS.items():
        assert any(name in ln and problem in ln for ln in lines), (name, result.stderr)
    assert check_db(db)["documents"] == 1


def test_utf32_text_is_decoded_not_read_as_utf16(tmp_path):
    for encoding in ("utf-32", "utf-32-be"):
        path = tmp_path / f"{encoding}.txt"
        data = STORIES[2].encode(encoding)
        if encoding == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        path.write_bytes(data)
        source = read(path)
        assert source.text == STORIES[2] and "\x00" not in source.text


def test_a_stray_legacy_byte_in_utf8_spoils_only_its_line_and_is_reported(tmp_path):
    utf8 = "Mendès-France spoke in Geneva in 1954.\nThe treaty was signed by Ngô Đình Diệm’s rivals.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8.encode("utf-8") + "He called it a \u201cpeace\u201d.\n".encode("cp1252"))
    source = read(path)
    assert source.text.startswith(utf8)  # no mojibake in the UTF-8 lines
    assert source.text.endswith("He called it a \u201cpeace\u201d.\n")
    assert source.notes == ("1 of 4 lines are not UTF-8; read them as Windows-1252",)
    # a file all in Windows-1252 is simply that, without a note
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(CP1252_TEXT.encode("cp1252"))
    assert read(legacy).text == CP1252_TEXT and read(legacy).notes == ()


@pytest.mark.model
def test_control_characters_in_file_names_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\n\x1b[2J\x1b]0;owned\x07.txt").write_bytes(b"")
    (folder / "good.txt").write_text(STORIES[4], encoding="utf-8")
    result = run_cli("ingest", "--db", str(tmp_path / "n.db"), str(folder), timeout=180)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "\x07" not in result.stdout + result.stderr
    assert "evil\\n\\x1b[2J\\x1b]0;owned\\x07.txt: empty file" in result.stderr, result.stderr


# ------------------------------------------------------------------ other databases

def _sidecars(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name != db.name)


@pytest.mark.parametrize("command", [
    ["entities"], ["show", "Anyone"], ["export", "--format", "json"], ["ingest", "IN"]])
def test_another_applications_database_is_refused_untouched(tmp_path, command):
    db = tmp_path / "other" / "app.sqlite"
    db.parent.mkdir()
    original = make_foreign_db(db)
    text = tmp_path / "in.txt"
    text.write_text(STORIES[0], encoding="utf-8")
    args = [str(text) if a == "IN" else a for a in command]
    result = CliRunner().invoke(cli, [args[0], "--db", str(db), *args[1:]])
    assert result.exit_code == 1, result.output
    assert "is not a cliograph database" in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert db.read_bytes() == original
    assert _sidecars(db) == []  # no -wal, no -shm, no journal left behind


def test_the_web_app_refuses_another_applications_database_untouched(tmp_path):
    from cliograph.errors import StoreError
    from cliograph.web import make_app

    db = tmp_path / "app.sqlite"
    original = make_foreign_db(db)
    with pytest.raises(StoreError, match="is not a cliograph database"):
        make_app(db)
    assert db.read_bytes() == original


def test_read_commands_never_migrate_an_older_store(tmp_path):
    """A store made before the last migration is read as it is; the server and the
    read commands leave it byte for byte as they found it."""
    from cliograph.store import Store
    from cliograph.web import make_app

    db = tmp_path / "old.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("delete from _migrations where name = 'm009_store_meta'")
    con.execute("drop table _meta")
    con.execute("pragma journal_mode=delete")
    con.commit()
    con.close()
    before = db.read_bytes()
    for args in (["entities"], ["export", "--format", "json"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
    make_app(db).state.store.close()
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from _migrations where name = 'm009_store_meta'"
                       ).fetchone()[0] == 0
    con.close()


def test_a_store_from_a_newer_cliograph_is_refused_in_one_line(tmp_path):
    from cliograph.store import Store

    db = tmp_path / "new.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("insert into _migrations values ('m042_future_things', '2030-01-01')")
    con.execute("update _meta set value = '9.4.0' where key = 'schema_written_by'")
    con.commit()
    con.close()
    before = db.read_bytes()
    for args in (["entities"], ["ingest", str(db)]):
        result = CliRunner().invoke(cli, [args[0], "--db", str(db), *args[1:]])
        assert result.exit_code == 1
        line = result.output.strip()
        assert len(line.splitlines()) == 1 and "Traceback" not in line
        assert "written by cliograph 9.4.0 (schema m042_future_things)" in line, line
        assert "upgrade cliograph" in line
    assert db.read_bytes() == before


# ------------------------------------------------------------------ same input, same output

#: Documents that share names in the ways cross-document linking must get right whatever
#: the order: the same full name, a surname alone, one name as two kinds.
SHARED_CAST = {
    "a.txt": "In 1862 Otto von Bismarck became Minister President of Prussia. Bismarck "
             "opposed the liberals in the Landtag over the army budget.\n",
    "b.txt": "Bismarck met Napoleon III at Biarritz in 1865. Otto von Bismarck wanted "
             "French neutrality in a war with Austria.\n",
    "c.txt": "In 1866 Prussia defeated Austria at Königgrätz. Helmuth von Moltke commanded "
             "the army, and Moltke was praised in Berlin.\n",
    "d.txt": "Bismarck wrote to Moltke in July 1870. The Ems Dispatch was published, and "
             "Napoleon III declared war on Prussia.\n",
}


def _export(db: Path) -> dict:
    store = cliograph.open(db)
    out = db.with_suffix(".json")
    export(store, "json", out)
    store.close()
    data = json.loads(out.read_text(encoding="utf-8"))
    for doc in data.get("documents", []):
        doc.pop("ingested_at", None)
    return data


@pytest.mark.model
def test_the_store_is_a_function_of_the_documents_not_their_order_or_jobs(tmp_path):
    for name, text in SHARED_CAST.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [tmp_path / n for n in SHARED_CAST]
    runs = {"forward": (files, 1), "backward": (files[::-1], 1),
            "shuffled": ([files[2], files[0], files[3], files[1]], 1), "jobs2": (files, 2)}
    exports = {}
    for label, (order, jobs) in runs.items():
        db = tmp_path / f"{label}.db"
        assert cliograph.ingest(order, db=db, jobs=jobs).ok
        check_db(db)
        exports[label] = _export(db)
    first = exports["forward"]
    assert len(first["entities"]) > 5
    for label, data in exports.items():
        assert data == first, label


def test_upgrade_brings_an_older_store_forward_and_reading_it_does_not(tmp_path):
    from sqlite_utils import Database

    from cliograph.store import MIGRATIONS

    db = tmp_path / "old.db"
    old = Database(db)  # a store of the time when there were three migrations
    old["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    for migration in MIGRATIONS[:3]:
        migration(old)
        old["_migrations"].insert({"name": migration.__name__, "applied_at": "2025"})
    old.close()
    result = CliRunner().invoke(cli, ["entities", "--db", str(db)])
    assert result.exit_code == 1 and "run 'cliograph upgrade --db" in result.output
    result = CliRunner().invoke(cli, ["upgrade", "--db", str(db)])
    assert result.exit_code == 0 and "m009_store_meta" in result.output, result.output
    assert CliRunner().invoke(cli, ["entities", "--db", str(db)]).exit_code == 0
    assert "up to date" in CliRunner().invoke(cli, ["upgrade", "--db", str(db)]).output
