"""Where places are: the shipped GeoNames data, namesakes settled by the company a name keeps."""

from __future__ import annotations

from cliograph.gazetteer import locate, locate_together


def test_gazetteer_knows_modern_places_and_their_old_names():
    assert locate("Rome").country == "IT"
    assert locate("Athens").country == "GR"  # not Athens, Georgia
    assert locate("Petrograd").name == "Saint Petersburg"  # an alternate name
    assert locate("Georgia").country == "GE"  # the country outranks its namesake towns


def test_gazetteer_gives_no_point_for_places_it_does_not_know():
    assert locate("Carrhae") is None
    assert locate("Zzyzxville of the Nine Moons") is None


def test_gazetteer_settles_namesakes_by_the_places_around_them():
    assert locate("Corinth").country == "US"  # alone, the biggest Corinth
    greek = locate_together(["Athens", "Sparta", "Corinth", "Megara", "Argos"])
    assert {loc.country for loc in greek.values()} == {"GR"}
    assert "Carrhae" not in locate_together(["Rome", "Carrhae"])
