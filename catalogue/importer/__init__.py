"""Import exercises from free-exercise-db's JSON (github.com/yuhonas/free-exercise-db).

One stage per module, so that a bad file or a conflict changes nothing:

1. ``read``: the file, at most 20 MB and 10 levels deep, decoded as JSON.
2. ``validate``: every record checked and translated into our vocabulary
   (``vocabulary``), as ``SourceRecord``; any problem names the record.
3. ``plan``: each record planned against the database (create, update, match
   or skip), refused if the database lacks the equipment or a muscle a record
   needs (they come from the fixtures) or if a name would clash.
4. ``apply``: the plan written in one transaction with the bulk helpers of
   ``catalogue.bulk``.

Each imported exercise keeps the record's id in ``source_ref``
("free-exercise-db:<id>") and a fingerprint of the record in ``source_hash``,
so a second run skips what has not changed and updates what has. An exercise
we wrote ourselves whose name or alias matches a record is linked to it (its
``source_hash`` stays empty) and is never overwritten.

The source's images are not cleared for use: none are imported.
"""

from django.db import transaction
from django.utils import timezone

from catalogue.importer.apply import apply_plan
from catalogue.importer.errors import SourceFileError
from catalogue.importer.plan import ImportReport, plan_import
from catalogue.importer.read import read_json
from catalogue.importer.validate import SourceRecord, parse_records, record_hash
from core.models import ContentVersion

__all__ = [
    "ImportReport",
    "SourceFileError",
    "SourceRecord",
    "import_file",
    "import_records",
    "load_records",
    "parse_records",
    "record_hash",
]


def load_records(path):
    """Read and validate a free-exercise-db JSON file; raise SourceFileError if bad."""
    return parse_records(read_json(path), source=str(path))


def import_records(records, *, dry_run=False, source="The file"):
    """Import validated records in one transaction; return an ImportReport."""
    with transaction.atomic():
        plan = plan_import(records, source=source)
        report = plan.report(len(records), dry_run)
        if dry_run:
            return report
        if plan.create or plan.update or plan.match:
            apply_plan(plan, timezone.now())
            ContentVersion.bump()
    return report


def import_file(path, *, dry_run=False):
    """Validate the whole file, then import it; raise SourceFileError if it is bad."""
    return import_records(load_records(path), dry_run=dry_run, source=str(path))
