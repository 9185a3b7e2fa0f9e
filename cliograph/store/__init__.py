"""The SQLite store (see ``migrations`` for the schema)."""

from .db import DEFAULT_DB, Store, document_id
from .migrations import MIGRATIONS, migrate

__all__ = ["DEFAULT_DB", "MIGRATIONS", "Store", "document_id", "migrate"]
