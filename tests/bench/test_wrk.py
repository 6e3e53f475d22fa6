"""The pure parts of bench/loadtest/wrk.py: reading wrk's report, the bypass script."""

import pytest

from bench.loadtest import wrk

OUTPUT = """\
Running 3s test @ http://127.0.0.1:40123/exercises/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    28.61ms   10.00ms 316.49ms   86.13%
    Req/Sec   140.60     23.45   180.00     70.00%
  Latency Distribution
     50%   27.50ms
     75%   30.90ms
     90%   35.50ms
     99%    1.20s
  842 requests in 3.00s, 20.12MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 305
Requests/sec:    280.51
Transfer/sec:      6.70MB
"""


def test_parse_reads_rate_latencies_in_their_units_and_errors():
    result = wrk.parse(OUTPUT)
    assert result["rps"] == 280.51
    assert result["p50_ms"] == 27.5
    assert result["p99_ms"] == 1200.0
    assert result["requests"] == 842
    assert result["non_2xx"] == 305
    assert result["socket"] == {"connect": 0, "read": 2, "write": 0, "timeout": 3}
    assert result["problems"] == []


def test_parse_converts_microseconds():
    output = OUTPUT.replace("27.50ms", "950.00us")
    assert wrk.parse(output)["p50_ms"] == pytest.approx(0.95)


def test_parse_of_a_clean_run_counts_no_errors():
    clean = "".join(
        line
        for line in OUTPUT.splitlines(keepends=True)
        if "Socket errors" not in line and "Non-2xx" not in line
    )
    result = wrk.parse(clean)
    assert result["non_2xx"] == 0
    assert sum(result["socket"].values()) == 0
    assert wrk.error_texts(result) == []


def test_error_texts_name_each_kind_that_happened():
    texts = wrk.error_texts(wrk.parse(OUTPUT))
    assert texts == [
        "305 non-2xx responses",
        "2 socket read errors",
        "3 socket timeout errors",
    ]


def test_parse_of_a_run_where_nothing_completed_has_no_figures():
    output = OUTPUT.replace("842 requests", "0 requests")
    result = wrk.parse(output)
    assert (result["rps"], result["p50_ms"], result["p99_ms"]) == (None, None, None)
    assert result["problems"] == ["no request completed"]


def test_parse_of_unreadable_output_says_so():
    result = wrk.parse("wrk: command not found")
    assert result["rps"] is None
    assert result["problems"] == ["could not read wrk's output"]


def test_command_names_the_script_and_the_url():
    cmd = wrk.command(8123, "/exercises/", 5, script="/tmp/x.lua")
    assert cmd[1:5] == ["-t2", "-c8", "-d5s", "--timeout"]
    assert cmd[-3:] == ["--script", "/tmp/x.lua", "http://127.0.0.1:8123/exercises/"]


def test_bypass_script_appends_a_unique_parameter_to_a_path_without_a_query():
    script = wrk.bypass_script("/exercises/", "utm_source", "ab12")
    assert 'local base = "/exercises/?"' in script
    assert 'local parameter = "utm_source"' in script
    assert 'local nonce = "ab12"' in script
    # Each thread has its own number, so two threads never send the same URL.
    assert 'thread:set("id", threads)' in script
    assert 'nonce .. "-" .. id .. "-" .. counter' in script


def test_bypass_script_extends_an_existing_query_string():
    script = wrk.bypass_script("/exercises/?q=pull+ups", "junkN", "ab12")
    assert 'local base = "/exercises/?q=pull+ups&"' in script


def test_bypass_script_quotes_the_path_as_a_lua_string():
    script = wrk.bypass_script('/a"b\\c/', "utm_source", "n")
    assert 'local base = "/a\\"b\\\\c/?"' in script


def test_bypass_example_shows_the_unique_value_in_name_and_value():
    assert wrk.bypass_example("/exercises/", "utm_source", "<n>") == (
        "/exercises/?utm_source=<n>"
    )
    assert wrk.bypass_example("/exercises/?q=a", "junkN", "7") == (
        "/exercises/?q=a&junk7=7"
    )
