"""The benchmark's tables and summary (bench/loadtest/report.py, summary.py)."""

from bench.loadtest.measure import Measurement, fmt_ms
from bench.loadtest.report import Run, fmt_ratio, report, run_table
from bench.loadtest.summary import query_growth_lines, summary_lines


def row(page, rps, p50, p99=None, queries=None, **extra):
    measurement = Measurement(
        page,
        "/livez" if "baseline" in page else f"/{page.split(',')[0]}/",
        rps=rps,
        p50_ms=p50,
        p99_ms=p99 if p99 is not None else p50 * 2,
        requests=int(rps * 3),
        queries=queries,
        baseline="baseline" in page,
    )
    for key, value in extra.items():
        setattr(measurement, key, value)
    return measurement


def make_run(state="warm", size=45, rows=None, backend="sqlite", **extra):
    rows = rows or [
        row("baseline", 3_000, 2.0, queries=0),
        row("list", 100, 20.0, p99=45.5, queries=7),
        row("baseline, again", 1_000, 6.0, queries=0),
    ]
    return Run(
        backend,
        size,
        state,
        "45 fixtures",
        {"exercise": "pull-up", "muscle": "latissimus-dorsi"},
        (0.5, 1.25),
        0 if state in ("cold", "warm") else None,
        rows,
        **extra,
    )


def test_fmt_ms_keeps_three_significant_figures_or_so():
    assert [fmt_ms(v) for v in (None, 2.114, 45.55, 1234.4)] == [
        "–",
        "2.11",
        "45.5",
        "1,234",
    ]


def test_fmt_ratio():
    assert (fmt_ratio(None), fmt_ratio(2.04)) == ("–", "2.0×")


def test_baseline_is_the_mean_of_the_bare_view_runs():
    baseline = make_run().baseline()
    assert (baseline.rps, baseline.p50_ms) == (2_000, 4.0)


def test_page_table_gives_figures_queries_and_both_ratios():
    table = run_table(make_run())
    assert table.splitlines()[0] == (
        "### SQLite, local-memory cache · 45 exercises · warm"
    )
    assert "Load average (1 min): 0.5 before, 1.2 after." in table
    # Median 20 ms against a baseline of 4 ms; 2,000 req/s against 100.
    assert "| list | 100 | 20.0 | 45.5 | 7 | 5.0× | 20.0× |" in table


def test_page_table_flags_baselines_that_drift_apart():
    assert "Noisy: the baseline runs differ by 3.0×" in run_table(make_run())
    steady = make_run(
        rows=[row("baseline", 3_000, 2.0), row("baseline, again", 3_000, 2.2)]
    )
    assert "Noisy" not in run_table(steady)


def test_a_page_not_load_tested_shows_its_single_request():
    slow = row("list", 1, 1.0)
    slow.rps = slow.p50_ms = slow.p99_ms = None
    slow.single_ms = 2_500.0
    table = run_table(make_run("cold", rows=[row("baseline", 3_000, 2.0), slow]))
    assert "| list | – | 2,500 (1 request)† | – |" in table
    assert "† Not load-tested" in table


def test_errors_are_listed_under_the_table():
    broken = row("list", 100, 20.0, errors=["3 non-2xx responses"])
    table = run_table(make_run(rows=[row("baseline", 3_000, 2.0), broken]))
    assert "**Errors:** list: 3 non-2xx responses" in table


def test_scenario_table_counts_errors_and_shows_notes_under_it():
    rows = [
        row("baseline, Redis up", 3_000, 2.0),
        row("list, Redis down", 250, 30.0, non_2xx=537, note="no request completed"),
    ]
    table = run_table(
        make_run("redis-outage", backend="postgres", rows=rows, notes=["/healthz: 200"])
    )
    assert table.splitlines()[0] == (
        "### PostgreSQL, Redis cache · 45 exercises · Redis outage (killed mid-run)"
    )
    assert "Workers recycled" not in table
    assert (
        "| list, Redis down `/list/` | 250 | 30.0 | 60.0 | 750 | 537 | 0 "
        "| 15.0× | 12.0× | no request completed |"
    ) in table
    assert table.endswith("\n/healthz: 200")


def test_report_has_the_header_the_tables_and_the_summary():
    text = report(["- Date: today"], [make_run()], ["- all fine"])
    assert text.startswith("# Load benchmark results\n\n- Date: today\n")
    assert "### SQLite, local-memory cache · 45 exercises · warm" in text
    assert text.endswith("## Summary\n\n- all fine\n")


def test_summary_judges_the_worst_warm_ratio_against_the_aim():
    lines = summary_lines([make_run()], {}, [])
    assert lines[0].startswith(
        "- Worst warm ratio, SQLite, local-memory cache, 45 exercises: list at 5.0×"
    )
    assert "MISSES the aim of 3×" in lines[0]


def test_summary_lists_skipped_backends_and_failures():
    lines = summary_lines([], {"postgres": "psql is not installed"}, ["sqlite: boom"])
    assert lines == [
        "- Skipped postgres: psql is not installed",
        "- FAILED: sqlite: boom",
    ]


def test_query_growth_is_reported_when_a_count_changes_with_the_size():
    small = make_run(size=45)
    large = make_run(size=1_000)
    assert query_growth_lines([small, large]) == [
        "- Query counts are the same at every size, page by page."
    ]
    large.rows[1].queries = 9
    assert query_growth_lines([small, large]) == [
        "- Query count of list (sqlite, warm) changes with the size: 7 at 45, "
        "9 at 1,000."
    ]


def test_summary_has_a_line_per_scenario_row_and_note():
    rows = [
        row("baseline, Redis up", 3_000, 2.0),
        row("list, Redis down", 250, 30.0, non_2xx=537, note="500s"),
    ]
    outage = make_run(
        "redis-outage", backend="postgres", rows=rows, notes=["/healthz: 200."]
    )
    assert summary_lines([outage], {}, []) == [
        "- redis-outage, PostgreSQL, Redis cache, 45 exercises, list, Redis down: "
        "250 req/s, 15.0× the bare view's median, p99 60.0 ms, 537 non-2xx of 750; "
        "500s.",
        "- redis-outage, PostgreSQL, Redis cache, 45 exercises: /healthz: 200.",
    ]
