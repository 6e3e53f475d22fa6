"""Small factory functions: each makes one valid object, with overrides."""

import itertools

from django.utils.text import slugify

from anatomy.models import Muscle
from articles.models import Article
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Role, Step, letter_for
from catalogue.search import names_index, text_index
from core.models import PublicationStatus

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
    # New content starts as a draft; a test's exercise is public unless it says.
    fields.setdefault("status", PublicationStatus.PUBLISHED)
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


def make_many_exercises(count, *, equipment, groups, muscles, prefix="Generated"):
    """Bulk-create ``count`` exercises with steps, equipment and muscles, quickly."""
    exercises = []
    for n in range(count):
        name = f"{prefix} {chr(65 + n % 26)}{n:05d} Row"
        exercises.append(
            Exercise(
                name=name,
                slug=slugify(name),
                letter=letter_for(name),
                search_names=names_index([name]),
                search_text=text_index([name]),
                level=["beginner", "intermediate", "advanced"][n % 3],
                is_best=n % 50 == 0,
                status=PublicationStatus.PUBLISHED,
            )
        )
    Exercise.objects.bulk_create(exercises, batch_size=500)
    exercises = list(Exercise.objects.filter(name__startswith=prefix))
    Step.objects.bulk_create(
        (
            Step(exercise=e, number=number, text=f"Step {number} of {e.name}.")
            for e in exercises
            for number in (1, 2, 3, 4)
        ),
        batch_size=1000,
    )
    Exercise.equipment.through.objects.bulk_create(
        (
            Exercise.equipment.through(
                exercise=e, equipment=equipment[i % len(equipment)]
            )
            for i, e in enumerate(exercises)
        ),
        batch_size=1000,
    )
    Exercise.muscle_groups.through.objects.bulk_create(
        (
            Exercise.muscle_groups.through(exercise=e, muscle=groups[i % len(groups)])
            for i, e in enumerate(exercises)
        ),
        batch_size=1000,
    )
    ExerciseMuscle.objects.bulk_create(
        (
            ExerciseMuscle(
                exercise=e, muscle=muscles[i % len(muscles)], role=Role.PRIMARY
            )
            for i, e in enumerate(exercises)
        ),
        batch_size=1000,
    )
    return exercises


def make_article(title="Middle back basics", body="## First\n\nText.", **fields):
    fields.setdefault("status", PublicationStatus.PUBLISHED)
    return Article.objects.create(
        title=title, slug=fields.pop("slug", slugify(title)), body=body, **fields
    )
