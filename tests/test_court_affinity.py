"""Court narrative (issue 12): affinity said of the one felt about ('an object of hatred to
X', 'odious to X', 'defeated in the Commons', 'one of his friends, X'), posts handed over
by their insignia, and a death that a counterfactual names. Every text is written for these
tests, about other times and places than the gold chapters."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def rules_of(d, type_: str) -> set[tuple[str, str | None, str]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name if f.object is not None else None, f.extractor)
            for f in d.factoids if f.type == type_}


# -- an object of a feeling ------------------------------------------------------------------

def test_the_one_in_the_dative_hates_the_subject(analysed):
    d = analysed("Cardinal Wolsey rose quickly at court. He was to the Duke of Norfolk an object of "
                 "hatred which he hardly troubled to hide.")
    assert ("Duke of Norfolk", "Cardinal Wolsey") in pairs(d, "OPPOSES")
    assert ("Cardinal Wolsey", "Duke of Norfolk") not in pairs(d, "OPPOSES")


def test_the_object_of_someones_affection_is_his_ally(analysed):
    d = analysed("Lord Melbourne dined at Windsor every night. He became the object of Queen "
                 "Victoria's affection.")
    assert ("Queen Victoria", "Melbourne") in pairs(d, "ALLY")


def test_a_object_that_feels_nothing_gives_no_stance(analysed):
    d = analysed("The treaty was an object of study for Lord Castlereagh and Prince Metternich.")
    assert not any(f.extractor.startswith("affinity.") for f in d.factoids)


# -- displeasing and pleasing to someone -------------------------------------------------------

def test_a_quality_odious_to_a_group_sets_the_group_against_its_owner(analysed):
    d = analysed("The pride of Cardinal Richelieu had begun to be hateful to the nobles, above all to "
                 "the Gascons.")
    opposes = pairs(d, "OPPOSES")
    assert ("Gascons", "Cardinal Richelieu") in opposes
    assert ("Cardinal Richelieu", "Gascons") not in opposes


def test_dear_to_someone_is_an_ally(analysed):
    d = analysed("Sir Walter Raleigh was dear to Queen Elizabeth for many years.")
    assert ("Queen Elizabeth", "Walter Raleigh") in pairs(d, "ALLY")


def test_a_denied_dislike_is_no_stance(analysed):
    d = analysed("Sir Walter Raleigh was never odious to Queen Elizabeth.")
    assert not any(f.extractor.startswith("affinity.") for f in d.factoids)


# -- defeated in a body ----------------------------------------------------------------------

def test_a_minister_defeated_in_a_house_is_opposed_by_it(analysed):
    d = analysed("In 1783 William Pitt was defeated in the House of Commons, and he resigned soon after.")
    assert ("House of Commons", "William Pitt") in pairs(d, "OPPOSES")


def test_a_defeat_with_its_agent_named_is_left_to_the_agent(analysed):
    d = analysed("In 1815 Napoleon was defeated in Belgium by Wellington.")
    assert not any(f.extractor == "affinity.defeated_in.v1" for f in d.factoids)


# -- one of his friends ------------------------------------------------------------------------

def test_one_of_his_friends_named_in_apposition(analysed):
    d = analysed("Marshal Ney, one of Napoleon's friends, was shot in December 1815.")
    assert ("Ney", "Napoleon", "affinity.one_of.v1") in rules_of(d, "ALLY")


def test_one_of_his_enemies_named_after_it(analysed):
    d = analysed("Lord Byron left London in 1816. He was mocked by one of his enemies, Henry Brougham, "
                 "in the Edinburgh Review.")
    assert ("Henry Brougham", "Byron") in pairs(d, "OPPOSES")


# -- a post handed over --------------------------------------------------------------------------

def test_insignia_entrusted_to_a_person_make_him_the_holder(analysed):
    d = analysed("Lord Eldon was Lord Chancellor until 1827. The Lord Privy Seal had been entrusted to "
                 "his friend, Lord Westmorland.")
    assert ("Lord Westmorland", "Lord Privy Seal", "offices.handed_over.v1") in rules_of(d, "HOLDS_OFFICE")


def test_the_office_of_a_post_given_to_a_person(analysed):
    d = analysed("In 1529 King Henry gave the office of Lord Chancellor to Sir Thomas More.")
    assert ("Sir Thomas More", "Lord Chancellor") in pairs(d, "HOLDS_OFFICE")


def test_a_gift_to_an_officer_is_no_appointment(analysed):
    d = analysed("The King gave a ring of gold to the Lord Chancellor.")
    assert not any(f.extractor == "offices.handed_over.v1" for f in d.factoids)


# -- a death a counterfactual names --------------------------------------------------------------

def test_but_for_his_death_reports_the_death(analysed):
    d = analysed("Admiral Horatio Nelson would have led the fleet home but for his death at Trafalgar in 1805.")
    assert ("Admiral Horatio Nelson", None) in pairs(d, "DIED")


def test_a_wished_death_is_still_no_death(analysed):
    d = analysed("Admiral Horatio Nelson would have been glad of his death.")
    assert not pairs(d, "DIED")


# -- illness said by a verb or by a noun it qualifies ------------------------------------------

def test_a_person_who_fainted_was_taken_ill(analysed):
    d = analysed("Queen Caroline heard the verdict and fainted in the gallery.")
    assert ("Queen Caroline", None, "life.ill_verb.v1") in rules_of(d, "HEALTH")


def test_a_government_that_collapsed_has_no_health(analysed):
    d = analysed("The Directory collapsed in November 1799.")
    assert not pairs(d, "HEALTH")


def test_like_the_sick_man_he_was(analysed):
    d = analysed("Lord Chatham spoke once more in the Lords in 1778, like the sick man he was, and fell "
                 "back into the arms of his son.")
    assert ("Chatham", None, "life.ill_person.v1") in rules_of(d, "HEALTH")


def test_a_sick_man_as_a_predicate_and_in_apposition(analysed):
    d = analysed("By 1820 King George the Third was a sick man, blind and mad. Lord Chatham, an ailing "
                 "old man, spoke in the Lords.")
    assert {("King George the Third", None), ("Chatham", None)} <= pairs(d, "HEALTH")


def test_the_sick_man_of_a_continent_is_a_figure(analysed):
    d = analysed("Lord Chatham was the sick man of Europe's politics, people said.")
    assert not pairs(d, "HEALTH")


# -- a relative named as the object of a verb ---------------------------------------------------

def test_a_son_lost_and_named_in_apposition(analysed):
    d = analysed("In 1703 the Duke of Marlborough lost a son, Lord Blandford, to smallpox.")
    roles = {(d.entities[f.subject].name, d.entities[f.object].name, f.role) for f in d.factoids if f.type == "KIN"}
    assert ("Lord Blandford", "Duke of Marlborough", "son") in roles


def test_a_son_named_at_the_end_of_his_description(analysed):
    d = analysed("The old Duke of Marlborough had buried a son who should have carried his name into the "
                 "next age, the young Lord Churchill.")
    assert ("Lord Churchill", "Duke of Marlborough") in pairs(d, "KIN")


def test_a_son_of_someone_else_is_not_the_subjects(analysed):
    d = analysed("The Duke of Marlborough met a son of the Elector, Prince George, at Hanover.")
    assert ("Prince George", "Duke of Marlborough") not in pairs(d, "KIN")


def test_a_son_described_without_a_name_names_nobody(analysed):
    d = analysed("The old Duke of Marlborough had buried a son who had served under Eugene at "
                 "Oudenarde, and he grieved.")
    assert not pairs(d, "KIN")


# -- a body named in lower case where its members sit ---------------------------------------------

def test_a_seat_in_the_cabinet_names_the_cabinet(analysed):
    d = analysed("Lord Liverpool led the government. Lord Castlereagh received a seat in the cabinet in 1812.")
    assert ("Castlereagh", "cabinet") in pairs(d, "MEMBER_OF")
    assert any(e.name == "cabinet" and e.kind == "BODY" for e in d.entities)


def test_a_member_of_the_council_names_the_council(analysed):
    d = analysed("Thomas Cromwell was a member of the council in 1530.")
    assert ("Thomas Cromwell", "council") in pairs(d, "MEMBER_OF")


def test_a_cabinet_of_curiosities_is_no_body(analysed):
    d = analysed("Horace Walpole kept a cabinet of curiosities at Strawberry Hill.")
    assert not any(e.name == "cabinet" for e in d.entities)


def test_a_seat_wished_for_is_no_membership(analysed):
    d = analysed("Lord Liverpool led the government. Lord Castlereagh never received a seat in the cabinet.")
    assert not pairs(d, "MEMBER_OF")


# -- honours -----------------------------------------------------------------------------------

def test_a_peerage_received_with_a_seat_is_held(analysed):
    d = analysed("In 1830 Henry Brougham received a place in the government and a peerage.")
    assert ("Henry Brougham", "peerage") in pairs(d, "HOLDS_OFFICE")


def test_raised_to_the_peerage(analysed):
    d = analysed("Sir Robert Walpole was raised to the peerage as Earl of Orford in 1742.")
    assert ("Robert Walpole", "peerage") in pairs(d, "HOLDS_OFFICE")


def test_never_raised_to_the_peerage_holds_nothing(analysed):
    d = analysed("In 1831 Thomas Macaulay was never raised to the peerage.")
    assert not pairs(d, "HOLDS_OFFICE")


def test_a_peerage_debated_is_held_by_nobody(analysed):
    d = analysed("The peerage was debated by the Lords in 1719.")
    assert not pairs(d, "HOLDS_OFFICE")


# -- a stance adjective set before its clause ---------------------------------------------------

def test_a_fronted_stance_adjective_is_said_of_the_subject(analysed):
    d = analysed("The Corn Laws were debated for years. Though, like most of his party, hostile to the "
                 "Corn Laws, Sir Robert Peel was no radical.")
    assert ("Sir Robert Peel", "Corn Laws") in pairs(d, "OPPOSES_POLICY")


def test_a_concessive_as_clause_carries_the_stance(analysed):
    d = analysed("The Corn Laws were debated for years. Loyal as he was to the cause of the "
                 "Corn Laws, Lord Derby was no friend to reform.")
    assert ("Derby", "Corn Laws") in pairs(d, "SUPPORTS_POLICY") or \
        ("Lord Derby", "Corn Laws") in pairs(d, "SUPPORTS_POLICY")


def test_an_adjective_after_the_subject_is_not_read_twice_as_fronted(analysed):
    d = analysed("The Corn Laws were debated for years. Sir Robert Peel was no radical, though hostile to "
                 "the Corn Laws.")
    assert [f.extractor for f in d.factoids if f.type == "OPPOSES_POLICY"] == ["stance.adjective.v1"]


# -- a death survived ---------------------------------------------------------------------------

def test_almost_killed_is_an_injury_not_a_death(analysed):
    d = analysed("In 1763 John Wilkes was almost killed in a duel with Samuel Martin.")
    assert ("John Wilkes", None, "life.near_death.v1") in rules_of(d, "HEALTH")
    assert not pairs(d, "DIED")


def test_nearly_died_of_a_fever(analysed):
    d = analysed("Lord Nelson nearly died of fever in 1780.")
    assert ("Nelson", None) in pairs(d, "HEALTH")
    assert not pairs(d, "DIED")


def test_killed_outright_is_still_a_death(analysed):
    d = analysed("In 1712 the Duke of Hamilton was killed in a duel with Lord Mohun.")
    assert ("Duke of Hamilton", None) in pairs(d, "DIED")
