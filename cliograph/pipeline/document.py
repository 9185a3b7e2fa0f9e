"""The one object every pipeline stage reads and adds to.

Stages run in order (see ``pipeline.STAGES``); each fills its own fields and may read
the fields of the stages before it, never those after. Offsets here index the cleaned
text (``doc.text``); ``to_raw`` converts them for the store.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..clean import CleanText
from ..model import Entity, Factoid, Mention, SourceText, When
from .variants import KEYED_KINDS, same_thing

if TYPE_CHECKING:
    from .quotations import Quote
    from .relations.quotes import Attribution


class Sentence(Span):
    """A sentence whose tokens are made once: some sixty extractors walk every sentence,
    and spaCy builds a new Token object on every step of every walk."""

    _tokens: tuple[Token, ...] | None = None

    def __iter__(self) -> Iterator[Token]:
        if self._tokens is None:
            self._tokens = tuple(Span.__iter__(self))
        return iter(self._tokens)


@dataclass
class DocumentCache:
    """What the stages remember about one document between sentences, by name and type.

    Each field names the module that writes it and those that read it: a stage may read
    what an earlier stage (or an earlier sentence of the same stage) wrote, never what a
    later one will. Everything here is derived and can be rebuilt from the document, so
    a fresh ``Document`` starts with it empty.
    """

    quoted_chars: tuple[list[int], list[int]] | None = None
    """Starts and ends of the union of quotations, in text order (``quotations.in_quotation``,
    built on first use after the ``quotations`` stage)."""
    demonyms: dict[str, int | None] = field(default_factory=dict)
    """A people's name -> the place entity it stands for, or None (``relations.base``)."""
    gender: dict[int, str] = field(default_factory=dict)
    """Entity -> 'male', 'female' or '' from titles, kin words and pronouns (``relations.kin``)."""
    speaker_gender: dict[int, str] = field(default_factory=dict)
    """Entity -> 'male', 'female' or '' from titles and kin nouns only (``relations.quotes``)."""
    attributions: dict[int, list[Attribution]] | None = None
    """Sentence of the reporting clause -> the quotations attributed there, all found on
    the first sentence (``relations.quotes``)."""
    titled: set[int] = field(default_factory=set)
    """Persons whose title was already read as an office they hold (``relations.offices``)."""
    joined_posts: dict[int, list[int]] = field(default_factory=dict)
    """An office -> the posts named with it as one ('Lord Steward and Viceroy') (``relations.offices``)."""
    told_happened: set[int] = field(default_factory=set)
    """Events whose HAPPENED fact is already told, once per event (written and read by
    ``relations.battles`` and ``relations.events``)."""
    event_parties: set[tuple[int, int]] = field(default_factory=set)
    """(party, event) pairs ``relations.battles`` and ``relations.passage`` made PARTICIPATES
    facts of; ``relations.events`` (which runs the battles rules first, per sentence) does
    not repeat them."""
    pending_commanders: list[tuple[int, Token, int, str]] = field(default_factory=list)
    """(sentence, verb, person, role) of commanders whose clause named no fight, waiting for
    the fight one of the next sentences names (``relations.passage``)."""
    delegation_session: tuple[int, int] | None = None
    """(sentence, event) of the congress the last list of delegations was about
    (``relations.events``)."""
    pattern_matches: dict[int, list[tuple[int, list[int]]]] | None = None
    """Sentence start -> (rule index, matched token indices) of the dependency patterns,
    matched once over the whole document on first use (``relations.patterns``)."""


@dataclass
class Document:
    source: SourceText
    clean: CleanText
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    """Found by ``mentions``; ``Mention.entity`` set by ``entities``."""
    entities: list[Entity] = field(default_factory=list)
    """Document-local entities, built by ``entities``."""
    token_mention: dict[int, int] = field(default_factory=dict)
    """Token index -> mention index, for every token inside a mention."""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) of each paragraph (``quotations``)."""
    quotations: list[Quote] = field(default_factory=list)
    """Every quotation, marked or block, in text order (``quotations``)."""
    pronoun_entity: dict[int, int] = field(default_factory=dict)
    """Token index of a resolved pronoun -> entity index (``coref``)."""
    pronoun_unknown: dict[int, str] = field(default_factory=dict)
    """Token index of a third-person pronoun left unresolved -> why (``coref``)."""
    sentence_time: list[When | None] = field(default_factory=list)
    """Per sentence: the time it is set at, explicit or narrative (``timeline``)."""
    sentence_dates: list[list[tuple[Span, When]]] = field(default_factory=list)
    """Per sentence: the dates stated in it, with their values."""
    sentence_inherited: list[When | None] = field(default_factory=list)
    """Per sentence: the narrative time it would have if it stated no date."""
    sentence_now: list[When | None] = field(default_factory=list)
    """Per sentence: the story's latest anchored date at its own precision (``timeline``)."""
    factoids: list[Factoid] = field(default_factory=list)
    described: dict[tuple[str, int], int] = field(default_factory=dict)
    """(role, entity) -> the derived entity for that role of it ('head', the Secretariat)."""
    cache: DocumentCache = field(default_factory=DocumentCache, repr=False)
    """Per-document memory of the stages (named, typed; see ``DocumentCache``)."""

    @property
    def text(self) -> str:
        """The parsed text (``doc.text`` rebuilds it from the tokens on every call)."""
        return self.clean.text

    @cached_property
    def sents(self) -> list[Span]:
        """The parse's sentences, listed once (``doc.sents`` walks the tokens on each call)."""
        return [Sentence(self.doc, s.start, s.end) for s in self.doc.sents]

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sent_index(self, token: Token) -> int:
        """Index of the sentence holding a token."""
        return bisect_right(self._sent_starts, token.i) - 1

    def paragraph_at(self, char: int) -> tuple[int, int] | None:
        """The (start, end) of the paragraph holding a character offset, if any."""
        k = bisect_right(self.paragraphs, char, key=lambda p: p[0]) - 1
        if k >= 0 and char < self.paragraphs[k][1]:
            return self.paragraphs[k]
        return None

    def entity_of_token(self, token: Token) -> int | None:
        """The entity a token names or (for a pronoun) stands for."""
        m = self.token_mention.get(token.i)
        if m is not None:
            return self.mentions[m].entity
        return self.pronoun_entity.get(token.i)

    def add_entity(self, name: str, kind: str, start: int, end: int, rule: str,
                   same_as: tuple[str, int] | None = None, tokens: tuple[int, int] | None = None) -> int:
        """An entity an extractor derives from a description ('deputy leader of the
        Commissariat of Enlightenment' from 'the Commissariat ..., whose deputy leader
        was ...'); the same name and kind give the same entity, and so does the same
        ``same_as`` key (the head of one body, described as 'in charge of the Secretariat'
        and 'led the Central Committee Secretariat'), whose later names become aliases.
        The alias is justified by the span that describes it; ``tokens``, when given,
        make later extractors see the entity there."""
        for i, e in enumerate(self.entities):
            if e.kind == kind and (e.name == name or name in e.aliases):
                return i
        # ('the Danish king' after 'the king of the Danes': one office worded round)
        variant = next((i for i, e in enumerate(self.entities) if e.kind == kind and kind in KEYED_KINDS
                        and any(same_thing(name, a) for a in (e.name, *e.aliases))), None)
        if variant is not None:
            index = variant
            self.entities[index].aliases[name] = (start, end, rule)
            if same_as is not None:
                self.described.setdefault(same_as, index)
        elif same_as is not None and same_as in self.described:
            index = self.described[same_as]
            self.entities[index].aliases[name] = (start, end, rule)
        else:
            self.entities.append(Entity(name=name, kind=kind, aliases={name: (start, end, rule)}))
            index = len(self.entities) - 1
            if same_as is not None:
                self.described[same_as] = index
        # a mention, so the store can show where the entity is described
        self.mentions.append(Mention(start, end, self.text[start:end], kind, rule, entity=index,
                                     tokens=tokens or (0, 0)))
        if tokens is not None:
            for t in range(*tokens):
                self.token_mention.setdefault(t, len(self.mentions) - 1)
        return index

    def mention_of_token(self, token: Token) -> Mention | None:
        m = self.token_mention.get(token.i)
        return self.mentions[m] if m is not None else None
