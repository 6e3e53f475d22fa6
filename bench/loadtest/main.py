"""The benchmark's run: each backend, each size, each state, then the scenarios."""

import os
import tempfile
import time
from datetime import UTC, datetime
from functools import partial

from bench.loadtest import scenarios, wrk
from bench.loadtest.backends import SETUP, TITLES, backend_problem
from bench.loadtest.catalogue import PREFERRED_SLUGS, create_catalogue, grow
from bench.loadtest.measure import count_queries, measure_state, page_paths
from bench.loadtest.options import parse_args
from bench.loadtest.report import Run, report, run_table
from bench.loadtest.services import PostgresServer, redis_server_problem
from bench.loadtest.summary import (
    code_changed_since,
    header_lines,
    machine_facts,
    summary_lines,
)
from bench.processes import CommandError, log, raise_on_sigterm, run
from bench.production import gunicorn_problem, manage, production_env


class Recorder:
    """Collects the runs, and prints each table as soon as it is measured."""

    def __init__(self):
        self.runs, self.skipped, self.failures = [], {}, []

    def add(self, run_):
        self.runs.append(run_)
        print(run_table(run_) + "\n", flush=True)


def measured(recorder, catalogue, size, state, measure):
    """Run ``measure()`` -> (rows, recycled, notes) and record it as a Run."""
    load_before, started = os.getloadavg()[0], time.time()
    rows, recycled, notes = measure()
    recorder.add(
        Run(
            catalogue.backend.name,
            size,
            state,
            catalogue.describe(),
            dict(catalogue.slugs),
            (load_before, os.getloadavg()[0]),
            recycled,
            rows,
            code_changed_since(started),
            notes,
        )
    )


def bench_backend(name, options, recorder):
    """Build the catalogue size by size and measure it; then the scenarios at the
    largest size."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmpdir:
        with SETUP[name](tmpdir, options) as backend:
            catalogue = create_catalogue(backend)
            for size in options.sizes:
                label = f"{name} {size:,}"
                log(f"[{label}] building the catalogue")
                grow(catalogue, size, options.dataset)
                pages = page_paths(options.pages, catalogue.slugs)
                log(f"[{label}] {catalogue.describe()}; measuring")
                for state in options.states:
                    measure = partial(
                        measure_pages, backend, tmpdir, pages, state, options, label
                    )
                    measured(recorder, catalogue, size, state, measure)
            run_scenarios(backend, catalogue, tmpdir, options, recorder)


def measure_pages(backend, tmpdir, pages, state, options, label):
    """The cold or warm table: each page timed, then its queries counted."""
    args = (backend, tmpdir, pages, state)
    rows, recycled = measure_state(*args, options.seconds, label)
    counts = count_queries(*args, label)
    for row in rows:
        row.queries = counts.get(row.page)
    return rows, recycled, []


def run_scenarios(backend, catalogue, tmpdir, options, recorder):
    size = options.sizes[-1]
    label = f"{backend.name} {size:,}"
    if "bypass" in options.scenarios:
        log(f"[{label}] scenario: cache bypass")

        def bypass():
            return scenarios.bypass(backend, tmpdir, options.seconds, label), None, []

        measured(recorder, catalogue, size, "bypass", bypass)
    if "redis-outage" in options.scenarios and backend.name == "postgres":
        log(f"[{label}] scenario: Redis outage")
        page = scenarios.OUTAGE_PAGE
        path = page_paths([page], catalogue.slugs)[page]

        def outage():
            rows, notes = scenarios.redis_outage(
                backend, tmpdir, options.seconds, label, path
            )
            return rows, None, notes

        measured(recorder, catalogue, size, "redis-outage", outage)


def collectstatic():
    log("manage.py collectstatic (hashed, compressed static files)")
    with tempfile.TemporaryDirectory(prefix="bench-static-") as tmpdir:
        env = production_env(tmpdir, f"sqlite:///{tmpdir}/unused.sqlite3")
        manage(env, "collectstatic", "--no-input", "-v0")


def service_facts(options):
    facts = {}
    if "postgres" in options.backends:
        postgres = PostgresServer(options.postgres)
        if postgres.problem() is None:
            facts.update(postgres.facts())
        if redis_server_problem() is None:
            _, output = run(["redis-server", "--version"], timeout=10)
            words = (output or "").split()
            version = next((w[2:] for w in words if w.startswith("v=")), "?")
            facts["Redis"] = f"{version} (redis-server started by the benchmark)"
    return facts


def startup_problem(options):
    """Why nothing can be measured here (the tools every run needs), or None."""
    if wrk.wrk_path() is None:
        return "wrk is not installed (apt-get install -y wrk, brew install wrk)"
    return gunicorn_problem()


def main(argv=None):
    options = parse_args(argv)
    if options.gzip:
        wrk.REQUEST_HEADERS.update(wrk.GZIP_HEADERS)
    raise_on_sigterm()
    problem = startup_problem(options)
    if problem:
        log(f"bench.py: {problem}")
        return 2
    if "redis-outage" in options.scenarios and "postgres" not in options.backends:
        log("Note: the redis-outage scenario runs with the postgres backend only.")
    started = datetime.now(UTC)
    recorder, interrupted = Recorder(), False
    facts = machine_facts(service_facts(options))
    log(
        f"Benchmark: backends {','.join(options.backends)}; sizes "
        f"{','.join(map(str, options.sizes))}; states {','.join(options.states) or 'none'}; "
        f"scenarios {','.join(options.scenarios) or 'none'}; {options.seconds} s a page"
    )
    try:
        collectstatic()
        for name in options.backends:
            problem = backend_problem(name, options)
            if problem:
                log(f"Skipping {name}: {problem}")
                recorder.skipped[name] = problem
                if name == "postgres" and "redis-outage" in options.scenarios:
                    recorder.skipped["redis-outage"] = "it needs the postgres backend"
                continue
            log(f"== {TITLES[name]}")
            try:
                bench_backend(name, options, recorder)
            except CommandError as error:
                log(f"{name} failed: {error}")
                recorder.failures.append(f"{name}: {str(error).splitlines()[0]}")
    except KeyboardInterrupt:
        interrupted = True
        log("Interrupted: writing the partial results")
    except CommandError as error:
        recorder.failures.append(str(error).splitlines()[0])
        log(str(error))
    return finish(options, started, facts, recorder, interrupted)


def finish(options, started, facts, recorder, interrupted):
    """Write the report, print the summary; the exit status."""
    minutes = (datetime.now(UTC) - started).total_seconds() / 60
    pages = page_paths(options.pages, PREFERRED_SLUGS)
    header = header_lines(started, minutes, facts, options, pages)
    if interrupted:
        header += ["", "**Interrupted: the results below are partial.**"]
    summary = summary_lines(recorder.runs, recorder.skipped, recorder.failures)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(report(header, recorder.runs, summary))
    print("\n".join(["## Summary", "", *summary]), flush=True)
    log(f"\nWrote {options.out}")
    if interrupted:
        return 130
    errors = any(row.errors for r in recorder.runs for row in r.rows)
    return 1 if recorder.failures or errors else 0
