"""The list page's parts agree: the count shown is the rows listed, and each facet
option's count is what ticking it would list, over many combinations of filters."""

import random
from itertools import product

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import TestCase

from catalogue.browse import Browse
from catalogue.models import (
    WORKING_ROLES,
    Category,
    Equipment,
    Exercise,
    Level,
    Pattern,
)
from catalogue.selection import BODYWEIGHT
from tests.utils import ALL_FIXTURES


def query(**params):
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return data


class BrowseAgreementTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.facts = {}
        for exercise in Exercise.objects.prefetch_related(
            "equipment", "muscle_groups", "muscle_links__muscle"
        ):
            cls.facts[exercise.name] = {
                "equipment": {e.slug for e in exercise.equipment.all()},
                "muscle": {m.slug for m in exercise.muscle_groups.all()}
                | {
                    link.muscle.slug
                    for link in exercise.muscle_links.all()
                    if link.role in WORKING_ROLES  # a stretch does not work it
                },
                "level": {exercise.level},
                "category": {exercise.category},
                "best": {"1"} if exercise.is_best else set(),
                "pattern": {exercise.pattern},
            }

    def brute_force(self, params):
        """The names a selection should list, computed without the ORM's filters."""
        return {
            name
            for name, facts in self.facts.items()
            if all(
                not values
                or (
                    # "have" is a subset rule: every item needed is owned.
                    facts["equipment"] <= {*values, BODYWEIGHT}
                    if facet == "have"
                    else facts[facet] & set(values)
                )
                for facet, values in params.items()
            )
        }

    def combinations(self):
        equipment = list(Equipment.objects.values_list("slug", flat=True))
        muscles = sorted({m for facts in self.facts.values() for m in facts["muscle"]})
        levels = [value for value, _ in Level.choices]
        categories = [value for value, _ in Category.choices]
        patterns = [value for value, _ in Pattern.choices]
        chooser = random.Random(20261129)  # the same combinations on every run
        for _ in range(80):
            yield {
                "equipment": chooser.sample(equipment, chooser.choice([0, 0, 1, 2, 3])),
                "muscle": chooser.sample(muscles, chooser.choice([0, 0, 1, 2])),
                "level": chooser.sample(levels, chooser.choice([0, 0, 1, 2])),
                "category": chooser.sample(categories, chooser.choice([0, 0, 1])),
                "best": chooser.choice([[], [], ["1"]]),
                "pattern": chooser.sample(patterns, chooser.choice([0, 0, 1, 2])),
                "have": chooser.sample(equipment, chooser.choice([0, 0, 1, 3, 6, 10])),
            }
        for item, level in product(equipment[:8], levels):
            yield {"equipment": [item], "level": [level]}

    def test_the_count_shown_is_the_rows_listed_and_the_brute_force_answer(self):
        for params in self.combinations():
            browse = Browse(query(**params), AnonymousUser())
            listed = {exercise.name for exercise in browse.filterset.qs}
            assert browse.total == len(listed), params
            assert listed == self.brute_force(params), params

    def test_each_options_count_is_what_ticking_it_would_list(self):
        for params in list(self.combinations())[::8]:
            browse = Browse(query(**params), AnonymousUser())
            for option in browse.equipment:
                # An option counts the list with it alone ticked in its facet.
                expected = self.brute_force({**params, "equipment": [option.value]})
                assert option.count == len(expected), (params, option.value)
            for option in browse.tally.level_options():
                expected = self.brute_force({**params, "level": [option.value]})
                assert option.count == len(expected), (params, option.value)
            for option in browse.tally.pattern_options():
                expected = self.brute_force({**params, "pattern": [option.value]})
                assert option.count == len(expected), (params, option.value)
            for option in browse.have:
                # A "have" option counts the list with that item added to the kit.
                kit = [*params.get("have", []), option.value]
                expected = self.brute_force({**params, "have": kit})
                assert option.count == len(expected), (params, option.value)

    def test_search_combined_with_facets_counts_what_it_lists(self):
        for text, params in product(
            ["row", "pull up", "stretch", "zzzz"], list(self.combinations())[:10]
        ):
            browse = Browse(query(q=text, **params), AnonymousUser())
            assert browse.total == browse.filterset.qs.count(), (text, params)
