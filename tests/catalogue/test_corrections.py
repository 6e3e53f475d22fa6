"""Facts the fixtures once got wrong (issue 12), each pinned so it stays right."""

import re

from django.core.cache import cache
from django.test import TestCase

from catalogue.models import Equipment, Exercise, Role, Step
from tests.factories import make_exercise, make_group, make_muscle
from tests.utils import ALL_FIXTURES, Page, count_queries


def steps(slug):
    return list(
        Step.objects.filter(exercise__slug=slug)
        .order_by("number")
        .values_list("text", flat=True)
    )


def roles(slug):
    exercise = Exercise.objects.get(slug=slug)
    return {link.muscle.slug: link.role for link in exercise.muscle_links.all()}


def assert_roles(slug, expected):
    """The exercise gives each muscle named the role expected (it may tag others)."""
    actual = roles(slug)
    assert {muscle: actual.get(muscle) for muscle in expected} == expected


class AssistedMachineTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_no_step_says_the_pad_rises_under_body_weight(self):
        for slug in ("assisted-chin-up", "assisted-pull-up"):
            for text in steps(slug):
                assert not re.search(r"let (it|the (pad|platform)) rise", text), text

    def test_the_pad_sinks_to_a_straight_arm_hang(self):
        assert "sink" in steps("assisted-chin-up")[3]
        assert "sink" in steps("assisted-pull-up")[2]

    def test_nothing_says_the_machine_carries_or_pulls_you_down(self):
        exercise = Exercise.objects.get(slug="assisted-chin-up")
        for text in [*steps("assisted-chin-up"), *exercise.tip_list]:
            assert "carry you down" not in text, text
            assert "counterweight pull you" not in text, text
        assert any("counterweight pushes you up" in t for t in exercise.tip_list)


class HomeInvertedRowSafetyTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_no_broomstick_is_suggested_as_the_bar(self):
        stick = Equipment.objects.get(slug="stick")
        assert "strong broomstick" not in stick.description
        assert "Never use a broom" in stick.description
        chair_row = Exercise.objects.get(slug="chair-inverted-row")
        assert not any("broom" in alias.lower() for alias in chair_row.alias_list)

    def test_the_chair_set_up_is_made_safe_before_the_first_rep(self):
        safety = steps("chair-inverted-row")[2]
        assert "cannot tip" in safety
        assert "rated for your body weight" in safety
        assert "never a broom" in safety


class StretchedMuscleTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_cobra_pose_stretches_the_abs_and_chest(self):
        assert_roles(
            "cobra-pose",
            {
                "rectus-abdominis": Role.STRETCHED,
                "pectoralis-major": Role.STRETCHED,
                "erector-spinae": Role.PRIMARY,
            },
        )

    def test_bridge_pose_stretches_the_chest_and_front_shoulders(self):
        assert_roles(
            "bridge-pose",
            {"pectoralis-major": Role.STRETCHED, "anterior-deltoid": Role.STRETCHED},
        )

    def test_the_abs_page_does_not_list_cobra_pose_as_working_them(self):
        page = self.client.get("/anatomy/rectus-abdominis/").content.decode()
        worked, stretched = page.split('id="stretched-title"')
        worked = worked.split('id="exercises-title"')[1]
        assert "/exercises/cobra-pose/" not in worked
        assert "/exercises/cobra-pose/" in stretched
        assert "Stretches that lengthen the rectus abdominis" in Page(page).h(2)

    def test_the_cobra_page_shows_the_abs_as_stretched_not_worked(self):
        page = self.client.get("/exercises/cobra-pose/").content.decode()
        assert "Stretched, not worked" in Page(page).h(3)
        worked, stretched = page.split("Stretched, not worked</h3>")
        assert "/anatomy/rectus-abdominis/" in stretched.split("</ul>")[0]
        assert "/anatomy/rectus-abdominis/" not in worked.split('id="muscles-title"')[1]

    def test_stretched_muscles_are_not_counted_or_filtered_as_worked(self):
        response = self.client.get("/exercises/", {"muscle": "rectus-abdominis"})
        listed = {e.slug for e in response.context["browse"].page.object_list}
        assert "cobra-pose" not in listed
        chest = [g for g in response.context["browse"].muscles if g.value == "chest"]
        pecs = [c for c in chest[0].children if c.value == "pectoralis-major"][0]
        working = Exercise.objects.filter(
            muscle_links__muscle__slug="pectoralis-major",
            muscle_links__role__in=[Role.PRIMARY, Role.SECONDARY],
        )
        assert pecs.count == working.count()
        assert not working.filter(slug__in=["cobra-pose", "bridge-pose"]).exists()


class MuscleTagTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_rack_pulls_are_driven_by_the_hips_not_the_traps(self):
        assert_roles(
            "rack-pulls",
            {
                "gluteus-maximus": Role.PRIMARY,
                "hamstrings": Role.PRIMARY,
                "upper-trapezius": Role.SECONDARY,
            },
        )

    def test_the_face_pull_is_a_shoulder_exercise_with_a_rope(self):
        face_pull = Exercise.objects.get(slug="cable-face-pull")
        assert set(face_pull.muscle_groups.values_list("slug", flat=True)) == {
            "shoulder",
            "back",
        }
        assert_roles("cable-face-pull", {"posterior-deltoid": Role.PRIMARY})
        assert "rope attachment" in steps("cable-face-pull")[0]
        assert face_pull.equipment.filter(slug="rope-attachment").exists()


class NearDuplicateTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_no_two_exercises_share_a_step_word_for_word(self):
        seen = {}
        for slug, text in Step.objects.values_list("exercise__slug", "text"):
            key = text.strip().lower()
            assert seen.setdefault(key, slug) == slug, (slug, seen[key], text)

    def test_the_chest_supported_row_uses_the_bench_its_steps_set_up(self):
        row = Exercise.objects.get(slug="chest-supported-row")
        assert "adjustable bench" in steps("chest-supported-row")[0]
        equipment = set(row.equipment.values_list("slug", flat=True))
        assert equipment == {"dumbbells", "adjustable-bench"}

    def test_chest_supported_and_incline_dumbbell_rows_are_distinct(self):
        chest, incline = steps("chest-supported-row"), steps("incline-dumbbell-row")
        assert "30 degrees" in chest[0] and "45-degree" in incline[0]
        assert "neutral grip" in chest[2] and "overhand" in incline[1]
        assert "hips" in chest[3] and "flare" in incline[3]
        chest_primary = {
            m for m, r in roles("chest-supported-row").items() if r == "primary"
        }
        incline_primary = {
            m for m, r in roles("incline-dumbbell-row").items() if r == "primary"
        }
        assert "latissimus-dorsi" in chest_primary - incline_primary
        assert "posterior-deltoid" in incline_primary - chest_primary


class StretchedOnTheFigureTests(TestCase):
    def test_a_stretched_muscle_is_outlined_and_named_as_stretched(self):
        lats = make_muscle("Latissimus Dorsi")
        traps = make_muscle("Lower Trapezius")
        hang = make_exercise("Dead Hang", primary=[traps])
        hang.muscle_links.create(muscle=lats, role=Role.STRETCHED)
        page = self.client.get(hang.get_absolute_url()).content.decode()
        assert "<title>Latissimus Dorsi (stretched, not worked)</title>" in page
        assert "body-figure__region--stretched" in page
        assert "Stretched, not worked (dotted outline)" in page  # the legend

    def test_the_legend_names_the_stretched_outline_only_when_one_is_drawn(self):
        traps = make_muscle("Lower Trapezius")
        abs_ = make_muscle("Rectus Abdominis", make_group("Abs"))
        cobra = make_exercise("Low Cobra", primary=[traps])
        cobra.muscle_links.create(muscle=abs_, role=Role.STRETCHED)
        page = self.client.get(cobra.get_absolute_url()).content.decode()
        assert "dotted outline" not in page  # the abs are not on the back figure
        assert "Stretched, not worked</h3>" in page

    def test_the_muscle_page_lists_stretches_in_a_fixed_number_of_queries(self):
        traps = make_muscle("Lower Trapezius")
        abs_ = make_muscle("Rectus Abdominis", make_group("Abs"))
        url = abs_.get_absolute_url()
        first = make_exercise("Cobra 0", primary=[traps])
        first.muscle_links.create(muscle=abs_, role=Role.STRETCHED)
        _, one = count_queries(self.client, url)
        for n in range(1, 12):
            make_exercise(f"Cobra {n}", primary=[traps]).muscle_links.create(
                muscle=abs_, role=Role.STRETCHED
            )
        cache.clear()  # the page was cached on the first visit
        response, many = count_queries(self.client, url)
        assert many == one
        assert response.content.decode().count("/exercises/cobra-") == 12
