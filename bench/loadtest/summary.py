"""The report's summary against the aims, and the facts about the run."""

import os
import shlex
import sys
from pathlib import Path

from bench.loadtest import wrk
from bench.loadtest.backends import TITLES
from bench.loadtest.measure import fmt_ms
from bench.loadtest.options import STATES
from bench.loadtest.report import fmt_ratio, latency_ratio, throughput_ratio
from bench.processes import ROOT, run
from bench.production import PYTHON

AIM_WARM_RATIO = 3.0
AIM_COLD_P99_MS = 100.0
# Top-level folders whose files no gunicorn worker loads; a change to any other
# file during a run mixes two versions of the site. A list of what to skip, not
# of the apps, so that apps added or moved are watched too; hidden folders
# (.git, .venv, tool caches) are skipped as well.
NOT_SERVED = {
    "audit",
    "bench",
    "fixtures",
    "media",
    "node_modules",
    "screenshots",
    "staticfiles",
    "tests",
}


def worst_warm_lines(runs):
    lines = []
    for backend in dict.fromkeys(r.backend for r in runs):
        warm = [r for r in runs if r.backend == backend and r.state == "warm"]
        if not warm:
            continue
        largest = max(warm, key=lambda r: r.size)
        baseline = largest.baseline()
        ratios = [
            (latency_ratio(row, baseline), row)
            for row in largest.pages()
            if latency_ratio(row, baseline) is not None
        ]
        if not ratios:
            continue
        ratio, row = max(ratios, key=lambda pair: pair[0])
        verdict = "meets" if ratio <= AIM_WARM_RATIO else "MISSES"
        lines.append(
            f"- Worst warm ratio, {TITLES[backend]}, {largest.size:,} "
            f"exercises: {row.page} at {fmt_ratio(ratio)} the bare view's median "
            f"({fmt_ms(row.p50_ms)} ms vs {fmt_ms(baseline.p50_ms)} ms; throughput "
            f"{fmt_ratio(throughput_ratio(row, baseline))} lower): {verdict} the aim "
            f"of {AIM_WARM_RATIO:g}×."
        )
    return lines


def worst_cold_lines(runs):
    """The worst cold p99 at the largest size; pages too slow to load-test apart."""
    cold = [r for r in runs if r.state == "cold"]
    if not cold:
        return []
    size = max(r.size for r in cold)
    rows = [(r.backend, row) for r in cold if r.size == size for row in r.pages()]
    tested = sorted(
        ((row.p99_ms, backend, row) for backend, row in rows if row.p99_ms),
        key=lambda item: -item[0],
    )
    untested = sorted(
        ((row.single_ms, backend, row) for backend, row in rows if row.single_ms),
        key=lambda item: -item[0],
    )
    lines = []
    if tested:
        p99, backend, row = tested[0]
        verdict = "meets" if p99 < AIM_COLD_P99_MS else "MISSES"
        lines.append(
            f"- Worst cold p99 at {size:,} exercises: {row.page} on "
            f"{TITLES[backend]}, {fmt_ms(p99)} ms (median "
            f"{fmt_ms(row.p50_ms)} ms): {verdict} the aim of under "
            f"{AIM_COLD_P99_MS:g} ms."
        )
        over = [
            f"{row.page} ({backend}) {fmt_ms(p99)} ms"
            for p99, backend, row in tested
            if p99 >= AIM_COLD_P99_MS
        ]
        if over:
            lines.append(
                f"- Cold p99 at or over {AIM_COLD_P99_MS:g} ms at {size:,} "
                "exercises: " + ", ".join(over) + "."
            )
    if untested:
        lines.append(
            f"- Too slow to load-test cold at {size:,} exercises (one request alone "
            "took over a quarter of the run; under load it would be slower still): "
            + ", ".join(
                f"{row.page} ({backend}) {fmt_ms(ms)} ms for one request"
                for ms, backend, row in untested
            )
            + "."
        )
    return lines


def query_growth_lines(runs):
    """Pages whose query count changes with the catalogue size (a likely N+1)."""
    lines = []
    for backend in dict.fromkeys(r.backend for r in runs):
        for state in STATES:
            by_size = {
                r.size: {row.page: row.queries for row in r.pages()}
                for r in runs
                if r.backend == backend and r.state == state
            }
            if len(by_size) < 2:
                continue
            pages = dict.fromkeys(p for counts in by_size.values() for p in counts)
            for page in pages:
                counts = {size: c.get(page) for size, c in sorted(by_size.items())}
                if len({c for c in counts.values() if c is not None}) > 1:
                    shown = ", ".join(f"{c} at {s:,}" for s, c in counts.items())
                    lines.append(
                        f"- Query count of {page} ({backend}, {state}) changes with "
                        f"the size: {shown}."
                    )
    page_runs = [r for r in runs if not r.scenario]
    if not lines and len({r.size for r in page_runs}) > 1:
        lines.append("- Query counts are the same at every size, page by page.")
    return lines


def scenario_lines(runs):
    """One line per scenario row: its cost against the bare view, and its note."""
    lines = []
    for run_ in (r for r in runs if r.scenario):
        baseline = run_.baseline()
        for row in run_.pages():
            if row.rps is None:
                continue
            lines.append(
                f"- {run_.state}, {TITLES[run_.backend]}, {run_.size:,} exercises, "
                f"{row.page}: {row.rps:,.0f} req/s, {fmt_ratio(latency_ratio(row, baseline))} "
                f"the bare view's median, p99 {fmt_ms(row.p99_ms)} ms, "
                f"{row.non_2xx:,} non-2xx of {row.requests:,}"
                + (f"; {row.note}" if row.note else "")
                + "."
            )
        where = f"{run_.state}, {TITLES[run_.backend]}, {run_.size:,} exercises"
        lines += [f"- {where}: {note}" for note in run_.notes]
    return lines


def summary_lines(runs, skipped, failures):
    lines = [
        *worst_warm_lines(runs),
        *worst_cold_lines(runs),
        *query_growth_lines(runs),
        *scenario_lines(runs),
    ]
    mixed = [f"{r.backend} {r.size:,} {r.state}" for r in runs if r.code_changed]
    if mixed:
        lines.append(
            "- Code changed on disk during: " + ", ".join(mixed) + " (see the tables)."
        )
    lines += [f"- Skipped {what}: {why}" for what, why in skipped.items()]
    lines += [f"- FAILED: {failure}" for failure in failures]
    errors = [
        f"{r.backend} {r.size:,} {r.state} {row.page}"
        for r in runs
        for row in r.rows
        if row.errors
    ]
    if errors:
        lines.append("- Pages with errors (see the tables): " + ", ".join(errors) + ".")
    return lines


# Facts about the run -------------------------------------------------------


def code_changed_since(moment):
    """Project files (code, templates, static) modified after ``moment`` (a timestamp).

    Other people may edit this tree; a gunicorn worker started after a change
    runs the new code, so such a run mixes two versions of the site.
    """
    changed = []
    for folder in ROOT.iterdir():
        if not folder.is_dir() or folder.name in NOT_SERVED or folder.name[0] == ".":
            continue
        for path in folder.rglob("*"):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            try:
                if path.stat().st_mtime > moment:
                    changed.append(str(path.relative_to(ROOT)))
            except OSError:
                continue
    return sorted(changed)


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def code_version():
    """The commit, and the files changed since (read-only git commands)."""
    status, commit = run(["git", "rev-parse", "--short", "HEAD"], timeout=10)
    if status != 0:
        return "not a git checkout"
    status, changes = run(
        ["git", "--no-optional-locks", "status", "--porcelain"], timeout=30
    )
    changed = [line[3:] for line in changes.splitlines() if line.strip()]
    if not changed:
        return f"commit {commit.strip()}, no uncommitted changes"
    return (
        f"commit {commit.strip()} with uncommitted changes to {len(changed)} "
        f"path(s): {', '.join(changed[:8])}{' …' if len(changed) > 8 else ''}"
    )


def machine_facts(extra):
    """Versions of what was measured, and the machine's; ``extra``: the services'."""

    def venv(code):
        status, output = run([PYTHON, "-c", code], timeout=60)
        return output.strip() if status == 0 else "?"

    facts = {
        "Cores": str(os.cpu_count()),
        "CPU": cpu_model(),
        "Python": venv("import platform; print(platform.python_version())"),
        "Django": venv("import django; print(django.get_version())"),
        "gunicorn": venv("import gunicorn; print(gunicorn.__version__)"),
        "SQLite": venv("import sqlite3; print(sqlite3.sqlite_version)"),
        **extra,
    }
    status, output = run([wrk.wrk_path(), "-v"], timeout=10)
    facts["wrk"] = output.split("Copyright")[0].strip() if output else "?"
    facts["Code"] = code_version()
    return facts


def command_line():
    """The command as typed from the repository root."""

    def relative(path):
        try:
            return str(Path(path).absolute().relative_to(ROOT))
        except ValueError:
            return Path(path).name

    return shlex.join([relative(sys.executable), relative(sys.argv[0]), *sys.argv[1:]])


def header_lines(started, minutes, facts, options, pages):
    return [
        f"- Date: {started:%Y-%m-%d %H:%M} UTC ({minutes:.0f} min)",
        f"- Command (from the repository root): `{command_line()}`",
        *(f"- {name}: {value}" for name, value in facts.items()),
        f"- Data set imported before generating: `{relative_path(options.dataset)}`",
        "- Server: gunicorn with config/gunicorn.py (sync workers, one per core), "
        "DEBUG off, hashed static files, plain HTTP on 127.0.0.1",
        f"- Load: `{wrk.describe(options.seconds)}`, one page at a time, on the "
        "same cores as the server"
        + ("" if wrk.REQUEST_HEADERS else " (no Accept-Encoding: uncompressed pages)"),
        "- Pages: " + ", ".join(f"{page} `{path}`" for page, path in pages.items()),
    ]


def relative_path(path):
    """A path as the report shows it: from the repository root when inside it
    (the report names no machine's folders)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return Path(path).name
