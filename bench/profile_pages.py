"""Where an uncached page spends its time, in-process (no server, no network).

    .venv/bin/python bench/profile_pages.py                 # the 45 fixture exercises
    .venv/bin/python bench/profile_pages.py --size 10000    # grown with generated ones
    .venv/bin/python bench/profile_pages.py --profile list  # cProfile one page
    PROFILE_SORT=tottime .venv/bin/python bench/profile_pages.py --profile list

Builds a throwaway SQLite catalogue (or uses DATABASE_URL if set, which must
name a database it may fill), turns the page cache off, and times each page
through Django's test client against the bare /livez view in the same process:
median milliseconds and the ratio. With --profile it prints the functions that
took the most time for that page, so a change can be aimed at the real cost.
Standard library and the project's own dependencies only.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "bare": "/livez",
    "home": "/",
    "list": "/exercises/",
    "filtered": "/exercises/?equipment=dumbbells&muscle=back",
    "search": "/exercises/?q=row",
    "exercise": "/exercises/{exercise}/",
    "muscle": "/anatomy/latissimus-dorsi/",
    "analysis": "/exercises/analysis/",
}


def setup_django(database_url):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DATABASE_URL"] = database_url
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "profile-" + "x" * 50)
    os.environ.pop("DJANGO_DEBUG", None)
    import django

    django.setup()


def build(size):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loadcontent", verbosity=0)
    from catalogue.models import Exercise

    missing = size - Exercise.objects.count()
    if missing > 0:
        call_command("generate_exercises", str(missing), verbosity=0)


def timed(client, path, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST="127.0.0.1")
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(samples)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=45)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", choices=sorted(PAGES), default=None)
    parser.add_argument("--top", type=int, default=25)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/profile.db"
        os.environ["DJANGO_MEDIA_ROOT"] = f"{folder}/media"
        setup_django(url)
        build(options.size)
        from django.test import Client

        from catalogue.models import Exercise

        client = Client()
        exercise = Exercise.objects.published().order_by("name").first().slug
        paths = {name: path.format(exercise=exercise) for name, path in PAGES.items()}
        for path in paths.values():
            timed(client, path, 3)  # warm the process: imports, templates
        if options.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            timed(client, paths[options.profile], options.repeat)
            profiler.disable()
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats(
                os.environ.get("PROFILE_SORT", "cumulative")
            )
            stats.print_stats(options.top)
            print(out.getvalue())
            return 0
        bare = timed(client, paths["bare"], options.repeat * 3)
        print(f"{options.size} exercises, median ms per uncached request, in-process")
        print(f"{'page':10} {'ms':>8} {'× bare':>8}")
        for name, path in paths.items():
            ms = bare if name == "bare" else timed(client, path, options.repeat)
            print(f"{name:10} {ms:8.2f} {ms / bare:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
