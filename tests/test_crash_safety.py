"""Crash safety: an ingest killed with SIGKILL, mid-batch or inside a document's own
transaction, leaves a consistent store in which every document is whole or absent, and
running the ingest again completes it without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from badinput import STORIES, check_db, per_document

import cliograph

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    """Six short documents, each a few paragraphs so that each takes a moment to analyse."""
    folder = tmp_path_factory.mktemp("stories")
    paths = []
    for i, story in enumerate(STORIES):
        path = folder / f"story{i}.txt"
        path.write_text((story + "\n") * 4, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def reference(stories, tmp_path_factory):
    """Each document's row counts after a clean, uninterrupted ingest."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    report = cliograph.ingest(stories, db=db)
    assert report.ok, report.failed
    return check_db(db), per_document(db)


def documents_in(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("select count(*) from documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or the schema not yet migrated
        return 0


def assert_whole_or_absent(db: Path, reference: dict[str, dict[str, int]]) -> int:
    """Every stored document has exactly the rows an uninterrupted ingest gives it."""
    check_db(db)
    present = per_document(db)
    for name, rows in present.items():
        assert rows == reference[name], f"{name} is stored in part: {rows} != {reference[name]}"
    return len(present)


@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_mid_batch_then_rerun_completes_without_duplicates(stories, reference, tmp_path,
                                                                     jobs):
    totals, per_doc = reference
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "cliograph", "ingest", "--quiet", "--db", str(db),
           "--jobs", str(jobs), *map(str, stories)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 180
    try:
        while documents_in(db) < 1:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the first document never landed"
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)  # the process group: workers too, if any
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    present = assert_whole_or_absent(db, per_doc)
    print(f"\nSIGKILL after {present} of {len(stories)} documents were committed")
    assert 1 <= present < len(stories), f"killed after {present} of {len(stories)} documents"

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert assert_whole_or_absent(db, per_doc) == len(stories)
    counts = check_db(db)
    assert counts == totals


KILL_INSIDE = textwrap.dedent("""
    import os, signal, sys
    import cliograph
    from cliograph.store import Store

    calls = 0
    original = Store._apply_corrections

    def die_in_the_second(self, doc_id):
        # the last step of Store.write, inside its transaction: every row of this
        # document is written but not committed
        global calls
        calls += 1
        if calls == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, doc_id)

    Store._apply_corrections = die_in_the_second
    cliograph.ingest(sys.argv[2:], db=sys.argv[1])
""")


def test_sigkill_inside_a_document_transaction_leaves_it_absent(stories, reference, tmp_path):
    totals, per_doc = reference
    db = tmp_path / "torn.db"
    script = tmp_path / "kill_inside.py"
    script.write_text(KILL_INSIDE)
    proc = subprocess.run([sys.executable, str(script), str(db), *map(str, stories)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert assert_whole_or_absent(db, per_doc) == 1  # the first, committed; not the second
    assert set(per_document(db)) == {stories[0].name}

    report = cliograph.ingest(stories, db=db)
    assert report.ok, report.failed
    assert assert_whole_or_absent(db, per_doc) == len(stories)
    assert check_db(db) == totals


def test_error_while_writing_leaves_the_previous_version(stories, tmp_path, monkeypatch):
    """A failure inside Store.write rolls back: the old version of the file stays whole."""
    src = tmp_path / "story.txt"
    src.write_text(STORIES[0], encoding="utf-8")
    db = tmp_path / "s.db"
    assert cliograph.ingest([src], db=db).ok
    before = check_db(db), per_document(db)
    con = sqlite3.connect(db)
    old_text = con.execute("select text from documents").fetchone()[0]
    con.close()

    from cliograph.store import Store

    def broken(self, doc_id):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "_apply_corrections", broken)
    src.write_text(STORIES[0] + STORIES[1], encoding="utf-8")  # a changed file
    report = cliograph.ingest([src], db=db)
    assert not report.ingested and len(report.failed) == 1
    message = str(report.failed[0])
    assert message.startswith(f"{src}: ") and "\n" not in message
    assert (check_db(db), per_document(db)) == before
    con = sqlite3.connect(db)
    assert con.execute("select text from documents").fetchone()[0] == old_text
    con.close()


def _children(pid: int) -> set[int]:
    """Live child processes of ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_workers_die_with_a_killed_parent(stories, tmp_path):
    """kill -9 of an ingest with --jobs 2: its worker processes end too, at once, instead
    of waiting for work forever."""
    db = tmp_path / "orphans.db"
    cmd = [sys.executable, "-m", "cliograph", "ingest", "--quiet", "--db", str(db),
           "--jobs", "2", *map(str, stories)]
    # no pipes: a worker that outlives the parent would hold them open
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 180
        while len(workers) < 2:
            assert proc.poll() is None, "the ingest ended before its workers were seen"
            assert time.monotonic() < deadline, "the workers never started"
            workers = _children(proc.pid)
            time.sleep(0.01)
        proc.kill()  # SIGKILL to the parent alone, not its process group
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
