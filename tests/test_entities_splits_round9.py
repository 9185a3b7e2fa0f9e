"""Splits by class, round nine (issue 13): one referent named two ways is one entity, and two
referents stay two. Sentences of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import the_entity

pytestmark = pytest.mark.model


def test_an_event_named_of_a_person_is_the_one_his_possessive_names(analysed):
    d = analysed("In 1815 the allies sent Napoleon Bonaparte to Saint Helena. The banishment of Napoleon "
                 "Bonaparte lasted until his death in 1821. Las Cases shared the banishment of Napoleon, and "
                 "later Napoleon wrote of his banishment with bitterness.")
    e = the_entity(d, "banishment of Napoleon Bonaparte")
    assert the_entity(d, "his banishment") is e and e.kind == "EVENT"
