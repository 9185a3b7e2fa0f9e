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
    STORIES,
    check_db,
    make_bad_corpus,
    mixed_line_endings,
    per_document,
    write_big_text,
)
from click.testing import CliRunner

import cliograph
from cliograph.cli import cli
from cliograph.errors import SourceError
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
    assert {k: v for k, v in after.items() if k != "entities"} == \
        {k: v for k, v in counts.items() if k != "entities"}


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
