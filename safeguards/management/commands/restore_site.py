from django.core.management.base import BaseCommand

from safeguards.backup import restore


class Command(BaseCommand):
    help = (
        "Load an archive written by backup_site into an empty (freshly migrated) "
        "database, and its images into MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by backup_site")

    def handle(self, *args, archive, **options):
        manifest = restore(archive)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: "
                f"{sum(manifest['objects'].values())} objects, "
                f"{manifest['media_files']} media files."
            )
        )
