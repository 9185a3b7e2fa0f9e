"""Rule data shipped with the package, validated when loaded.

Lexicons are plain JSON so that a historian can read and extend them; a malformed
file fails loudly at start-up with its name, never halfway through an ingest.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import RuleError

M = TypeVar("M", bound=BaseModel)


class Lexicon(BaseModel):
    """Word lists the mention, entity and relation stages share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    body_heads: frozenset[str]
    place_heads: frozenset[str]
    office_heads: frozenset[str]
    office_lower_heads: frozenset[str]
    collegiate_offices: frozenset[str] = frozenset()
    """Offices held by several at once, so the plural names the office ('the consuls', 'the tribunes')."""
    rising_groups: frozenset[str] = frozenset()
    """Plurals for those who act together against the powers that be ('the conspirators')."""
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
