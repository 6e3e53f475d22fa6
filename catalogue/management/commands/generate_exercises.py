from time import perf_counter

from django.core.management.base import BaseCommand, CommandError

from catalogue.generate import delete_generated, generate_exercises
from catalogue.maintenance import refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Add N generated, published exercises (for benchmarks and scale tests), "
        "with steps, equipment and muscles drawn from what exists. They are marked "
        "with source_ref 'generated:<n>'; --delete removes every one of them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "count", nargs="?", type=int, help="How many exercises to add."
        )
        parser.add_argument(
            "--prefix",
            default="",
            help="A word put before each name (all names then share its letter).",
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="First delete every generated exercise (then add COUNT, if given).",
        )

    def handle(self, *args, count=None, prefix="", delete=False, **options):
        if count is None and not delete:
            raise CommandError("Give the number of exercises to add, or --delete.")
        if count is not None and count < 1:
            raise CommandError("The number of exercises must be at least 1.")
        if delete:
            deleted = delete_generated()
            self.stdout.write(f"Deleted {deleted} generated exercises.")
        if count:
            started = perf_counter()
            names = generate_exercises(count, prefix=prefix)
            self.stdout.write(
                f"Generated {len(names)} exercises ({names[0]} to {names[-1]}) "
                f"in {perf_counter() - started:.1f} s."
            )
        refresh_planner_statistics()
