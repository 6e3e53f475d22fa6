"""The catalogue's part of the data-quality report (/admin/data-quality/)."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse

from catalogue.models import Exercise, ExerciseMuscle, Role
from catalogue.search import words
from core.quality import Check, Problem, change_url

MIN_STEPS = 4


def exercises_with_few_steps():
    rows = (
        Exercise.objects.annotate(step_total=Count("steps"))
        .filter(step_total__lt=MIN_STEPS)
        .only("name")
    )
    return [Problem(e.name, f"{e.step_total} step(s)", change_url(e)) for e in rows]


def exercises_without_equipment():
    rows = Exercise.objects.filter(equipment__isnull=True).only("name")
    return [
        Problem(e.name, "no equipment (use “Bodyweight” for none)", change_url(e))
        for e in rows
    ]


def exercises_without_primary_muscle():
    primary = ExerciseMuscle.objects.filter(exercise=OuterRef("pk"), role=Role.PRIMARY)
    rows = Exercise.objects.filter(~Exists(primary)).only("name")
    return [Problem(e.name, "no primary muscle", change_url(e)) for e in rows]


def exercises_without_pattern():
    rows = Exercise.objects.filter(pattern="").only("name")
    return [Problem(e.name, "no movement pattern", change_url(e)) for e in rows]


def likely_duplicates():
    """Exercises whose names or aliases come down to the same words."""
    owners = defaultdict(dict)
    for pk, name, aliases in Exercise.objects.values_list("pk", "name", "aliases"):
        for text in [name, *aliases.splitlines()]:
            key = " ".join(sorted(set(words(text))))
            if key:
                owners[key].setdefault(pk, (name, text))
    problems, seen = [], set()
    for _key, exercises in sorted(owners.items()):
        if len(exercises) < 2:
            continue
        group = tuple(sorted(exercises))
        if group in seen:
            continue
        seen.add(group)
        names = " / ".join(f"{name} (as “{text}”)" for name, text in exercises.values())
        for pk, (name, _) in exercises.items():
            problems.append(
                Problem(
                    name,
                    f"same words as: {names}",
                    reverse("admin:catalogue_exercise_change", args=[pk]),
                )
            )
    return problems


def checks():
    return [
        Check(
            f"Exercises with fewer than {MIN_STEPS} steps",
            "Readers need the whole technique, from set-up to finishing the set.",
            exercises_with_few_steps(),
        ),
        Check(
            "Exercises without equipment",
            "Every exercise lists what it needs.",
            exercises_without_equipment(),
        ),
        Check(
            "Exercises without a primary muscle",
            "The anatomy pages and related exercises rely on it.",
            exercises_without_primary_muscle(),
        ),
        Check(
            "Exercises without a movement pattern",
            "Alternatives, the pattern filter and the routine builder rely on it.",
            exercises_without_pattern(),
        ),
        Check(
            "Likely duplicates",
            "Names or aliases that normalise to the same words: merge them, or tell them apart.",
            likely_duplicates(),
        ),
    ]
