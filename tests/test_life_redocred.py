"""Births and deaths in the shapes encyclopaedias use (Re-DocRED's): a participle that
opens the sentence, and a bracketed life after a name whatever kind the name was given."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def lives(d, type_: str) -> list[tuple[str, str | None, str | None]]:
    """(person, time, place) of each fact of the type."""
    return [(d.entities[f.subject].name, f.when.value if f.when else None,
             d.entities[f.place].name if f.place is not None else None)
            for f in d.factoids if f.type == type_]


def test_an_opening_participle_gives_the_birthplace_not_the_main_clause_s_date(analysed):
    d = analysed("Born in Lyon, Marie Dupont moved to Paris in 1890.")
    assert lives(d, "BORN") == [("Marie Dupont", None, "Lyon")]


def test_an_opening_participle_keeps_its_own_date(analysed):
    d = analysed("Born in Lyon in 1862, Marie Dupont moved to Paris in 1890.")
    assert lives(d, "BORN") == [("Marie Dupont", "1862", "Lyon")]


@pytest.mark.parametrize("text", [
    "Ottokar Brenneis (11 October 1874, in Liegnitz – 6 January 1915, in Berlin) was a German surgeon.",
    "Leopold Marzahn (3 April 1874 in Liegnitz – 6 January 1915 in Berlin) was a German chemist.",
])
def test_a_bracketed_life_with_days_and_places(analysed, text):
    d = analysed(text)
    name = " ".join(text.split()[:2])
    assert (name, "1874-10-11" if "October" in text else "1874-04-03", "Liegnitz") in lives(d, "BORN")
    assert (name, "1915-01-06", "Berlin") in lives(d, "DIED")


@pytest.mark.parametrize("text", [
    "The House of Stuart (1603 – 1714) ruled England and Scotland.",
    "The Hanseatic Company (12 May 1601 – 3 June 1699) traded furs.",
])
def test_a_body_s_dates_in_brackets_are_no_life(analysed, text):
    d = analysed(text)
    assert not lives(d, "BORN") and not lives(d, "DIED")


def test_a_bracketed_participle_keeps_the_date_inside_its_brackets(analysed):
    d = analysed("Walter Greystoke (born 14 October 1911) is remembered as an engineer.")
    assert ("Walter Greystoke", "1911-10-14", None) in lives(d, "BORN")


def test_one_birth_per_person_and_sentence_carries_what_each_rule_read(analysed):
    d = analysed("Walter Greystoke (3 May 1862 – 9 June 1930) was born in Lyon and built bridges.")
    assert lives(d, "BORN") == [("Walter Greystoke", "1862-05-03", "Lyon")]


def test_a_bracketed_birth_after_a_nickname_in_quotes_is_the_named_person_s(analysed):
    # the name may be read as the quoted nickname alone: the brackets follow the surname
    # (the tagger reads this surname as a common noun, outside the mention 'Fritz')
    d = analysed("Fritz Schneider (bobsledder)\n\nFriedrich \"Fritz\" Schneider (born 2 June 1961 in Graz, "
                 "Styria) is an Austrian bobsledder who competed from 1982 to 1990.")
    born = lives(d, "BORN")
    assert len(born) == 1 and born[0][1:] == ("1961-06-02", "Graz"), born


def _parsed(words: list[str], heads: list[int], pos: list[str], mentions: dict[int, int]):
    """A parse fixed by hand (what the tagger gave on real pages), with the tokens that
    belong to a mention: enough for the name's end to be read."""
    from types import SimpleNamespace

    import spacy
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, pos=pos,
              deps=["dep"] * len(words))
    return SimpleNamespace(doc=doc, token_mention=mentions)


def test_a_name_ends_past_its_quoted_nickname_at_the_surname():
    from cliograph.pipeline.relations.life import _name_end
    # Friedrich "Fritz" Schneider (born ...: the mention is 'Fritz', the surname a NOUN
    words = ["Friedrich", '"', "Fritz", '"', "Schneider", "(", "born", "1961", ")"]
    d = _parsed(words, [4, 4, 4, 4, 4, 4, 4, 6, 4],
                ["PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "PUNCT", "VERB", "NUM", "PUNCT"], {2: 0})
    fritz = d.doc[2]
    assert _name_end(d, fritz.idx + len(fritz.text)) == d.doc[4].idx + len("Schneider")


def test_a_name_does_not_run_into_its_brackets():
    from cliograph.pipeline.relations.life import _name_end
    # Pavel Orlovsky (;May 22, 1913 ...: the parser hung the name on the month in the brackets
    words = ["Pavel", "Orlovsky", "(", ";", "May", "22", ",", "1913", ")"]
    d = _parsed(words, [1, 4, 4, 4, 4, 4, 4, 4, 4],
                ["PROPN", "PROPN", "PUNCT", "PUNCT", "PROPN", "NUM", "PUNCT", "NUM", "PUNCT"], {0: 0, 1: 0})
    end = d.doc[1].idx + len("Orlovsky")
    assert _name_end(d, end) == end


@pytest.mark.parametrize("text, born", [
    ("Ada Roe was an English painter born in Leeds.", ("Ada Roe", None, "Leeds")),
    ("Ada Roe (3 May 1901 – 2 March 1971) was an English painter, born in Leeds, Yorkshire.",
     ("Ada Roe", "1901-05-03", "Leeds")),
])
def test_a_participle_on_the_predicate_noun_gives_the_subject_s_birthplace(analysed, text, born):
    assert lives(analysed(text), "BORN") == [born]


@pytest.mark.parametrize("text, born, died", [
    ("Otto Brandauer (1820 – 88) was a Bavarian painter.", "1820", "1888"),  # a death year in two digits
    ("Hans Olsen (1795 – 03) was a Danish judge.", "1795", "1803"),  # ... in the next century
    ("Tomas Dworak (; 1859 – April 1920) was a Polish architect.", "1859", "1920-04"),  # a bare year, a month
    ("Karl Meissner (about 1780–4 September 1804) was a naval officer.", "1780~", "1804-09-04"),
    ("Radu Pella (February 15, 1890–1980) was a Romanian clerk.", "1890", "1980"),  # dates the timeline misses
])
def test_a_bracketed_life_in_the_shapes_encyclopaedias_abbreviate(analysed, text, born, died):
    d = analysed(text)
    name = " ".join(text.split()[:2])
    assert [(n, w) for n, w, _ in lives(d, "BORN")] == [(name, born)]
    assert [(n, w) for n, w, _ in lives(d, "DIED")] == [(name, died)]


def test_a_life_still_going_on_gives_the_birth_year_alone(analysed):
    d = analysed("Lajos Kertesz (1944– ) is a Hungarian footballer.")
    assert lives(d, "BORN") == [("Lajos Kertesz", "1944", None)]
    assert lives(d, "DIED") == []



@pytest.mark.parametrize("text, person, place", [
    ("Wang Lei is a singer. Wang was born and raised in Hohhot, Inner Mongolia.", "Wang Lei", "Hohhot"),
    ("Ada Roe was a writer. She was born Adeline Mary Roe in Leeds.", "Ada Roe", "Leeds"),
])
def test_a_birthplace_on_the_verb_born_shares_or_on_the_birth_name(analysed, text, person, place):
    assert (person, None, place) in lives(analysed(text), "BORN")
