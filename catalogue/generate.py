"""Generated exercises for benchmarks and scale tests.

``generate_exercises(10_000)`` adds ten thousand valid, published exercises in
seconds with bulk operations: names spread over the whole A–Z index ("Alpha Row
00001", "Bravo Press 00002"...), 4–6 steps each, equipment and muscles drawn
deterministically from what the database holds, and levels, types, force and
mechanic cycling through their choices. Each is marked with source_ref
"generated:<n>", which is how ``delete_generated()`` finds them again.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from anatomy.models import Muscle
from catalogue.bulk import Links, create_exercises, unique_slug
from catalogue.choices import Category, Force, Level, Mechanic, Role
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step
from core.models import ContentVersion, PublicationStatus

SOURCE_PREFIX = "generated:"
WORDS = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima "
    "Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey "
    "Xray Yankee Zulu"
).split()
MOVEMENTS = (
    "Row Press Curl Squat Raise Pulldown Lunge Fly Deadlift Extension Carry "
    "Stretch Shrug"
).split()
STEP_TEXTS = (
    "Set up for the {name} with your feet planted and your spine neutral.",
    "Brace your core and take a breath before you start.",
    "Move through the full range of motion under control.",
    "Pause for a moment at the end of the movement.",
    "Return slowly to the starting position, breathing out.",
    "Repeat for the planned number of repetitions, then rest.",
)
BEST_EVERY = 50  # about 2% are editors' picks
BEST_ORDER = 1000  # after the editors' own picks


def generated():
    return Exercise.objects.filter(source_ref__startswith=SOURCE_PREFIX)


def _last_number():
    """The highest n of the generated exercises, 0 if there are none."""
    refs = generated().values_list("source_ref", flat=True)
    numbers = (ref.removeprefix(SOURCE_PREFIX) for ref in refs)
    return max((int(n) for n in numbers if n.isdigit()), default=0)


def _pick(items, start, count):
    """``count`` distinct items of ``items`` from ``start`` on, wrapping round."""
    count = min(count, len(items))
    return [items[(start + i) % len(items)] for i in range(count)]


def generate_exercises(count, prefix=""):
    """Add ``count`` generated exercises; return their names, first to last."""
    if count < 1:
        return []
    now = timezone.now()
    equipment = list(Equipment.objects.order_by("pk").values_list("pk", flat=True))
    muscles = list(
        Muscle.objects.specific().order_by("pk").values_list("pk", "group_id")
    )
    levels, categories = Level.values, Category.values
    forces, mechanics = Force.values, Mechanic.values
    with transaction.atomic():
        taken_names = set(Exercise.objects.values_list("name", flat=True))
        taken_slugs = set(Exercise.objects.values_list("slug", flat=True))
        rows, n = [], _last_number()
        while len(rows) < count:
            n += 1
            i = n - 1
            name = " ".join(
                filter(
                    None,
                    (prefix.strip(), WORDS[i % 26], MOVEMENTS[i % 13], f"{n:05d}"),
                )
            )
            if name in taken_names:
                continue
            taken_names.add(name)
            picked = _pick(muscles, i * 7, (1 + i % 2) + (1 + i // 2 % 2))
            primary_count = 1 + i % 2 if len(picked) > 1 else len(picked)
            exercise = Exercise(
                name=name,
                slug=unique_slug(name, taken_slugs),
                summary=f"A generated {MOVEMENTS[i % 13].lower()} for "
                "benchmarks and scale tests.",
                level=levels[i % len(levels)],
                category=categories[i % len(categories)],
                force=forces[i % len(forces)],
                mechanic=mechanics[i % len(mechanics)],
                is_best=n % BEST_EVERY == 0,
                best_order=BEST_ORDER if n % BEST_EVERY == 0 else None,
                status=PublicationStatus.PUBLISHED,
                published_at=now,
                source_ref=f"{SOURCE_PREFIX}{n}",
            )
            links = Links(
                steps=[text.format(name=name) for text in STEP_TEXTS[: 4 + i % 3]],
                equipment=_pick(equipment, i * 3, 1 + i % 2),
                muscles={
                    muscle: Role.PRIMARY if k < primary_count else Role.SECONDARY
                    for k, (muscle, _group) in enumerate(picked)
                },
                groups=[group for _muscle, group in picked[:primary_count]],
            )
            rows.append((exercise, links))
        create_exercises(rows)
        ContentVersion.bump()
    return [exercise.name for exercise, _ in rows]


def delete_generated():
    """Delete every generated exercise with its steps and links; return how many.

    Row by row, Django's delete() would send a signal for each of the tens of
    thousands of steps and links (each reindexing its exercise); generated
    exercises are only ever referenced by those, so their rows are deleted
    directly, in one statement per table, and the content version is bumped once.
    """
    with transaction.atomic():
        exercises = generated()
        count = exercises.count()
        if not count:
            return 0
        others = [
            relation
            for relation in Exercise._meta.related_objects
            if relation.related_model not in (Step, ExerciseMuscle)
        ]
        if any(
            relation.related_model._default_manager.filter(
                **{f"{relation.field.name}__in": exercises}
            ).exists()
            for relation in others
        ):
            # Something else refers to them: let Django honour its on_delete.
            exercises.delete()
        else:
            is_generated = Exists(exercises.filter(pk=OuterRef("exercise_id")))
            for model in (
                Step,
                ExerciseMuscle,
                Exercise.equipment.through,
                Exercise.muscle_groups.through,
            ):
                model.objects.filter(is_generated)._raw_delete(model.objects.db)
            exercises._raw_delete(exercises.db)
        ContentVersion.bump()
    return count
