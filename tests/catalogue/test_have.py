"""What I own (``have=``): subset semantics, checked against a brute force."""

import random
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import TestCase

from catalogue.browse import Browse
from catalogue.models import Exercise
from catalogue.selection import BODYWEIGHT, Selection
from tests.factories import make_equipment, make_exercise
from tests.utils import ALL_FIXTURES, Page


def query(**params):
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, values)
    return data


# Browse takes the reader; an editor sees drafts too.
EDITOR = SimpleNamespace(is_authenticated=True, is_staff=True)


class SubsetSemanticsTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        # Besides the fixtures: exercises with no equipment at all, and with
        # three or four items, so every shape of kit is exercised.
        chooser = random.Random(15)
        items = [make_equipment(name) for name in ("Rings", "Sled", "Box")]
        for n in range(12):
            make_exercise(f"Kit test {n}", equipment=chooser.sample(items, n % 4))
        cls.needs = {
            exercise.slug: {item.slug for item in exercise.equipment.all()}
            for exercise in Exercise.objects.prefetch_related("equipment")
        }
        cls.slugs = sorted({slug for kit in cls.needs.values() for slug in kit})

    def test_the_list_is_every_exercise_whose_kit_is_a_subset_of_have(self):
        chooser = random.Random(20261129)
        for _ in range(150):
            have = chooser.sample(self.slugs, chooser.randint(1, len(self.slugs)))
            listed = set(
                Exercise.objects.matching(Selection(have=tuple(have))).values_list(
                    "slug", flat=True
                )
            )
            owned = {*have, BODYWEIGHT}
            expected = {slug for slug, kit in self.needs.items() if kit <= owned}
            assert listed == expected, have

    def test_no_equipment_lists_body_weight_and_unequipped_exercises_only(self):
        listed = set(
            Exercise.objects.matching(Selection(have=(BODYWEIGHT,))).values_list(
                "slug", flat=True
            )
        )
        assert "superman" in listed and "kit-test-0" in listed
        assert "pull-up" not in listed  # it needs a bar as well
        assert all(self.needs[slug] <= {BODYWEIGHT} for slug in listed)

    def test_have_narrows_together_with_uses_any_equipment(self):
        selection = Selection(equipment=("dumbbells",), have=("dumbbells",))
        listed = set(
            Exercise.objects.matching(selection).values_list("slug", flat=True)
        )
        expected = {
            slug
            for slug, kit in self.needs.items()
            if "dumbbells" in kit and kit <= {"dumbbells", BODYWEIGHT}
        }
        assert listed == expected and "dumbbell-shrug" in listed
        assert "chest-supported-row" not in listed  # it needs a bench too


class HaveOnThePageTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_no_equipment_is_one_link_that_keeps_the_other_filters(self):
        response = self.client.get("/exercises/?level=beginner")
        page = Page(response.content.decode())
        assert "/exercises/?level=beginner&have=bodyweight" in page.links
        response = self.client.get("/exercises/?level=beginner&have=bodyweight")
        assert "Superman" in response.content.decode()
        assert "Pull-Up" not in response.content.decode()

    def test_the_page_says_what_each_equipment_filter_means(self):
        text = Page(self.client.get("/exercises/").content.decode()).text
        assert "use any of the ticked items" in text
        assert "every item they need is among them" in text

    def test_an_unknown_item_is_left_out_with_a_notice(self):
        response = self.client.get("/exercises/?have=dumbbells&have=moon-boots")
        assert response.status_code == 200
        assert "There is no equipment called “moon-boots”" in response.content.decode()
        browse = Browse(query(have=["dumbbells", "moon-boots"]), EDITOR)
        assert browse.selection.have == ("dumbbells",)

    def test_have_and_pattern_are_chips_with_links_that_remove_them(self):
        browse = Browse(
            query(have=["dumbbells"], pattern=["elevation"]),
            AnonymousUser(),
        )
        labels = {chip.label: chip.remove_url for chip in browse.chips}
        assert labels["I own: Dumbbells"] == "/exercises/?pattern=elevation"
        assert labels["Elevation (shrug)"] == "/exercises/?have=dumbbells"
        assert {e.slug for e in browse.filterset.qs} == {"dumbbell-shrug"}
