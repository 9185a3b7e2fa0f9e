"""Exporters, one module per format, registered in ``EXPORTERS`` by format name."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from ..errors import UsageError
from ..store import Store
from .json import write_json

Exporter = Callable[..., None]

EXPORTERS: dict[str, Exporter] = {"json": write_json}


def export(store: Store, fmt: str, out: IO[str], **options: object) -> None:
    """Write the store in a format to an open text stream."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise UsageError(
            f"unknown export format '{fmt}'; choose one of: {', '.join(sorted(EXPORTERS))}"
        ) from None
    exporter(store, out, **options)
