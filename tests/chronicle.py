"""A small store built by direct inserts that mirror the schema, so the query and web code
is tested on known facts whatever the pipeline extracts today.

Two short documents: a chronicle of 1921-1923 (with a BC coda for the calendar) and a
second source that repeats one of its claims at a coarser date. Offsets are computed from
the text, so every mention and evidence span points at the right characters.
"""

from __future__ import annotations

import hashlib
from typing import Any

from cliograph.names import norm
from cliograph.query import bounds
from cliograph.store import Store

ENTITIES = {
    "joseph-stalin": ("PERSON", "Joseph Stalin"),
    "vyacheslav-molotov": ("PERSON", "Vyacheslav Molotov"),
    "grigori-zinoviev": ("PERSON", "Grigori Zinoviev"),
    "leon-trotsky": ("PERSON", "Leon Trotsky"),
    "lenin": ("PERSON", "Lenin"),
    "nadezhda-krupskaya": ("PERSON", "Nadezhda Krupskaya"),
    "sulla": ("PERSON", "Sulla"),
    "julius-caesar": ("PERSON", "Julius Caesar"),
    "general-secretary": ("OFFICE", "General Secretary"),
    "responsible-secretary": ("OFFICE", "Responsible Secretary"),
    "dictator": ("OFFICE", "Dictator"),
    "central-committee": ("BODY", "Central Committee"),
    "politburo": ("BODY", "Politburo"),
    "left-opposition": ("FACTION", "Left Opposition"),
    "new-economic-policy": ("POLICY", "New Economic Policy"),
    "autonomisation": ("POLICY", "autonomisation"),
    "kronstadt-mutiny": ("EVENT", "Kronstadt mutiny"),
    "rome": ("PLACE", "Rome"),
}

#: (sentence, [(surface, entity id)], [fact fields]); subject/object/body are entity ids.
CHRONICLE = [
    ("In April 1922 Joseph Stalin was appointed General Secretary of the Central Committee.",
     [("Joseph Stalin", "joseph-stalin"), ("General Secretary", "general-secretary"),
      ("Central Committee", "central-committee")],
     [{"type": "HOLDS_OFFICE", "subject": "joseph-stalin", "object": "general-secretary",
       "body": "central-committee", "time_start": "1922-04"}]),
    ("Vyacheslav Molotov had served as Responsible Secretary since March 1921.",
     [("Vyacheslav Molotov", "vyacheslav-molotov"),
      ("Responsible Secretary", "responsible-secretary")],
     [{"type": "HOLDS_OFFICE", "subject": "vyacheslav-molotov", "object": "responsible-secretary",
       "time_start": "1921-03"}]),
    ("In 1921 Stalin and Grigori Zinoviev stood together against Trotsky.",
     [("Stalin", "joseph-stalin"), ("Grigori Zinoviev", "grigori-zinoviev"),
      ("Trotsky", "leon-trotsky")],
     [{"type": "ALLY", "subject": "joseph-stalin", "object": "grigori-zinoviev", "time": "1921"},
      {"type": "OPPOSES", "subject": "grigori-zinoviev", "object": "leon-trotsky",
       "time": "1921"}]),
    ("Trotsky joined the Left Opposition in October 1923.",
     [("Trotsky", "leon-trotsky"), ("Left Opposition", "left-opposition")],
     [{"type": "MEMBER_OF", "subject": "leon-trotsky", "object": "left-opposition",
       "time_start": "1923-10", "role": "leader"}]),
    ("Nadezhda Krupskaya, Lenin's wife, sided with him against autonomisation in September 1922.",
     [("Nadezhda Krupskaya", "nadezhda-krupskaya"), ("Lenin", "lenin"),
      ("autonomisation", "autonomisation")],
     [{"type": "KIN", "subject": "nadezhda-krupskaya", "object": "lenin", "role": "wife"},
      {"type": "OPPOSES_POLICY", "subject": "lenin", "object": "autonomisation",
       "time": "1922-09"}]),
    ("The Politburo adopted the New Economic Policy on 8 February 1921, and Stalin defended it.",
     [("Politburo", "politburo"), ("New Economic Policy", "new-economic-policy"),
      ("Stalin", "joseph-stalin")],
     [{"type": "DECIDES", "subject": "politburo", "object": "new-economic-policy",
       "time": "1921-02-08"},
      {"type": "SUPPORTS_POLICY", "subject": "joseph-stalin", "object": "new-economic-policy",
       "time": "1922", "inferred": 1}]),
    ("The Kronstadt mutiny broke out on 1 March 1921 and was crushed by 18 March.",
     [("Kronstadt mutiny", "kronstadt-mutiny")],
     [{"type": "HAPPENED", "subject": "kronstadt-mutiny", "time": "1921-03-01/1921-03-18"}]),
    ("Lenin suffered his first stroke in May 1922.",
     [("Lenin", "lenin")],
     [{"type": "HEALTH", "subject": "lenin", "condition": "first stroke", "time": "1922-05"}]),
    ("Long before, Sulla was made Dictator in 82 BC.",
     [("Sulla", "sulla"), ("Dictator", "dictator")],
     [{"type": "HOLDS_OFFICE", "subject": "sulla", "object": "dictator", "time_start": "-0082"}]),
    ("Julius Caesar was named Dictator in 49 BC and killed in Rome on 15 March 44 BC.",
     [("Julius Caesar", "julius-caesar"), ("Dictator", "dictator"), ("Rome", "rome")],
     [{"type": "HOLDS_OFFICE", "subject": "julius-caesar", "object": "dictator",
       "time_start": "-0049"},
      {"type": "DIED", "subject": "julius-caesar", "place": "rome", "time": "-0044-03-15"}]),
]

SECOND_SOURCE = [
    ("Stalin became General Secretary in 1922, a post that seemed dull to his rivals.",
     [("Stalin", "joseph-stalin"), ("General Secretary", "general-secretary")],
     [{"type": "HOLDS_OFFICE", "subject": "joseph-stalin", "object": "general-secretary",
       "time": "1922"}]),
]


def _doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def add_document(store: Store, title: str, sentences: list[tuple[str, list, list]],
                 entities: dict[str, tuple[str, str]] | None = None) -> str:
    """Insert one document with its sentences, mentions, aliases and facts; return its id.
    ``entities`` (id -> (kind, name)) default to the chronicle's."""
    entities = ENTITIES if entities is None else entities
    text = "\n\n".join(s for s, _, _ in sentences) + "\n"
    doc_id = _doc_id(text)
    db = store.db
    db["documents"].insert({
        "id": doc_id, "source": f"tests/{title.lower().replace(' ', '-')}.txt", "title": title,
        "author": "cliograph tests", "format": "txt", "text": text, "n_words": len(text.split()),
        "chapters": "[]", "pipeline": "tests", "ingested_at": "2024-01-01T00:00:00+00:00",
    }, replace=True)
    for eid, (kind, name) in entities.items():
        db["entities"].insert({"id": eid, "kind": kind, "name": name, "ambiguous": 0},
                              ignore=True)
    pos = 0
    for n, (sentence, mentions, facts) in enumerate(sentences):
        start = text.index(sentence, pos)
        end = start + len(sentence)
        pos = end
        db["sentences"].insert({"doc_id": doc_id, "start": start, "end": end, "text": sentence})
        cursor = start
        for surface, eid in mentions:
            m_start = text.index(surface, cursor if cursor < end else start)
            cursor = m_start + len(surface)
            db["mentions"].insert({"doc_id": doc_id, "entity_id": eid, "start": m_start,
                                   "end": m_start + len(surface), "text": surface,
                                   "kind": entities[eid][0], "source": "tests"})
            db["aliases"].insert({"entity_id": eid, "alias": surface, "norm": norm(surface),
                                  "doc_id": doc_id, "start": m_start, "end": m_start + len(surface),
                                  "rule": "tests"}, ignore=True)
        for k, f in enumerate(facts):
            db["facts"].insert(_fact_row(doc_id, n, k, start, end, sentence, f))
    return doc_id


def _fact_row(doc_id: str, n: int, k: int, start: int, end: int, sentence: str,
              f: dict[str, Any]) -> dict[str, Any]:
    first = f.get("time") or f.get("time_start") or f.get("time_end")
    last = f.get("time") or f.get("time_end") or f.get("time_start")
    lo = bounds(first)[0] if first and bounds(first) else None
    hi = bounds(last)[0] if last and bounds(last) else None
    return {
        "id": hashlib.sha1(f"{doc_id}|{n}|{k}".encode()).hexdigest()[:16],
        "doc_id": doc_id, "type": f["type"], "subject_id": f["subject"],
        "object_id": f.get("object"), "time": f.get("time"), "time_start": f.get("time_start"),
        "time_end": f.get("time_end"), "inferred": f.get("inferred", 0), "julian": None,
        "end_basis": f.get("end_basis"),
        "sort_from": lo, "sort_to": hi if hi is not None else lo, "role": f.get("role"),
        "topic": f.get("topic"), "condition": f.get("condition"), "text": f.get("text"),
        "place_id": f.get("place"), "body_id": f.get("body"), "evidence_start": start,
        "evidence_end": end, "evidence": sentence, "extractor": "tests.chronicle.v1",
        "confidence": 0.9,
    }


def build(store: Store) -> dict[str, str]:
    """Add both documents; return their ids by name."""
    return {"chronicle": add_document(store, "A Chronicle of the Secretariat", CHRONICLE),
            "second": add_document(store, "A Second Source", SECOND_SOURCE)}
