"""Who sides with or against whom, said in shapes the parser bends (issue 12): a revolt
that names no one it is from, backing what a party claims, an object left to a relative
clause without a relative word, an apposition parsed as a second subject, and a party
coming 'to the aid of' another named inside a noun phrase; each on small texts of other
periods (none from the gold chapters)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def ruled(d, type_: str, rule: str | None = None) -> set[tuple[str, str | None]]:
    """The pairs the rules state (of one rule, when named)."""
    return {(d.entities[f.subject].name, d.entities[f.object].name if f.object is not None else None)
            for f in d.factoids if f.type == type_ and not f.extractor.startswith("learned.")
            and (rule is None or f.extractor == rule)}


FLANDERS = "In 1302 the Flemings revolted from France. The French marched north. "


@pytest.mark.parametrize(("text", "pair"), [
    (FLANDERS + "Soon afterwards the Brabanters also revolted.", ("Brabanters", "France")),
    (FLANDERS + "Soon afterwards the Brabanters also revolted, and Liège rebelled with them.", ("Liège", "France")),
])
def test_a_revolt_that_names_no_power_is_from_the_last_one_named(analysed, text, pair):
    assert pair in ruled(analysed(text), "OPPOSES", "stance.bare_revolt.v1")


@pytest.mark.parametrize("text", [
    # no revolt before it names a power
    "The French marched north. Soon afterwards the Brabanters also revolted.",
    # a revolt that did not happen
    FLANDERS + "The Brabanters never revolted.",
])
def test_no_power_for_a_bare_revolt_without_one_named_or_without_a_revolt(analysed, text):
    assert not ruled(analysed(text), "OPPOSES", "stance.bare_revolt.v1")


@pytest.mark.parametrize(("text", "pair"), [
    ("The Bohemian Estates trusted the promises of Frederick of the Palatinate. Frederick came to Prague.",
     ("Bohemian Estates", "Frederick of the Palatinate")),
    ("The Whigs supported the claims of William of Orange.", ("Whigs", "William of Orange")),
])
def test_backing_what_a_party_claims_is_backing_the_party(analysed, text, pair):
    assert pair in ruled(analysed(text), "ALLY", "stance.backed_claim.v1")


def test_claims_not_backed_make_no_ally(analysed):
    d = analysed("The Whigs never supported the claims of William of Orange.")
    assert not ruled(d, "ALLY", "stance.backed_claim.v1")


@pytest.mark.parametrize(("text", "pair"), [
    # the object of a relative clause without a relative word
    ("Cromwell crossed to Ireland in 1649, and the royalists he defeated at Drogheda.", ("Cromwell", "royalists")),
    # 'whom' stands for the noun its clause modifies
    ("In 1685 Louis revoked the Edict of Nantes. The Huguenots, whom Louis had banished, fled to Holland.",
     ("Louis", "Huguenots")),
])
def test_the_object_a_relative_clause_leaves_to_its_noun(analysed, text, pair):
    assert pair in ruled(analysed(text), "OPPOSES", "stance.oppose_verb.v1")


def test_a_relative_clause_with_its_own_object_leaves_none(analysed):
    d = analysed("Cromwell crossed to Ireland in 1649, and the royalists he met defeated the Scots at Dunbar.")
    assert ("Cromwell", "royalists") not in ruled(d, "OPPOSES", "stance.oppose_verb.v1")


@pytest.mark.parametrize("text", [
    "Thomas Fairfax, however, a friend of Oliver Cromwell, happened to dream of the king.",
    "One Thomas Fairfax, however, a friend of Oliver Cromwell, happened to be in London that winter.",
])
def test_an_apposition_parsed_as_a_second_subject(analysed, text):
    assert ("Thomas Fairfax", "Oliver Cromwell") in ruled(analysed(text), "ALLY", "stance.relational_noun.v1")


def test_two_subjects_joined_by_and_are_no_apposition(analysed):
    d = analysed("Thomas Fairfax and a friend of Oliver Cromwell rode to York.")
    assert ("Thomas Fairfax", "Oliver Cromwell") not in ruled(d, "ALLY")


def test_who_comes_to_the_aid_of_another_inside_a_noun_phrase(analysed):
    d = analysed("The Doge sailed for Crete, word having come of the approach of the Venetian fleet "
                 "to the aid of the Greeks. The Greeks fought on.")
    allies = ruled(d, "ALLY", "stance.side_idiom.v1")
    assert ("Venetian fleet", "Greeks") in allies
    assert ("Crete", "Greeks") not in allies


def test_a_verb_between_two_names_left_without_a_subject(analysed):
    # the parser reads 'Hyde' as an adverb of 'suspected': the name before it is its subject
    d = analysed("Indeed Hyde suspected Digby, and he told the Queen so in a letter.")
    assert ("Hyde", "Digby") in ruled(d, "OPPOSES")


def test_a_negated_verb_between_two_names_states_nothing(analysed):
    d = analysed("Hyde never suspected Digby, and he told the Queen so in a letter.")
    assert not ruled(d, "OPPOSES")


def test_whose_effort_did_the_deed(analysed):
    d = analysed("At Paris it was the stubborn persistence of Emmanuel Sieyès that routed the Girondins "
                 "at the Convention.")
    assert ("Emmanuel Sieyès", "Girondins") in ruled(d, "OPPOSES")


def test_an_effort_of_no_one_named_has_no_doer(analysed):
    d = analysed("At Paris it was the stubborn persistence of the rain that routed the Girondins at the Convention.")
    assert not ruled(d, "OPPOSES")


def test_a_group_named_by_a_collective_noun_takes_a_stance(analysed):
    d = analysed("In 1880 the Tory press attacked Gladstone, and the Liberal press defended him.")
    assert ("Tory press", "Gladstone") in ruled(d, "OPPOSES")
    assert ("Liberal press", "Gladstone") in ruled(d, "ALLY")


def test_a_group_named_by_a_collective_noun_as_the_owner_of_what_is_opposed(analysed):
    d = analysed("In 1880 William Gladstone denounced the assertions of the Tory press.")
    assert ("William Gladstone", "Tory press") in ruled(d, "OPPOSES")


def test_a_bare_collective_noun_names_no_group(analysed):
    d = analysed("In 1880 the press attacked William Gladstone.")
    assert not ruled(d, "OPPOSES")
    assert not any(e.name == "press" for e in d.entities)


def test_no_one_is_in_his_own_good_books(analysed):
    # 'his' read as the subject's own: the person named in the sentence before is meant
    d = analysed("William Pitt was losing his grip. Henry Dundas had long stood in his good books; "
                 "it was Pitt who had made him Treasurer of the Navy.")
    assert ("Henry Dundas", "William Pitt") in ruled(d, "ALLY", "stance.side_idiom.v1")


def test_the_subject_of_a_when_clause_the_parser_split(analysed):
    d = analysed("The Turks had seized two of the islands, when the Venetians under Morosini, nephew of Pietro, "
                 "acting for Doge Contarini, who was then old, sailed to the aid of the Greeks in force. "
                 "The Greeks fought on.")
    assert ("Venetians", "Greeks") in ruled(d, "ALLY", "stance.side_idiom.v1")


def test_a_demonstrative_read_as_the_determiner_of_the_name_after_it(analysed):
    # 'at this dismissed Lambert' parsed as one phrase: the subject is Cromwell
    d = analysed("Cromwell being angered at this dismissed Lambert and Fleetwood from their commands in 1657.")
    assert {("Cromwell", "Lambert"), ("Cromwell", "Fleetwood")} <= ruled(d, "OPPOSES", "stance.unparsed_clause.v1")


def test_a_participle_before_a_name_is_no_clause(analysed):
    d = analysed("In 1689 the King of France welcomed the exiled Stuarts at Saint-Germain.")
    assert not ruled(d, "OPPOSES", "stance.unparsed_clause.v1")


@pytest.mark.parametrize(("text", "pair", "rule"), [
    ("In 1813 the Saxon army went over to the Russians during the battle.", ("Saxon army", "Russians"),
     "stance.went_over.v1"),
    ("In 1813 the Prussians acted in concert with the Austrians against Napoleon.", ("Prussians", "Austrians"),
     "stance.adjective.v1"),
    ("Prussia made common cause with Austria in 1813.", ("Prussia", "Austria"), "stance.ally_verb.v1"),
])
def test_changing_sides_acting_in_concert_and_common_cause(analysed, text, pair, rule):
    assert pair in ruled(analysed(text), "ALLY", rule)


@pytest.mark.parametrize("text", [
    # a crossing to a land is no change of sides
    "In 1813 the Prussian army went over to Silesia.",
    # nor is a change of sides that did not happen
    "In 1813 the Saxon army never went over to the Russians.",
])
def test_going_over_to_a_land_or_not_at_all_makes_no_ally(analysed, text):
    assert not ruled(analysed(text), "ALLY", "stance.went_over.v1")
