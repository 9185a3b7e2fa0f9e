"""``Span.as_doc`` for many spans of one parse, without a walk over the whole document
per span.

Left to itself, ``Span.as_doc`` rebuilds the token array of the whole document on every
call (``Doc.to_array`` over every token) and then edits its own slice of it in place; a
stage that copies out one span per name or per sentence made that walk hundreds of
times per document. ``SpanDocs`` builds the array once and hands each call a copy of
its slice, so the copies are the ones ``as_doc`` would have made.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span

ENT_ATTRS = {ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID}


class SpanDocs:
    """One parse's token array, built once; ``as_doc(span)`` as ``span.as_doc()``."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.head = doc._get_array_attrs()
        self.array = doc.to_array(self.head)

    def __getitem__(self, key: slice) -> np.ndarray:
        # as_doc slices the array it is given and edits that slice: a copy each time
        return self.array[key].copy()

    def as_doc(self, span: Span) -> Doc:
        return span.as_doc(array_head=self.head, array=self)

    def parse_of(self, sent: Span) -> Doc:
        """A sentence whose tree lies inside it as a document of its own, with its words,
        tags, lemmas and parse but no entities: what matching on the parse needs, without
        ``as_doc``'s two walks over the document's entities."""
        keep = [k for k, a in enumerate(self.head) if a not in ENT_ATTRS]
        doc = Doc(self.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
        doc.from_array([self.head[k] for k in keep], self.array[sent.start:sent.end, keep])
        return doc
