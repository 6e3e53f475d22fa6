"""Every fixture exercise has a movement pattern; a missing one is reported."""

from django.test import TestCase

from catalogue.models import Exercise
from catalogue.quality import exercises_without_pattern
from tests.utils import ALL_FIXTURES


class PatternQualityTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_fixture_exercise_has_a_pattern(self):
        assert not Exercise.objects.filter(pattern="").exists()
        assert exercises_without_pattern() == []

    def test_an_exercise_without_one_is_listed(self):
        Exercise.objects.filter(slug="superman").update(pattern="")
        assert [p.label for p in exercises_without_pattern()] == ["Superman"]
