from django.core.management.base import BaseCommand

from safeguards.backup import backup


class Command(BaseCommand):
    help = (
        "Write the whole site (content, users, groups, admin history and every "
        "uploaded image) to one .tar.gz archive; restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write, e.g. backup.tar.gz")

    def handle(self, *args, archive, **options):
        manifest = backup(archive)
        total = sum(manifest["objects"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {archive}: {total} objects, {manifest['media_files']} media files."
            )
        )
