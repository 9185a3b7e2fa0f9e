"""Court and constitutional history (issue 12): kinship listed after a clause, who a
speaker in a conversation addresses, illnesses, and attendance at the events of a court.
Every text is written for these tests, about other times and places than the gold chapters."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def kin_roles(d) -> set[tuple[str, str, str]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name, f.role)
            for f in d.factoids if f.type == "KIN"}


def kin_pairs(d) -> set[tuple[str, str]]:
    return {(a, b) for a, b, _ in kin_roles(d)}


# -- kinship -------------------------------------------------------------------------------

def test_children_listed_after_the_clause_are_the_owners(analysed):
    d = analysed("Queen Adelheid died in 1540. Her three sons stood beside the bier, "
                 "Prince Otto, Prince Karl and Prince Ludwig.")
    roles = kin_roles(d)
    for son in ("Prince Otto", "Prince Karl", "Prince Ludwig"):
        assert (son, "Queen Adelheid", "son") in roles
        assert ("Queen Adelheid", son, "mother") in roles
    # listed together, but the text does not say they are brothers of one mother and father
    assert ("Prince Otto", "Prince Karl") not in kin_pairs(d)


def test_a_mother_named_inside_the_list_is_not_one_of_the_children(analysed):
    d = analysed("King Ludwig fell ill in the winter. His natural children were brought to his "
                 "bedside, the Counts of Arnsberg, Lindau, and Werden, and the Baron of Kalm, "
                 "son of Margarethe Weiss.")
    pairs = kin_pairs(d)
    assert {("Arnsberg", "Ludwig"), ("Werden", "Ludwig"), ("Baron of Kalm", "Ludwig")} <= pairs
    assert ("Baron of Kalm", "Margarethe Weiss") in pairs
    assert ("Margarethe Weiss", "Ludwig") not in pairs


def test_a_plural_kin_subject_without_a_list_names_nobody(analysed):
    d = analysed("Count Egmont rode north. His brothers were angry, and he left Ghent with Horne.")
    assert not any(f.extractor == "kin.listed_after_clause.v1" for f in d.factoids)
