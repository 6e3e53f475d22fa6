"""catalogue/bulk.py: the bulk writes shared by the importer and the generator."""

from unittest import mock

from django.db import connection
from django.test import TestCase

from anatomy.models import Muscle
from catalogue.bulk import (
    SLUG_MAX_LENGTH,
    Links,
    create_exercises,
    sync_rows,
    unique_slug,
    write_links,
)
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Role, Step
from tests.factories import make_equipment, make_exercise, make_group, make_muscle


class UniqueSlugTests(TestCase):
    def test_a_taken_slug_gets_the_next_free_number_and_is_taken_in_turn(self):
        taken = {"row", "row-2"}
        assert unique_slug("Row", taken) == "row-3"
        assert unique_slug("row", taken) == "row-4"
        assert {"row-3", "row-4"} <= taken

    def test_a_name_without_letters_falls_back_to_the_fallback_then_exercise(self):
        assert unique_slug("!!!", set(), fallback="Box_Jump") == "box_jump"
        assert unique_slug("!!!", set(), fallback="***") == "exercise"

    def test_a_long_slug_is_cut_to_fit_the_field_suffix_included(self):
        taken = set()
        first = unique_slug("a" * 300, taken)
        second = unique_slug("a" * 300, taken)
        assert first == "a" * SLUG_MAX_LENGTH
        assert second == "a" * (SLUG_MAX_LENGTH - 2) + "-2"


class WriteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        back = make_group("Back")
        arm = make_group("Arm")
        cls.lats = make_muscle("Latissimus Dorsi", group=back)
        cls.biceps = make_muscle("Biceps Brachii", group=arm)
        cls.bar = make_equipment("Barbell")
        cls.dumbbells = make_equipment("Dumbbells")
        cls.back, cls.arm = back, arm

    def test_create_exercises_writes_each_exercise_with_its_links_and_index(self):
        pks = create_exercises(
            [
                (
                    Exercise(name=f"Bulk Row {n}", slug=f"bulk-row-{n}"),
                    Links(
                        steps=["Hinge forward.", f"Row {n} times."],
                        equipment=[self.bar.pk, self.bar.pk],
                        muscles={self.lats.pk: Role.PRIMARY},
                        groups=[self.back.pk],
                    ),
                )
                for n in range(3)
            ]
        )
        exercises = Exercise.objects.filter(pk__in=pks).order_by("name")
        assert [e.name for e in exercises] == ["Bulk Row 0", "Bulk Row 1", "Bulk Row 2"]
        last = exercises.last()
        assert pks[-1] == last.pk
        assert list(last.steps.values_list("number", "text")) == [
            (1, "Hinge forward."),
            (2, "Row 2 times."),
        ]
        assert list(last.equipment.all()) == [self.bar]  # a repeated pk, once
        assert list(last.muscle_groups.all()) == [self.back]
        assert list(last.muscle_links.values_list("muscle", "role")) == [
            (self.lats.pk, Role.PRIMARY)
        ]
        assert last.letter == "B" and " hinge " in last.search_text

    def test_create_exercises_finds_the_pks_by_slug_if_the_insert_returns_none(self):
        # As on SQLite before 3.35, which Django still supports.
        with mock.patch.object(
            connection.features, "can_return_rows_from_bulk_insert", False
        ):
            pks = create_exercises(
                [
                    (
                        Exercise(name=name, slug=slug),
                        Links(steps=[f"{name}."], muscles={self.lats.pk: Role.PRIMARY}),
                    )
                    for name, slug in (("Zeta Row", "zeta-row"), ("Eta Row", "eta-row"))
                ]
            )
        assert pks == [
            Exercise.objects.get(slug="zeta-row").pk,
            Exercise.objects.get(slug="eta-row").pk,
        ]
        assert Step.objects.get(exercise_id=pks[1]).text == "Eta Row."

    def test_write_links_edits_in_place_what_stays_and_removes_the_rest(self):
        exercise = make_exercise(
            "Curl",
            steps=["Stand.", "Curl.", "Lower."],
            equipment=[self.bar],
            groups=[self.back],
            primary=[self.lats],
            secondary=[self.biceps],
        )
        step_pks = dict(exercise.steps.values_list("number", "pk"))
        link_pk = exercise.muscle_links.get(muscle=self.biceps).pk

        write_links(
            {
                exercise.pk: Links(
                    steps=["Stand.", "Curl slowly."],
                    equipment=[self.dumbbells.pk],
                    muscles={self.biceps.pk: Role.PRIMARY},
                    groups=[self.arm.pk],
                )
            },
            replace=[exercise.pk],
        )

        assert list(exercise.steps.values_list("pk", "number", "text")) == [
            (step_pks[1], 1, "Stand."),
            (step_pks[2], 2, "Curl slowly."),
        ]
        assert list(exercise.muscle_links.values_list("pk", "muscle", "role")) == [
            (link_pk, self.biceps.pk, Role.PRIMARY)
        ]
        assert list(exercise.equipment.all()) == [self.dumbbells]
        assert list(exercise.muscle_groups.all()) == [self.arm]

    def test_sync_rows_leaves_exercises_outside_replace_and_wanted_alone(self):
        kept = make_exercise("Kept", steps=["One.", "Two."])
        new = make_exercise("New", steps=0)
        sync_rows(Step, "number", "text", {new.pk: {1: "First."}}, replace=[])
        assert list(kept.steps.values_list("text", flat=True)) == ["One.", "Two."]
        assert list(new.steps.values_list("text", flat=True)) == ["First."]
        assert ExerciseMuscle.objects.count() == 0
        assert Equipment.objects.count() == 2 and Muscle.objects.count() == 4
