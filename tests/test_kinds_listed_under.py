"""A name's kind from the class it is listed under ('their colleges comprising X, Y and Z', 'towns
such as X'), on texts of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import entity_named

pytestmark = pytest.mark.model


def test_names_listed_as_a_class_of_bodies_are_bodies(analysed):
    d = analysed("Of the Dutch envoys in 1713, most had studied abroad, their colleges comprising Leiden, "
                 "Utrecht, and Franeker besides the Scottish Aberdeen.")
    for name in ("Leiden", "Utrecht", "Franeker", "Scottish Aberdeen"):
        e = entity_named(d, name)
        assert e is not None and e.kind == "BODY", (name, [(x.name, x.kind) for x in d.entities])


def test_names_after_such_as_a_class_of_places_are_places(analysed):
    d = analysed("In 1915 the Germans shelled towns such as Ypres and Poperinghe every night.")
    for name in ("Ypres", "Poperinghe"):
        e = entity_named(d, name)
        assert e is not None and e.kind == "PLACE", (name, [(x.name, x.kind) for x in d.entities])


def test_a_name_outside_a_class_list_keeps_its_kind(analysed):
    d = analysed("In 1713 Bolingbroke sent Prior to Utrecht, where the envoys of Louis waited.")
    e = entity_named(d, "Utrecht")
    assert e is not None and e.kind == "PLACE"


def test_where_a_town_lies_is_a_place(analysed):
    d = analysed("The Venetians fortified Nauplia, the harbour below Larissa, against the Turks in 1686.")
    e = entity_named(d, "Larissa")
    assert e is not None and e.kind == "PLACE", [(x.name, x.kind) for x in d.entities]


def test_a_body_said_with_the_stays_a_body_when_once_in_apposition(analysed):
    d = analysed("In 1905 the Sobranje voted the budget. The deputies met in the Sobranje again in May. "
                 "The Sobranje refused the loan. The ministers, the Sobranje, the army were divided.")
    e = entity_named(d, "Sobranje")
    assert e is not None and e.kind == "BODY", [(x.name, x.kind) for x in d.entities]


def test_a_mans_name_ending_in_a_policy_word_is_a_man(analysed):
    d = analysed("In 1716 the Regent allowed John Law to found a bank in Paris, and Saint-Simon distrusted him.")
    e = entity_named(d, "John Law")
    assert e is not None and e.kind == "PERSON", [(x.name, x.kind) for x in d.entities]
