"""Timing pages on a running server, and counting their SQL queries."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from bench.loadtest import wrk
from bench.loadtest.server import get, serving
from bench.processes import log

BASELINE, BASELINE_AGAIN = "baseline", "baseline, again"
# Page name -> path; {exercise} and {muscle} are real slugs of the built database.
PAGES = {
    BASELINE: "/livez",
    "list": "/exercises/",
    "analysis": "/exercises/analysis/",
    "filtered": "/exercises/?equipment=dumbbells&muscle=back",
    "search": "/exercises/?q=pull+ups",
    "exercise": "/exercises/{exercise}/",
    "muscle": "/anatomy/{muscle}/",
}
PRIME_ROUNDS = 4  # warm runs: this many rounds of wrk.CONNECTIONS concurrent requests
SLOW_SHARE, SLOW_MIN_SECONDS = 0.25, 1.0  # see "not load-tested" in bench/README.md
WARM_UP_SECONDS = 2  # of load on /livez after each server start, not measured
# The bare view again after each page, this long: each page's ratios divide by
# the bare view's runs just before and after it (see ``measure_state``).
BETWEEN_SECONDS = 2


@dataclass
class Measurement:
    """One page's figures from one run (of one state on one backend)."""

    page: str
    path: str
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    requests: int | None = None
    single_ms: float | None = None  # one unloaded request (cold), when not load-tested
    queries: int | None = None
    errors: list = field(default_factory=list)
    baseline: bool = False  # a run of the bare view, which the ratios divide by
    non_2xx: int = 0
    socket_errors: int = 0
    note: str = ""  # scenarios: what the row shows beyond the figures
    # The bare view's runs just before and after this page (cold and warm
    # tables), which its ratios divide by; empty: the run's baseline.
    around: list = field(default_factory=list)

    def take(self, result):
        """The figures of a parsed wrk run."""
        self.rps, self.p50_ms, self.p99_ms = (
            result[k] for k in ("rps", "p50_ms", "p99_ms")
        )
        self.requests = result["requests"]
        self.non_2xx = result["non_2xx"]
        self.socket_errors = sum(result["socket"].values())
        self.errors += result["problems"]


def page_paths(pages, slugs):
    """Name -> URL path of the baseline and the chosen pages, with real slugs."""
    return {page: PAGES[page].format(**slugs) for page in (BASELINE, *pages)}


def prime(port, path):
    """Warm runs: concurrent requests, so that every worker has the page cached."""
    with ThreadPoolExecutor(wrk.CONNECTIONS) as pool:
        for _ in range(PRIME_ROUNDS):
            list(pool.map(lambda _: get(port, path), range(wrk.CONNECTIONS)))


def measure_page(server, page, path, state, seconds):
    """One page: check it answers 200, prime it (warm), then time it with wrk."""
    measurement = Measurement(page, path, baseline=page in (BASELINE, BASELINE_AGAIN))
    status, detail, _, elapsed = get(server.port, path)
    if status != 200:
        measurement.errors.append(
            f"GET {path} answered {status or detail}, not 200; server log: "
            f"{server.last_error()}"
        )
        return measurement
    if state == "cold" and elapsed > max(SLOW_MIN_SECONDS, seconds * SLOW_SHARE):
        measurement.single_ms = elapsed * 1000
        return measurement
    if state == "warm":
        prime(server.port, path)
    result = wrk.run_wrk(server.port, path, seconds)
    measurement.take(result)
    measurement.errors += wrk.error_texts(result)
    if measurement.errors:
        status, detail, _, _ = get(server.port, path)
        measurement.errors.append(
            f"GET {path} now answers {status or detail}; server log: "
            f"{server.last_error()}"
        )
    problem = server.settle()
    if problem:
        measurement.errors.append(problem)
    return measurement


def measure_state(backend, tmpdir, pages, state, seconds, label):
    """Time each page, between two baseline runs, with the page cache off or on.

    After each page the bare view runs again for ``BETWEEN_SECONDS``, so that
    each page has a run of the bare view just before and just after it
    (``Measurement.around``): on a shared machine the speed drifts by tens of
    per cent within a minute (baselines 1.4x apart in one run), and a page
    measured a minute after the baseline took that drift into its ratio.

    Returns the measurements and how many times gunicorn recycled a worker
    (max_requests) while they ran.
    """
    overrides = {"PAGE_CACHE_SECONDS": "0"} if state == "cold" else {}
    backend.flush_cache()
    rows = []
    order = [*pages.items(), (BASELINE_AGAIN, pages[BASELINE])]
    with serving(backend.env, tmpdir, f"{label}-{state}", **overrides) as server:
        warm_up(server)
        recycled_before = server.recycled()
        before = None
        for page, path in order:
            measurement = measure_page(server, page, path, state, seconds)
            log(f"  [{label} {state}] {progress_line(measurement)}")
            rows.append(measurement)
            if measurement.baseline:
                before = measurement
                continue
            after = bare_view_between(server, pages[BASELINE])
            measurement.around = [run for run in (before, after) if run.p50_ms]
            before = after
        recycled = server.recycled() - recycled_before
    return rows, recycled


def bare_view_between(server, path):
    """A short run of the bare view between two pages."""
    measurement = Measurement(BASELINE, path, baseline=True)
    measurement.take(wrk.run_wrk(server.port, path, BETWEEN_SECONDS))
    return measurement


def warm_up(server):
    """Fresh workers are slower: give them some load first, not measured."""
    wrk.run_wrk(server.port, PAGES[BASELINE], WARM_UP_SECONDS)


def count_queries(backend, tmpdir, pages, state, label):
    """SQL queries of one request per page (warm: the request after a cached one),
    on a server of its own with the X-Query-Count header on."""
    overrides = {"DJANGO_QUERY_COUNT_HEADER": "1", "WEB_CONCURRENCY": "1"}
    if state == "cold":
        overrides["PAGE_CACHE_SECONDS"] = "0"
    backend.flush_cache()
    counts = {}
    with serving(
        backend.env, tmpdir, f"{label}-{state}-queries", **overrides
    ) as server:
        for page, path in pages.items():
            if state == "warm":
                get(server.port, path)
            status, headers, _, _ = get(server.port, path)
            value = headers.get("X-Query-Count") if status == 200 else None
            counts[page] = int(value) if value and value.isdigit() else None
    counts[BASELINE_AGAIN] = counts.get(BASELINE)
    return counts


def fmt_ms(value):
    if value is None:
        return "–"
    if value < 10:
        return f"{value:.2f}"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def progress_line(m):
    if m.single_ms is not None:
        return f"{m.page}: not load-tested, one request took {fmt_ms(m.single_ms)} ms"
    if m.rps is None:
        return f"{m.page}: " + "; ".join(m.errors)
    text = (
        f"{m.page}: {m.rps:,.0f} req/s, median {fmt_ms(m.p50_ms)} ms, "
        f"p99 {fmt_ms(m.p99_ms)} ms ({m.requests:,} requests)"
    )
    if (m.non_2xx or m.socket_errors) and not m.errors:
        text += f", {m.non_2xx:,} non-2xx, {m.socket_errors:,} socket errors"
    if m.note:
        text += f"; {m.note}"
    return text + (f"; ERRORS: {'; '.join(m.errors)}" if m.errors else "")
