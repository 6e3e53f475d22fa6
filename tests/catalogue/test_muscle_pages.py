"""What a muscle page lists, asked through the muscle's reverse relations and
answered from the facet index (catalogue.muscle_pages)."""

from django.contrib.auth.models import AnonymousUser, User
from django.test import TestCase

from tests.factories import make_exercise, make_group, make_muscle


class MusclePageListsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.back = make_group("Back")
        cls.lats = make_muscle("Latissimus Dorsi", cls.back)
        for name in ("Pull-Up", "Chin-Up", "Lat Pulldown"):
            make_exercise(name, primary=[cls.lats], groups=[cls.back])
        make_exercise("Draft Row", secondary=[cls.lats], status="draft")
        make_exercise("Child's Pose").muscle_links.create(
            muscle=cls.lats, role="stretched"
        )
        cls.editor = User.objects.create_user("edith", is_staff=True)

    def test_each_role_gives_its_first_exercises_a_to_z_and_its_total(self):
        listed = self.lats.exercise_links.for_muscle_page(AnonymousUser(), 2)
        primary, total = listed["primary"]
        assert [entry.name for entry in primary] == ["Chin-Up", "Lat Pulldown"]
        assert total == 3
        assert listed["secondary"] == ([], 0)
        assert [entry.name for entry in listed["stretched"][0]] == ["Child's Pose"]

    def test_drafts_are_listed_for_editors_only(self):
        secondary, total = self.lats.exercise_links.for_muscle_page(self.editor, 24)[
            "secondary"
        ]
        assert [entry.name for entry in secondary] == ["Draft Row"]
        assert total == 1

    def test_a_group_gives_the_exercises_tagged_with_it(self):
        exercises, total = self.back.tagged_exercises.for_muscle_group_page(
            AnonymousUser(), 24
        )
        assert [entry.name for entry in exercises] == [
            "Chin-Up",
            "Lat Pulldown",
            "Pull-Up",
        ]
        assert total == 3
        assert exercises[0].get_absolute_url() == "/exercises/chin-up/"

    def test_a_saved_link_is_listed_on_the_next_request(self):
        self.lats.exercise_links.for_muscle_page(AnonymousUser(), 24)  # built
        make_exercise("Inverted Row", secondary=[self.lats])
        secondary, total = self.lats.exercise_links.for_muscle_page(
            AnonymousUser(), 24
        )["secondary"]
        assert [entry.name for entry in secondary] == ["Inverted Row"]
        assert total == 1
