"""Timing pages (bench/loadtest/measure.py): each page between runs of the bare view."""

from contextlib import contextmanager

from bench.loadtest import measure
from bench.loadtest.measure import Measurement, measure_state
from bench.loadtest.report import latency_ratio, throughput_ratio


class FakeServer:
    port = 8000

    def recycled(self):
        return 0

    def settle(self):
        return None


class FakeBackend:
    env = {}

    def flush_cache(self):
        pass


def fake_wrk(runs, speeds):
    """wrk as a machine whose speed drifts: each run is slower than the last."""

    def run_wrk(port, path, seconds, **kwargs):
        slowness = speeds[len(runs)]
        runs.append((path, seconds))
        p50 = (2.0 if path == "/livez" else 20.0) * slowness
        return {
            "rps": 1000 / p50,
            "p50_ms": p50,
            "p99_ms": p50 * 2,
            "requests": int(seconds * 1000 / p50),
            "non_2xx": 0,
            "socket": {},
            "problems": [],
        }

    return run_wrk


def test_each_page_is_measured_between_two_runs_of_the_bare_view(monkeypatch):
    runs = []
    # warm-up, baseline, list, between, search, between, baseline again
    speeds = [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0]
    monkeypatch.setattr(measure.wrk, "run_wrk", fake_wrk(runs, speeds))
    monkeypatch.setattr(measure, "get", lambda port, path: (200, {}, b"", 0.01))

    @contextmanager
    def serving(env, tmpdir, label, **overrides):
        yield FakeServer()

    monkeypatch.setattr(measure, "serving", serving)
    pages = {"baseline": "/livez", "list": "/list/", "search": "/search/"}
    rows, recycled = measure_state(FakeBackend(), "/tmp", pages, "cold", 5, "test")

    assert [path for path, _ in runs] == [
        "/livez",  # the warm-up
        "/livez",
        "/list/",
        "/livez",
        "/search/",
        "/livez",
        "/livez",  # baseline, again
    ]
    assert [seconds for path, seconds in runs[2:6]] == [5, 2, 5, 2]
    assert [row.page for row in rows] == [
        "baseline",
        "list",
        "search",
        "baseline, again",
    ]
    baseline, listed, searched, again = rows
    assert [run.p50_ms for run in listed.around] == [2.0, 2.0]
    # The machine halved its speed before the search: the search's ratio
    # divides by the bare view measured around it, not by the runs' mean.
    assert [run.p50_ms for run in searched.around] == [2.0, 4.0]
    assert latency_ratio(searched, None) == 40.0 / 3.0
    assert recycled == 0


def test_without_runs_around_it_a_page_divides_by_the_run_s_baseline():
    page = Measurement("list", "/list/", rps=100, p50_ms=20.0)
    baseline = Measurement("baseline", "/livez", rps=2_000, p50_ms=4.0)
    assert (latency_ratio(page, baseline), throughput_ratio(page, baseline)) == (
        5.0,
        20.0,
    )
    page.around = [Measurement("baseline", "/livez", rps=1_000, p50_ms=2.0)]
    assert (latency_ratio(page, baseline), throughput_ratio(page, baseline)) == (
        10.0,
        10.0,
    )
