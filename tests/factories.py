"""Small factory functions: each makes one valid object, with overrides."""

import itertools

from django.utils.text import slugify

from anatomy.models import Muscle
from articles.models import Article
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Role, Step

_numbers = itertools.count(1)


def make_group(name="Back", **overrides):
    return Muscle.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, **overrides}
    )[0]


def make_muscle(name="Latissimus Dorsi", group=None, **overrides):
    group = group or make_group("Back")
    return Muscle.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "group": group, **overrides}
    )[0]


def make_equipment(name="Dumbbells", **overrides):
    return Equipment.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, **overrides}
    )[0]


def make_exercise(
    name=None,
    *,
    steps=4,
    equipment=(),
    groups=(),
    primary=(),
    secondary=(),
    **fields,
):
    """An exercise with ``steps`` numbered steps (or the given step texts)."""
    name = name or f"Exercise {next(_numbers)}"
    exercise = Exercise.objects.create(
        name=name, slug=fields.pop("slug", slugify(name)), **fields
    )
    texts = (
        steps
        if isinstance(steps, list | tuple)
        else [f"Step {n} of {name}." for n in range(1, steps + 1)]
    )
    Step.objects.bulk_create(
        Step(exercise=exercise, number=n, text=text)
        for n, text in enumerate(texts, start=1)
    )
    exercise.equipment.set(equipment)
    exercise.muscle_groups.set(groups)
    ExerciseMuscle.objects.bulk_create(
        [
            ExerciseMuscle(exercise=exercise, muscle=m, role=Role.PRIMARY)
            for m in primary
        ]
        + [
            ExerciseMuscle(exercise=exercise, muscle=m, role=Role.SECONDARY)
            for m in secondary
        ]
    )
    Exercise.objects.filter(pk=exercise.pk).reindex()
    exercise.refresh_from_db()
    return exercise


def make_article(title="Middle back basics", body="## First\n\nText.", **fields):
    return Article.objects.create(
        title=title, slug=fields.pop("slug", slugify(title)), body=body, **fields
    )
