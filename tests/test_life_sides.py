"""Deaths said by a list of passive verbs and by 'put to death' (issue 12); on small texts
of other periods (none from the gold chapters)."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "who"), [
    # the killing verb last in a list of passives that share one 'was'
    ("In 1536 Thomas Cromwell was betrayed, seized, and hanged.", "Thomas Cromwell"),
    # 'put to death', passive and active
    ("In 1685 Alice Lisle was put to death by George Jeffreys.", "Alice Lisle"),
    ("In 1793 Robespierre put Georges Danton to death.", "Georges Danton"),
])
def test_deaths_by_passive_lists_and_put_to_death(analysed, text, who):
    assert (who, None) in pairs(analysed(text), "DIED")


@pytest.mark.parametrize("text", [
    "Georges Danton was put to the test by Robespierre.",
    "In 1685 Alice Lisle was never put to death by George Jeffreys.",
    # the killer of a list with its own subject is not the one killed
    "In 1536 Thomas Cromwell was betrayed, and the King hanged the traitors.",
])
def test_no_death_where_none_is_stated(analysed, text):
    d = analysed(text)
    assert not {w for w, _ in pairs(d, "DIED")} & {"Georges Danton", "Alice Lisle", "Thomas Cromwell"}
