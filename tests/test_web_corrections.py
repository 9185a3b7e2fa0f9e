"""Correcting the machine in a real browser (`cliograph serve --edit`): every correction
kind made with the pages' buttons and forms, seen on the pages, still there after the
source is read again, and undone from the corrections page. Debian's chromium through
Playwright, as in test_web_browser.py; screenshots go to screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_corrections import MORE, TEXT  # the same made-up page on the Reform crisis
from test_web_browser import ARGS, CHROMIUM, SHOTS, serving

import cliograph
from cliograph.store import Store

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not at /usr/bin/chromium"),
]



@pytest.fixture
def editing(tmp_path):
    source = tmp_path / "reform.txt"
    source.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "reform.db"
    assert cliograph.ingest([source], db=db).ok
    with serving(db, edit=True) as url:
        yield url, db, source


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        p = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        p.on("pageerror", lambda exc: errors.append(str(exc)))
        p.set_default_timeout(15_000)
        yield p
        browser.close()
    assert not errors, f"JavaScript errors: {errors}"


def row(page, text: str, type_: str | None = None):
    """The facts table's row whose text has ``text`` (and relation ``type_``)."""
    rows = page.locator("table.facts-table tbody tr", has_text=text)
    return rows.filter(has_text=type_) if type_ else rows


def struck(locator) -> bool:
    return "line-through" in locator.evaluate("el => getComputedStyle(el).textDecorationLine")


def select_words(page, words: str) -> None:
    """Select ``words`` in the reader's text as a mouse would."""
    page.evaluate("""words => {
        const text = document.getElementById("text");
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        const whole = text.textContent, at = whole.indexOf(words);
        let seen = 0, range = document.createRange(), started = false;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.nodeValue.length;
          if (!started && at < seen + len) { range.setStart(n, at - seen); started = true; }
          if (started && at + words.length <= seen + len) {
            range.setEnd(n, at + words.length - seen); break; }
          seen += len;
        }
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", words)


def reingest(source: Path, db: Path, text: str) -> None:
    source.write_text(text, encoding="utf-8")
    assert cliograph.ingest([source], db=db).ok


def test_browser_facts_confirm_reject_edit_add_then_reingest_and_undo(page, editing):
    base, db, source = editing
    page.goto(base + "/facts")
    assert "Editing is on" in page.inner_text(".editing-note")
    row(page, "opposed the Duke", "OPPOSES").locator("button.reject-btn").click()
    page.wait_for_load_state()
    assert row(page, "opposed the Duke", "OPPOSES").count() == 0  # rejected: hidden by default
    row(page, "member of the Tory").locator("button.confirm-btn").click()
    page.wait_for_load_state()
    assert row(page, "member of the Tory").locator(".badge.review").text_content() == "confirmed"
    page.goto(base + "/facts?review=all")
    rejected = row(page, "opposed the Duke", "OPPOSES")
    assert "review-rejected" in rejected.get_attribute("class")
    assert struck(rejected.locator("td").first)
    shot = SHOTS / "corrections-facts.png"
    page.screenshot(path=str(shot), full_page=True)

    # edit a fact on the dossier: its start date and role
    page.goto(base + "/entity/earl-grey")
    fact = page.locator("article.fact", has_text="Prime Minister")
    fact.locator("details.edit-fact summary").click()
    fact.locator("input[name=start]").fill("1830-11")
    fact.locator("input[name=role]").fill("first lord")
    fact.locator("button.save-btn").click()
    page.wait_for_load_state()
    fact = page.locator("article.fact", has_text="Prime Minister")
    assert fact.locator(".badge.review").text_content() == "corrected"
    assert "November 1830" in fact.inner_text() and "first lord" in fact.inner_text()

    # add a fact from a selection in the source reader
    doc = Store(db, create=False).documents()[0]["id"]
    page.goto(f"{base}/document/{doc}")
    assert page.locator("#add-fact").is_hidden()
    select_words(page, "Grey met Brougham in London")
    page.wait_for_selector("#add-fact:not([hidden])")
    assert page.inner_text("#add-evidence") == "Grey met Brougham in London"
    page.select_option("#add-fact select[name=type]", "ALLY")
    page.fill("#add-fact input[name=subject]", "earl-grey")
    page.fill("#add-fact input[name=object]", "Brougham")
    page.screenshot(path=str(SHOTS / "corrections-add.png"))
    page.click("#add-fact button.add-btn")
    page.wait_for_load_state()
    added = page.locator("#side-facts li.review-added")
    assert "Brougham" in added.inner_text(), page.content()[:3000]

    # the source changes and is read again: every correction is still there
    reingest(source, db, TEXT + MORE)
    page.goto(base + "/facts?review=all")
    assert "review-rejected" in row(page, "opposed the Duke", "OPPOSES").get_attribute("class")
    assert row(page, "member of the Tory").locator(".badge.review").text_content() == "confirmed"
    assert row(page, "Grey met Brougham").locator(".badge.review").text_content() == "added"
    assert "1830" in row(page, "Prime Minister").inner_text()

    # undo the rejection from the corrections page
    page.goto(base + "/corrections")
    assert page.locator("tr.applied").count() == 4
    page.locator("tr", has_text="reject fact").locator("button.undo-btn").click()
    page.wait_for_load_state()
    assert page.locator("tr.undone", has_text="reject fact").count() == 1
    page.goto(base + "/facts")
    assert row(page, "opposed the Duke", "OPPOSES").count() == 1


def test_browser_merge_split_rename_kind_alias_then_reingest_and_undo(page, editing):
    base, db, source = editing
    page.goto(base + "/entity/arthur-wellesley")
    page.fill(".merge-form input[name=into]", "duke-of-wellington")
    page.click(".merge-form button")
    page.wait_for_load_state()
    assert page.url.endswith("/entity/duke-of-wellington")
    assert page.locator(".dossier-head .badge.review").text_content() == "corrected"
    assert page.goto(base + "/entity/arthur-wellesley").status == 404
    assert "merged into 'duke-of-wellington'" in page.inner_text("main")

    page.goto(base + "/entity/earl-grey")
    page.click("details.split summary")
    boxes = page.locator(".split-form input[name=mention]")
    assert boxes.count() == 2
    boxes.nth(1).check()
    page.fill(".split-form input[name=name]", "Another Grey")
    page.screenshot(path=str(SHOTS / "corrections-split.png"), full_page=True)
    page.click(".split-form button")
    page.wait_for_load_state()
    assert page.url.endswith("/entity/another-grey")
    assert page.inner_text(".dossier-head h1") == "Another Grey"

    page.goto(base + "/entity/brougham")
    page.fill(".rename-form input[name=name]", "Henry Brougham")
    page.click(".rename-form button")
    page.wait_for_load_state()
    assert page.inner_text(".dossier-head h1") == "Henry Brougham"
    page.fill(".alias-form input[name=alias]", "Lord Chancellor")
    page.click(".alias-form button")
    page.wait_for_load_state()
    assert "Lord Chancellor" in page.inner_text(".aliases")
    page.goto(base + "/entity/london")
    page.select_option(".kind-form select[name=kind]", "BODY")
    page.click(".kind-form button")
    page.wait_for_load_state()
    assert "body" in page.inner_text(".dossier-head .badge.kind").lower()
    page.goto(base + "/entity/earl-grey")
    page.fill(".unalias-form input[name=alias]", "Grey")
    page.click(".unalias-form button")
    page.wait_for_load_state()

    reingest(source, db, TEXT + MORE)
    for path, name in (("/entity/brougham", "Henry Brougham"), ("/entity/another-grey",
                                                                  "Another Grey")):
        page.goto(base + path)
        assert page.inner_text(".dossier-head h1") == name
    assert page.goto(base + "/entity/arthur-wellesley").status == 404
    page.goto(base + "/corrections")
    assert page.locator("tr.applied").count() == 6 and page.locator("tr.lost").count() == 0
    page.screenshot(path=str(SHOTS / "corrections-list.png"), full_page=True)

    for what in ("merge", "split", "rename"):
        page.locator("tr.applied", has_text=what).locator("button.undo-btn").click()
        page.wait_for_load_state()
    assert page.goto(base + "/entity/arthur-wellesley").status == 200
    assert page.goto(base + "/entity/another-grey").status == 404
    page.goto(base + "/entity/brougham")
    assert page.inner_text(".dossier-head h1") == "Brougham"
