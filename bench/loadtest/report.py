"""The benchmark's Markdown report: a table per backend, size and state or
scenario, each page as a ratio to the bare view measured on the same server."""

from dataclasses import dataclass, field
from statistics import fmean

from bench.loadtest.backends import TITLES
from bench.loadtest.catalogue import PREFERRED_SLUGS
from bench.loadtest.measure import fmt_ms

NOISY_DRIFT = 1.5  # baseline runs further apart than this: the table is flagged
STATE_TITLES = {
    "cold": "cold",
    "warm": "warm",
    "bypass": "cache bypass (a unique query string per request)",
    "redis-outage": "Redis outage (killed mid-run)",
}


@dataclass
class Run:
    backend: str
    size: int
    state: str  # cold, warm, or a scenario: bypass, redis-outage
    catalogue: str
    slugs: dict
    load: tuple  # 1-minute load average before and after
    recycled: int | None  # workers gunicorn replaced (max_requests) during the runs
    rows: list
    code_changed: list = field(default_factory=list)  # files edited during the runs
    notes: list = field(default_factory=list)  # scenarios: what the table cannot hold

    @property
    def scenario(self):
        return self.state not in ("cold", "warm")

    def baseline(self):
        """The bare view: the mean of its runs (before and after the pages)."""
        runs = [row for row in self.rows if row.baseline and row.p50_ms and row.rps]
        if not runs:
            return None
        return _Baseline(
            fmean(row.rps for row in runs), fmean(row.p50_ms for row in runs)
        )

    def pages(self):
        return [row for row in self.rows if not row.baseline]

    def baseline_drift(self):
        """How many times slower the slowest baseline run was than the fastest."""
        medians = [row.p50_ms for row in self.rows if row.baseline and row.p50_ms]
        return max(medians) / min(medians) if len(medians) >= 2 else None


@dataclass
class _Baseline:
    rps: float
    p50_ms: float


def fmt_ratio(value):
    return "–" if value is None else f"{value:.1f}×"


def fmt_count(value):
    return "–" if value is None else f"{value:,}"


def reference(row, baseline):
    """What a page's ratios divide by: the mean of the bare view's runs just
    before and after it where they were measured, else the run's baseline."""
    around = [run for run in row.around if run.p50_ms and run.rps]
    if not around:
        return baseline
    return _Baseline(
        fmean(run.rps for run in around), fmean(run.p50_ms for run in around)
    )


def latency_ratio(row, baseline):
    """How many bare views one request of the page costs (median over median)."""
    baseline = reference(row, baseline)
    if row.p50_ms is None or not baseline:
        return None
    return row.p50_ms / baseline.p50_ms


def throughput_ratio(row, baseline):
    """How many times fewer requests per second than the bare view."""
    baseline = reference(row, baseline)
    if not row.rps or not baseline:
        return None
    return baseline.rps / row.rps


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def caption(run_):
    slugs = ", ".join(
        f"{what} `{slug}`"
        for what, slug in run_.slugs.items()
        if slug != PREFERRED_SLUGS.get(what)
    )
    text = f"Catalogue: {run_.catalogue}." + (f" Slugs used: {slugs}." if slugs else "")
    text += (
        f" Load average (1 min): {run_.load[0]:.1f} before, {run_.load[1]:.1f} after."
    )
    if run_.recycled is not None:
        text += f" Workers recycled (max_requests): {run_.recycled}."
    return text


def page_rows(run_):
    """The cold and warm tables: one row per page with its SQL queries."""
    baseline = run_.baseline()
    lines = [
        "| Page | Requests/s | Median ms | p99 ms | SQL queries "
        "| Median × baseline | Throughput × baseline |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in run_.rows:
        if row.single_ms is not None:
            cells = ["–", f"{fmt_ms(row.single_ms)} (1 request)†", "–"]
        else:
            rps = "–" if row.rps is None else f"{row.rps:,.0f}"
            cells = [rps, fmt_ms(row.p50_ms), fmt_ms(row.p99_ms)]
        cells += [
            fmt_count(row.queries),
            fmt_ratio(latency_ratio(row, baseline)),
            fmt_ratio(throughput_ratio(row, baseline)),
        ]
        lines.append(f"| {row.page} | " + " | ".join(cells) + " |")
    return lines


def scenario_rows(run_):
    """The scenario tables: errors counted, and a note per row."""
    baseline = run_.baseline()
    lines = [
        "| Requests | Requests/s | Median ms | p99 ms | Completed | Non-2xx "
        "| Socket errors | Median × baseline | Throughput × baseline | Notes |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in run_.rows:
        cells = [
            f"{row.page} `{row.path}`",
            "–" if row.rps is None else f"{row.rps:,.0f}",
            fmt_ms(row.p50_ms),
            fmt_ms(row.p99_ms),
            fmt_count(row.requests),
            f"{row.non_2xx:,}",
            f"{row.socket_errors:,}",
            fmt_ratio(latency_ratio(row, baseline)),
            fmt_ratio(throughput_ratio(row, baseline)),
            cell(row.note),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def run_table(run_):
    title = STATE_TITLES.get(run_.state, run_.state)
    lines = [
        f"### {TITLES[run_.backend]} · {run_.size:,} exercises · {title}",
        "",
        caption(run_),
        "",
        *(scenario_rows(run_) if run_.scenario else page_rows(run_)),
    ]
    lines += [f"\n{note}" for note in run_.notes]
    if run_.code_changed:
        shown = ", ".join(run_.code_changed[:6])
        more = " …" if len(run_.code_changed) > 6 else ""
        lines += [
            "",
            f"**Code changed on disk during this run** ({shown}{more}): workers "
            "started after the change run the new code, so these figures may mix "
            "two versions of the site. Run it again for clean figures.",
        ]
    drift = run_.baseline_drift()
    if drift and drift > NOISY_DRIFT:
        lines += [
            "",
            f"Noisy: the baseline runs differ by {drift:.1f}× (the machine was "
            "busier during one of them); read these ratios with care.",
        ]
    if any(row.single_ms is not None for row in run_.rows):
        lines += [
            "",
            "† Not load-tested: one request alone took longer than a quarter of the "
            "run (see bench/README.md).",
        ]
    errors = [f"{row.page}: {'; '.join(row.errors)}" for row in run_.rows if row.errors]
    if errors:
        lines += ["", "**Errors:** " + " · ".join(errors)]
    return "\n".join(lines)


def report(header, runs, summary):
    """The whole report: the run's facts, the tables, the summary."""
    lines = [
        "# Load benchmark results",
        "",
        *header,
        "",
        "Median × baseline: the page's median latency divided by the bare view's "
        "(/livez, on the same server: the mean of its runs just before and just "
        "after the page, in the cold and warm tables; the mean of its runs before "
        "and after all the pages, in the scenarios). The baseline rows are those "
        "long runs before and after all the pages. Throughput × baseline: the bare "
        "view's requests/s divided by the page's. SQL queries: one request with "
        "X-Query-Count (cold: page cache off; warm: served from the page cache).",
        "",
    ]
    for run_ in runs:
        lines += [run_table(run_), ""]
    lines += ["## Summary", "", *summary, ""]
    return "\n".join(lines)
