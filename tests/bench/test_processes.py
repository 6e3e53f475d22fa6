"""The shared process helpers (bench/processes.py), on short-lived commands."""

import sys

import pytest

from bench.processes import CommandError, check_run, free_port, run


def test_run_returns_the_exit_code_and_the_output_with_stderr():
    code, output = run(
        [sys.executable, "-c", "import sys; print('out'); sys.exit('err')"]
    )
    assert code == 1
    assert output.split() == ["out", "err"]


def test_run_stops_a_command_that_outlives_its_timeout():
    code, output = run([sys.executable, "-c", "import time; time.sleep(30)"], timeout=1)
    assert (code, output) == (None, "timed out after 1 s")


def test_check_run_raises_with_the_command_and_its_output():
    with pytest.raises(CommandError, match=r"failed \(3\):\nboom"):
        check_run([sys.executable, "-c", "print('boom'); raise SystemExit(3)"])


def test_free_port_is_a_usable_port_number():
    assert 1024 <= free_port() <= 65535
