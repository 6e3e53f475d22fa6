"""Stage 4, apply: write a plan with the bulk helpers shared with the generator.

Created exercises are published at once; updated ones get the record's fields,
steps, equipment and muscles; matched ones (ours) only gain the link to the
record and, if they lack it, the record's name as an alias.
"""

from catalogue.bulk import (
    BATCH_SIZE,
    Links,
    create_exercises,
    reindex,
    unique_slug,
    write_links,
)
from catalogue.models import Exercise
from core.models import PublicationStatus

UPDATED_FIELDS = ["name", "level", "force", "mechanic", "category", "source_hash"]


def apply_plan(plan, now):
    """Write ``plan`` (from ``plan_import``); the caller holds the transaction."""
    taken = set(Exercise.objects.values_list("slug", flat=True))
    create_exercises(
        [
            (
                Exercise(
                    slug=unique_slug(record.name, taken, fallback=record.id),
                    status=PublicationStatus.PUBLISHED,
                    published_at=now,
                    source_ref=record.source_ref,
                    **_fields(record),
                ),
                _links(plan, record),
            )
            for record in plan.create
        ]
    )
    Exercise.objects.bulk_update(
        [
            Exercise(pk=pk, updated_at=now, **_fields(record))
            for record, pk in plan.update
        ],
        [*UPDATED_FIELDS, "updated_at"],
        batch_size=BATCH_SIZE,
    )
    write_links(
        {pk: _links(plan, record) for record, pk in plan.update},
        replace=[pk for _, pk in plan.update],
    )
    Exercise.objects.bulk_update(
        [
            Exercise(
                pk=pk,
                aliases=aliases,
                source_ref=record.source_ref,
                source_hash="",
                updated_at=now,
            )
            for record, pk, aliases in plan.match
        ],
        ["aliases", "source_ref", "source_hash", "updated_at"],
        batch_size=BATCH_SIZE,
    )
    reindex([*(pk for _, pk in plan.update), *(pk for _, pk, _ in plan.match)])


def _fields(record):
    return {
        "name": record.name,
        "level": record.level,
        "force": record.force,
        "mechanic": record.mechanic,
        "category": record.category,
        # Set when created; an update leaves an editor's choice alone
        # (UPDATED_FIELDS does not name it).
        "pattern": record.pattern,
        "source_hash": record.source_hash,
    }


def _links(plan, record):
    """The record's steps, equipment and muscles as rows: pks from the plan."""
    return Links(
        steps=list(record.steps),
        equipment=[plan.equipment[record.equipment]] if record.equipment else [],
        muscles={
            plan.muscles[slug][0]: role for slug, role in record.muscle_roles.items()
        },
        # The "muscles worked" tags are the groups of the primary muscles.
        groups=[plan.muscles[slug][1] for slug in record.primary],
    )
