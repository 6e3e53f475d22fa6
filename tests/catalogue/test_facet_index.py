"""The facet index reads only the bits a page needs, and they are the right ones."""

import random

from django.test import TestCase

from catalogue.facet_index import SKIP_BLOCK, FacetIndex, current_index
from catalogue.models import Exercise, ExerciseMuscle, Role
from tests.utils import ALL_FIXTURES


def index_of(size):
    """An index with just the fields ``positions`` and ``of_positions`` read."""
    index = FacetIndex.__new__(FacetIndex)
    index.order = list(range(size))
    return index


def test_a_window_of_positions_is_that_slice_of_all_of_them():
    chooser = random.Random(20261130)
    for size in (0, 1, 45, SKIP_BLOCK - 1, SKIP_BLOCK, 3 * SKIP_BLOCK + 7, 10_000):
        index = index_of(size)
        for density in (0.0, 0.01, 0.5, 1.0):
            bits = [n for n in range(size) if chooser.random() < density]
            mask = index.of_positions(bits)
            for start in {0, 1, 47, 48, len(bits) // 2, len(bits) - 1, len(bits)}:
                for stop in {start, start + 1, start + 48, None}:
                    if start < 0:
                        continue
                    assert index.positions(mask, start, stop) == bits[start:stop]
                    backwards = bits[::-1][start:stop]
                    assert index.positions(mask, start, stop, reverse=True) == backwards


def test_a_mask_from_positions_has_exactly_those_bits():
    index = index_of(1000)
    bits = [0, 7, 8, 63, 64, 999]
    assert index.of_positions(bits) == sum(1 << bit for bit in bits)
    assert index.of_positions([]) == 0


class RowsFromTheIndexTests(TestCase):
    """What an exercise page reads from the index instead of querying: the same
    rows, in the same order, as the database gives."""

    fixtures = ALL_FIXTURES

    def test_every_exercise_has_its_equipment_groups_and_muscles_by_role(self):
        index = current_index()
        exercises = Exercise.objects.prefetch_related(
            "equipment", "muscle_groups", "muscle_links__muscle__group"
        )
        for exercise in exercises:
            number = index.position[exercise.pk]
            assert [(item.slug, item.name) for item in index.equipment_of(number)] == [
                (item.slug, item.name) for item in exercise.equipment.all()
            ]
            assert [(group.slug, group.name) for group in index.groups_of(number)] == [
                (group.slug, group.name) for group in exercise.muscle_groups.all()
            ]
            stored = exercise.muscle_links.select_related("muscle__group").order_by(
                "role", "muscle__position", "muscle__name"
            )
            assert [
                (link.role, link.muscle.slug, link.muscle.name, link.muscle.group.name)
                for link in index.muscle_links_of(number)
            ] == [
                (link.role, link.muscle.slug, link.muscle.name, link.muscle.group.name)
                for link in stored
            ], exercise.name

    def test_a_stretched_muscle_is_not_counted_as_worked(self):
        index = current_index()
        stretch = ExerciseMuscle.objects.filter(role=Role.STRETCHED).first()
        assert stretch is not None, "the fixtures have stretches"
        bit = 1 << index.position[stretch.exercise_id]
        assert index.stretched[stretch.muscle.slug] & bit
        assert not index.muscles.get(stretch.muscle.slug, 0) & bit
        assert all(
            not mask & bit
            for (role, slug), mask in index.roles.items()
            if slug == stretch.muscle.slug
        )

    def test_an_entry_links_and_reads_as_its_exercise_does(self):
        index = current_index()
        for exercise in Exercise.objects.all():
            entry = index.exercise(index.position[exercise.pk])
            assert (entry.pk, entry.name, entry.slug, entry.letter) == (
                exercise.pk,
                exercise.name,
                exercise.slug,
                exercise.letter,
            )
            assert entry.get_absolute_url() == exercise.get_absolute_url()
            assert entry.get_level_display() == exercise.get_level_display()
            assert str(entry) == str(exercise)
