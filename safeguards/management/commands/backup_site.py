from safeguards.backup import backup, described
from safeguards.management.archive_command import ArchiveCommand


class Command(ArchiveCommand):
    help = (
        "Write the whole site (content, users, groups, admin history and every "
        "uploaded image) to one .tar.gz archive; restore it with restore_site."
    )
    archive_help = "Where to write, e.g. backup.tar.gz"

    def run(self, archive):
        manifest = backup(archive)
        return f"Wrote {archive}: {described(manifest)}."
