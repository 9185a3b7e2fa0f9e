"""Splits: one entity named two ways in one text ends up as one (texts of other periods than
the gold chapters'), and two entities named alike stay two."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def entity_named(d, alias: str):
    for e in d.entities:
        if alias == e.name or alias in e.aliases:
            return e
    raise AssertionError(f"no entity with alias {alias!r}: {[e.name for e in d.entities]}")


def test_a_bare_head_joins_the_full_name_that_opens_with_it_over_a_kind_of_it(analysed):
    d = analysed("In 1787 the Assembly of Notables met at Versailles. The Provincial Assembly sent a petition "
                 "to the King. The Assembly refused the new taxes, and the Assembly was dismissed in May.")
    assert entity_named(d, "Assembly") is entity_named(d, "Assembly of Notables")
    assert entity_named(d, "Provincial Assembly") is not entity_named(d, "Assembly")


def test_a_bare_head_does_not_join_a_towns_own_council(analysed):
    d = analysed("In 1848 the Council of Lyons sent an address to Paris. The Council of the Republic met daily, "
                 "and the Council of the Republic debated the tax. The Council then adjourned, and the Council "
                 "voted the budget.")
    assert entity_named(d, "Council") is entity_named(d, "Council of the Republic")
    assert entity_named(d, "Council of Lyons") is not entity_named(d, "Council")


def test_a_glossed_name_the_text_goes_on_using_joins_its_full_name(analysed):
    d = analysed("The delegates to the first Bundestag (Diet) were few. The Diet met again in 1851, and the "
                 "Diet of the Confederation voted a loan. The Diet then closed its doors.")
    assert entity_named(d, "Bundestag") is entity_named(d, "Diet of the Confederation")


def test_a_plural_place_head_joins_its_one_longer_name(analysed):
    d = analysed("The Spanish Colonies rebelled in 1810. The Colonies declared their independence, and the "
                 "Colonies raised armies against the viceroys.")
    assert entity_named(d, "Colonies") is entity_named(d, "Spanish Colonies")


def test_a_peers_seat_of_two_words_said_alone_is_the_peer(analysed):
    d = analysed("The Count of Torre Nova, who had been received at the Imperial court, wrote to the Pope. "
                 "The letter of Torre Nova was read in the Consistory.")
    assert entity_named(d, "Torre Nova") is entity_named(d, "Count of Torre Nova")


def test_a_bodys_governing_board_named_for_it_is_the_body(analysed):
    d = analysed("In 1890 the Board of Admiralty ordered new ships. The Admiralty had long resisted, but the "
                 "Board of Admiralty overruled the dockyards, and the Admiralty paid.")
    assert entity_named(d, "Admiralty") is entity_named(d, "Board of Admiralty")


def test_a_body_with_two_councils_keeps_them_apart(analysed):
    d = analysed("The Union of Miners called a strike in 1926. The Council of the Union of Miners met in Cardiff, "
                 "and the Board of the Union of Miners met in London. The Union of Miners lost the strike.")
    assert entity_named(d, "Board of the Union of Miners") is not entity_named(d, "Union of Miners")
