from safeguards.backup import described, restore
from safeguards.management.archive_command import ArchiveCommand


class Command(ArchiveCommand):
    help = (
        "Load an archive written by backup_site into an empty (freshly migrated) "
        "database, and its images into MEDIA_ROOT."
    )
    archive_help = "An archive written by backup_site"

    def run(self, archive):
        manifest = restore(archive)
        return f"Restored the backup of {manifest['created']}: {described(manifest)}."
