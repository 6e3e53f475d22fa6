from django.core.management.base import BaseCommand, CommandError

from curation.merging import MergeError, merge_exercises


class Command(BaseCommand):
    help = (
        "Merge the exercise SOURCE_SLUG into TARGET_SLUG: the source's name and "
        "aliases become aliases of the target, links and references move to it, the "
        "source is removed (kept in the history) and its URL redirects (301) to the "
        "target for good. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("source_slug")
        parser.add_argument("target_slug")

    def handle(self, source_slug, target_slug, **options):
        try:
            result = merge_exercises(source_slug, target_slug)
        except MergeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(result))
