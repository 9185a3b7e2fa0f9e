"""Rule data shipped with the package, validated when loaded.

Lexicons are plain JSON so that a historian can read and extend them; a malformed
file fails loudly at start-up with its name, never halfway through an ingest.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import RuleError

M = TypeVar("M", bound=BaseModel)
Kind = Literal["PERSON", "BODY", "FACTION", "OFFICE", "POLICY", "EVENT", "PLACE"]


class AmbiguousHead(BaseModel):
    """The kind each use of a head noun of two kinds takes (``None``: that use gives no kind)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Kind | None
    """When it heads a capitalised name: 'the Continental Congress' is a body."""
    numbered: Kind | None
    """After an ordinal: 'the Tenth Congress', 'the Second Council' are meetings."""
    common: Kind | None
    """As a lower-case noun after common nouns or alone: 'the party congress' is a meeting,
    and 'the congress' refers back to the last one (``relations.base.definite_reference``)."""


_HEAD_TABLES: dict[str, str] = {"BODY": "body_heads", "EVENT": "event_heads", "PLACE": "place_heads",
                                "OFFICE": "office_heads", "POLICY": "policy_heads", "FACTION": "faction_heads"}


class Lexicon(BaseModel):
    """Word lists the mention, entity and relation stages share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ambiguous_heads: dict[str, AmbiguousHead] = {}
    """Head nouns whose kind depends on their use ('congress': a body by name, a meeting
    when numbered or said in lower case), named once in ``lexicon.json`` with the kind of
    each use. Loading adds each to the head table of its 'name' and 'common' kinds and to
    ``definite_kinds`` with its 'common' kind, so no kind table names it twice by hand."""

    body_heads: frozenset[str]
    place_heads: frozenset[str]
    office_heads: frozenset[str]
    office_lower_heads: frozenset[str]
    collegiate_offices: frozenset[str] = frozenset()
    """Offices held by several at once, so the plural names the office ('the consuls', 'the tribunes')."""
    rising_groups: frozenset[str] = frozenset()
    """Plurals for those who act together against the powers that be ('the conspirators')."""
    held_titles: frozenset[str]
    """Titles one person holds at a time, so 'the King' alone stands for the last one named
    King (``coref``)."""
    work_nouns: frozenset[str]
    """Nouns of what a person devises or makes, which his surname can modify ('the
    Froebel method', 'a Wagner opera'): the modifier is a person (``mentions``)."""
    post_words: frozenset[str]
    """Posts read only when said of a person or a place ('the satrap of Lydia'), never the
    head of a name (``relations.offices``)."""
    appoint_verbs: frozenset[str]
    """Verbs that give a person a post or a title ('appointed him consul', 'was crowned
    king'): read by the mention stage (the noun after them is a title) and by the offices rules."""
    appoint_to_post_verbs: frozenset[str]
    """Verbs of appointment the offices rules read, but after which the mention stage does
    not take a bare noun for a title ('promoted general', 'confirmed the nomination')."""
    acclaim_verbs: frozenset[str]
    """Verbs that give a title by rite or acclaim ('was hailed emperor', 'anointed king'):
    a title for the mention stage, not an appointment the offices rules state."""
    unreal_heads: frozenset[str]
    """Heads that make the clause under them only intended ('proposed to appoint X', 'tried
    to make X'): ``relations.base.asserted``; the events rules add their own in
    ``relations.json`` (``event.unreal_heads``)."""
    definite_kinds: dict[str, Kind]
    """Common nouns that, after 'the' or 'this', refer back to the last entity of their
    kind ('the faction', 'this scheme', 'the congress'): ``relations.base.definite_reference``."""
    person_titles: frozenset[str]
    event_heads: frozenset[str]
    event_need_modifier: frozenset[str]
    policy_heads: frozenset[str]
    faction_heads: frozenset[str]
    faction_suffixes: tuple[str, ...]
    kin_roles: dict[str, str]
    leading_verbs: dict[str, str]
    """Verbs of leading a body -> the post they describe ('headed the Cheka' -> 'head')."""
    kin_inverse: dict[str, dict[str, str]]
    female_words: frozenset[str]
    male_words: frozenset[str]
    speech_verbs: frozenset[str]
    person_verbs: frozenset[str]
    health_words: frozenset[str]
    place_preps: frozenset[str]
    not_names: frozenset[str]
    divine_names: frozenset[str] = frozenset()
    """Gods and saints, named in prayers, oaths and similes ('Satan', 'Zeus', 'the
    Redeemer'): alone, never an actor of the story (``mentions``)."""
    life_event_heads: frozenset[str] = frozenset()
    """What befalls one person and the story tells as an event of his life: 'the exile of
    Charles', 'the trial of Dreyfus' (``mentions``: with a named person only)."""
    monument_heads: frozenset[str] = frozenset()
    """Buildings and monuments a name places ('the temple at Olympia', 'the tomb of
    Hadrian'): the phrase is a place (``mentions``)."""
    music_nouns: frozenset[str] = frozenset()
    """What is heard of a piece of music ('the strains of the Marseillaise', 'the sound of
    Handel's Messiah'): the name after them is a work's title, no actor (``mentions``)."""
    devised_policy_nouns: frozenset[str] = frozenset()
    """Nouns of a way of doing things that a surname can name ('the Froebel method', 'the
    Schlieffen plan'): the whole phrase is a policy, the surname its deviser (``mentions``)."""

    @model_validator(mode="before")
    @classmethod
    def _spread_ambiguous_heads(cls, data: object) -> object:
        """Each ambiguous head into the tables of the kinds its uses take."""
        if not isinstance(data, dict) or not isinstance(data.get("ambiguous_heads"), dict):
            return data
        data = dict(data)
        heads = {w: a for w, a in data["ambiguous_heads"].items() if w != "_doc"}
        data["ambiguous_heads"] = heads
        data["definite_kinds"] = dict(data.get("definite_kinds", {}))
        for word, uses in heads.items():
            if not isinstance(uses, dict):
                continue  # the schema refuses it below, naming the field
            for use in ("name", "common"):
                table = _HEAD_TABLES.get(uses.get(use) or "")
                if table and word not in data.get(table, []):
                    data[table] = [*data.get(table, []), word]
            if uses.get("common"):
                data["definite_kinds"].setdefault(word, uses["common"])
        return data

    @property
    def numbered_kinds(self) -> dict[str, Kind]:
        """Head -> the kind an ordinal before it gives ('the Tenth Congress': EVENT)."""
        return {w: a.numbered for w, a in self.ambiguous_heads.items() if a.numbered}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SentencesBack(_Strict):
    """How many sentences back a reference may reach."""

    definite_description: int
    """'the scheme' carried on through an earlier 'the scheme' (``relations.base``)."""
    pronoun: int
    """A pronoun's antecedent (``coref``)."""
    title_holder: int
    """'the King' for the person last given that title (``coref``)."""
    recent_group: int
    """'these supporters' for the group just named (``relations.stance``)."""
    candidacy: int
    """What a confirmation confirms ('the Senate confirmed the nomination', ``relations.offices``)."""
    session: int
    """The congress a delegation goes to (``relations.events``)."""
    patient: int = 30
    """The one a sickroom passage tells was ill, for those who attend him (``relations.passage``)."""
    assaulted_event: int = 6
    """The event an assault on its place is part of ('the offensive on X', ``relations.events``)."""


class Tokens(_Strict):
    """Length limits, in tokens."""

    ellipsis_clause: int
    """The longest 'So did X' clause that repeats a predicate (``relations.ellipsis``)."""
    policy_name: int
    """The longest descriptive policy name (``mentions``)."""
    scene_opening: int
    """A date within this many tokens of a sentence's start sets the scene (``timeline``)."""


class KindVotes(_Strict):
    """What each piece of evidence weighs in the vote on a name's kind (``entities``)."""

    rule: float
    model: float
    context: float
    gazetteer: float
    """A little more than one context: 'Washington said' twice is still a man."""
    surname_shape: float
    place_shape: float
    """Above the model's lone guess (a person, on a tie)."""


class PronounScores(_Strict):
    """Bonuses in the choice of a pronoun's antecedent (``coref``)."""

    c_command: int
    """The nearest subject above the pronoun."""
    rule: int
    """Apposition, 'X and his Y'."""


class Limits(_Strict):
    """Every look-back window, length limit and vote weight the rules use, by name
    (``rules/limits.json``), so that one file holds what the gold chapters were measured with."""

    doc: str = Field(alias="_doc")
    sentences_back: SentencesBack
    tokens: Tokens
    kind_votes: KindVotes
    pronoun_scores: PronounScores


def load_json(name: str) -> object:
    """A JSON file from this package, with a one-line error naming it when malformed."""
    try:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
        return json.loads(text)
    except (OSError, ValueError) as exc:
        raise RuleError(f"rule file cliograph/rules/{name} cannot be read: {exc}") from exc


def validated(model: type[M], name: str) -> M:
    """A rule file read into its pydantic model: a malformed file fails at start-up with
    one line naming the file and the field."""
    try:
        return model.model_validate(load_json(name))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RuleError(f"rule file cliograph/rules/{name}: {where}: {first['msg']}") from exc


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return validated(Lexicon, "lexicon.json")


@lru_cache(maxsize=1)
def limits() -> Limits:
    return validated(Limits, "limits.json")
