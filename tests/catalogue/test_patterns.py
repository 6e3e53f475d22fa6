"""The importer's movement-pattern mapping (catalogue.patterns.pattern_for)."""

import json

import pytest

from catalogue.choices import Pattern
from catalogue.patterns import pattern_for
from tests.utils import ROOT

SAMPLE = json.loads((ROOT / "tests/data/free-exercise-db-sample.json").read_text())


@pytest.mark.parametrize(
    ("name", "category", "expected"),
    [
        ("Pullups", "strength", Pattern.VERTICAL_PULL),
        ("Wide-Grip Lat Pulldown", "strength", Pattern.VERTICAL_PULL),
        ("Band Assisted Pull-Up", "strength", Pattern.VERTICAL_PULL),
        ("Seated Cable Rows", "strength", Pattern.HORIZONTAL_PULL),
        ("Alternating Kettlebell Row", "strength", Pattern.HORIZONTAL_PULL),
        ("Upright Barbell Row", "strength", ""),
        ("Barbell Shrug", "strength", Pattern.ELEVATION),
        ("Straight-Arm Pulldown", "strength", Pattern.PULLOVER),
        ("Bent-Arm Dumbbell Pullover", "strength", Pattern.PULLOVER),
        ("Face Pull", "strength", Pattern.RETRACTION),
        ("Back Flyes - With Bands", "strength", Pattern.RETRACTION),
        ("Bodyweight Flyes", "strength", ""),  # a chest fly
        ("Band Good Morning", "strength", Pattern.HIP_HINGE),
        ("Rack Pulls", "powerlifting", Pattern.HIP_HINGE),
        ("Superman", "stretching", Pattern.MOBILITY),
        ("Hyperextensions (Back Extensions)", "strength", Pattern.TRUNK_EXTENSION),
        ("Chin To Chest Stretch", "stretching", Pattern.MOBILITY),
        ("Ab Crunch Machine", "strength", ""),
        ("Bicycling", "cardio", ""),
    ],
)
def test_a_record_maps_to_its_pattern_or_to_nothing(name, category, expected):
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
