"""Relation extractors, one module per family; ``EXTRACTORS`` is the registry the
pipeline runs, in order, over every sentence."""

from __future__ import annotations

from .base import Extractor
from .kin import kin
from .offices import holds_office

EXTRACTORS: dict[str, Extractor] = {
    "offices": holds_office,
    "kin": kin,
}

__all__ = ["EXTRACTORS", "Extractor"]
