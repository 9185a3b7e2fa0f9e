"""Splits by class (issue 13): one referent named two ways ends up as one entity, and names of
two referents stay two. Sentences of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import the_entity

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "one", "two"), [
    pytest.param(
        'Zapata fought for the Revolution in Morelos from 1911. Flores Magon preached a Social '
        'Revolution in his paper, and the Revolution was to free the peons. Historians of Mexico date '
        'the Mexican Revolution from 1910, and the Revolution ended with the new charter of 1917.',
        [('Revolution', 'Mexican Revolution')],
        [('Social Revolution', 'Revolution')], id='a_bare_event_is_the_one_of_its_land_not_a_hope_named_once'),
])
def test_one_referent_is_one_entity_and_two_stay_two(analysed, text, one, two):
    """``one``: pairs of names the text uses for one entity; ``two``: pairs it uses for two."""
    d = analysed(text)
    for a, b in one:
        assert the_entity(d, a) is the_entity(d, b), (a, b)
    for a, b in two:
        assert the_entity(d, a) is not the_entity(d, b), (a, b)
