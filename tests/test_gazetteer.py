"""The bundled gazetteer: states, capitals and large cities, with their GeoNames ids."""

from __future__ import annotations

import pytest

from kg.extract.mentions import find_mentions
from kg.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    "name,label,country",
    [
        ("Muscat", "Muscat", "oman"),
        ("Bogota", "Bogotá", "colombia"),
        ("DUBAI", "Dubai", "united-arab-emirates"),
        ("Kinshasa", "Kinshasa", "democratic-republic-of-the-congo"),
    ],
)
def test_the_gazetteer_knows_capitals_and_large_cities(name, label, country):
    entry = load_gazetteer().lookup(name)
    assert (entry.label, entry.kind, entry.country) == (label, "City", country)
    assert entry.geonames


def test_a_city_name_that_is_an_english_word_is_left_out():
    assert load_gazetteer().lookup("Male") is None
    assert load_gazetteer().country_of_demonym("Chinese").label == "China"


def test_a_capital_is_a_city_mention_where_the_model_may_miss_it():
    mentions = find_mentions("Muscat has denied the report.")
    assert [(m.span.text, m.kind, m.affiliations) for m in mentions] == [("Muscat", "City", ("Oman",))]


@pytest.mark.parametrize(
    "text,span,label,kind",
    [
        ("The IDF said it struck a depot.", "IDF", "Armed forces of Israel", "ArmedGroup"),
        ("Israeli troops entered the camp.", "Israeli troops", "Armed forces of Israel", "ArmedGroup"),
        ("Malian soldiers fired on the crowd.", "Malian soldiers", "Armed forces of Mali", "ArmedGroup"),
        ("The Malian junta expelled the envoy.", "Malian junta", "Government of Mali", "Government"),
        ("The M23 rebels took the town.", "M23 rebels", "March 23 Movement", "ArmedGroup"),
        (
            "Human Rights Watch published a report.",
            "Human Rights Watch",
            "Human Rights Watch",
            "Organization",
        ),
        ("The fighting in eastern DRC went on.", "DRC", "Democratic Republic of the Congo", "Country"),
    ],
)
def test_armed_forces_juntas_and_conflict_actors_are_named(text, span, label, kind):
    assert (span, label, kind) in {(m.span.text, m.label, m.kind) for m in find_mentions(text)}


def test_a_military_government_is_not_the_army():
    mentions = find_mentions("Mali's military government denied the report.")
    assert all(m.kind != "ArmedGroup" for m in mentions)


@pytest.mark.parametrize(
    "text,span,label",
    [
        ("Yemen's Houthi rebels said they fired.", "Houthi rebels", "Houthis"),
        ("Hezbollah fighters crossed the border.", "Hezbollah fighters", "Hezbollah"),
        ("CENTCOM said it struck launchers.", "CENTCOM", "U.S. Central Command"),
    ],
)
def test_an_armed_groups_members_are_the_group(text, span, label):
    assert (span, label) in {(m.span.text, m.label) for m in find_mentions(text)}
