"""Two scenarios of the serving path, each against the bare view on the same server.

bypass: every request carries a query string nobody asked for before, as
crawlers and links with tracking parameters do, so the page cache cannot help;
the cache's keys are counted before and after (Redis DBSIZE), since such
requests should add nothing to it.

redis-outage: the page cache's Redis (one the benchmark started) is killed in the
middle of a run; how the site serves during the outage, what /healthz says and
how much the server logs.
"""

import secrets
import time
from pathlib import Path

from bench.loadtest import wrk
from bench.loadtest.measure import (
    BASELINE,
    PAGES,
    Measurement,
    measure_page,
    progress_line,
    warm_up,
)
from bench.loadtest.server import get, serving
from bench.loadtest.services import RedisServer
from bench.processes import log

REDIRECTS = (301, 302, 303, 307, 308)
# Row name, page path, parameter appended (N stands for the unique value).
BYPASS_REQUESTS = (
    ("list + unique utm_source", PAGES["list"], "utm_source"),
    ("filtered + unique junk parameter", PAGES["filtered"], "junkN"),
)
OUTAGE_PAGE = "list"


def baseline_row(server, name, seconds):
    row = measure_page(server, name, PAGES[BASELINE], "cold", seconds)
    row.baseline = True
    return row


def bypass(backend, tmpdir, seconds, label):
    """Time the bypass requests between two baseline runs; the page cache is on."""
    nonce = secrets.token_hex(3)
    backend.flush_cache()
    rows = []
    with serving(backend.env, tmpdir, f"{label}-bypass") as server:
        warm_up(server)
        rows.append(baseline_row(server, BASELINE, seconds))
        for number, (name, path, parameter) in enumerate(BYPASS_REQUESTS, 1):
            script = Path(tmpdir) / f"bypass-{number}.lua"
            script.write_text(wrk.bypass_script(path, parameter, nonce))
            request = (name, path, parameter, nonce, script)
            row = bypass_row(backend, server, request, seconds)
            rows.append(row)
            log(f"  [{label} bypass] {progress_line(row)}")
        rows.append(baseline_row(server, "baseline, again", seconds))
    return rows


def bypass_row(backend, server, request, seconds):
    """One bypass request: check what a junk URL answers, then time it with wrk
    and count the cache's keys before and after."""
    name, path, parameter, nonce, script = request
    example = wrk.bypass_example(path, parameter, f"{nonce}-check")
    row = Measurement(name, wrk.bypass_example(path, parameter, "<n>"))
    status, headers, _, _ = get(server.port, example)
    if status not in (200, *REDIRECTS):
        row.errors.append(
            f"GET {example} answered {status or headers}; server log: "
            f"{server.last_error()}"
        )
        return row
    answer = f"answers {status}"
    if status in REDIRECTS:
        answer += f" to {headers.get('Location')}"
    keys_before, memory_before = backend.cache_keys(), cache_memory(backend)
    result = wrk.run_wrk(server.port, path, seconds, script=script)
    # Requests still in flight when wrk stops are answered (and stored) later.
    problem = server.settle()
    keys_after, memory_after = settled_keys(backend), cache_memory(backend)
    row.take(result)
    row.note = (
        f"{answer}; {keys_text(keys_before, keys_after, memory_before, memory_after)}"
    )
    if problem:
        row.errors.append(problem)
    return row


def settled_keys(backend, timeout=10):
    """The cache's keys once they stop changing (a worker may still be storing
    the answer to a request wrk gave up waiting for)."""
    keys = backend.cache_keys()
    deadline = time.monotonic() + timeout
    while keys is not None and time.monotonic() < deadline:
        time.sleep(0.5)
        again = backend.cache_keys()
        if again == keys:
            break
        keys = again
    return keys


def cache_memory(backend):
    return backend.redis.used_memory() if backend.redis else None


def keys_text(before, after, memory_before=None, memory_after=None):
    """The cache's growth during a run, for the report."""
    if before is None or after is None:
        return "cache keys not countable (the local-memory cache lives in each worker)"
    text = f"cache keys {before:,} → {after:,} ({after - before:+,})"
    if memory_before is not None and memory_after is not None:
        text += f", Redis memory {(memory_after - memory_before) / 1e6:+.1f} MB"
    return text


def redis_outage(backend, tmpdir, seconds, label, path):
    """Serve with a Redis of its own, kill it mid-run, then keep driving the page.

    Returns (rows, notes): the notes say what /healthz answered during the
    outage and how much the server logged.
    """
    redis = RedisServer(Path(tmpdir) / "redis-outage.log").start()
    env = {**backend.env, "REDIS_URL": redis.url}
    rows, notes = [], []
    try:
        with serving(env, tmpdir, f"{label}-redis-outage") as server:
            warm_up(server)
            rows.append(baseline_row(server, "baseline, Redis up", seconds))
            up = measure_page(server, f"{OUTAGE_PAGE}, Redis up", path, "warm", seconds)
            rows.append(up)
            log(f"  [{label} redis-outage] {progress_line(up)}")
            if up.rps is None:
                return rows, ["The page did not answer before the outage: not run."]
            killed_at = {}

            def kill():
                killed_at["log"] = server.log_size()
                redis.kill()
                log(f"  [{label} redis-outage] killed redis-server (port {redis.port})")

            result = wrk.run_wrk_during(server.port, path, seconds, seconds / 2, kill)
            rows.append(
                outage_row(f"{OUTAGE_PAGE}, Redis killed mid-run", path, result)
            )
            rows[-1].note = "; ".join(filter(None, [rows[-1].note, server.settle()]))
            result = wrk.run_wrk(server.port, path, seconds)
            rows.append(outage_row(f"{OUTAGE_PAGE}, Redis down", path, result))
            rows[-1].note = "; ".join(filter(None, [rows[-1].note, server.settle()]))
            for row in rows[-2:]:
                log(f"  [{label} redis-outage] {progress_line(row)}")
            # wrk counts non-2xx answers without saying which: ask once.
            page_status = get(server.port, path)[0]
            status, _, body, _ = get(server.port, "/healthz")
            rows.append(baseline_row(server, "baseline, Redis down", seconds))
            written = server.log_path.read_bytes()[killed_at.get("log", 0) :]
            notes += [
                f"GET {path} during the outage: {page_status or 'no answer'}.",
                f"/healthz during the outage: {status}, "
                f"`{body.decode(errors='replace').strip()[:200]}`.",
                "Server log written from the kill to the end of the outage runs: "
                + log_text(written),
            ]
            notes.append(
                f"Redis was killed (SIGKILL, as in a crash) {seconds / 2:g} s into "
                f"a {seconds} s run."
            )
    finally:
        redis.stop()
    return rows, notes


def outage_row(name, path, result):
    row = Measurement(name, path)
    row.take(result)
    # During the outage errors are what is measured, not a failure of the run.
    row.note = "; ".join(row.errors)
    row.errors = []
    return row


def log_text(data):
    """A log's size, lines and tracebacks, for the report."""
    text = data.decode(errors="replace")
    lines = text.count("\n")
    tracebacks = text.count("Traceback (most recent call last)")
    return f"{len(data) / 1e3:,.1f} kB, {lines:,} lines, {tracebacks:,} tracebacks."
