"""Give every sentence a time: the dates it states, else the story's current time.

Historians' prose moves forward through time and leaves most dates implicit, so an
underspecified date ("on 30 May", "that summer") takes its year from the most recent
explicit one (HeidelTime's narrative mode), and such values are marked inferred.
"""

from __future__ import annotations

from dataclasses import replace

from .. import timex
from ..model import When
from .document import Document


def anchor(d: Document) -> None:
    """Fill ``d.sentence_dates`` and ``d.sentence_time``."""
    narrative = timex.Narrative()
    d.sentence_dates = []
    d.sentence_time = []
    for sent in d.sents:
        found = []
        spans = [e for e in sent.ents if e.label_ == "DATE"]
        covered = {t.i for e in spans for t in e}
        for s, e, _phrase in timex.find_dates(sent.text):
            span = sent.char_span(s, e, alignment_mode="expand")
            if span is not None and not any(t.i in covered for t in span):
                spans.append(span)
        for span in sorted(spans, key=lambda sp: sp.start):
            when = narrative.resolve(span.text)
            if when is not None:
                found.append((span, when))
        d.sentence_dates.append(found)
        if found:
            d.sentence_time.append(found[0][1])
        elif narrative.now is not None:
            now: When = narrative.now
            d.sentence_time.append(replace(now, inferred=True))
        else:
            d.sentence_time.append(None)
