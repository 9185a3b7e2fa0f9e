"""Which learned model reads a store's documents: the shipped one, or the store's own.

``cliograph train --db STORE`` writes a model adjusted to the store's corrections and
records its path in the store (``_meta``, key ``learned_model``), so that every later
ingest into that store (the next chapter, the next book of the library) reads with it,
with no option to remember. ``ingest --relations-model`` chooses for one run: a model file
(another store's, to carry a historian's corrections to a new store), ``shipped``, or
``none`` (rules only).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..store import Store
from .logreg import Model

META_KEY = "learned_model"
SHIPPED, NONE = "shipped", "none"


def default_path(db: str | Path) -> Path:
    """Where ``train --db`` writes when not told: beside the store (``library.db`` ->
    ``library.learned.npz``)."""
    db = Path(db)
    return db.with_name(db.stem + ".learned.npz")


def recorded(store: Store) -> str | None:
    """The model path recorded in the store, if any."""
    if "_meta" not in store.db.table_names():
        return None
    row = store.db.execute("select value from _meta where key = ?", [META_KEY]).fetchone()
    return row[0] if row else None


def record(store: Store, path: str | Path | None) -> None:
    """Make ``path`` the store's model for later ingests (None: back to the shipped one)."""
    if path is None:
        store.db.execute("delete from _meta where key = ?", [META_KEY])
    else:
        store.db["_meta"].upsert({"key": META_KEY, "value": str(Path(path).resolve())}, pk="key")
    store.db.conn.commit()


def load(path: str | Path) -> Model:
    """A model file, or a one-line error saying why it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"no learned model at {path}; `cliograph train --db STORE` writes one")
    try:
        return Model.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise UsageError(f"{path} is not a cliograph learned model ({exc})") from exc


def chosen(store: Store, option: str | None, shipped: Model | None) -> tuple[Model | None, str]:
    """The model an ingest into ``store`` uses, and a name for it: ``option`` (a path,
    ``shipped`` or ``none``) when given, else the one recorded in the store, else
    ``shipped``."""
    choice = option or recorded(store) or SHIPPED
    if choice == SHIPPED:
        return shipped, SHIPPED
    if choice == NONE:
        return None, NONE
    if option is None and not Path(choice).is_file():
        raise UsageError(f"this store reads with the learned model {choice}, which is gone;"
                         " train it again (`cliograph train --db`) or ingest with"
                         " --relations-model shipped")
    return load(choice), str(Path(choice).resolve())
