"""Facts a short elliptical sentence repeats for a new subject: 'His associates ... put
pressure on them to approve his scheme. So did the Transcaucasian Regional Committee.'"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span

from ...model import Factoid
from ...rules import limits
from ..document import Document
from .base import calibrated, entity_at

# the predicate facts a 'So did X' can repeat: what the previous sentence's verbs said
REPEATABLE = {"stance.policy_verb.v1", "stance.ally_verb.v1", "stance.oppose_verb.v1",
              "membership.active_verb.v1", "events.took_part.v1"}
RULE = "ellipsis.so_did.v1"
ACTORS = {"PERSON", "FACTION", "BODY", "PLACE"}
MAX_TOKENS = limits().tokens.ellipsis_clause


def ellipsis(d: Document, si: int, sent: Span) -> Iterator[Factoid]:
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if si == 0 or not 3 <= len(words) <= MAX_TOKENS or words[0].lower_ != "so" \
            or words[1].lemma_ not in ("do", "be", "have"):
        return
    subjects = [t for t in words[2:] if t.dep_ == "nsubj"]
    subject = entity_at(d, subjects[0], ACTORS) if subjects else None
    if subject is None:
        return
    before = d.sents[si - 1].start_char
    done = set()
    for f in d.factoids:
        if f.start != before or f.extractor not in REPEATABLE or (f.type, f.object) in done:
            continue
        done.add((f.type, f.object))
        if f.object != subject:
            yield replace(f, subject=subject, start=sent.start_char, end=sent.end_char, extractor=RULE,
                          confidence=calibrated().get(RULE, 0.6))
