"""Rules of modern political narrative (programmes, demands, orders, walk-outs), on small
texts of other periods than the gold chapters'."""

from __future__ import annotations

import pytest
from conftest import pairs

pytestmark = pytest.mark.model


def test_a_programme_set_out_point_by_point_is_supported_point_by_point(analysed):
    d = analysed("In 1838 the London Working Men's Association published a charter. The Association demands "
                 "the following: Universal suffrage for men--in every county and borough.\n\n"
                 "Vote by secret ballot.\n\nAnnual parliaments.\n\n"
                 "The charter was read at many meetings that summer.")
    found = pairs(d, "SUPPORTS_POLICY")
    holder = "London Working Men's Association"
    assert {(holder, "Universal suffrage for men"), (holder, "Vote by secret ballot"),
            (holder, "Annual parliaments")} <= found
    assert not any("charter was read" in (o or "") for _, o in found)


def test_this_paper_in_a_quoted_article_is_the_paper_that_printed_it(analysed):
    d = analysed("In March a new weekly appeared at Leeds, and in June the Chartist Circular. Its first article "
                 "set out its aims:\n\n"
                 "The Whig ministry has betrayed the people. This paper advocates the following: "
                 "Payment of members of parliament.\n\n"
                 "Abolition of the property qualification.\n\n"
                 "It is worth adding that the paper sold widely in the north.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert ("Chartist Circular", "Payment of members of parliament") in found
    assert ("Chartist Circular", "Abolition of the property qualification") in found


def test_the_following_without_a_list_of_points_says_nothing(analysed):
    d = analysed("The Radicals demanded the following: that the Ministers should resign at once, and that "
                 "the Parliament should be dissolved before the harvest.")
    assert not [f for f in d.factoids if f.extractor == "programmes.points.v1"]


def test_an_institution_demanded_is_a_measure_of_those_who_demand_it(analysed):
    d = analysed("Bohemia, the Tyrol, demanded separate Provincial Diets in 1848.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert ("Bohemia", "separate Provincial Diets") in found
    assert ("Tyrol", "separate Provincial Diets") in found


def test_groups_that_join_in_demanding_all_demand_but_not_a_wing_of_one(analysed):
    d = analysed("The “moderate” Whigs, led by Grey, joined with the Radicals, led by Cobbett, and the Irish "
                 "Repealers, in demanding a reformed Parliament.")
    found = pairs(d, "SUPPORTS_POLICY")
    assert ("Irish Repealers", "reformed Parliament") in found
    assert not any(s == "Whigs" for s, _ in found)


def test_the_assembly_sitting_decides_the_government_it_votes_for(analysed):
    d = analysed("The Frankfurt Parliament met in May. Even this divided assembly at once voted for a "
                 "Federal Government without the Princes.")
    assert ("Frankfurt Parliament", "Federal Government without the Princes") in pairs(d, "DECIDES")


def test_an_existing_institution_demanded_by_name_is_no_new_measure(analysed):
    d = analysed("The Chartists demanded the Parliament of 1839 to hear their petition.")
    assert not [f for f in d.factoids if f.extractor == "programmes.institution.v1"]


def test_who_orders_a_hostile_deed_opposes_its_target(analysed):
    d = analysed("In 1793 the Convention ordered Dumouriez to arrest the Girondins.")
    assert ("Convention", "Girondins") in pairs(d, "OPPOSES")
    assert ("Dumouriez", "Girondins") not in pairs(d, "OPPOSES")  # he was only told to


def test_an_order_refused_is_no_stance_of_who_gave_it(analysed):
    d = analysed("In 1793 the Convention never ordered Dumouriez to arrest the Girondins.")
    assert ("Convention", "Girondins") not in pairs(d, "OPPOSES")


def test_who_invites_delegates_to_a_congress_decides_that_it_meets(analysed):
    d = analysed("In 1847 the Central Committee of the Sonderbund invited the cantons to send delegates to a "
                 "Federal Congress, which should meet at Lucerne in May.")
    assert ("Central Committee of the Sonderbund", "Federal Congress") in pairs(d, "DECIDES")
    assert ("Central Committee of the Sonderbund", "Federal Congress") in pairs(d, "PARTICIPATES")  # it convened it


def test_a_call_issued_for_a_congress_decides_it(analysed):
    d = analysed("In March the Executive Committee of the Chartist Association issued an urgent call for a "
                 "National Convention, to meet in April.")
    assert ("Executive Committee of the Chartist Association", "National Convention") in pairs(d, "DECIDES")


def test_inviting_someone_to_a_body_that_sits_is_no_convening(analysed):
    d = analysed("In 1688 the Prince of Orange invited Halifax to the Privy Council.")
    assert not [f for f in d.factoids if f.extractor == "programmes.convened.v1"]


def test_a_wing_stands_for_itself_in_every_rule_and_its_leaders_join_the_party_too(analysed):
    d = analysed("In 1788 the right wing of the Federalists, led by Hamilton and Jay, continued to campaign "
                 "against the Bill of Rights.")
    assert ("right wing of the Federalists", "Bill of Rights") in pairs(d, "OPPOSES_POLICY")
    assert ("Federalists", "Bill of Rights") not in pairs(d, "OPPOSES_POLICY")
    members = pairs(d, "MEMBER_OF")
    assert ("Hamilton", "right wing of the Federalists") in members
    assert ("Hamilton", "Federalists") in members


def test_a_quoted_side_word_names_a_wing_that_allies(analysed):
    d = analysed("In 1793 the “centre” Girondins, led by Vergniaud, joined with the Jacobins.")
    allies = pairs(d, "ALLY")
    assert ("centre Girondins", "Jacobins") in allies or ("Jacobins", "centre Girondins") in allies
    assert not {("Girondins", "Jacobins"), ("Jacobins", "Girondins")} & allies


def test_refusing_to_lend_to_a_government_opposes_it(analysed):
    d = analysed("In 1797 the Bank of England declined to lend money to the Directory.")
    assert ("Bank of England", "Directory") in pairs(d, "OPPOSES")


def test_lending_to_a_government_is_no_opposition(analysed):
    d = analysed("In 1797 the Bank of England agreed to lend money to the Directory.")
    assert ("Bank of England", "Directory") not in pairs(d, "OPPOSES")


def test_refusing_a_body_a_power_is_no_opposition_to_it(analysed):
    d = analysed("In 1781 the States refused to give the Congress power to levy taxes.")
    assert not [f for f in d.factoids if f.extractor == "stance.refused_aid.v1"]


def test_the_wing_of_a_party_named_by_its_adjective(analysed):
    d = analysed("The Whigs lost the election of 1784. Fox, leader of the left wing of the Whig party, "
                 "declared that the King had betrayed the Commons.")
    members = pairs(d, "MEMBER_OF")
    assert ("Fox", "left wing of the Whig party") in members


def test_calling_for_harm_to_people_named_by_a_common_noun_opposes_them(analysed):
    d = analysed("In 1815 the Quotidienne and the Moniteur openly and loudly advocated the extermination of the "
                 "republican clubs.")
    found = pairs(d, "OPPOSES")
    assert ("Quotidienne", "republican clubs") in found
    assert ("Moniteur", "republican clubs") in found


def test_a_measure_advocated_for_people_is_no_harm_to_them(analysed):
    d = analysed("In 1815 the Quotidienne openly advocated the education of the rural poor.")
    assert not [f for f in d.factoids if f.extractor == "stance.harm_to_group.v1"]


def test_a_paper_named_as_a_persons_is_one_they_belong_to(analysed):
    d = analysed("In 1880 Parnell’s Land League demanded the expulsion of the English landlords.")
    assert ("Parnell", "Land League") in pairs(d, "MEMBER_OF")


def test_a_work_named_as_a_persons_is_no_body_they_belong_to(analysed):
    d = analysed("Across the square drifted the sound of Berlioz’s Marche Hongroise, and the crowd fell silent.")
    assert not [f for f in d.factoids if f.extractor == "membership.owned_organ.v1"]
