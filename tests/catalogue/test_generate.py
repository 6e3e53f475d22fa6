"""catalogue/generate.py and ``generate_exercises``: exercises for scale tests."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils.text import slugify

from catalogue.choices import Category, Force, Level, Mechanic, Role
from catalogue.generate import delete_generated, generate_exercises
from catalogue.models import Exercise, ExerciseMuscle, Step
from catalogue.search import compact_key
from tests.utils import ALL_FIXTURES

FIXTURE_EXERCISES = 45


class GenerateTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.names = generate_exercises(50)
        cls.generated = Exercise.objects.filter(source_ref__startswith="generated:")

    def test_fifty_valid_published_exercises_spread_across_the_letters(self):
        assert len(self.names) == 50 == self.generated.count()
        assert self.names[:2] == ["Alpha Row 00001", "Bravo Press 00002"]
        assert Exercise.objects.count() == FIXTURE_EXERCISES + 50
        assert self.generated.published().count() == 50
        assert {e.letter for e in self.generated} == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        assert sorted(e.source_ref for e in self.generated) == sorted(
            f"generated:{n}" for n in range(1, 51)
        )
        for exercise in self.generated:
            assert exercise.slug == slugify(exercise.name)
            assert exercise.search_names == f" {compact_key(exercise.name)} "

    def test_each_has_numbered_steps_equipment_and_muscles_tagged_by_group(self):
        for exercise in self.generated.prefetch_related(
            "steps", "equipment", "muscle_groups", "muscle_links__muscle"
        ):
            numbers = [step.number for step in exercise.steps.all()]
            assert numbers == list(range(1, len(numbers) + 1))
            assert 4 <= len(numbers) <= 6
            assert 1 <= len(exercise.equipment.all()) <= 2
            links = exercise.muscle_links.all()
            primary = [link.muscle for link in links if link.role == Role.PRIMARY]
            secondary = [link.muscle for link in links if link.role == Role.SECONDARY]
            assert 1 <= len(primary) <= 2 and 1 <= len(secondary) <= 2
            assert all(not muscle.is_group for muscle in primary + secondary)
            assert {g.pk for g in exercise.muscle_groups.all()} == {
                m.group_id for m in primary
            }

    def test_steps_name_the_exercise_and_are_in_its_search_text(self):
        exercise = Exercise.objects.get(name="Alpha Row 00001")
        first = exercise.steps.get(number=1).text
        assert first == (
            "Set up for the Alpha Row 00001 with your feet planted and "
            "your spine neutral."
        )
        assert " planted " in exercise.search_text

    def test_choices_cycle_and_about_two_percent_are_picks(self):
        assert {e.level for e in self.generated} == set(Level.values)
        assert {e.category for e in self.generated} == set(Category.values)
        assert {e.force for e in self.generated} == set(Force.values)
        assert {e.mechanic for e in self.generated} == set(Mechanic.values)
        assert self.generated.filter(is_best=True).count() == 1

    def test_more_continue_the_numbering_with_a_prefix(self):
        names = generate_exercises(3, prefix="Bench")
        assert names == [
            "Bench Yankee Stretch 00051",
            "Bench Zulu Shrug 00052",
            "Bench Alpha Row 00053",
        ]
        assert Exercise.objects.get(source_ref="generated:53").name == names[-1]

    def test_delete_removes_only_generated_exercises(self):
        steps = Step.objects.exclude(exercise__in=self.generated).count()
        links = ExerciseMuscle.objects.exclude(exercise__in=self.generated).count()
        assert delete_generated() == 50
        assert Exercise.objects.count() == FIXTURE_EXERCISES
        assert Step.objects.count() == steps
        assert ExerciseMuscle.objects.count() == links
        assert not Exercise.equipment.through.objects.filter(
            exercise__source_ref__startswith="generated:"
        ).exists()
        assert delete_generated() == 0

    def test_the_command_adds_with_a_prefix_deletes_and_needs_a_count(self):
        out = StringIO()
        call_command("generate_exercises", "2", "--prefix", "Scale", stdout=out)
        assert out.getvalue().startswith(
            "Generated 2 exercises (Scale Yankee Stretch 00051 to Scale Zulu Shrug 00052)"
        )
        assert self.client.get("/exercises/scale-zulu-shrug-00052/").status_code == 200
        assert self.client.get("/exercises/?q=zulu").status_code == 200
        out = StringIO()
        call_command("generate_exercises", "--delete", stdout=out)
        assert out.getvalue() == "Deleted 52 generated exercises.\n"
        with pytest.raises(CommandError):
            call_command("generate_exercises")
        with pytest.raises(CommandError):
            call_command("generate_exercises", "0")
