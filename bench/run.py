"""cliograph benchmark (``make bench``): throughput, memory, parallel speed-up, web latency.

Builds corpora of about 100k and 1M words in ``bench/corpora/`` (git-ignored) out of the
seed chapter (read from ../shared, never copied into the repo; skipped when absent) and
the public-domain texts in ../shared/corpus: each file is one source text under its own
file name (so its own title), with one line added so that every copy has a different
content hash, so ingesting them exercises entity merging across documents. Then, on the
same text:

* stage profile: where the CPU time of one document goes (spaCy, each stage, the store);
* spaCy alone (``nlp.pipe``, same model, components and batch size) as the floor;
* end-to-end ``cliograph ingest`` with ``--jobs 1`` and ``--jobs N``: words/s, CPU
  seconds, peak RSS (sum over the process tree, polled), the ratio to the floor, the
  speed-up of N jobs;
* the largest corpus with ``--jobs N``: memory growth from the smallest, database size
  per 100k words, and JSON latency (p50/p95) of the dossier, timeline and state-on-date
  routes against it, through FastAPI's TestClient in this process.

It prints a table and appends one JSON line to ``bench/results.jsonl``.

    python bench/run.py              # 100k and 1M words (well under 30 min on 2 cores)
    python bench/run.py --quick      # 100k words only, to try things
    python bench/run.py --sizes 50k,300k --jobs 4
    python bench/run.py --single-mb 5 --timeout 900   # one huge document: memory only
    python bench/run.py --latency-only big.db         # web latency of an existing database

Timings on a shared machine are distorted by other processes: the CPU-seconds columns
and the ratios are steadier than the words/s, and the ``load`` figures say how busy the
machine was.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPORA = BENCH / "corpora"
RESULTS = BENCH / "results.jsonl"
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "with-lenin.txt"
CORPUS = SHARED / "corpus"
PY = sys.executable
CLIOGRAPH = [PY, "-m", "cliograph"]

TARGETS = {
    "ratio_to_spacy": 0.6,         # end-to-end words/s >= 0.6 x spaCy alone
    "jobs_speedup": 1.6,           # --jobs 2 >= 1.6 x --jobs 1 (on 2 cores)
    "peak_rss_mb": 1536,           # 1M-word ingest
    "rss_growth": 1.2,             # 1M vs 100k
    "dossier_p95_ms": 50,
}


# ------------------------------------------------------------------ corpora


def parse_size(s: str) -> int:
    s = s.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(s[-1:], 1)
    return int(float(s.rstrip("km")) * mult)


def size_label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k"


def sources() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))
    if SEED.is_file():
        found.insert(0, SEED)
    else:
        print(f"note: no seed chapter at {SEED}; using the corpus texts only", file=sys.stderr)
    if not found:
        sys.exit(f"no texts to build corpora from in {CORPUS}")
    return found


def build_corpus(target_words: int) -> tuple[Path, int, int]:
    """Copies of the source texts, round-robin, until ``target_words``; (folder, words, files)."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sources()]
    folder = CORPORA / size_label(target_words)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    words = n = 0
    while words < target_words:
        stem, text = texts[n % len(texts)]
        copy = n // len(texts) + 1
        # A distinct file name is a distinct title; the added line a distinct content hash.
        body = text.rstrip("\n") + f"\n\nThis is copy {copy} of the text.\n"
        (folder / f"{n:04d}_{stem}_{copy}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
        n += 1
    return folder, words, n


def build_single(mb: float) -> tuple[Path, int]:
    """One document of about ``mb`` million characters (under spaCy's 5M-char max_length)."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sources()]
    limit = int(mb * 1_000_000)
    parts, size, i = [], 0, 0
    while True:
        t = texts[i % len(texts)]
        if size + len(t) + 2 > limit:
            break
        parts.append(t)
        size += len(t) + 2
        i += 1
    folder = CORPORA / f"single-{mb:g}MB"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / "single.txt"
    text = "\n\n".join(parts) + "\n"
    path.write_text(text, encoding="utf-8")
    return path, len(text.split())


# ------------------------------------------------------------------ measuring a child process


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the child and everything it waited for
    peak_rss_mb: float  # max over time of the sum over the process tree
    peak_proc_mb: float  # the largest single process
    peak_pss_mb: float | None  # shared pages counted once (Linux), when measurable
    returncode: int
    out: str = ""
    err: str = ""
    timed_out: bool = False


def run_child(cmd: list[str], timeout: float | None = None, interval: float = 0.1) -> Run:
    try:
        import psutil
    except ImportError:  # fall back on the kernel's high-water mark of the biggest process
        psutil = None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        peak = peak_one = peak_pss = 0.0
        pss_ok = psutil is not None
        timed_out = False
        tick = 0
        while proc.poll() is None:
            if timeout and time.perf_counter() - t0 > timeout:
                timed_out = True
                proc.kill()
                break
            if psutil is not None:
                try:
                    root = psutil.Process(proc.pid)
                    tree = [root, *root.children(recursive=True)]
                except psutil.Error:
                    tree = []
                total = 0.0
                pss = 0.0
                for p in tree:
                    try:
                        rss = p.memory_info().rss / 2**20
                    except psutil.Error:
                        continue
                    total += rss
                    peak_one = max(peak_one, rss)
                    if pss_ok and tick % 5 == 0:  # smaps is slower to read
                        try:
                            pss += p.memory_full_info().pss / 2**20
                        except psutil.NoSuchProcess:
                            pass
                        except (psutil.Error, AttributeError):
                            pss_ok = False
                peak = max(peak, total)
                if pss_ok and tick % 5 == 0:
                    peak_pss = max(peak_pss, pss)
            tick += 1
            time.sleep(interval)
        proc.wait()
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if psutil is None:
        peak = peak_one = after.ru_maxrss / 1024  # KiB on Linux; max over all children so far
    return Run(wall, cpu, peak, peak_one, peak_pss if pss_ok else None, proc.returncode,
               stdout, stderr, timed_out)


def rundict(r: Run) -> dict[str, Any]:
    return {k: v for k, v in asdict(r).items() if k not in ("out", "err")}


def check(run: Run, what: str) -> None:
    if run.timed_out:
        print(f"  {what}: timed out after {run.wall:.0f} s", file=sys.stderr)
    elif run.returncode != 0:
        print(f"  {what} failed (exit {run.returncode}):\n{run.err[-2000:]}", file=sys.stderr)
        sys.exit(1)


# ------------------------------------------------------------------ the measurements


def spacy_floor(folder: Path, batch_size: int) -> None:
    """(child) spaCy alone over the same cleaned texts: nlp.pipe, same model and batches."""
    from cliograph.clean import clean
    from cliograph.ingestion import batches
    from cliograph.nlp import load
    from cliograph.readers import iter_sources, read

    t0 = time.perf_counter()
    nlp = load()
    t1 = time.perf_counter()
    texts = (clean(read(p).text).text for p in iter_sources([folder]))
    n = 0
    for group in batches(texts, batch_size, len):  # the batches ingest --jobs 1 makes
        for doc in nlp.pipe(group, batch_size=len(group)):
            n += len(doc)
    t2 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "pipe_s": t2 - t1, "tokens": n,
                      "pipes": nlp.pipe_names}))


def stage_profile(batch_size: int) -> dict[str, Any]:
    """In this process: seconds per step over one copy of each distinct source text."""
    from cliograph.ingestion import pipeline_id
    from cliograph.nlp import load, model_id
    from cliograph.pipeline import STAGES, parse_many, to_analysis
    from cliograph.readers import read
    from cliograph.store import Store

    nlp = load()
    srcs = [read(p) for p in sources()]
    words = sum(len(s.text.split()) for s in srcs)
    cost: dict[str, float] = {"spacy (parse_many)": 0.0}
    cost.update({name: 0.0 for name, _ in STAGES})
    cost.update({"to_analysis": 0.0, "store.write": 0.0})
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "profile.db")
        pipeline = pipeline_id(model_id(nlp))
        it = parse_many(srcs, nlp, batch_size=batch_size)
        while True:
            t = time.process_time()
            d = next(it, None)
            cost["spacy (parse_many)"] += time.process_time() - t
            if d is None:
                break
            for name, stage in STAGES:
                t = time.process_time()
                stage(d)
                cost[name] += time.process_time() - t
            t = time.process_time()
            a = to_analysis(d)
            cost["to_analysis"] += time.process_time() - t
            t = time.process_time()
            store.write(a, pipeline)
            cost["store.write"] += time.process_time() - t
        store.close()
    return {"words": words, "docs": len(srcs), "cpu_s": cost}


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def latencies(db: Path, rounds: int = 3) -> dict[str, Any]:
    """JSON latency of the web routes, in process (TestClient), warm; ms."""
    import sqlite3

    con = sqlite3.connect(db)
    top = [r[0] for r in con.execute(
        "select entity_id from mentions group by entity_id order by count(*) desc limit 10")]
    rng = random.Random(7)
    all_ids = [r[0] for r in con.execute("select id from entities order by id")]
    ids = top + rng.sample(all_ids, min(10, len(all_ids)))
    times = [r[0] for r in con.execute(
        "select time from facts where time is not null and length(time) >= 4"
        " and time not like '-%' order by time")]
    con.close()
    dates = sorted({t[:4] + "-06-01" for t in times if t[:4].isdigit()})
    dates = [dates[int(i * (len(dates) - 1) / 9)] for i in range(10)] if dates else ["1917-11-07"]
    out: dict[str, Any] = {"entities": len(ids), "dates": dates}

    def timed(call, args_list: list[Any], name: str) -> None:
        call(args_list[0])  # warm up
        ms = []
        for _ in range(rounds):
            for a in args_list:
                t = time.perf_counter()
                call(a)
                ms.append((time.perf_counter() - t) * 1000)
        out[name] = {"n": len(ms), "p50_ms": percentile(ms, 0.5), "p95_ms": percentile(ms, 0.95),
                     "max_ms": max(ms)}

    try:
        from fastapi.testclient import TestClient

        from cliograph.web import make_app
    except Exception as exc:  # the web app is not there (yet): the library's dossier only
        from cliograph.dossier import dossier
        from cliograph.store import Store

        store = Store(db, create=False)
        out["note"] = f"cliograph.web not importable ({exc}); dossier() only, no timeline/state"
        timed(lambda e: dossier(store, e), ids, "dossier")
        store.close()
        return out

    with TestClient(make_app(db), base_url="http://127.0.0.1") as client:  # a Host it answers to
        def get(url: str) -> None:
            r = client.get(url)
            if r.status_code != 200:
                raise RuntimeError(f"GET {url}: {r.status_code} {r.text[:200]}")
            r.json()

        out["via"] = "TestClient(make_app(db))"
        timed(lambda e: get(f"/entity/{e}.json"), ids, "dossier")
        timed(lambda _: get("/timeline.json"), [None] * 10, "timeline")
        timed(lambda d: get(f"/state.json?date={d}"), dates, "state")
    return out


def db_size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20


def ingest_run(folder: Path, db: Path, jobs: int, batch_size: int,
               timeout: float | None = None) -> Run:
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    cmd = [*CLIOGRAPH, "ingest", "--quiet", "--db", str(db), "--jobs", str(jobs), str(folder)]
    if batch_size != 8:  # the CLI has no batch-size option; 8 is ingest()'s default
        raise SystemExit("--batch-size other than 8 is only for the spaCy floor")
    return run_child(cmd, timeout)


# ------------------------------------------------------------------ main


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return {"cores": os.cpu_count(), "usable_cores": usable, "cpu": cpu, "mem_gb": mem,
            "python": platform.python_version(), "platform": platform.platform()}


def git_rev() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                             capture_output=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               text=True, capture_output=True).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except OSError:
        return "?"


@dataclass
class Report:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, what: str, value: str, target: str = "", verdict: str = "") -> None:
        self.rows.append((what, value, target, verdict))
        print(f"  {what}: {value}" + (f"  [{verdict} vs {target}]" if target else ""), flush=True)

    def print(self) -> None:
        w = [max(len(r[i]) for r in self.rows + [("measure", "value", "target", "")])
             for i in range(4)]
        line = "  ".join(h.ljust(w[i]) for i, h in enumerate(("measure", "value", "target", "")))
        print("\n" + line + "\n" + "-" * len(line))
        for r in self.rows:
            print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="only ~100k words, to try things")
    ap.add_argument("--sizes", default=None, help="corpus sizes in words, e.g. 100k,1M (default)")
    ap.add_argument("--jobs", type=int, default=2, help="jobs to compare with --jobs 1 (default 2)")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--no-profile", action="store_true", help="skip the in-process stage profile")
    ap.add_argument("--single-mb", type=float, default=None,
                    help="instead: one document of this many million characters; memory only")
    ap.add_argument("--timeout", type=float, default=None, help="per-ingest timeout, seconds")
    ap.add_argument("--no-record", action="store_true", help="do not append to results.jsonl")
    ap.add_argument("--latency-only", type=Path, metavar="DB",
                    help="instead: only the web JSON latency against this existing database"
                         " (no corpora, no ingest; opening it migrates it forward, as the app"
                         " does); not recorded unless --record")
    ap.add_argument("--record", action="store_true", help="with --latency-only: append to results.jsonl")
    ap.add_argument("--floor", type=Path, help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args()

    if args.floor:
        spacy_floor(args.floor, args.batch_size)
        return

    record: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(), "git": git_rev(), "load_start": os.getloadavg(),
        "batch_size": args.batch_size, "jobs": args.jobs,
    }
    rep = Report()
    m = record["machine"]
    print(f"cliograph bench {record['date']}  {m['cpu']}  {m['cores']} cores "
          f"({m['usable_cores']} usable)  load {record['load_start'][0]:.1f}  git {record['git']}")
    tmp = Path(tempfile.mkdtemp(prefix="cliograph-bench-"))
    try:
        if args.latency_only:
            if not args.latency_only.is_file():
                sys.exit(f"no database at {args.latency_only}")
            web_latency(args.latency_only, args.latency_only.name, record, rep)
        elif args.single_mb:
            single(args, record, rep, tmp)
        else:
            full(args, record, rep, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    record["load_end"] = os.getloadavg()
    rep.print()
    busy = record.get("contended")
    print(f"\nload average {record['load_start'][0]:.1f} at start, {record['load_end'][0]:.1f} at "
          f"end (1-min, the benchmark's own processes included), on {m['usable_cores']} cores."
          + (" --jobs 1 got less than 0.9 of a core: other processes took CPU, so wall-clock"
             " figures are low and the speed-up is distorted; CPU-seconds and ratios are"
             " steadier." if busy else ""))
    if not args.no_record and (args.record or not args.latency_only):
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        print(f"appended to {RESULTS.relative_to(ROOT)}")


def single(args: argparse.Namespace, record: dict[str, Any], rep: Report, tmp: Path) -> None:
    path, words = build_single(args.single_mb)
    size = path.stat().st_size / 2**20
    print(f"single document {path.name}: {size:.1f} MB, {words} words")
    floor = run_child([PY, str(Path(__file__).resolve()), "--floor", str(path.parent),
                       "--batch-size", str(args.batch_size)], args.timeout)
    check(floor, "spaCy alone")
    rep.add("single doc: spaCy alone peak RSS", f"{floor.peak_rss_mb:.0f} MB "
            f"({'timed out' if floor.timed_out else f'{floor.wall:.0f} s'})")
    full_run = ingest_run(path.parent, tmp / "single.db", 1, args.batch_size, args.timeout)
    check(full_run, "ingest")
    rep.add("single doc: ingest --jobs 1 peak RSS", f"{full_run.peak_rss_mb:.0f} MB "
            f"({'timed out, so at least this' if full_run.timed_out else f'{full_run.wall:.0f} s'})")
    record["single"] = {"mb": size, "words": words, "spacy": rundict(floor) | {"out": floor.out[-500:]},
                        "ingest": rundict(full_run)}


def full(args: argparse.Namespace, record: dict[str, Any], rep: Report, tmp: Path) -> None:
    sizes = [parse_size(s) for s in (args.sizes or ("100k" if args.quick else "100k,1M")).split(",")]
    sizes.sort()
    small, large = sizes[0], sizes[-1]
    jobs = args.jobs
    corpora = {}
    for n in sizes:
        folder, words, files = build_corpus(n)
        corpora[n] = (folder, words, files)
        print(f"corpus {size_label(n)}: {files} files, {words} words in "
              f"{folder.relative_to(ROOT)}")
    record["corpora"] = {size_label(n): {"words": w, "files": f} for n, (_, w, f) in corpora.items()}

    if not args.no_profile:
        print("stage profile (CPU seconds, one copy of each text, in process) ...", flush=True)
        prof = stage_profile(args.batch_size)
        record["profile"] = prof
        total = sum(prof["cpu_s"].values())
        for name, s in prof["cpu_s"].items():
            rep.add(f"profile: {name}", f"{s:6.2f} s  {100 * s / total:4.1f} %")
        rep.add("profile: words / CPU-second, whole pipeline", f"{prof['words'] / total:.0f}")

    folder, words, _ = corpora[small]
    label = size_label(small)
    print(f"spaCy alone on {label} ...", flush=True)
    floor = run_child([PY, str(Path(__file__).resolve()), "--floor", str(folder),
                       "--batch-size", str(args.batch_size)])
    check(floor, "spaCy alone")
    inner = json.loads(floor.out.strip().splitlines()[-1])
    print(f"ingest --jobs 1 on {label} ...", flush=True)
    one = ingest_run(folder, tmp / "j1.db", 1, args.batch_size, args.timeout)
    check(one, "ingest --jobs 1")
    print(f"ingest --jobs {jobs} on {label} ...", flush=True)
    many = ingest_run(folder, tmp / "jn.db", jobs, args.batch_size, args.timeout)
    check(many, f"ingest --jobs {jobs}")

    def wps(r: Run) -> float:
        return words / r.wall

    record["contended"] = one.cpu / one.wall < 0.9 or floor.cpu / floor.wall < 0.9
    ratio = wps(one) / wps(floor)
    ratio_cpu = floor.cpu / one.cpu
    speedup = one.wall / many.wall
    rep.add(f"spaCy alone {label}: words/s (wall, incl. start-up)", f"{wps(floor):.0f}"
            f"  (CPU {floor.cpu:.0f} s; pipe only {words / inner['pipe_s']:.0f} w/s)")
    rep.add(f"ingest -j1 {label}: words/s", f"{wps(one):.0f}  (CPU {one.cpu:.0f} s, "
            f"{one.cpu / one.wall:.2f} cores busy)")
    rep.add(f"ingest -j{jobs} {label}: words/s", f"{wps(many):.0f}  (CPU {many.cpu:.0f} s, "
            f"{many.cpu / many.wall:.2f} cores busy)")
    rep.add("end-to-end / spaCy alone (wall)", f"{ratio:.2f}", f">= {TARGETS['ratio_to_spacy']}",
            verdict(ratio >= TARGETS["ratio_to_spacy"]))
    rep.add("end-to-end / spaCy alone (CPU-s)", f"{ratio_cpu:.2f}", "(steadier)")
    rep.add(f"-j{jobs} / -j1 speed-up (wall)", f"{speedup:.2f}",
            f">= {TARGETS['jobs_speedup']}", verdict(speedup >= TARGETS["jobs_speedup"]))
    rep.add(f"-j{jobs} CPU overhead (CPU-s j{jobs} / j1)", f"{many.cpu / one.cpu:.2f}")
    rep.add(f"peak RSS {label}: spaCy alone / -j1 / -j{jobs} (tree sum)",
            f"{floor.peak_rss_mb:.0f} / {one.peak_rss_mb:.0f} / {many.peak_rss_mb:.0f} MB")
    record["small"] = {"size": label, "words": words, "spacy_alone": rundict(floor) | {"inner": inner},
                       "jobs1": rundict(one), f"jobs{jobs}": rundict(many),
                       "ratio_wall": ratio, "ratio_cpu": ratio_cpu, "speedup": speedup}
    db = tmp / "jn.db"

    if large != small:
        folder, lwords, _ = corpora[large]
        llabel = size_label(large)
        print(f"ingest --jobs {jobs} on {llabel} ...", flush=True)
        big = ingest_run(folder, tmp / "large.db", jobs, args.batch_size, args.timeout)
        check(big, f"ingest --jobs {jobs} {llabel}")
        growth = big.peak_rss_mb / many.peak_rss_mb
        rep.add(f"ingest -j{jobs} {llabel}: words/s", f"{lwords / big.wall:.0f}  (CPU {big.cpu:.0f} s,"
                f" {big.wall / 60:.1f} min)")
        rep.add(f"peak RSS {llabel} -j{jobs} (tree sum; biggest process; PSS)",
                f"{big.peak_rss_mb:.0f} MB; {big.peak_proc_mb:.0f} MB; "
                f"{big.peak_pss_mb or 0:.0f} MB", f"<= {TARGETS['peak_rss_mb']} MB",
                verdict(big.peak_rss_mb <= TARGETS["peak_rss_mb"]))
        rep.add(f"RSS growth {label} -> {llabel}", f"{growth:.2f}x", f"<= {TARGETS['rss_growth']}x",
                verdict(growth <= TARGETS["rss_growth"]))
        record["large"] = {"size": llabel, "words": lwords, f"jobs{jobs}": rundict(big),
                           "rss_growth": growth}
        db, words, label = tmp / "large.db", lwords, llabel
    else:
        rep.add(f"peak RSS {label} -j{jobs}", f"{many.peak_rss_mb:.0f} MB",
                f"<= {TARGETS['peak_rss_mb']} MB", verdict(many.peak_rss_mb <= TARGETS["peak_rss_mb"]))

    size = db_size_mb(db)
    rep.add(f"database {label}", f"{size:.1f} MB = {size / (words / 100_000):.1f} MB per 100k words")
    record["db_mb"] = size
    record["db_mb_per_100k_words"] = size / (words / 100_000)

    web_latency(db, label, record, rep)


def web_latency(db: Path, label: str, record: dict[str, Any], rep: Report) -> None:
    """Measure the JSON routes against ``db`` and add the figures to the report."""
    print(f"web JSON latency on the {label} database ...", flush=True)
    lat = latencies(db)
    record["latency"] = lat
    record["latency_db"] = label
    if "note" in lat:
        rep.add("web", lat["note"])
    for name in ("dossier", "timeline", "state"):
        if name in lat:
            x = lat[name]
            ok = name != "dossier" or x["p95_ms"] <= TARGETS["dossier_p95_ms"]
            rep.add(f"{name} JSON on {label}: p50 / p95 (n={x['n']})",
                    f"{x['p50_ms']:.1f} / {x['p95_ms']:.1f} ms",
                    f"p95 <= {TARGETS['dossier_p95_ms']} ms" if name == "dossier" else "",
                    verdict(ok) if name == "dossier" else "")


if __name__ == "__main__":
    main()
