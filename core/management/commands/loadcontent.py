from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalogue.models import Exercise

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Load every fixture in fixtures/ (in name order) into an empty database. "
        "With content already there it does nothing, so editors' changes are never "
        "overwritten; --force reloads (fixtures use natural keys: nothing is duplicated)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if content exists, updating it.",
        )

    def handle(self, *args, force=False, **options):
        if Exercise.objects.exists() and not force:
            self.stdout.write(
                "Content already loaded; nothing to do (use --force to reload)."
            )
            return
        fixtures = sorted(str(path) for path in FIXTURES_DIR.glob("*.json"))
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixture files."))
