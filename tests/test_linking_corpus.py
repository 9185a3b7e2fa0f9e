"""Cross-document identity on real chapters: the seven gold chapters and the examples in
one store give the same entity table whichever order they come in, and no entity stands
for two people whom the gold files tell apart (Washington is not Hamilton, James Wilson
of 1787 is not Woodrow Wilson)."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import EXAMPLES, SHARED, need_shared

import cliograph
from cliograph.store import Store

pytestmark = pytest.mark.model


def referee():
    path = need_shared(SHARED / "tools" / "score.py", "the referee's scorer")
    spec = importlib.util.spec_from_file_location("referee", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chapters() -> list[tuple[Path, dict]]:
    """(source text, gold) for each gold chapter."""
    out = []
    for gold_path in sorted(need_shared(SHARED / "gold", "the gold chapters").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold.get("document") or gold_path.stem + ".txt"
        source = next(p for p in (SHARED / "seed" / name, SHARED / "corpus" / name) if p.exists())
        out.append((source, gold))
    return out


def entity_table(db: Path) -> list[tuple]:
    store = Store(db, create=False)
    rows = sorted(store.db.execute("select id, kind, name, ambiguous from entities"))
    store.close()
    return rows


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> tuple[Path, Path, list[tuple[Path, dict]]]:
    found = chapters()
    files = [source for source, _ in found] + sorted(EXAMPLES.iterdir())
    folder = tmp_path_factory.mktemp("corpus")
    forward, backward = folder / "forward.db", folder / "backward.db"
    assert cliograph.ingest(files, db=forward).ok
    assert cliograph.ingest(files[::-1], db=backward, jobs=2).ok
    return forward, backward, found


def test_the_corpus_store_has_one_entity_table_in_either_order(stores):
    forward, backward, _ = stores
    table = entity_table(forward)
    assert len(table) > 500
    assert entity_table(backward) == table


def test_no_entity_of_the_corpus_store_is_two_people_of_the_gold(stores):
    """Each document's view of a stored person (its name and the words of its mentions
    there) is mapped to that chapter's gold by the referee; a stored person may meet the
    same gold person in several chapters (Lenin, Trotsky) but never two gold people."""
    forward, _, found = stores
    ref = referee()
    store = Store(forward, create=False)
    docs = {Path(src).name: doc for doc, src in store.db.execute("select id, source from documents")}
    people: dict[str, set[str]] = defaultdict(set)
    for source, gold in found:
        rows = store.db.execute(
            "select e.id, e.name, m.text from mentions m join entities e on e.id = m.entity_id "
            "where m.doc_id = ? and e.kind = 'PERSON'", [docs[source.name]])
        names: dict[str, set[str]] = defaultdict(set)
        for eid, name, text in rows:
            names[eid] |= {name, text}
        view = [{"id": e, "kind": "PERSON", "name": sorted(n)[0], "aliases": sorted(n)}
                for e, n in names.items()]
        gold_people = [g for g in gold["entities"] if g["kind"] == "PERSON"]
        for eid, gid in ref.map_entities(view, gold_people).items():
            if gid is not None:
                people[eid].add(gid)
    store.close()
    merged = {eid: gids for eid, gids in people.items() if len(gids) > 1}
    assert not merged, merged
