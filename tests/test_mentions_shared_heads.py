"""Names that share one plural head noun ('Leadenhall and Fenchurch Streets', 'the Soviets of
Saratov and Samara'): each is a name of its own, on texts of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import entity_named

pytestmark = pytest.mark.model


def test_a_plural_head_after_two_names_names_each(analysed):
    d = analysed("In 1666 the fire spread from Pudding Lane to the corner of Leadenhall and Fenchurch "
                 "Streets before the wind turned.")
    for street in ("Leadenhall Street", "Fenchurch Street"):
        e = entity_named(d, street)
        assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in d.entities]
    assert entity_named(d, "Fenchurch Streets") is None
    assert entity_named(d, "Leadenhall") is None


def test_a_plural_body_of_listed_towns_is_one_body_of_each(analysed):
    d = analysed("In the summer of 1918 the Soviets of Saratov, Samara and Kazan were scattered by the "
                 "Czech legionaries, who held the Volga for months.")
    for body in ("Soviet of Samara", "Soviet of Kazan"):
        e = entity_named(d, body)
        assert e is not None and e.kind == "BODY", [(x.name, x.kind) for x in d.entities]
    for town in ("Samara", "Kazan"):
        e = entity_named(d, town)
        assert e is not None and e.kind == "PLACE"


def test_a_plural_head_alone_is_left_as_it_is(analysed):
    d = analysed("The Soviets of Saratov met every week in the old theatre during 1918.")
    assert entity_named(d, "Soviet of Saratov") is None
    assert entity_named(d, "Soviets of Saratov") is not None
