"""What the scenarios (bench/loadtest/scenarios.py) write about the cache and the log."""

from bench.loadtest.scenarios import keys_text, log_text, outage_row


def test_keys_text_gives_the_growth_and_redis_memory():
    assert keys_text(1, 90, 1_000_000, 6_200_000) == (
        "cache keys 1 → 90 (+89), Redis memory +5.2 MB"
    )


def test_keys_text_without_redis_says_why_nothing_was_counted():
    assert keys_text(None, None).startswith("cache keys not countable")


def test_log_text_counts_size_lines_and_tracebacks():
    data = b"Traceback (most recent call last):\n  File x\nredis.ConnectionError\n" * 2
    assert log_text(data) == "0.1 kB, 6 lines, 2 tracebacks."


def test_an_outage_row_keeps_wrk_problems_as_a_note_not_as_errors():
    result = {
        "rps": None,
        "p50_ms": None,
        "p99_ms": None,
        "requests": 0,
        "non_2xx": 0,
        "socket": {"connect": 12, "read": 0, "write": 0, "timeout": 0},
        "problems": ["no request completed"],
    }
    row = outage_row("list, Redis down", "/exercises/", result)
    assert row.errors == []
    assert row.note == "no request completed"
    assert row.socket_errors == 12
