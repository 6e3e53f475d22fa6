"""The benchmark's command line: what to measure, and with which services."""

import argparse
import os
from pathlib import Path

from bench.processes import ROOT

FIXTURE_COUNT = 45  # exercises loadcontent gives: the smallest possible catalogue
DEFAULT_SIZES = (45, 1_000, 10_000)
QUICK_SIZES = (45, 1_000)
DEFAULT_SECONDS = 8
QUICK_SECONDS = 3
BACKENDS = ("sqlite", "postgres")
STATES = ("cold", "warm")
SCENARIOS = ("bypass", "redis-outage")
PAGE_NAMES = ("list", "analysis", "filtered", "search", "exercise", "muscle")

RESULTS_PATH = ROOT / "bench" / "results" / "latest.md"
# A small extract of free-exercise-db kept in the repository, so that a clean
# clone can run the benchmark; generate_exercises fills each size up.
SAMPLE_DATASET = ROOT / "tests" / "data" / "free-exercise-db-sample.json"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_DB_PREFIX = "bench_"


def csv_choices(value, choices, what, allow_none=False):
    """A comma-separated subset of ``choices``, in the order given, once each."""
    items = [item.strip() for item in value.split(",") if item.strip()]
    if allow_none and items == ["none"]:
        return []
    unknown = [item for item in items if item not in choices]
    if unknown or not items:
        extra = ", or none" if allow_none else ""
        raise argparse.ArgumentTypeError(
            f"unknown {what}: {', '.join(unknown) or repr(value)} "
            f"(choose from {', '.join(choices)}{extra})"
        )
    return list(dict.fromkeys(items))


def add_choices_option(parser, option, choices, what, help, allow_none=False):
    """An option taking a comma-separated subset of ``choices``; all by default."""
    parser.add_argument(
        option,
        type=lambda value: csv_choices(value, choices, what, allow_none),
        default=list(choices),
        help=help,
    )


def csv_sizes(value):
    """Catalogue sizes, smallest first (one database grows from size to size)."""
    try:
        sizes = sorted(
            {int(item.strip().replace("_", "")) for item in value.split(",") if item}
        )
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"sizes must be whole numbers: {value!r}"
        ) from None
    if not sizes or sizes[0] < FIXTURE_COUNT:
        raise argparse.ArgumentTypeError(
            f"each size must be at least {FIXTURE_COUNT} (the fixtures)"
        )
    return sizes


def db_prefix(value):
    """A prefix for the throwaway database's name: lower-case letters, digits, _."""
    if not value or not all(c.isascii() and (c.isalnum() or c == "_") for c in value):
        raise argparse.ArgumentTypeError(
            f"the database prefix must be letters, digits and _: {value!r}"
        )
    if not value[0].isalpha():
        raise argparse.ArgumentTypeError(
            f"the prefix must start with a letter: {value!r}"
        )
    return value.lower()


def postgres_url(value):
    if not value.startswith(("postgres://", "postgresql://")):
        raise argparse.ArgumentTypeError(
            f"expected postgres://user@host:port/database, got {value!r}"
        )
    return value


# Options that have an environment variable too: where things are on this machine.
ENVIRONMENT_OPTIONS = (
    (
        "--dataset",
        "BENCH_DATASET",
        Path,
        str(SAMPLE_DATASET.relative_to(ROOT)),
        "a free-exercise-db exercises.json to import before generating",
    ),
    (
        "--postgres",
        "BENCH_POSTGRES",
        postgres_url,
        DEFAULT_POSTGRES,
        "a PostgreSQL server and a database to connect to while creating the "
        "throwaway one",
    ),
    (
        "--db-prefix",
        "BENCH_DB_PREFIX",
        db_prefix,
        DEFAULT_DB_PREFIX,
        "the throwaway PostgreSQL database's name starts with this",
    ),
)


def build_parser(environ):
    parser = argparse.ArgumentParser(
        prog="bench/bench.py",
        description="Load-test the main pages with wrk against gunicorn, as in "
        "production, on throwaway catalogues of several sizes (see bench/README.md).",
    )
    add_choices_option(
        parser,
        "--backends",
        BACKENDS,
        "backend",
        help="comma-separated: sqlite,postgres (default both)",
    )
    # argparse passes string defaults through `type` too, so a bad environment
    # variable gets the same message as a bad option.
    parser.add_argument(
        "--sizes",
        type=csv_sizes,
        help="catalogue sizes, comma-separated (default 45,1000,10000)",
    )
    parser.add_argument(
        "--seconds",
        type=int,
        help=f"wrk's duration per page (default {DEFAULT_SECONDS})",
    )
    add_choices_option(
        parser,
        "--pages",
        PAGE_NAMES,
        "page",
        help=f"comma-separated, of {','.join(PAGE_NAMES)} (the baseline always runs)",
    )
    add_choices_option(
        parser,
        "--states",
        STATES,
        "state",
        allow_none=True,
        help="cold (page cache off), warm (page cache on, primed); default both; "
        "none for the scenarios alone",
    )
    add_choices_option(
        parser,
        "--scenarios",
        SCENARIOS,
        "scenario",
        allow_none=True,
        help="at the largest size: bypass (a unique query string per request), "
        "redis-outage (Redis killed mid-run; PostgreSQL only); default both, or none",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))}, "
        f"{QUICK_SECONDS} s a page (unless given)",
    )
    parser.add_argument(
        "--gzip",
        action="store_true",
        help="send Accept-Encoding: gzip as browsers do (default: no "
        "Accept-Encoding, wrk's own requests)",
    )
    for option, variable, convert, default, what in ENVIRONMENT_OPTIONS:
        parser.add_argument(
            option,
            type=convert,
            default=environ.get(variable) or default,
            help=f"{what} (default ${variable}, else {default})",
        )
    parser.add_argument(
        "--out",
        type=Path,
        default=RESULTS_PATH,
        help="the Markdown report to write (default bench/results/latest.md)",
    )
    return parser


def parse_args(argv=None, environ=None):
    environ = os.environ if environ is None else environ
    parser = build_parser(environ)
    options = parser.parse_args(argv)
    if options.sizes is None:
        options.sizes = list(QUICK_SIZES if options.quick else DEFAULT_SIZES)
    if options.seconds is None:
        options.seconds = QUICK_SECONDS if options.quick else DEFAULT_SECONDS
    if options.seconds < 1:
        parser.error("--seconds must be at least 1")
    options.dataset = options.dataset.expanduser()
    if not options.dataset.is_absolute():
        # From where it is run, else from the repository root (the default).
        here = Path.cwd() / options.dataset
        options.dataset = here if here.exists() else ROOT / options.dataset
    if not options.dataset.is_file():
        parser.error(f"no data set at {options.dataset} (--dataset or BENCH_DATASET)")
    if not options.states and not options.scenarios:
        parser.error("nothing to measure: --states none and --scenarios none")
    return options
