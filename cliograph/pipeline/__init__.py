"""The pipeline: stages over one shared ``Document``, in a fixed, declared order.

    read -> clean (offset map) -> spaCy parse -> mentions -> entities (kind per document,
    who is who) -> coref (pronouns) -> timeline (dates, narrative time) -> relations

``analyse_many`` streams sources through ``nlp.pipe`` and yields one ``Analysis`` per
source, with every offset already mapped back to the stored text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language

from ..clean import CleanText, clean
from ..model import Analysis, SourceText
from . import coref, entities, mentions, quotations, timeline
from .document import Document
from .relations import EXTRACTORS
from .relations.kin import inferred_parents
from .relations.learned import learned_relations
from .relations.timing import settle

Stage = Callable[[Document], None]


def extract_relations(d: Document) -> None:
    """Run every registered extractor over every sentence, dropping exact repeats."""
    seen = set()
    for si, sent in enumerate(d.sents):
        for extractor in EXTRACTORS.values():
            for f in extractor(d, si, sent):
                key = (f.type, f.subject, f.object, f.start, f.role, f.text)
                if key not in seen:
                    seen.add(key)
                    d.factoids.append(f)


STAGES: tuple[tuple[str, Stage], ...] = (
    ("mentions", mentions.find),
    ("entities", entities.resolve),
    ("quotations", quotations.find),
    ("coref", coref.resolve),
    ("timeline", timeline.anchor),
    ("relations", extract_relations),
    ("learned", learned_relations),
    ("kinship", inferred_parents),
    ("time", settle),
)


def run_stages(d: Document) -> Document:
    for _name, stage in STAGES:
        stage(d)
    return d


def to_analysis(d: Document) -> Analysis:
    """Map every offset from the cleaned text back to the stored text."""
    span = d.clean.span_to_raw
    sentences = [span(s.start_char, s.end_char) for s in d.sents if s.text.strip()]
    ms = []
    for m in d.mentions:
        s, e = span(m.start, m.end)
        ms.append(replace(m, start=s, end=e, text=d.source.text[s:e]))
    ents = []
    for ent in d.entities:
        aliases = {a: (*span(s, e), rule) for a, (s, e, rule) in ent.aliases.items()}
        ents.append(replace(ent, aliases=aliases))
    facts = []
    for f in d.factoids:
        s, e = span(f.start, f.end)
        facts.append(replace(f, start=s, end=e))
    return Analysis(d.source, sentences, list(d.clean.footnotes), ms, ents, facts)


def parse_many(sources: Iterable[SourceText], nlp: Language,
               batch_size: int = 8) -> Iterator[Document]:
    """Clean and parse sources in batches, in input order; the stages are not run yet."""
    def cleaned() -> Iterator[tuple[str, tuple[SourceText, CleanText]]]:
        for src in sources:
            c = clean(src.text)
            yield c.text, (src, c)

    for doc, (src, c) in nlp.pipe(cleaned(), as_tuples=True, batch_size=batch_size):
        yield Document(source=src, clean=c, doc=doc)


def analyse_many(sources: Iterable[SourceText], nlp: Language,
                 batch_size: int = 8) -> Iterator[Analysis]:
    """Sources through the whole pipeline, one ``Analysis`` each."""
    for d in parse_many(sources, nlp, batch_size):
        yield to_analysis(run_stages(d))


def analyse(source: SourceText, nlp: Language) -> Analysis:
    """One source through the whole pipeline."""
    return next(analyse_many([source], nlp))
