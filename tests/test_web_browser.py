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
Cæsar was consul in 59 BC, and Pompeius was his ally.
"""

#: A source whose title is long and has a long word: no page may scroll sideways for it.
LONG_TITLE = ("memoirs_of_the_commissariat_" + "narkomindel" * 6 + "_and_the_reminiscences"
              "_of_a_witness_to_revolution_and_civil_war")


@contextmanager
def serving(db: Path, edit: bool = False) -> Iterator[str]:
    """The app (editing when ``edit``) on a free loopback port, in a thread; yields its
    base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(make_app(db, edit=edit), host="127.0.0.1", port=port, log_level="warning")
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
    memoir = folder / (LONG_TITLE + ".txt")  # a text file's title is its file name
    memoir.write_text("In 1923 Joseph Stalin met Lenin.\n", encoding="utf-8")
    db = folder / "browser.db"
    report = cliograph.ingest([folder / "secretariat.txt", memoir], db=db)
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


# ------------------------------------------------------------------ finding and filtering

def test_browser_search_caesar_reaches_the_caesar_spelled_with_a_ligature(page, base):
    page.goto(base + "/")
    page.fill("header .search input[name=q]", "Caesar")
    page.press("header .search input[name=q]", "Enter")
    page.wait_for_selector(".results.entities li")
    names = page.locator(".results.entities li a.ent").all_inner_texts()
    assert "Cæsar" in names, names
    page.locator(".results.entities li a.ent", has_text="Cæsar").first.click()
    page.wait_for_selector(".dossier-head h1")
    assert page.inner_text(".dossier-head h1") == "Cæsar"


def test_browser_entity_list_filtered_by_kind_and_text(page, base):
    page.goto(base + "/entities")
    everyone = page.locator("table.data tbody tr").count()
    page.locator(".kind-filter a.k-OFFICE").first.click()
    page.wait_for_url("**kind=OFFICE**")
    offices = page.locator("table.data tbody tr").count()
    assert 0 < offices < everyone
    page.fill("form.filters input[name=q]", "secretary")
    page.click("form.filters button")
    page.wait_for_url("**q=secretary**")
    names = page.locator("table.data a.ent").all_inner_texts()
    assert names and all("Secretary" in n for n in names) and len(names) < offices
    shot(page, "entities-filtered")


def test_browser_facts_table_filtered_and_exported_to_csv(page, base):
    page.goto(base + "/facts")
    every = page.locator("table.facts-table tbody tr").count()
    page.select_option("form.filters select[name=type]", "HOLDS_OFFICE")
    page.click("form.filters button")
    page.wait_for_url("**type=HOLDS_OFFICE**")
    rows = page.locator("table.facts-table tbody tr")
    assert 0 < rows.count() < every
    assert set(page.locator("table.facts-table tbody td:first-child code").all_inner_texts()) == {"HOLDS_OFFICE"}
    shot(page, "facts-table")
    with page.expect_download() as download:
        page.click("a.csv-link")
    lines = Path(download.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("id,type,subject") and len(lines) == rows.count() + 1
    assert all(",HOLDS_OFFICE," in line for line in lines[1:])
    page.locator("table.facts-table tbody tr a[href^='/document/']").first.click()
    page.wait_for_selector("#text .tgt")


def test_browser_map_draws_the_places_it_knows(page, base):
    page.goto(base + "/map")
    page.wait_for_selector("#map[data-points]")
    points = int(page.get_attribute("#map", "data-points"))
    assert points == page.locator("#map-points li").count()
    assert page.locator("#map path.leaflet-interactive").count() == points
    assert page.locator("#map .leaflet-overlay-pane path").count() > points  # the countries
    shot(page, "map")


def test_browser_dossier_opens_its_neighbourhood_with_a_steady_layout(page, base):
    page.goto(base + "/entity/joseph-stalin")
    page.click("a.net-link")
    page.wait_for_selector('#cy[data-drawn][data-window="all"] canvas')
    assert "entity=joseph-stalin" in page.url
    near = page.evaluate("() => fetch('/network.json?entity=joseph-stalin&depth=1').then(r => r.json())")
    assert int(page.get_attribute("#cy", "data-drawn")) == len(near["nodes"]) >= 2
    assert {n["steps"] for n in near["nodes"]} == {0, 1}
    assert page.get_attribute("#cy", "data-overlaps") == "0"
    first = page.get_attribute("#cy", "data-layout")
    shot(page, "network-neighbourhood")
    page.reload()
    page.wait_for_selector('#cy[data-drawn][data-window="all"] canvas')
    assert page.get_attribute("#cy", "data-layout") == first  # the same picture on reload
    page.select_option("#net-depth", "2")
    page.wait_for_url("**depth=2**")
    page.wait_for_selector('#cy[data-drawn][data-window="all"] canvas')
    assert int(page.get_attribute("#cy", "data-drawn")) > len(near["nodes"])  # Zinoviev's foes
    assert page.get_attribute("#cy", "data-overlaps") == "0"


PAGES = ["/", "/entities", "/facts", "/map", "/entity/joseph-stalin", "/timeline", "/network",
         "/network?entity=joseph-stalin",
         "/state?date=1922-05-01", "/search?q=Stalin"]
OVERFLOW_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_browser_pages_fit_the_screen(browser, base, width, height):
    """Screenshots of every page on a laptop and a phone, none scrolling sideways."""
    SHOTS.mkdir(exist_ok=True)
    p = browser.new_page(viewport={"width": width, "height": height})
    try:
        wide = {}
        for path in PAGES:
            p.goto(base + path)
            p.wait_for_load_state("networkidle")
            name = path.strip("/").split("?")[0].replace("/", "-") or "home"
            p.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)
            if (extra := p.evaluate(OVERFLOW_JS)) > 0:
                wide[path] = extra
        assert not wide, f"pages wider than a {width}px screen (by px): {wide}"
    finally:
        p.close()


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
    assert found, "the seed's General Secretary is no longer extracted"
    text = " | ".join(page.locator("table.offices tbody tr").all_inner_texts())
    assert "General Secretary" in text and "Stalin" in text
