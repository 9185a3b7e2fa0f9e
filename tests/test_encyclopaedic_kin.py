"""Family ties in the shapes encyclopaedias use (Re-DocRED's pages): a parent named after
a description of their trade ('son of the painter X'), a kin noun set before its clause
('The daughter of X, she ...'), a spouse after a description ('married the architect X'),
a plural kin noun as a copula's subject ('His parents are A and B') and a marriage said
by a second verb that shares the subject. Every sentence here is our own."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def kin(d) -> set[tuple[str, str, str]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name, f.role) for f in d.factoids if f.type == "KIN"}


def test_parents_named_after_a_description_of_their_trade(analysed):
    d = analysed("Tomas Varga is a Slovak actor. He is son of Czech singer and actress Alena Varga "
                 "and the painter and poet Jan Varga.")
    got = pairs(d, "KIN")
    assert {("Tomas Varga", "Alena Varga"), ("Tomas Varga", "Jan Varga")} <= got
    assert {("Alena Varga", "Jan Varga"), ("Jan Varga", "Alena Varga")} <= got  # one child's two parents


def test_a_kin_noun_set_before_its_clause_is_said_of_the_subject(analysed):
    d = analysed("Ada Roe was an English painter. Born in Leeds, the daughter of actors Karl Roe and "
                 "Eva Novak, she made her debut in 1981.")
    assert ("Ada Roe", "Karl Roe", "daughter") in kin(d)
    assert ("Ada Roe", "Eva Novak", "daughter") in kin(d)


def test_a_place_called_a_son_s_parent_bare_is_no_parent(analysed):
    d = analysed("Colonel Amos Hale lived in Boston. Colonel Amos Hale, the favourite son of "
                 "Massachusetts, spoke at the dinner in Massachusetts.")
    assert next(e for e in d.entities if e.name == "Massachusetts").kind == "PLACE"
    assert not pairs(d, "KIN")


def test_a_spouse_named_after_a_description(analysed):
    d = analysed("Ingrid Holm was a Swedish singer. In 1962 she married the architect Otto Lindqvist.")
    assert {("Ingrid Holm", "Otto Lindqvist"), ("Otto Lindqvist", "Ingrid Holm")} <= pairs(d, "KIN")


def test_a_married_spouse_with_a_second_verb_that_shares_the_subject(analysed):
    d = analysed("Ravan was a prince of the hills. He was the third of the brothers and was married "
                 "to Tala and Mirai in turn.")
    assert {("Ravan", "Tala"), ("Ravan", "Mirai")} <= pairs(d, "KIN")


def test_parents_listed_as_a_copula_s_complement(analysed):
    d = analysed("Pieter Claes is a Belgian cyclist. His Flemish parents are Jan and Anna Claes.")
    got = kin(d)
    assert ("Jan", "Pieter Claes", "parent") in got and ("Anna Claes", "Pieter Claes", "parent") in got
    assert ("Pieter Claes", "Jan", "son") in got
    assert {("Jan", "Anna Claes"), ("Anna Claes", "Jan")} <= pairs(d, "KIN")


def test_a_hypothetical_parentage_gives_nothing(analysed):
    d = analysed("Tomas Varga is a Slovak actor. If he were son of the singer Alena Varga, he would say so.")
    assert ("Tomas Varga", "Alena Varga") not in pairs(d, "KIN")


def test_brothers_listed_after_a_colon_are_siblings_without_a_parent_named(analysed):
    d = analysed("The fund was set up for the four Mellon brothers: Andrew Mellon, Paul, Thomas and Richard.")
    got = pairs(d, "KIN")
    assert {("Andrew Mellon", "Paul"), ("Paul", "Richard"), ("Thomas", "Andrew Mellon")} <= got


def test_sisters_named_right_after_the_noun(analysed):
    d = analysed("Karl Lindqvist was a Swedish painter. Lindqvist's sisters Karin Lindqvist, Maja Lindqvist "
                 "and Sofia Lindqvist were also painters.")
    assert {("Karin Lindqvist", "Maja Lindqvist"), ("Maja Lindqvist", "Sofia Lindqvist")} <= pairs(d, "KIN")


def test_children_listed_by_include_and_a_brother_by_a_copula(analysed):
    d = analysed("Arne Berg was a Norwegian bishop. His children included Arvid, Bror and Carl. "
                 "His brother was Sven Edberg.")
    got = kin(d)
    assert ("Arvid", "Berg", "child") in got or ("Arvid", "Arne Berg", "child") in got
    assert {("Arvid", "Bror"), ("Bror", "Carl")} <= pairs(d, "KIN")
    assert any(s == "Sven Edberg" and r == "brother" for s, _, r in got)


def test_siblings_named_without_a_kin_noun_are_not_siblings(analysed):
    d = analysed("The fund was set up for four bankers: Andrew Mellon, Paul, Thomas and Richard.")
    assert not pairs(d, "KIN")


def test_a_sibling_of_a_parent_s_child_is_the_parent_s_child(analysed):
    d = analysed("Omar Dalla was born in Cork to Peter Dalla and Anna Dalla. His sister, Sara Dalla, is a singer.")
    got = kin(d)
    assert ("Sara Dalla", "Peter Dalla", "daughter") in got and ("Peter Dalla", "Sara Dalla", "parent") in got
    assert ("Sara Dalla", "Anna Dalla", "daughter") in got
    inferred = [f for f in d.factoids if f.extractor == "kin.sibling_parent.v1"]
    assert all(f.confidence < 0.7 and "Sara Dalla" in d.text[f.start:f.end] for f in inferred)


def test_a_half_sister_gets_no_parent(analysed):
    d = analysed("Omar Dalla was born in Cork to Peter Dalla and Anna Dalla. His half-sister, Sara Dalla, is a singer.")
    assert ("Sara Dalla", "Anna Dalla") not in pairs(d, "KIN")


def test_a_kin_noun_in_brackets_after_a_name(analysed):
    d = analysed("The tale of Yusuf and Leila Sabry (Potiphar's wife in the old tale) was popular.")
    assert ("Leila Sabry", "Potiphar", "wife") in kin(d)


def test_a_marriage_noun_and_a_proposed_one(analysed):
    d = analysed("Karl Ode was an actor known for his marriage to Greta Lind.")
    assert {("Karl Ode", "Greta Lind"), ("Greta Lind", "Karl Ode")} <= pairs(d, "KIN")
    d = analysed("Karl Ode was an actor. He spoke of his proposed marriage to Greta Lind.")
    assert not pairs(d, "KIN")


def test_a_spouse_s_name_the_entities_took_for_a_body(analysed):
    d = analysed("Paul Berens is married to Maria Holt, a former member of the Flemish Parliament.")
    assert ("Paul Berens", "Maria Holt") in pairs(d, "KIN")
    assert not any("Parliament" in pair[1] for pair in pairs(d, "KIN"))
