"""Alternatives: same primary muscles and pattern, reasons, pins, kit; progressions."""

import json
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import TestCase
from django.utils import timezone

from anatomy.models import Muscle
from catalogue.alternatives import MAX_ALTERNATIVES, AlternativeOverride
from catalogue.models import Exercise, ExerciseMuscle, Level, Progression, Role
from catalogue.selection import BODYWEIGHT
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES, ROOT, Page


def alternatives(client, slug, query=""):
    response = client.get(f"/exercises/{slug}/{query}")
    assert response.status_code == 200
    return response.context["alternatives"]


class AlternativeRuleTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_alternative_shares_a_primary_muscle_and_the_pattern(self):
        for exercise in Exercise.objects.prefetch_related("muscle_links"):
            mine = {
                link.muscle_id
                for link in exercise.muscle_links.all()
                if link.role == Role.PRIMARY
            }
            found = alternatives(self.client, exercise.slug)
            assert len(found) <= MAX_ALTERNATIVES
            for alternative in found:
                other = alternative.exercise
                assert other.pk != exercise.pk
                assert other.pattern == exercise.pattern, (exercise, other)
                theirs = set(
                    ExerciseMuscle.objects.filter(
                        exercise_id=other.pk, role=Role.PRIMARY
                    ).values_list("muscle_id", flat=True)
                )
                assert mine & theirs, (exercise, other)
                assert alternative.reasons, (exercise, other)

    def test_never_the_exercise_itself_a_draft_or_a_scheduled_one(self):
        lats = Muscle.objects.get(slug="latissimus-dorsi")
        later = timezone.now() + timedelta(days=3)
        make_exercise(
            "Secret Pull", status="draft", pattern="vertical-pull", primary=[lats]
        )
        make_exercise(
            "Future Pull", published_at=later, pattern="vertical-pull", primary=[lats]
        )
        editor = User.objects.create_user("ed", is_staff=True, is_superuser=True)
        readers_pages = ["pull-up", "lat-pulldown", "chin-up"]
        for user, slugs in (
            (None, readers_pages),
            (editor, [*readers_pages, "secret-pull"]),
        ):
            if user:
                self.client.force_login(user)
            for slug in slugs:
                names = {a.exercise.name for a in alternatives(self.client, slug)}
                assert not names & {"Secret Pull", "Future Pull"}, slug
                assert Exercise.objects.get(slug=slug).name not in names

    def test_with_a_kit_only_what_it_allows(self):
        kits = [["pull-up-bar"], ["dumbbells"], [BODYWEIGHT], ["barbell", "power-cage"]]
        for kit in kits:
            query = "?" + "&".join(f"have={slug}" for slug in kit)
            for slug in (
                "pull-up",
                "bent-over-barbell-row",
                "barbell-shrug",
                "superman",
            ):
                for alternative in alternatives(self.client, slug, query):
                    needs = {e.slug for e in alternative.exercise.equipment_list}
                    assert needs <= {*kit, BODYWEIGHT}, (slug, kit, needs)

    def test_reasons_in_plain_words(self):
        found = {
            a.exercise.slug: a.reasons for a in alternatives(self.client, "pull-up")
        }
        assert found["assisted-pull-up"][:2] == ["no pull up bar needed", "easier"]
        rows = {
            a.exercise.slug: a.reasons
            for a in alternatives(self.client, "dumbbell-bent-over-row")
        }
        assert any("one arm at a time" in reasons for reasons in rows.values())
        pulldown = {
            a.exercise.slug: a.reasons
            for a in alternatives(self.client, "lat-pulldown")
        }
        assert "no machine" in pulldown["kneeling-band-lat-pulldown"]

    def test_nearest_first(self):
        found = [a.exercise.slug for a in alternatives(self.client, "pull-up")]
        # Same single primary muscle and same level before an easier machine.
        assert found.index("wide-grip-pull-up") < found.index("assisted-pull-up")

    def test_editors_pin_and_exclude(self):
        pull_up = Exercise.objects.get(slug="pull-up")
        pinned = Exercise.objects.get(slug="inverted-row")  # another pattern
        excluded = Exercise.objects.get(slug="wide-grip-pull-up")
        AlternativeOverride.objects.create(exercise=pull_up, alternative=pinned)
        AlternativeOverride.objects.create(
            exercise=pull_up, alternative=excluded, kind="exclude"
        )
        found = alternatives(self.client, "pull-up")
        assert found[0].exercise.pk == pinned.pk
        assert "recommended by our editors" in found[0].reasons
        assert excluded.pk not in [a.exercise.pk for a in found]

    def test_the_kit_is_named_on_the_page_and_unknown_items_are_ignored(self):
        response = self.client.get("/exercises/pull-up/?have=pull-up-bar&have=jetpack")
        text = Page(response.content.decode()).text
        assert "that you can do with what you own: pull up bar" in text
        assert "jetpack" not in text


class ProgressionTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_fixtures_define_four_ladders_from_easier_to_harder(self):
        assert Progression.objects.count() >= 4
        order = list(Level.values)
        for ladder in Progression.objects.prefetch_related("rungs__exercise"):
            levels = [order.index(r.exercise.level) for r in ladder.rungs.all()]
            assert len(levels) >= 2 and levels == sorted(levels), ladder

    def test_the_fixture_uses_natural_keys(self):
        rows = json.loads((ROOT / "fixtures/06_progressions.json").read_text())
        assert all("pk" not in row for row in rows)

    def test_each_rung_shows_its_place_and_easier_and_harder_links(self):
        page = Page(self.client.get("/exercises/pull-up/").content.decode())
        assert ("h2", "Pull-up progression: step 3 of 4") in page.headings
        assert "/exercises/assisted-pull-up/" in page.links
        assert "/exercises/weighted-pull-up/" in page.links
        first = Page(self.client.get("/exercises/assisted-chin-up/").content.decode())
        assert ("h2", "Chin-up progression: step 1 of 3") in first.headings
        assert (
            "Easier"
            not in first.text.split("Chin-up progression")[1].split("Alternatives")[0]
        )

    def test_a_draft_rung_is_skipped(self):
        Exercise.objects.filter(slug="assisted-pull-up").update(status="draft")
        page = Page(self.client.get("/exercises/pull-up/").content.decode())
        assert ("h2", "Pull-up progression: step 2 of 3") in page.headings
        assert "/exercises/assisted-pull-up/" not in page.links
