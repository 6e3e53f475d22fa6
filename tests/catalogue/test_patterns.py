"""The importer's movement-pattern mapping (catalogue.patterns.pattern_for)."""

import json

import pytest

from catalogue.choices import Pattern
from catalogue.patterns import pattern_for
from tests.utils import ROOT

SAMPLE = json.loads((ROOT / "tests/data/free-exercise-db-sample.json").read_text())


# The names of strength records, under the pattern each is read as, in the order
# of the name rules (the first that matches wins). Blank: an upright row is not
# a row, "Bodyweight Flyes" is a chest fly, and no rule names a crunch.
STRENGTH_NAMES = {
    "": ["Upright Barbell Row", "Bodyweight Flyes", "Ab Crunch Machine"],
    Pattern.ELEVATION: ["Barbell Shrug"],
    Pattern.PULLOVER: ["Straight-Arm Pulldown", "Bent-Arm Dumbbell Pullover"],
    Pattern.RETRACTION: ["Face Pull", "Back Flyes - With Bands"],
    Pattern.VERTICAL_PULL: [
        "Pullups",
        "Wide-Grip Lat Pulldown",
        "Band Assisted Pull-Up",
    ],
    Pattern.HORIZONTAL_PULL: ["Seated Cable Rows", "Alternating Kettlebell Row"],
    Pattern.HIP_HINGE: ["Band Good Morning"],
    Pattern.TRUNK_EXTENSION: ["Hyperextensions (Back Extensions)"],
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [(name, pattern) for pattern, names in STRENGTH_NAMES.items() for name in names],
)
def test_a_strength_record_maps_by_its_name_to_its_pattern_or_to_nothing(
    name, expected
):
    assert pattern_for({"name": name, "category": "strength"}) == expected


@pytest.mark.parametrize(
    ("name", "category", "expected"),
    [
        ("Rack Pulls", "powerlifting", Pattern.HIP_HINGE),
        ("Bicycling", "cardio", ""),
        ("Superman", "stretching", Pattern.MOBILITY),  # by its name, trunk extension
        ("Chin To Chest Stretch", "stretching", Pattern.MOBILITY),
    ],
)
def test_the_category_decides_only_for_a_stretch(name, category, expected):
    assert pattern_for({"name": name, "category": category}) == expected


def test_every_value_is_a_pattern_or_blank_across_the_sample():
    allowed = {"", *Pattern.values}
    assert all(pattern_for(record) in allowed for record in SAMPLE)
    mapped = {r["name"]: pattern_for(r) for r in SAMPLE}
    assert mapped["Chin-Up"] == Pattern.VERTICAL_PULL
    assert mapped["Barbell Shrug"] == Pattern.ELEVATION


def test_a_parsed_record_with_attributes_maps_too():
    class Record:
        name = "One-Arm Dumbbell Row"
        category = "strength"

    assert pattern_for(Record()) == Pattern.HORIZONTAL_PULL
