from django.core.management.base import BaseCommand, CommandError

from catalogue import importer
from catalogue.maintenance import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Import exercises from free-exercise-db's exercises.json "
        "(github.com/yuhonas/free-exercise-db). The whole file is validated first "
        "and imported in one transaction; running it again skips unchanged records "
        "and updates changed ones. Exercises we wrote ourselves that the source "
        "names (by name or alias) are linked, never overwritten. The equipment and "
        "muscles it needs must exist (manage.py loadcontent). No images are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The exercises.json file to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate the file and report what would happen, writing nothing.",
        )

    def handle(self, *args, path, dry_run=False, **options):
        try:
            report = importer.import_file(path, dry_run=dry_run)
        except importer.SourceFileError as error:
            raise CommandError(str(error)) from error
        if not dry_run:
            refresh_planner_statistics()
        self.stdout.write(report.summary())
