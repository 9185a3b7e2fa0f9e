"""Offices, membership and kinship in the shapes narrative history gives them (issue 12):
titles borne as names, posts in apposition, partitives, succession idioms, wings of
parties, speaking for a group, relatives described beside a name. Every text is written
for these tests."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def holds(d) -> set[tuple[str, str]]:
    return pairs(d, "HOLDS_OFFICE")


def members(d) -> set[tuple[str, str]]:
    return pairs(d, "MEMBER_OF")


def kin_roles(d) -> set[tuple[str, str, str]]:
    return {(d.entities[f.subject].name, d.entities[f.object].name, f.role)
            for f in d.factoids if f.type == "KIN"}


# -- offices -------------------------------------------------------------------------------

def test_a_common_noun_post_with_its_place_is_an_office(analysed):
    d = analysed("The treaty was signed at Nanking by Pottinger, the then governor of Hong Kong, in 1842.")
    assert ("Pottinger", "governor of Hong Kong") in holds(d)


def test_a_post_held_to_a_ruler(analysed):
    d = analysed("Lord Elgin was made Chamberlain to the Queen after the war.")
    assert ("Elgin", "Chamberlain to the Queen") in holds(d)


def test_the_post_of_a_body_in_a_relative_clause_is_the_bodys(analysed):
    d = analysed("Lord Elgin came home. The Royal Society, of which he was president, met in the spring.")
    assert ("Elgin", "President of the Royal Society") in holds(d)


def test_posts_in_a_list_after_became_are_each_held(analysed):
    d = analysed("Lord Elgin came home. He early became Deputy Sheriff, and then Recorder of Bristol.")
    assert {("Elgin", "Deputy Sheriff"), ("Elgin", "Recorder of Bristol")} <= holds(d)


def test_both_of_whom_were_is_said_of_each_name(analysed):
    d = analysed("In 44 BC Brutus and Cassius, both of whom were praetors, opposed the law. "
                 "He said that Brutus would win.")
    assert {("Brutus", "praetors"), ("Cassius", "praetors")} <= holds(d)


def test_two_of_the_consuls_named_after_the_partitive(analysed):
    d = analysed("Then two of the consuls, Marius and Cinna, marched on the city.")
    assert {("Marius", "consuls"), ("Cinna", "consuls")} <= holds(d)


def test_a_name_with_its_post_after_the_article(analysed):
    d = analysed("When Sulla the dictator died, the people mourned.")
    assert ("Sulla", "dictator") in holds(d)


def test_holding_the_office_of_a_post(analysed):
    d = analysed("Walpole, who held the office of Chancellor, had opposed the bill.")
    assert ("Walpole", "Chancellor") in holds(d)


def test_a_rulers_title_before_the_name_is_held(analysed):
    d = analysed("King Harold fought at Hastings in 1066.")
    assert ("King Harold", "King") in holds(d)


def test_a_title_before_a_name_and_its_place_after(analysed):
    d = analysed("Governor Morris of Ohio vetoed the bill.")
    assert ("Morris", "Governor of Ohio") in holds(d)
    assert ("Morris", "Governor") not in holds(d)


def test_a_title_in_apposition_taken_into_the_name(analysed):
    d = analysed("John Fisher, Bishop of Rochester and Ely, then tried his powers of persuasion.")
    assert ("John Fisher", "Bishop of Rochester and Ely") in holds(d)


def test_a_title_in_apposition_read_as_another_person(analysed):
    d = analysed("In vain Admiral Hood, the venerable Minister of Marine, and General Howe, Minister of War, "
                 "insisted on discipline.")
    assert {("Admiral Hood", "Minister of Marine"), ("General Howe", "Minister of War")} <= holds(d)


def test_a_title_after_a_name_parsed_as_a_list(analysed):
    d = analysed("The Senate named two envoys--General Gage, a loyal soldier, and Pitt, Minister of Foreign Affairs.")
    assert ("Pitt", "Minister of Foreign Affairs") in holds(d)


def test_sent_out_as_a_post_is_holding_it(analysed):
    d = analysed("In 415 BC Nicias was sent out from Athens as commander of the fleet. He said that Nicias would win.")
    assert ("Nicias", "commander") in holds(d)


def test_the_one_who_sends_holds_no_post(analysed):
    d = analysed("Caesar sent Labienus as legate to Gaul in 58 BC.")
    assert not any(person == "Caesar" for person, _ in holds(d))


def test_taking_a_mans_place_as_a_post(analysed):
    d = analysed("Thomas Pinckney had taken John Jay's place as Minister to Spain in 1794.")
    facts = {(d.entities[f.subject].name, d.entities[f.object].name): f
             for f in d.factoids if f.type == "HOLDS_OFFICE"}
    new, old = facts[("Thomas Pinckney", "Minister to Spain")], facts[("John Jay", "Minister to Spain")]
    assert new.start_time is not None and new.start_time.value == "1794"
    assert old.when is None and old.start_time is None  # his start is not this date


def test_a_conjoined_copula_shares_the_subject(analysed):
    d = analysed("Sir Robert Walpole was declared First Lord, and thus became prime minister.")
    assert ("Robert Walpole", "prime minister") in holds(d)


# -- membership ----------------------------------------------------------------------------

def test_his_party_named_in_apposition(analysed):
    d = analysed("Charles Fox came back to London in 1783. His party, the Whigs, ordered him to resign.")
    assert ("Charles Fox", "Whigs") in members(d)


def test_speaking_for_a_group(analysed):
    d = analysed("The Whigs sat on the left. Charles Fox, for the Whigs, declared that the war was lost.")
    assert ("Charles Fox", "Whigs") in members(d)


def test_representing_a_group(analysed):
    d = analysed("The Whigs sat on the left. Old Charles Grey, representing the Whigs, spoke against the bill.")
    assert ("Charles Grey", "Whigs") in members(d)


def test_a_narrower_group_named_by_its_adjective(analysed):
    d = analysed("The Socialists sat on the left. Old Charles Grey, representing the Populist Socialists, "
                 "spoke against the bill.")
    assert ("Charles Grey", "Populist Socialists") in members(d)
    assert ("Charles Grey", "Socialists") not in members(d)


def test_a_committee_composed_of_a_list_split_by_places(analysed):
    d = analysed("They handed their work to a Committee of Detail, composed of John Rutledge of South Carolina, "
                 "Edmund Randolph, Oliver Ellsworth, and James Wilson.")
    people = {p for p, g in members(d) if g == "Committee of Detail"}
    assert {"John Rutledge", "Edmund Randolph", "Oliver Ellsworth", "James Wilson"} <= people


def test_the_wing_of_a_party_led_by_its_leaders(analysed):
    d = analysed("The Jacobins met in Paris in 1791. However, the right wing of the Jacobins, led by Danton, "
                 "Marat and Desmoulins, continued to campaign.")
    got = members(d)
    assert {("Danton", "right wing of the Jacobins"), ("Marat", "right wing of the Jacobins")} <= got
    assert ("Danton", "Jacobins") in got  # a member of the party too
    roles = {(d.entities[f.subject].name, f.role) for f in d.factoids
             if f.type == "MEMBER_OF" and d.entities[f.object].name == "right wing of the Jacobins"}
    assert ("Danton", "leader") in roles


def test_a_wing_named_by_its_side_before_the_party(analysed):
    d = analysed("The Jacobins met in Paris in 1791. The “centre” Jacobins, represented by Danton and Marat, "
                 "joined the Cordeliers. Pétion and Brissot, at the head of the right wing Jacobins, insisted on war.")
    got = members(d)
    assert {("Danton", "centre Jacobins"), ("Marat", "centre Jacobins")} <= got
    assert {("Pétion", "right wing Jacobins"), ("Brissot", "right wing Jacobins")} <= got
    assert ("Danton", "Jacobins") in got


# -- kinship -------------------------------------------------------------------------------

def test_a_bare_kin_noun_coordinated_with_a_description_is_said_of_the_name(analysed):
    d = analysed("Sir Hugh Vane, a Scot of noble birth, and nephew of the great Montrose, held high rank in the army.")
    assert ("Hugh Vane", "Montrose", "nephew") in kin_roles(d)


def test_a_determined_kin_noun_in_a_list_is_another_person(analysed):
    d = analysed("Marcus Crassus and the son of Pompey met at Rome in 49 BC.")
    assert not any(a == "Marcus Crassus" for a, _, _ in kin_roles(d))


def test_an_appointee_whose_name_was_read_as_a_body(analysed):
    d = analysed("Pompey came to Rome in 49 BC. When the consul died, he appointed Gaius Norbanus consul for one day.")
    assert ("Gaius Norbanus", "consul") in holds(d)


def test_a_mans_paper_named_beside_it(analysed):
    d = analysed("Marat's paper, L'Ami du Peuple, called for blood. He said that Marat would win.")
    got = {(p, g) for p, g in members(d) if p == "Marat"}
    assert got and all(g.startswith("L'Ami") for _, g in got)


def test_a_body_with_a_man_at_its_head(analysed):
    d = analysed("In 1795 the Directory took power. A temporary Directory of Five, with Barras at the head, "
                 "assumed the power.")
    assert ("Barras", "Directory") in members(d)


def test_holding_rank_in_an_army(analysed):
    d = analysed("Lord Ross, a Scot of noble birth, held high rank in the English army, "
                 "and was Chamberlain to the Queen.")
    assert ("Ross", "English army") in members(d)
    assert ("Ross", "Chamberlain to the Queen") in holds(d)


def test_a_title_cut_at_a_possessive_is_whole(analysed):
    d = analysed("The person selected was Sir John Holt, Chief Justice of the Court of King's Bench. Holt was a judge.")
    assert ("Sir John Holt", "Chief Justice of the Court of King's Bench") in holds(d)


def test_a_title_whose_first_word_was_taken_for_a_name(analysed):
    d = analysed("Sir John Holt came to London. He early became Common Serjeant, and then Recorder of Bristol.")
    assert ("John Holt", "Common Serjeant") in holds(d)


def test_two_posts_read_as_one_are_each_held(analysed):
    d = analysed("Lord Ross came to Dublin in 1660. Ross, who was Lord Steward of the Household and Viceroy of "
                 "Ireland, then resided at Dublin.")
    assert ("Ross", "Viceroy of Ireland") in holds(d)


def test_retiring_to_rest_ends_no_tenure(analysed):
    d = analysed("King Harold fought at Hastings in 1066. He now retired to rest.")
    assert [f.extractor for f in d.factoids if f.type == "HOLDS_OFFICE"] == ["offices.title_as_name.v1"]
