"""cliograph: rebuild the system of power a history text describes.

    >>> import cliograph
    >>> report = cliograph.ingest(["examples/"], db="demo.db")   # doctest: +SKIP
    >>> store = cliograph.open("demo.db")                         # doctest: +SKIP
    >>> store.entity("Caesar")["kind"]                       # doctest: +SKIP
    'PERSON'
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path

from .errors import CliographError, ModelError, SourceError, StoreError, UsageError
from .model import KINDS, RELATION_TYPES, Entity, Factoid, Mention, SourceText, When


def open(db: str | Path) -> Store:  # noqa: A001 - mirrors sqlite3.connect / dbm.open
    """Open an existing cliograph database for reading.

    Example:
        >>> cliograph.open("cliograph.db").counts()   # doctest: +SKIP
        {'documents': 1, 'entities': 120, 'mentions': 900, 'facts': 80}
    """
    return Store(db, create=False)


from .ingest import IngestReport, ingest  # noqa: E402
from .store import Store  # noqa: E402

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
    "open",
]
