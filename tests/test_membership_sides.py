"""Membership said by a copula (issue 12): 'its leaders were X and Y', 'their leaders were
radicals like X'; on small texts of other periods (none from the gold chapters)."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def test_leaders_named_as_examples_after_a_copula(analysed):
    d = analysed("The Chartists met at Birmingham in 1839. Their leaders were radicals like "
                 "Feargus O'Connor and William Lovett.")
    members = pairs(d, "MEMBER_OF")
    assert ("Feargus O'Connor", "Chartists") in members
    assert ("William Lovett", "Chartists") in members
    assert {f.role for f in d.factoids if f.type == "MEMBER_OF"} == {"leader"}


def test_a_negated_copula_names_no_leaders(analysed):
    d = analysed("The Chartists met at Birmingham in 1839. Their leaders were never radicals like "
                 "Feargus O'Connor and William Lovett.")
    assert ("Feargus O'Connor", "Chartists") not in pairs(d, "MEMBER_OF")
