"""Writing many exercises at once: the importer, the generator and the tests use it.

Django's bulk operations skip ``save()`` and the signals, so the callers get
here what those would do: steps numbered from 1, the muscle links with their
roles, the equipment and "muscles worked" tags, and then the derived fields
(letter, search index) recomputed by ``reindex``. The caller bumps the
content version once, at the end of its transaction.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.text import slugify

from catalogue.models import Exercise, ExerciseMuscle, Step

BATCH_SIZE = 500
SLUG_MAX_LENGTH = Exercise._meta.get_field("slug").max_length


@dataclass
class Links:
    """What hangs off one exercise, by primary key."""

    steps: list = field(default_factory=list)  # texts, step 1 first
    equipment: list = field(default_factory=list)  # Equipment pks
    muscles: dict = field(default_factory=dict)  # specific Muscle pk -> Role
    groups: list = field(default_factory=list)  # group Muscle pks ("muscles worked")


def unique_slug(name, taken, fallback="exercise"):
    """slugify(name), with -2, -3... if ``taken`` has it; adds the result to ``taken``.

    Cut to fit the slug field, suffix included, so a long fallback never
    overflows it (PostgreSQL would refuse the row).
    """
    base = slugify(name) or slugify(fallback) or "exercise"
    slug, n = base[:SLUG_MAX_LENGTH], 1
    while slug in taken:
        n += 1
        suffix = f"-{n}"
        slug = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
    taken.add(slug)
    return slug


def create_exercises(rows):
    """Insert (unsaved Exercise, Links) pairs; return the new exercises' pks.

    Each exercise needs a unique slug: that is how the pks are found again on a
    database that does not return them from a bulk insert.
    """
    exercises = [exercise for exercise, _ in rows]
    Exercise.objects.bulk_create(exercises, batch_size=BATCH_SIZE)
    if any(exercise.pk is None for exercise in exercises):
        pk_of = {}
        slugs = [exercise.slug for exercise in exercises]
        for start in range(0, len(slugs), BATCH_SIZE):
            pk_of.update(
                Exercise.objects.filter(
                    slug__in=slugs[start : start + BATCH_SIZE]
                ).values_list("slug", "pk")
            )
        for exercise in exercises:
            exercise.pk = pk_of[exercise.slug]
    pks = [exercise.pk for exercise in exercises]
    write_links(dict(zip(pks, (links for _, links in rows), strict=True)))
    reindex(pks)
    return pks


def write_links(links, replace=()):
    """Make each exercise's steps, muscles, equipment and tags exactly ``links[pk]``.

    Only the exercises in ``replace`` may have any already; the others are new,
    which saves reading what they hold.
    """
    sync_rows(
        Step,
        "number",
        "text",
        {pk: dict(enumerate(item.steps, start=1)) for pk, item in links.items()},
        replace,
    )
    sync_rows(
        ExerciseMuscle,
        "muscle_id",
        "role",
        {pk: dict(item.muscles) for pk, item in links.items()},
        replace,
    )
    set_m2m(
        Exercise.equipment.through,
        "equipment_id",
        {pk: item.equipment for pk, item in links.items()},
        replace,
    )
    set_m2m(
        Exercise.muscle_groups.through,
        "muscle_id",
        {pk: item.groups for pk, item in links.items()},
        replace,
    )


def sync_rows(model, key, value, wanted, replace):
    """Make an exercise's rows of ``model`` exactly ``wanted[pk]``, {key: value}.

    Rows whose key stays keep their primary key (and are only updated if the
    value changed), so steps and muscle links are edited in place rather than
    deleted and recreated.
    """
    existing = defaultdict(dict)
    rows = model.objects.filter(exercise_id__in=list(replace)).values_list(
        "pk", "exercise_id", key, value
    )
    for pk, exercise_id, row_key, row_value in rows:
        existing[exercise_id][row_key] = (pk, row_value)
    create, change, remove = [], [], []
    for exercise_id, values in wanted.items():
        have = existing[exercise_id]
        for row_key, row_value in values.items():
            if row_key not in have:
                create.append(
                    model(exercise_id=exercise_id, **{key: row_key, value: row_value})
                )
            elif have[row_key][1] != row_value:
                change.append(model(pk=have[row_key][0], **{value: row_value}))
        remove.extend(pk for row_key, (pk, _) in have.items() if row_key not in values)
    # Removing first frees the keys (step numbers) the new rows may take.
    if remove:
        model.objects.filter(pk__in=remove).delete()
    model.objects.bulk_update(change, [value], batch_size=BATCH_SIZE)
    model.objects.bulk_create(create, batch_size=BATCH_SIZE)


def set_m2m(through, target, wanted, replace):
    """Set an auto-created M2M table's rows for each exercise pk in ``wanted``."""
    if replace:
        through.objects.filter(exercise_id__in=list(replace)).delete()
    through.objects.bulk_create(
        (
            through(exercise_id=exercise_id, **{target: target_id})
            for exercise_id, targets in wanted.items()
            for target_id in dict.fromkeys(targets)
        ),
        batch_size=BATCH_SIZE,
    )


def reindex(pks):
    """Recompute letters and search indexes, in chunks (bulk writes skip save())."""
    pks = list(pks)
    for start in range(0, len(pks), BATCH_SIZE):
        Exercise.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).reindex()
