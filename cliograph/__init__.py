"""cliograph: rebuild the system of power a history text describes.

    >>> import cliograph
    >>> report = cliograph.ingest(["examples/"], db="cliograph.db")   # doctest: +SKIP
    >>> store = cliograph.open("cliograph.db")
    >>> store.entity("Caesar")["kind"]
    'PERSON'
    >>> "HOLDS_OFFICE" in {item["group"] for item in cliograph.timeline(store, entity="Washington")}
    True

(The examples in this package's docstrings run in ``tests/test_doctests.py`` against the
store of ``examples/`` that ``cliograph demo`` builds; the README's runs the ingest.)

Importing the package loads nothing heavy: ``ingest`` (spaCy, the rule files) and the
questions asked of a store (``timeline``, ``network``, ``state_on``, from ``query``) are
imported on first use (PEP 562), so that the web app, the exports and the read commands
start without spaCy. Exports are ``cliograph.export.export(store, fmt, out)``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CliographError, ModelError, SourceError, StoreError, UsageError
from .model import KINDS, RELATION_TYPES, Entity, Factoid, Mention, SourceText, When

if TYPE_CHECKING:
    from .ingestion import IngestReport, ingest
    from .query import network, state_on, timeline
    from .store import Store

#: Public name -> the module that defines it, imported when the name is first asked for.
_LAZY = {
    "ingest": "ingestion",
    "IngestReport": "ingestion",
    "Store": "store",
    "timeline": "query",
    "network": "query",
    "state_on": "query",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the name is
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cliograph' has no attribute '{name}'")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # once found, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def open(db: str | Path) -> Store:  # noqa: A001 - mirrors sqlite3.connect / dbm.open
    """Open an existing cliograph database for reading.

    Example:
        >>> sorted(cliograph.open("cliograph.db").counts().items())   # doctest: +ELLIPSIS
        [('documents', 4), ('entities', ...), ('facts', ...), ('mentions', ...)]
    """
    from .store import Store

    return Store(db, create=False)


__all__ = [
    "KINDS",
    "RELATION_TYPES",
    "CliographError",
    "Entity",
    "Factoid",
    "IngestReport",
    "Mention",
    "ModelError",
    "SourceError",
    "SourceText",
    "Store",
    "StoreError",
    "UsageError",
    "When",
    "__version__",
    "ingest",
    "network",
    "open",
    "state_on",
    "timeline",
]
