"""The records that flow between pipeline stages and into the store.

Offsets are always character offsets. Inside the pipeline they index the *cleaned*
text that spaCy saw; the ingest step maps them back to the *stored* text (what the
reader produced) before anything is written, so every offset in the database points
at the characters a reader of the source sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("PERSON", "BODY", "FACTION", "OFFICE", "POLICY", "EVENT", "PLACE")

RELATION_TYPES = (
    "HOLDS_OFFICE",
    "MEMBER_OF",
    "KIN",
    "ALLY",
    "OPPOSES",
    "SUPPORTS_POLICY",
    "OPPOSES_POLICY",
    "PARTICIPATES",
    "DECIDES",
    "HEALTH",
    "QUOTE",
    "BORN",
    "DIED",
    "HAPPENED",
)

#: Relation types whose object is not an entity (the spec's "(text)" / "(time, PLACE)").
NO_OBJECT = frozenset({"HEALTH", "HAPPENED", "BORN", "DIED"})

#: What a fact's single time means: when it happened, when it was said, or when the
#: sources show it in force (a state that held then and perhaps before and after).
#: A start and an end always bound the time the fact held.
TIME_SENSE: dict[str, str] = {
    **{t: "in force" for t in ("HOLDS_OFFICE", "MEMBER_OF", "KIN", "ALLY", "OPPOSES",
                               "SUPPORTS_POLICY", "OPPOSES_POLICY", "HEALTH")},
    **{t: "occurred" for t in ("PARTICIPATES", "DECIDES", "BORN", "DIED", "HAPPENED")},
    "QUOTE": "said",
}


@dataclass(frozen=True)
class Chapter:
    """A chapter or section of a source, as offsets into the stored text."""

    title: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceText:
    """What a reader makes of one input file, before any cleaning."""

    path: str
    text: str
    """The stored text: every offset downstream indexes into it."""
    title: str
    author: str | None = None
    format: str = "txt"
    chapters: tuple[Chapter, ...] = ()
    notes: tuple[str, ...] = ()
    """What the reader had to guess (e.g. legacy bytes in a UTF-8 file): ingest warnings."""
    date: str | None = None
    """The document's own date (EDTF), when known: its relative dates are read against it."""


@dataclass(frozen=True)
class Footnote:
    """A footnote reference found in the text (``victory.1``, ``[12]``, ``¹²``)."""

    label: str
    start: int
    """Offset of the marker in the stored text."""
    end: int


@dataclass(frozen=True)
class When:
    """A time value: an EDTF string at the precision the text gives.

    ``inferred`` is true when the text left the date implicit and the narrative
    supplied it ("on 30 May" after a paragraph set in 1922). ``julian`` keeps the
    Old Style value where the source gives both calendars.
    """

    value: str
    inferred: bool = False
    julian: str | None = None


@dataclass
class Mention:
    """A stretch of text that names (or stands for) an entity."""

    start: int
    end: int
    text: str
    kind: str
    source: str
    """The rule or model that found it, e.g. ``spacy.ner`` or ``mentions.office.v1``."""
    entity: int | None = None
    """Index of the document-local entity it belongs to, once resolved."""
    tokens: tuple[int, int] = (0, 0)
    """Token span in the parsed document (pipeline use only; not stored)."""


@dataclass
class Entity:
    """A document-local entity: one real-world referent named in one document."""

    name: str
    kind: str
    aliases: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """alias -> (start, end, rule) of the mention that justifies it."""
    mentions: list[int] = field(default_factory=list)
    """Indexes into the document's mention list."""


@dataclass(frozen=True)
class Factoid:
    """One assertion that one passage of one source makes.

    ``subject`` and ``object`` are document-local entity indexes; ``object`` is None
    for the relation types that take text or time instead of an entity.
    """

    type: str
    subject: int
    object: int | None
    start: int
    """Evidence span (the sentence or sentences that state it)."""
    end: int
    extractor: str
    """Versioned rule name, e.g. ``offices.appointment.v1``."""
    confidence: float
    when: When | None = None
    start_time: When | None = None
    end_time: When | None = None
    role: str | None = None
    topic: str | None = None
    condition: str | None = None
    text: str | None = None
    place: int | None = None
    body: int | None = None
    end_basis: str | None = None
    """Why an inferred end is where it is: ``death``, ``successor``, ``dissolution`` or ``horizon``
    (the latest date the document speaks of); None when the text states the end."""


@dataclass
class Analysis:
    """Everything the store keeps about one source, in stored-text offsets: what the
    pipeline hands the store (defined here so that the store needs no pipeline)."""

    source: SourceText
    sentences: list[tuple[int, int]]
    footnotes: list[Footnote]
    mentions: list[Mention]
    entities: list[Entity]
    factoids: list[Factoid]
