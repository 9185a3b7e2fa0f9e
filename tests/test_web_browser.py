"""The web app in a real browser: Debian's chromium driven by Python Playwright.

A uvicorn server runs in a thread on a free 127.0.0.1 port; each test walks a page as a
historian would and saves a screenshot to screenshots/ (kept out of git) for a person to
look at. Skipped when /usr/bin/chromium is missing (`apt-get install chromium`; never
`playwright install`, which downloads a browser).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from chronicle import build

import cliograph
from cliograph.store import Store
from cliograph.web import make_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not at /usr/bin/chromium (apt-get install chromium)"),
]

INLINE = """The Secretariat in 1922

In April 1922 Joseph Stalin was appointed General Secretary of the Central Committee.
Lenin's wife Nadezhda Krupskaya worked at the People's Commissariat of Enlightenment in Moscow.
"""


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(make_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    (folder / "secretariat.txt").write_text(INLINE, encoding="utf-8")
    db = folder / "browser.db"
    report = cliograph.ingest([folder / "secretariat.txt"], db=db)
    assert report.ok, report.failed
    store = Store(db)
    build(store)
    store.close()
    with serving(db) as url:
        yield url


@pytest.fixture
def page(browser):
    SHOTS.mkdir(exist_ok=True)
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.set_default_timeout(15_000)
    yield p
    p.close()
    assert not errors, f"JavaScript errors: {errors}"


def shot(page, name: str, full: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }""")


def test_browser_search_dossier_evidence_reader(page, base):
    page.goto(base + "/")
    shot(page, "home", full=True)
    page.fill("header .search input[name=q]", "Stalin")
    page.press("header .search input[name=q]", "Enter")
    page.wait_for_selector(".results.entities li")
    shot(page, "search")
    page.click(".results.entities li:first-child a.ent")
    page.wait_for_selector(".dossier-head h1")
    assert page.inner_text(".dossier-head h1") == "Joseph Stalin"
    assert page.locator("article.fact").count() >= 3
    assert page.locator(".claim.multi article.fact").count() == 2  # two sources side by side
    shot(page, "dossier", full=True)
    quote = page.locator(".claim.multi article.fact").nth(1)
    evidence = quote.locator("blockquote.evidence").inner_text().strip()
    quote.locator("a.read").click()
    page.wait_for_selector("#text .tgt")
    highlighted = "".join(page.locator("#text .tgt").all_inner_texts()).strip()
    assert highlighted == evidence
    assert in_viewport(page, "#text .tgt")
    colour = page.eval_on_selector("#text .tgt", "el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#side-facts li.active").count() >= 1  # its facts are picked out
    shot(page, "reader")


AXIS_JS = """() => Array.from(document.querySelectorAll('#timeline .vis-time-axis .vis-text'))
    .filter(e => e.offsetWidth > 0 && e.getBoundingClientRect().left >= 0
                 && e.getBoundingClientRect().right <= window.innerWidth)
    .map(e => e.textContent).join(' ')"""


def _wait_axis(page, needle: str) -> str:
    """The visible axis labels once they contain ``needle`` (vis-timeline draws in frames)."""
    try:
        page.wait_for_function(f"() => ({AXIS_JS})().includes({needle!r})", timeout=5_000)
    except Exception:  # report what the axis shows instead of a bare timeout
        pass
    return page.evaluate(AXIS_JS)


def test_browser_timeline_draws_items(page, base):
    page.goto(base + "/timeline")
    page.wait_for_selector("#timeline[data-drawn] .vis-item")
    drawn = int(page.get_attribute("#timeline", "data-drawn"))
    assert drawn >= 10
    assert page.locator("#timeline .vis-item").count() >= 5
    assert page.locator("#timeline .vis-item.vis-range").count() >= 1
    assert page.locator("#timeline .vis-item.vis-point").count() >= 1
    labels = _wait_axis(page, "1922")
    assert "1922" in labels, labels
    shot(page, "timeline")  # opens on the 1920s, not on the BC coda
    page.locator("#timeline .vis-item.vis-range").first.click()
    page.wait_for_selector("#detail:not([hidden]) blockquote.evidence")
    assert page.locator("#detail a.read").get_attribute("href").startswith("/document/")


def test_browser_timeline_bc_axis(page, base):
    page.goto(base + "/timeline?entity=julius-caesar")
    page.wait_for_selector("#timeline[data-drawn] .vis-item")
    labels = _wait_axis(page, "BC")
    assert "BC" in labels, labels
    shot(page, "timeline-bc")


def _visible(page) -> tuple[int, int]:
    return (int(page.get_attribute("#cy", "data-visible-nodes")),
            int(page.get_attribute("#cy", "data-visible-edges")))


def _dated_years(page) -> list[int]:
    """The years the network slider steps over: those with dated relations."""
    return [int(y) for y in page.get_attribute("#net-controls", "data-years").split(",") if y]


def _set_window(page, year: int) -> tuple[int, int]:
    index = _dated_years(page).index(year)
    page.eval_on_selector("#net-year", """(el, i) => { el.value = String(i);
        el.dispatchEvent(new Event('input', {bubbles: true})); }""", index)
    page.wait_for_selector(f'#cy[data-window="{year}"]')
    return _visible(page)


def test_browser_network_draws_nodes_and_slider_changes_them(page, base):
    page.goto(base + "/network")
    page.wait_for_selector('#cy[data-drawn][data-window="all"] canvas')
    assert int(page.get_attribute("#cy", "data-drawn")) >= 5
    nodes_all, edges_all = _visible(page)
    assert nodes_all >= 4 and edges_all >= 4
    shot(page, "network")
    page.select_option("#net-width", "1")
    page.wait_for_function("() => !document.getElementById('net-year').disabled")
    years = _dated_years(page)
    assert int(page.get_attribute("#net-year", "max")) == len(years) - 1  # no empty years between
    last = years[-1]
    assert last >= 1923 and 1921 in years
    in_1921 = _set_window(page, 1921)
    shot(page, "network-1921")
    in_last = _set_window(page, last)
    assert in_1921 != in_last
    assert in_1921[1] > in_last[1]  # the 1921 alliance and opposition are gone by then
    shot(page, "network-later")
    page.select_option("#net-width", "all")
    page.wait_for_selector('#cy[data-window="all"]')
    assert _visible(page) == (nodes_all, edges_all)


def test_browser_state_lists_general_secretary(page, base):
    page.goto(base + "/state")
    page.fill("form.date-form input[name=date]", "1922-05-01")
    page.click("form.date-form button")
    page.wait_for_selector("table.offices")
    rows = page.locator("table.offices tbody tr")
    text = " | ".join(rows.all_inner_texts())
    assert "General Secretary" in text and "Joseph Stalin" in text
    assert page.locator("table.offices blockquote.evidence").count() >= 1
    shot(page, "state", full=True)


def test_browser_entities_and_error_pages(page, base):
    page.goto(base + "/entities?kind=PERSON")
    assert page.locator("table.data tbody tr").count() >= 5
    shot(page, "entities")
    page.goto(base + "/entity/nobody")
    assert page.inner_text(".error-page .status") == "404"
    shot(page, "error")


# ------------------------------------------------------------------ the seed chapter

@pytest.fixture(scope="module")
def seed_base(tmp_path_factory, seed_path) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("seed-browser") / "seed.db"
    report = cliograph.ingest([seed_path], db=db)
    assert report.ok, report.failed
    with serving(db) as url:
        yield url, db


def test_browser_seed_reader_and_state(page, seed_base):
    url, db = seed_base
    store = Store(db, create=False)
    doc_id = store.documents()[0]["id"]
    found = store.db.execute(
        "select count(*) from facts f join entities s on s.id = f.subject_id"
        " join entities o on o.id = f.object_id where f.type = 'HOLDS_OFFICE'"
        " and s.name like '%Stalin%' and o.name like '%General Secretary%'").fetchone()[0]
    store.close()
    page.goto(f"{url}/document/{doc_id}")
    page.wait_for_selector("#text a.m")
    assert page.locator("#text .fnref").count() >= 1
    shot(page, "seed-reader")
    page.goto(f"{url}/state?date=1922-05-01")
    page.wait_for_selector("h1 .date")
    shot(page, "seed-state", full=True)
    if not found:
        pytest.xfail("the pipeline does not extract Stalin → General Secretary from the seed yet")
    text = " | ".join(page.locator("table.offices tbody tr").all_inner_texts())
    assert "General Secretary" in text and "Stalin" in text
