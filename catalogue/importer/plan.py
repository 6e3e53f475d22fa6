"""Stage 3, plan: what each record does to the database, decided before any write.

A record creates an exercise, updates the one it created before (if the record
changed), is skipped (if it did not), or is matched to an exercise we wrote
ourselves by its name or an alias (that exercise is linked, never overwritten).
The plan is refused, changing nothing, if the database lacks the equipment or
a muscle the file needs, or if a record would take another exercise's name.
"""

from dataclasses import dataclass, field

from anatomy.models import Muscle
from catalogue.importer.errors import SourceFileError, join_errors
from catalogue.importer.vocabulary import (
    EQUIPMENT,
    MUSCLES,
    SOURCE_PREFIX,
    source_names,
)
from catalogue.models import Equipment, Exercise

NAMED_RECORDS = 3  # a missing item's message names this many records that need it


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    matched: int = 0
    skipped: int = 0
    dry_run: bool = False

    def summary(self):
        records = "record" if self.total == 1 else "records"
        line = (
            f"{self.total} {records}: {self.created} created, "
            f"{self.updated} updated, {self.matched} matched to existing exercises, "
            f"{self.skipped} skipped."
        )
        if self.dry_run:
            return f"Dry run, nothing written. Would import {line}"
        return f"Imported {line}"


@dataclass
class Plan:
    create: list = field(default_factory=list)  # records
    update: list = field(default_factory=list)  # (record, exercise pk)
    match: list = field(default_factory=list)  # (record, exercise pk, aliases)
    skip: list = field(default_factory=list)  # records
    equipment: dict = field(default_factory=dict)  # slug -> pk
    muscles: dict = field(default_factory=dict)  # slug -> (pk, group pk)

    def report(self, total, dry_run):
        return ImportReport(
            total=total,
            created=len(self.create),
            updated=len(self.update),
            matched=len(self.match),
            skipped=len(self.skip),
            dry_run=dry_run,
        )


def plan_import(records, source="The file"):
    """Decide what happens to each record; raise SourceFileError if it cannot."""
    plan = Plan()
    plan.equipment, plan.muscles = _vocabulary(records, source)
    imported = {
        ref: (pk, source_hash)
        for pk, ref, source_hash in Exercise.objects.filter(
            source_ref__startswith=SOURCE_PREFIX
        ).values_list("pk", "source_ref", "source_hash")
    }
    # Exercises we wrote ourselves, by every key of their name and aliases.
    ours = {}
    for pk, name, aliases, search_names in (
        Exercise.objects.filter(source_ref="")
        .order_by("name")
        .values_list("pk", "name", "aliases", "search_names")
    ):
        for key in search_names.split():
            ours.setdefault(key, (pk, name, aliases))
    claimed = set()
    for record in records:
        if record.source_ref in imported:
            pk, source_hash = imported[record.source_ref]
            if source_hash in ("", record.source_hash):
                plan.skip.append(record)
            else:
                plan.update.append((record, pk))
            continue
        found = ours.get(record.key)
        if found and found[0] not in claimed:
            pk, name, aliases = found
            claimed.add(pk)
            plan.match.append((record, pk, _with_alias(aliases, name, record.name)))
        else:
            plan.create.append(record)
    _check_names(plan)
    return plan


def _with_alias(aliases, name, alias):
    """``aliases`` with ``alias`` on a line of its own, unless the exercise has it."""
    lines = [line.strip() for line in aliases.splitlines() if line.strip()]
    if alias.casefold() in {known.casefold() for known in [name, *lines]}:
        return aliases
    return "\n".join([*lines, alias])


def _vocabulary(records, source):
    """Our equipment and muscles the records name, by slug; refuse if any is missing.

    They come from the fixtures (``manage.py loadcontent``); the import never
    makes them up, so a missing one is named with the records that need it.
    """
    needs_equipment, needs_muscle = {}, {}
    for record in records:
        if record.equipment:
            needs_equipment.setdefault(record.equipment, []).append(record)
        for slug in record.muscle_roles:
            needs_muscle.setdefault(slug, []).append(record)
    equipment = dict(
        Equipment.objects.filter(slug__in=needs_equipment).values_list("slug", "pk")
    )
    muscles = {
        slug: (pk, group_id)
        for slug, pk, group_id in Muscle.objects.filter(
            slug__in=needs_muscle
        ).values_list("slug", "pk", "group_id")
    }
    errors = [
        _missing(slug, f"has no equipment {slug!r}", EQUIPMENT, needs_equipment[slug])
        for slug in sorted(needs_equipment.keys() - equipment.keys())
    ]
    for slug in sorted(needs_muscle):
        if slug not in muscles:
            errors.append(
                _missing(slug, f"has no muscle {slug!r}", MUSCLES, needs_muscle[slug])
            )
        elif muscles[slug][1] is None:
            errors.append(
                _missing(
                    slug,
                    f"has {slug!r} only as a muscle group, not a specific muscle",
                    MUSCLES,
                    needs_muscle[slug],
                )
            )
    if errors:
        raise SourceFileError(
            join_errors(errors, source)
            + "\nThey come from the fixtures: load them (manage.py loadcontent "
            "into a new database; into one with content, manage.py loaddata "
            "fixtures/01_anatomy.json fixtures/02_equipment.json, which also "
            "resets those items' texts) or add them in the admin, then import again."
        )
    return equipment, muscles


def _missing(slug, problem, mapping, records):
    """A sentence naming an item the database lacks and the records needing it."""
    names = " or ".join(repr(name) for name in source_names(mapping, slug))
    needed_by = ", ".join(record.label() for record in records[:NAMED_RECORDS])
    more = len(records) - NAMED_RECORDS
    if more > 0:
        needed_by += f" and {more} more"
    return f"The database {problem} (the source's {names}), needed by {needed_by}."


def _check_names(plan):
    """Exercise names are unique: a record may not take another exercise's name."""
    owner_of_name = dict(Exercise.objects.values_list("name", "pk"))
    for record, pk in plan.update:
        if owner_of_name.get(record.name, pk) != pk:
            raise SourceFileError(
                f"{record.label()}: cannot rename its exercise to {record.name!r}, "
                "another exercise already has that name."
            )
    for record in plan.create:
        if record.name in owner_of_name:
            raise SourceFileError(
                f"{record.label()}: an exercise named {record.name!r} already exists "
                "and is linked to another source record, so it cannot be matched "
                "or created."
            )
