from django.core.management.base import BaseCommand


class ArchiveCommand(BaseCommand):
    """A command that takes one backup archive and reports what it held.

    A subclass defines ``run(archive)``: it does the work and returns the line
    that reports it (``backup_site``, ``restore_site``).
    """

    archive_help = ""

    def add_arguments(self, parser):
        parser.add_argument("archive", help=self.archive_help)

    def handle(self, *args, archive, **options):
        self.stdout.write(self.style.SUCCESS(self.run(archive)))
