"""The links an exercise page makes, read from the facet index, against the
same rules worked out row by row from the database."""

import random
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser, User
from django.test import TestCase
from django.utils import timezone

from catalogue.alternatives import LEVEL_RANK, MAX_ALTERNATIVES, AlternativeOverride
from catalogue.facet_index import current_index
from catalogue.models import Equipment, Exercise, Role
from catalogue.nearby import lowest, neighbours, related
from catalogue.selection import owned
from core.models import PublicationStatus
from tests.utils import ALL_FIXTURES


def primary_muscles(exercise):
    return {
        link.muscle.slug
        for link in exercise.muscle_links.all()
        if link.role == Role.PRIMARY
    }


def expected_alternatives(exercise, have=()):
    """The ranking rule, one exercise at a time: pins first, then the most
    primary muscles shared, the fewest others, the closest level, A–Z."""
    overrides = dict(
        AlternativeOverride.objects.filter(exercise=exercise).values_list(
            "alternative_id", "kind"
        )
    )
    mine = primary_muscles(exercise)
    ranked = []
    others = Exercise.objects.published().prefetch_related(
        "muscle_links__muscle", "equipment"
    )
    for other in others.exclude(pk=exercise.pk):
        needs = {item.slug for item in other.equipment.all()}
        if have and not needs <= owned(have):
            continue
        theirs = primary_muscles(other)
        pinned = overrides.get(other.pk) == "pin"
        shared = len(mine & theirs)
        same_pattern = bool(exercise.pattern) and other.pattern == exercise.pattern
        if overrides.get(other.pk) == "exclude" or not (
            pinned or (same_pattern and shared)
        ):
            continue
        gap = abs(LEVEL_RANK.get(other.level, 0) - LEVEL_RANK.get(exercise.level, 0))
        ranked.append(
            ((not pinned, -shared, len(theirs - mine), gap, other.name), other.slug)
        )
    return [slug for _, slug in sorted(ranked)[:MAX_ALTERNATIVES]]


def shown_alternatives(client, exercise, have=()):
    query = "&".join(f"have={slug}" for slug in have)
    response = client.get(f"{exercise.get_absolute_url()}?{query}")
    assert response.status_code == 200
    return [a.exercise.slug for a in response.context["alternatives"]]


class AlternativesFromTheIndexTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_exercise_gets_the_alternatives_the_rule_ranks_nearest(self):
        for exercise in Exercise.objects.prefetch_related("muscle_links__muscle"):
            found = shown_alternatives(self.client, exercise)
            assert found == expected_alternatives(exercise), exercise.slug

    def test_pins_exclusions_drafts_and_kits_change_the_answer_as_the_rule_does(self):
        chance = random.Random(9)  # the same pins and kits on every run
        exercises = list(Exercise.objects.order_by("name"))
        for exercise in chance.sample(exercises, 12):
            for other in chance.sample(exercises, 3):
                if other != exercise:
                    AlternativeOverride.objects.get_or_create(
                        exercise=exercise,
                        alternative=other,
                        defaults={"kind": chance.choice(["pin", "exclude"])},
                    )
        for draft in chance.sample(exercises, 4):
            draft.status = PublicationStatus.DRAFT
            draft.save()
        kits = [(), ("dumbbells",), ("pull-up-bar", "dumbbells"), ("bodyweight",)]
        assert Equipment.objects.filter(slug__in=["dumbbells", "pull-up-bar"]).count()
        for exercise in Exercise.objects.prefetch_related("muscle_links__muscle"):
            if exercise.status != PublicationStatus.PUBLISHED:
                continue  # a reader cannot open a draft's page
            for have in kits:
                found = shown_alternatives(self.client, exercise, have)
                assert found == expected_alternatives(exercise, have), (
                    exercise.slug,
                    have,
                )


class NeighboursAndRelatedTests(TestCase):
    fixtures = ALL_FIXTURES

    def setUp(self):
        self.editor = User.objects.create_user("ed", is_staff=True)
        self.reader = AnonymousUser()
        self.draft = Exercise.objects.order_by("name")[10]
        self.draft.status = PublicationStatus.DRAFT
        self.draft.save()
        self.scheduled = Exercise.objects.order_by("name")[20]
        self.scheduled.published_at = timezone.now() + timedelta(days=2)
        self.scheduled.save()

    def test_previous_and_next_are_the_visible_exercises_either_side_a_to_z(self):
        index = current_index()
        for user, visible in (
            (self.reader, Exercise.objects.published()),
            (self.editor, Exercise.objects.all()),
        ):
            names = list(visible.order_by("name").values_list("slug", flat=True))
            for exercise in Exercise.objects.all():
                before, after = neighbours(index, exercise, user)
                earlier = visible.filter(name__lt=exercise.name).order_by("-name")
                later = visible.filter(name__gt=exercise.name).order_by("name")
                assert getattr(before, "slug", None) == getattr(
                    earlier.first(), "slug", None
                )
                assert getattr(after, "slug", None) == getattr(
                    later.first(), "slug", None
                )
            assert names  # readers and editors both have a list to walk

    def test_related_are_the_first_six_a_to_z_with_a_primary_muscle_in_common(self):
        index = current_index()
        exercises = Exercise.objects.prefetch_related("muscle_links__muscle")
        for user, visible in (
            (self.reader, Exercise.objects.published()),
            (self.editor, Exercise.objects.all()),
        ):
            for exercise in exercises:
                mine = primary_muscles(exercise)
                expected = [
                    other.slug
                    for other in visible.prefetch_related("muscle_links__muscle")
                    .exclude(pk=exercise.pk)
                    .order_by("name")
                    if mine & primary_muscles(other)
                ][:6]
                found = related(index, exercise, sorted(mine), user)
                assert [other.slug for other in found] == expected, exercise.slug

    def test_the_draft_is_a_neighbour_only_for_editors(self):
        index = current_index()
        before_draft = Exercise.objects.order_by("name")[9]
        assert neighbours(index, before_draft, self.editor)[1].pk == self.draft.pk
        assert neighbours(index, before_draft, self.reader)[1].pk != self.draft.pk


def test_lowest_reads_only_as_many_bits_as_it_is_asked_for():
    assert lowest(0b101101, 2) == [0, 2]
    assert lowest(0b101101, 10) == [0, 2, 3, 5]
    assert lowest(1 << 10_000 | 1 << 5, 1) == [5]
    assert lowest(0, 3) == []
