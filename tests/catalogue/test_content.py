"""The real fixtures: every exercise of the article, as the article gives it."""

from django.test import TestCase

from anatomy.models import Muscle
from catalogue.importer.vocabulary import EQUIPMENT
from catalogue.models import Equipment, Exercise, Role
from tests.seed_article import (
    ARTICLE_EQUIPMENT,
    ARTICLE_EXERCISES,
    ARTICLE_EXTRAS,
    ARTICLE_MUSCLE_GROUPS,
    ARTICLE_MUSCLES,
)
from tests.utils import ALL_FIXTURES, Page


class FixtureContentTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_articles_35_exercises_are_all_there_with_exactly_its_names(self):
        names = set(Exercise.objects.values_list("name", flat=True))
        assert {name for name, *_ in ARTICLE_EXERCISES} <= names
        assert len(ARTICLE_EXERCISES) == 35

    def test_the_names_the_article_mentions_have_pages_too(self):
        names = set(Exercise.objects.values_list("name", flat=True))
        assert set(ARTICLE_EXTRAS) <= names
        assert Exercise.objects.count() == 45

    def test_equipment_is_the_articles_items_the_extras_and_what_the_importer_needs(
        self,
    ):
        names = set(Equipment.objects.values_list("name", flat=True))
        assert len(ARTICLE_EQUIPMENT) == 23 and set(ARTICLE_EQUIPMENT) <= names
        # The face pull needs a rope, the chest-supported row an adjustable bench;
        # the rest is free-exercise-db's equipment, which the importer requires.
        extras = {"adjustable-bench", "rope-attachment"}
        article = Equipment.objects.filter(name__in=ARTICLE_EQUIPMENT)
        needed = {slug for slug in EQUIPMENT.values() if slug}
        others = Equipment.objects.exclude(pk__in=article)
        assert set(others.values_list("slug", flat=True)) == (needed | extras) - set(
            article.values_list("slug", flat=True)
        )
        assert Equipment.objects.get(name="Pull Up Bar").slug == "pull-up-bar"
        assert Equipment.objects.get(name="Bodyweight").description

    def test_each_exercise_has_the_articles_equipment_and_muscle_groups(self):
        for name, equipment, groups, _ in ARTICLE_EXERCISES:
            exercise = Exercise.objects.get(name=name)
            assert sorted(exercise.equipment.values_list("name", flat=True)) == sorted(
                equipment
            )
            assert sorted(
                exercise.muscle_groups.values_list("name", flat=True)
            ) == sorted(groups)

    def test_step_one_is_the_articles_and_every_exercise_has_its_full_technique(self):
        for name, _, _, first_step in ARTICLE_EXERCISES:
            steps = list(
                Exercise.objects.get(name=name).steps.values_list("text", flat=True)
            )
            assert steps[0] == first_step.replace("’", "'"), name
            assert 4 <= len(steps) <= 8, name
            assert not any("Read more" in step or "..." in step for step in steps), name

    def test_every_exercise_works_specific_muscles_with_roles(self):
        for exercise in Exercise.objects.prefetch_related("muscle_links__muscle"):
            roles = {link.role for link in exercise.muscle_links.all()}
            assert Role.PRIMARY in roles, exercise
            assert all(not link.muscle.is_group for link in exercise.muscle_links.all())

    def test_muscles_form_a_hierarchy_of_groups_and_specific_muscles(self):
        groups = set(Muscle.objects.groups().values_list("name", flat=True))
        assert set(ARTICLE_MUSCLE_GROUPS) <= groups
        for name in ARTICLE_MUSCLES:
            muscle = Muscle.objects.get(name=name)
            assert muscle.group is not None and muscle.group.is_group
        assert Muscle.objects.get(slug="posterior-deltoid").group.name == "Shoulder"

    def test_editors_picks_are_marked_in_order(self):
        picks = Exercise.objects.filter(is_best=True).order_by("best_order")
        assert [e.name for e in picks] == [
            "Dumbbell Single-Arm Bent-Over Row",
            "Dumbbell Bent-Over Row",
            "Pull-Up",
        ]

    def test_levels_force_and_mechanic_are_filled_in(self):
        assert not Exercise.objects.filter(level="").exists()
        assert not Exercise.objects.filter(force="").exists()
        assert not Exercise.objects.filter(mechanic="").exists()
        assert Exercise.objects.get(name="Weighted Pull-Up").level == "advanced"
        assert Exercise.objects.get(name="Dumbbell Shrug").mechanic == "isolation"

    def test_stretches_are_a_type_of_exercise(self):
        stretches = set(
            Exercise.objects.filter(category="stretching").values_list(
                "name", flat=True
            )
        )
        assert stretches == {"Cobra Pose", "Seated Twist", "Bridge Pose"}

    def test_every_exercise_page_shows_its_steps_equipment_and_muscles(self):
        for exercise in Exercise.objects.for_detail():
            response = self.client.get(exercise.get_absolute_url())
            assert response.status_code == 200
            page = Page(response.content.decode())
            assert page.h(1) == [exercise.name]
            assert page.count("ol", **{"class": "steps"}) == 1
            for step in exercise.steps.all():
                assert f"step-{step.number}" in page.ids
                assert " ".join(step.text.split()) in page.text
            for item in exercise.equipment.all():
                assert item.name in page.text
            for link in exercise.muscle_links.all():
                assert link.muscle.get_absolute_url() in page.links
