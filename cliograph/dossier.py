"""A dossier: one entity with everything the sources say about it, grouped by relation
type in time order, each fact with its evidence sentence. The terminal ``show`` command
and the web page both render this."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError
from .query import entities_named
from .store import Store


@dataclass
class Dossier:
    entity: dict[str, Any]
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Relation type -> facts (as stored rows plus subject/object names), in time order."""
    others: list[dict[str, Any]] = field(default_factory=list)
    """Other entities the same name stands for (the dossier is of the most mentioned)."""


def dossier(store: Store, name: str) -> Dossier:
    """The dossier of the entity with this id, name or alias.

    Example:
        >>> dossier(cliograph.open("cliograph.db"), "Caesar").entity["name"]
        'Cæsar'
    """
    found = entities_named(store, name)
    if not found:
        raise UsageError(f"no entity named '{name}'; find one with 'cliograph entities --name WORDS'")
    entity, *others = found
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.facts(entity_id=entity["id"]):
        grouped[row["type"]].append(row)
    return Dossier(entity, dict(grouped), others)


def when_text(row: dict[str, Any]) -> str:
    """'1922-04', '1921/1922', 'from 1922-04', 'to 1919-03', with '~' when inferred."""
    if row.get("time"):
        t = row["time"]
    elif row.get("time_start") or row.get("time_end"):
        t = f"{row.get('time_start') or '..'}–{row.get('time_end') or '..'}"
    else:
        return ""
    return f"{t} (inferred)" if row.get("inferred") else t
