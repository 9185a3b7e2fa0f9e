"""Relation extractors, one module per family; ``EXTRACTORS`` is the registry the
pipeline runs, in order, over every sentence."""

from __future__ import annotations

from .affinity import affinity
from .base import Extractor
from .descriptions import described_measures
from .ellipsis import ellipsis
from .events import events
from .kin import kin
from .life import life
from .membership import membership, name_wings
from .offices import holds_office
from .patterns import pattern_facts
from .policies import policies
from .programmes import programmes
from .quotes import quotes
from .stance import stance

EXTRACTORS: dict[str, Extractor] = {
    "wings": name_wings,  # first: a wing's words stand for the wing in every rule after
    "offices": holds_office,
    "kin": kin,
    "membership": membership,
    "stance": stance,
    "affinity": affinity,
    "quotes": quotes,
    "life": life,
    "events": events,
    "patterns": pattern_facts,
    "policies": policies,
    "descriptions": described_measures,
    "programmes": programmes,
    "ellipsis": ellipsis,
}

__all__ = ["EXTRACTORS", "Extractor"]
