import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalogue.models import Exercise
from core.content import content_models
from core.images import Illustrated

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
FIXTURE_MEDIA = FIXTURES_DIR / "media"


def copy_fixture_media():
    """Put the images the fixtures refer to where the site serves media from."""
    copied = 0
    for source in FIXTURE_MEDIA.rglob("*"):
        if source.is_file():
            target = Path(settings.MEDIA_ROOT) / source.relative_to(FIXTURE_MEDIA)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                copied += 1
    return copied


def make_missing_renditions():
    made = 0
    for model in content_models():
        if issubclass(model, Illustrated):
            for obj in model.objects.exclude(image="").filter(image_renditions=[]):
                obj.refresh_renditions()
                made += 1
    return made


class Command(BaseCommand):
    help = (
        "Load every fixture in fixtures/ (in name order) into an empty database, with "
        "the images they use. With content already there it does nothing, so editors' "
        "changes are never overwritten; --force reloads (natural keys: no duplicates)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if content exists, updating it.",
        )

    def handle(self, *args, force=False, **options):
        copy_fixture_media()
        if Exercise.objects.exists() and not force:
            self.stdout.write(
                "Content already loaded; nothing to do (use --force to reload)."
            )
            return
        fixtures = sorted(str(path) for path in FIXTURES_DIR.glob("*.json"))
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        made = make_missing_renditions()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(fixtures)} fixture files; made renditions of {made} image(s)."
            )
        )
