"""The routine builder's rules, checked over many requests: patterns, kit, level,
time, no back-to-back repeats, determinism, and what a short kit is told."""

import random
from itertools import product

from django.test import TestCase, override_settings

from catalogue.models import Equipment, Exercise
from catalogue.selection import BODYWEIGHT
from tests.utils import ALL_FIXTURES, Page
from training.routine import LEVELS_UP_TO, SLOTS


def url(days, minutes, level, have=()):
    query = f"days={days}&minutes={minutes}&level={level}"
    return "/routine/?" + "&".join([query, *(f"have={slug}" for slug in have)])


@override_settings(PAGE_CACHE_SECONDS=0)  # the tests read each page's context
class RoutineRuleTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.needs = {
            e.slug: {item.slug for item in e.equipment.all()}
            for e in Exercise.objects.prefetch_related("equipment")
        }
        cls.facts = {e.slug: e for e in Exercise.objects.all()}
        cls.items = sorted(Equipment.objects.values_list("slug", flat=True))

    def plan(self, *args):
        response = self.client.get(url(*args))
        assert response.status_code == 200
        return response.context["plan"]

    def requests(self):
        chooser = random.Random(15)
        kits = [(), (BODYWEIGHT,), ("dumbbells", "pull-up-bar")]
        kits += [
            tuple(chooser.sample(self.items, chooser.randint(1, 12))) for _ in range(6)
        ]
        levels = ["beginner", "intermediate", "advanced"]
        for days, minutes, level, have in product((1, 2, 3, 4), (20, 45), levels, kits):
            if chooser.random() < 0.35:  # a fixed third of the grid, for speed
                yield days, minutes, level, have

    def test_every_routine_keeps_every_rule(self):
        checked_balanced = 0
        for days, minutes, level, have in self.requests():
            plan = self.plan(days, minutes, level, have)
            sessions = plan.routine.sessions
            assert len(sessions) == days
            owned = {*have, BODYWEIGHT} if have else set(self.items)
            previous = set()
            for session in sessions:
                slugs = [entry.exercise.slug for entry in session.entries]
                assert len(slugs) == len(set(slugs))
                for slug in slugs:
                    assert self.needs[slug] <= owned, (have, slug)  # fits the kit
                    assert self.facts[slug].level in LEVELS_UP_TO[level]
                    assert self.facts[slug].status == "published"
                # No exercise in two sessions back to back.
                assert not previous & set(slugs), (days, have)
                previous = set(slugs)
                # Fits the time.
                assert session.minutes <= minutes, (minutes, session.minutes)
                if plan.routine.balanced:
                    patterns = {self.facts[slug].pattern for slug in slugs}
                    for _, wanted in SLOTS:
                        assert patterns & set(wanted), (days, level, have, wanted)
            if plan.routine.balanced:
                checked_balanced += 1
            else:
                assert plan.routine.shortfalls
        assert checked_balanced >= 8  # the rules met, not only the shortfalls

    def test_the_same_url_gives_the_same_routine(self):
        for args in [
            (3, 30, "intermediate", ("dumbbells", "pull-up-bar")),
            (2, 20, "beginner", ()),
        ]:
            first = Page(self.client.get(url(*args)).content.decode()).text
            again = Page(self.client.get(url(*args)).content.decode()).text
            assert first == again

    def test_body_weight_only_says_what_is_missing_and_what_would_help(self):
        page = Page(
            self.client.get(url(2, 30, "beginner", [BODYWEIGHT])).content.decode()
        )
        assert "cannot make a balanced routine" in page.text
        assert "Nothing gives a vertical pull" in page.text
        assert "For a vertical pull:" in page.text

    def test_the_single_item_named_does_fix_the_routine(self):
        # The first of these kits that falls short by exactly one item.
        kits = [
            ["dumbbells", "pull-up-bar", "single-pulley-tower", "rope-attachment"],
            ["dumbbells", "pull-up-bar", "single-pulley-tower"],
            ["dumbbells", "pull-up-bar"],
            ["barbell", "pull-up-bar"],
            ["dumbbells", "flat-bench-without-rack"],
            ["pull-up-bar"],
            ["dumbbells"],
        ]
        plans = ((kit, self.plan(2, 30, "intermediate", kit)) for kit in kits)
        kit, plan = next(
            (kit, plan)
            for kit, plan in plans
            if not plan.routine.balanced and plan.fixes
        )
        fixed_slug = Equipment.objects.get(name=plan.fixes[0]).slug
        fixed = self.plan(2, 30, "intermediate", [*kit, fixed_slug])
        assert fixed.routine.balanced
        page = Page(self.client.get(url(2, 30, "intermediate", kit)).content.decode())
        assert f"One item would fix it: {plan.fixes[0].lower()}" in page.text

    def test_guidance_states_its_source_and_every_exercise_has_a_dose(self):
        plan = self.plan(3, 45, "advanced", ())
        for session in plan.routine.sessions:
            for entry in session.entries:
                assert entry.dose.sets >= 2 and entry.dose.reps and entry.dose.rest
        text = Page(self.client.get(url(3, 45, "advanced")).content.decode()).text
        assert "American College of Sports Medicine" in text
        assert "general guidance" in text
        assert "Expert tips for this routine" in text

    def test_bad_input_falls_back_to_defaults_with_a_notice(self):
        response = self.client.get("/routine/?days=9&minutes=x&level=guru&have=jetpack")
        assert response.status_code == 200
        text = Page(response.content.decode()).text
        assert "Sessions a week: that is not one of the choices" in text
        assert "There is no equipment called “jetpack”" in text
        assert len(response.context["plan"].routine.sessions) == 2

    def test_the_faq_answers_on_frequency_and_home_training_link_here(self):
        page = Page(self.client.get("/articles/middle-back-workouts/").content.decode())
        assert page.links.count("/routine/") == 2

    def test_one_h1_and_breadcrumbs(self):
        page = Page(self.client.get("/routine/").content.decode())
        assert page.h(1) == ["Mid-back routine builder"]
        assert page.count("nav", **{"aria-label": "Breadcrumb"}) == 1
