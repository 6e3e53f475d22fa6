"""Starting, waiting for and stopping the processes a measurement runs.

Every child runs in a session (process group) of its own, so that stopping it
also stops what it started (gunicorn's workers, Lighthouse's Chrome), on errors
and on Ctrl-C too.
"""

import http.client
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def log(message):
    print(message, file=sys.stderr, flush=True)


class CommandError(Exception):
    """Something a measurement could not do; the message says what."""


def spawn(cmd, env=None, stdout=None):
    """Start a command in a session of its own (see stop_process)."""
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=stdout,
        stderr=subprocess.STDOUT if stdout is not None else None,
        text=True,
        start_new_session=True,
    )


def run(cmd, env=None, timeout=600):
    """Run a command to its end; return (exit code, output), code None on timeout."""
    proc = spawn(cmd, env=env, stdout=subprocess.PIPE)
    try:
        output, _ = proc.communicate(timeout=timeout)
        return proc.returncode, output
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    finally:
        stop_process(proc, grace=2)


def check_run(cmd, env=None, timeout=600):
    """Run a command; its output, or CommandError with the output's end."""
    code, output = run(cmd, env=env, timeout=timeout)
    if code != 0:
        raise CommandError(f"{shlex.join(cmd)} failed ({code}):\n{output[-3000:]}")
    return output


def descendant_groups(pid):
    """Process groups of pid's descendants (Chrome puts itself in one of its own)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append((int(stat.parent.name), fields))
    groups, todo = set(), [pid]
    while todo:
        for child, fields in children.get(todo.pop(), []):
            groups.add(int(fields[2]))
            todo.append(child)
    return groups


def _signal_groups(groups, sig):
    for group in groups:
        try:
            os.killpg(group, sig)
        except (ProcessLookupError, PermissionError):
            pass


def stop_process(proc, grace=10):
    """Stop a process started by spawn(), its process group and its descendants'.

    SIGINT first: gunicorn shuts its workers down and Lighthouse's launcher kills
    the Chrome it started; then SIGTERM, then SIGKILL for whatever is left.
    """
    groups = {proc.pid}
    if proc.poll() is None:
        groups |= descendant_groups(proc.pid)
        for sig, wait in ((signal.SIGINT, grace), (signal.SIGTERM, 5)):
            _signal_groups(groups, sig)
            try:
                proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
    # A worker may outlive its master: make sure of every group.
    _signal_groups(groups, signal.SIGKILL)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def raise_on_sigterm():
    """Turn SIGTERM into SystemExit, so that `finally` blocks stop servers then too."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def free_port():
    """A TCP port nothing listens on at the moment (on the loopback interface)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path, timeout=60, headers=None):
    """GET a path on 127.0.0.1 without following redirects.

    Returns (status, headers, body, seconds); status is None when the request
    failed, and headers is then the error.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, response.headers, body, time.perf_counter() - started
    except OSError as error:
        return None, error, b"", time.perf_counter() - started
    finally:
        connection.close()


def wait_for_server(port, path, proc, timeout=60, ready=(200,)):
    """Wait until GET path answers one of the ``ready`` statuses; False when the
    process exits or the time runs out first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if fetch(port, path, timeout=5)[0] in ready:
            return True
        time.sleep(0.2)
    return False
