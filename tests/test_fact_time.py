"""Which date a fact takes: its clause's, else the story's, never a side clause's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def time_of(d, type_: str, subject: str) -> str | None:
    for f in d.factoids:
        if f.type == type_ and d.entities[f.subject].name.endswith(subject):
            w = f.when or f.start_time
            return w.value if w else None
    raise AssertionError(f"no {type_} fact for {subject}")


def test_a_season_spanning_the_present_widens_the_story_time(analysed):
    d = analysed(
        "In November 1793 Danton attacked the Committee of Public Safety. Factions gathered "
        "around him. The Convention was divided by a conflict lasting the long winter of 1793–4.\n\n"
        "Robespierre enlisted Saint-Just to organise his supporters.")
    assert d.sentence_time[-1].value == "1793/1794"
    assert d.sentence_time[-1].inferred


@pytest.mark.parametrize(("text", "story_time"), [
    pytest.param("In November 1920 Trotsky attacked the trade unions. The Democratic Centralists, who since "
                 "1919 had campaigned for democracy, entered the fray.\n\nLenin enlisted Stalin.",
                 "1920", id="an_open_interval_in_passing"),
    pytest.param("In February 1848 the crowds filled the streets of Paris.\n\n"
                 "On 24 February the king said, \u201cI abdicate in favour of my grandson.\u201d\n\n"
                 "The deputies were anxious.",
                 "1848", id="a_first_person_inside_a_quotation"),
])
def test_what_does_not_move_the_story(analysed, text, story_time):
    assert analysed(text).sentence_time[-1].value == story_time


def test_a_fact_does_not_take_a_date_beyond_a_semicolon(analysed):
    d = analysed(
        "In 1794 the Convention met again. Danton attacked Robespierre in the Convention; indeed no one "
        "since Mirabeau’s death in April 1791 had spoken so boldly.")
    assert time_of(d, "OPPOSES", "Danton") == "1794"
    assert time_of(d, "DIED", "Mirabeau") == "1791-04"


def test_a_fact_takes_the_date_of_its_own_clause(analysed):
    d = analysed(
        "In 1922 the quarrel began. Mdivani had been in his good books; it was Stalin who had arranged "
        "for him to become Chairman of the Georgian Revolutionary Committee in July 1921.")
    assert time_of(d, "HOLDS_OFFICE", "Mdivani") == "1921-07"


def test_a_narrative_leaps_forward_by_years(analysed):
    d = analysed("In 60 BC Caesar, Pompey and Crassus formed an alliance. After Crassus died at Carrhae in 53 BC, "
                 "the alliance collapsed. Caesar defeated Pompey at the Battle of Pharsalus in 48 BC. Pompey fled "
                 "to Egypt, where he was murdered.")
    assert [w.value for w in d.sentence_time] == ["-0060", "-0053", "-0048", "-0048"]


def test_a_tenure_stated_as_a_span_has_a_start_and_an_end(analysed):
    d = analysed("Alexander Hamilton served as Secretary of the Treasury from 1789 to 1795.")
    (f,) = [f for f in d.factoids if f.type == "HOLDS_OFFICE"]
    assert (f.start_time.value, f.end_time.value, f.when) == ("1789", "1795", None)


def test_a_story_told_day_by_day_keeps_the_day_and_then_the_month(analysed):
    d = analysed(
        "On the evening of 3 March 1861 the senator dined with friends. On 4 March he fell ill. "
        "His physician was sent for.\n\nThe household waited anxiously.")
    assert [w.value for w in d.sentence_time] == ["1861-03-03", "1861-03-04", "1861-03-04", "1861-03"]


def test_a_story_told_by_months_coarsens_to_the_month_then_the_year(analysed):
    d = analysed(
        "In January 1861 the senator returned to the capital. In June 1861 he resigned. "
        "His friends deserted him.\n\nThe household waited anxiously.")
    assert [w.value for w in d.sentence_time][2:] == ["1861-06", "1861"]


def test_a_month_before_the_first_year_takes_the_year_the_text_names_later(analysed):
    d = analysed(
        "In September the general marched on the capital. He was arrested by his own soldiers.\n\n"
        "As long ago as May, 1848, the assembly had demanded a republic.")
    assert [w.value if w else None for w in d.sentence_time[:2]] == ["1848-09", "1848-09"]


def test_a_text_without_dates_before_its_first_date_has_no_time(analysed):
    d = analysed("The assembly was restless. In March 1848 it demanded a republic.")
    assert d.sentence_time[0] is None and d.sentence_time[1].value == "1848-03"


def _tenure(d, subject: str):
    (f,) = [f for f in d.factoids if f.type == "HOLDS_OFFICE" and d.entities[f.subject].name == subject]
    return f.start_time.value, f.end_time.value if f.end_time else None, f.end_basis, \
        f.end_time.inferred if f.end_time else None


def test_an_open_tenure_ends_at_the_successor_then_at_the_horizon(analysed):
    d = analysed("In March 1702 Harley was appointed Secretary of State. Bolingbroke was appointed "
                 "Secretary of State in May 1710. Harley died in May 1724.")
    assert _tenure(d, "Harley") == ("1702-03", "1710-05", "successor", True)
    # nobody follows Bolingbroke: he is last attested at the latest date the text speaks of
    assert _tenure(d, "Bolingbroke") == ("1710-05", "1724-05", "horizon", True)


def test_an_open_tenure_ends_at_the_holders_death(analysed):
    d = analysed("In March 1702 Harley was appointed Secretary of State. Harley died in May 1704. "
                 "Bolingbroke was appointed Secretary of State in May 1710.")
    assert _tenure(d, "Harley") == ("1702-03", "1704-05", "death", True)


def test_kinship_takes_no_date_from_the_story(analysed):
    d = analysed("In 1721 Robert Walpole quarrelled with Charles Townshend. Catherine Shorter, the wife "
                 "of Robert Walpole, lived in Chelsea.")
    kin = [f for f in d.factoids if f.type == "KIN"]
    assert kin and all(f.when is None and f.start_time is None for f in kin)
    assert time_of(d, "OPPOSES", "Walpole") == "1721"


def test_a_birth_takes_no_date_from_another_clause(analysed):
    d = analysed("In 1907 the museum in Eisenach, where Bach was born, was opened.")
    born = [f for f in d.factoids if f.type == "BORN"]
    assert born and all(f.when is None for f in born)


def test_caesar_consulship_and_death_carry_bc_dates(analysed):
    d = analysed("In 59 BC Caesar was elected consul with Bibulus. In 44 BC he ruled Rome as dictator. "
                 "On the Ides of March he was killed by Brutus in the Senate.")
    (consul,) = [f for f in d.factoids if f.type == "HOLDS_OFFICE" and d.entities[f.object].name == "consul"]
    assert consul.start_time.value == "-0059"
    assert consul.end_time.value == "-0044-03-15" and consul.end_basis == "death"
    assert time_of(d, "DIED", "Caesar") == "-0044-03-15"


def test_regnal_years_count_from_the_last_anchored_date(analysed):
    d = analysed("In 59 BC Caesar was elected consul with Bibulus. In the fourth year of his consulship "
                 "he crossed the Rhine.")
    assert [w.value for w in d.sentence_time] == ["-0059", "-0056"]


def test_a_sentence_dated_by_a_named_period_does_not_take_the_story_time(analysed):
    d = analysed("In 1922 the party congress met in Moscow. Kaganovich had spent most of the Civil War "
                 "as a political commissar.")
    (f,) = [f for f in d.factoids if f.type == "HOLDS_OFFICE"]
    assert f.when is None and f.start_time is None
    assert d.sentence_time[1].value == "1922"  # the sentence itself still sits in the story


def test_a_paragraph_that_steps_from_day_to_day_keeps_its_latest_day(analysed):
    d = analysed(
        "In January 1861 the senator returned to the capital. In June 1861 he resigned. In September "
        "1861 he travelled abroad.\n\nOn 3 March 1862 the council met. On 6 March it dissolved. "
        "Its members dispersed.\n\nThe senator wrote his memoirs.")
    assert [w.value for w in d.sentence_time][-2:] == ["1862-03-06", "1862"]


def test_an_eyewitness_day_holds_over_the_paragraphs_that_follow_it(analysed):
    # a memoir: the narrator is at the Assembly on a day, and the speech he reports in the
    # next paragraphs is that day's, until the story names another date
    d = analysed(
        "In February 1848 the crowds filled the streets of Paris. The ministry fell.\n\n"
        "On 24 February I went to the Chamber of Deputies to hear the debate.\n\n"
        "The deputies were anxious. \u201cThe monarchy is finished,\u201d cried Lamartine.\n\n"
        "On 26 February the republic was proclaimed. The provisional government met.\n\n"
        "The clubs multiplied.")
    times = [w.value if w else None for w in d.sentence_time]
    assert times[3:5] == ["1848-02-24", "1848-02-24"]
    assert times[-1] == "1848-02"  # a historian's day sets no scene: a paragraph later, its month


def test_a_month_that_only_qualifies_a_noun_does_not_move_the_story(analysed):
    d = analysed(
        "On 12 November 1848 I attended the session of the Assembly.\n\n"
        "A young officer rose, wounded in the June fighting and thought dead. \u201cThe army is with "
        "the people,\u201d he said.")
    assert [w.value for w in d.sentence_time][-1] == "1848-11-12"


def test_a_date_a_speaker_names_does_not_move_the_story(analysed):
    d = analysed(
        "In March 1815 the emperor landed at Antibes. The envoy wrote to the regent. "
        "\u201cThe roads are closed. It is Christmas in the mountains, and the passes are "
        "snowed up,\u201d he complained. The regent ignored him.")
    assert d.sentence_time[-1].value.startswith("1815-03")


def _membership(d, subject: str):
    (f,) = [f for f in d.factoids if f.type == "MEMBER_OF" and d.entities[f.subject].name == subject]
    return f.start_time.value, f.end_time.value if f.end_time else None, f.end_basis


def test_a_body_s_dissolution_ends_its_members_seats(analysed):
    d = analysed("Pym was a member of the Long Parliament from 1640. The Long Parliament was "
                 "dissolved by Cromwell in April 1653. Pym's friends mourned in 1660.")
    assert _membership(d, "Pym") == ("1640", "1653-04", "dissolution")


def test_a_threat_to_dissolve_a_body_ends_nothing(analysed):
    d = analysed("Witte sat in the State Council from 1905. In May 1906 the Tsar threatened to "
                 "dissolve the State Council. Witte wrote his memoirs in 1912.")
    assert _membership(d, "Witte") == ("1905", "1912", "horizon")


HANDOVER = ("In June 1830 the Lord Chancellor Eldon fell ill at Westminster. Eldon died on "
            "26 June 1830. The new Lord Chancellor, Lyndhurst, addressed the Lords.")


def test_an_office_named_in_the_month_of_its_holder_s_death_ends_at_the_death(analysed):
    d = analysed(HANDOVER)
    eldon, lyndhurst = (next(f for f in d.factoids if f.type == "HOLDS_OFFICE"
                             and d.entities[f.subject].name == n) for n in ("Eldon", "Lyndhurst"))
    assert eldon.when is None and eldon.end_time.value == "1830-06-26" and eldon.end_basis == "death"
    # 'the new Lord Chancellor' took the office when Eldon left it
    assert lyndhurst.when is None and lyndhurst.start_time.value == "1830-06-26"


def test_the_system_on_a_date_lists_the_holder_before_and_the_new_one_after(tmp_path):
    import cliograph
    from cliograph import query
    (tmp_path / "a.txt").write_text(HANDOVER + "\n", encoding="utf-8")
    assert cliograph.ingest([tmp_path / "a.txt"], db=tmp_path / "a.db").ok
    store = cliograph.open(tmp_path / "a.db")
    try:
        def holders(day):
            return [h["person"]["name"] for o in query.state_on(store, day)["offices"]
                    for h in o["holders"]]
        assert holders("1830-06-20") == ["Eldon"]
        assert holders("1830-06-28") == ["Lyndhurst"]
    finally:
        store.close()


def test_a_day_a_speaker_names_is_not_the_document_s_horizon(analysed):
    d = analysed("In March 1702 Harley was appointed Secretary of State. \u201cIt is Christmas in "
                 "my heart,\u201d he wrote to his sister.")
    assert _tenure(d, "Harley") == ("1702-03", "1702-03", "horizon", True)


def test_an_author_s_we_sets_no_scene(analysed):
    d = analysed(
        "In June 1815 the allies entered Paris.\n\n"
        "On 8 July 1815 the king returned, in what we may consider a second restoration.\n\n"
        "The ministers quarrelled.")
    assert d.sentence_time[-1].value != "1815-07-08"


def test_a_body_s_decision_takes_the_month_the_story_has_reached(analysed):
    d = analysed("The Diet first met at Frankfurt on 18 May 1848. Many deputies came late.\n\n"
                 "The debates were long. The Diet adopted universal suffrage as its rule.")
    assert time_of(d, "DECIDES", "Diet") == "1848-05"
    assert time_of(d, "SUPPORTS_POLICY", "Diet") == "1848"  # a stance keeps the year


def test_a_quotation_set_as_its_own_paragraph_goes_on_with_the_scene(analysed):
    d = analysed(
        "On 3 March 1861 the senator arrived in the capital. On 4 March he read the governor's "
        "letter to the Senate.\n\n"
        "\u201cThe Union is in danger,\u201d the governor wrote.\n\n"
        "The senators dispersed.")
    times = [w.value for w in d.sentence_time]
    assert times[2] == "1861-03-04"
    assert times[3] == "1861-03"  # a paragraph of narrative moves on, as before


def test_an_office_named_undated_where_its_holder_s_death_is_reported_ends_at_the_death(analysed):
    # the sentence reports the death without a date; the text dates it later
    d = analysed("The death of King Louis the Fourteenth surprised nobody at Versailles. "
                 "He had reigned for seventy-two years.\n\n"
                 "In August 1715 his leg turned black. Louis the Fourteenth died on 1 September 1715.")
    king = [f for f in d.factoids if f.type == "HOLDS_OFFICE"
            and d.entities[f.subject].name.startswith("King Louis")]
    assert king, [(f.type, d.entities[f.subject].name) for f in d.factoids]
    assert king[0].end_time.value == "1715-09-01" and king[0].end_basis == "death"
    assert king[0].when.value == "1715-09-01"  # attested at the death: no open start


def test_a_holder_placed_in_the_month_of_his_predecessor_s_death_starts_at_the_death(analysed):
    d = analysed("In June 1830 the Lord Chancellor Eldon fell ill at Westminster. Eldon died on "
                 "26 June 1830.\n\nLyndhurst, the Lord Chancellor, addressed the Lords.")
    lyndhurst = next(f for f in d.factoids if f.type == "HOLDS_OFFICE"
                     and d.entities[f.subject].name == "Lyndhurst")
    assert lyndhurst.when is None and lyndhurst.start_time.value == "1830-06-26"


def test_a_letter_set_out_after_its_dated_introduction_is_of_that_day(analysed):
    d = analysed(
        "In 1815 the allies gathered their armies in Belgium.\n\n"
        "On 16 June 1815, Wellington wrote to his brother:\n\n"
        "The Prussians were attacked this morning near Ligny. Blucher holds his ground.\n\n"
        "The armies met at Waterloo.")
    times = [w.value if w else None for w in d.sentence_time]
    assert times[1] == "1815-06-16"
    assert times[2:4] == ["1815-06-16", "1815-06-16"]  # the letter's sentences
    assert times[4] == "1815"  # the story, a paragraph later, at its year


def test_a_look_ahead_the_story_never_reaches_is_not_its_horizon(analysed):
    d = analysed("In March 1702 Harley was appointed Secretary of State. The quarrel was settled, "
                 "although sixty years later it divided the nation again.\n\nThe Queen was pleased.")
    assert _tenure(d, "Harley") == ("1702-03", "1702-03", "horizon", True)


def test_a_gapped_clause_s_date_dates_its_own_doer(analysed):
    d = analysed("The first province to accept the Charter of Union was Savoy, on March 3, 1821. "
                 "Bavaria followed on April 9th, and Hanover on April 14th.")
    assert (time_of(d, "SUPPORTS_POLICY", "Bavaria"), time_of(d, "SUPPORTS_POLICY", "Hanover")) == \
        ("1821-04-09", "1821-04-14")


def test_an_act_that_waited_until_a_day_happened_that_day(analysed):
    d = analysed("The first province to accept the Charter of Union was Savoy, on March 3, 1821. "
                 "Bavaria followed in April. Sardinia waited until June 2nd.")
    assert time_of(d, "SUPPORTS_POLICY", "Sardinia") == "1821-06-02"  # not '../1821-06-02'

