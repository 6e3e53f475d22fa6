"""Driving a URL with wrk and reading what it reports."""

import json
import re
import shutil
import subprocess

from bench.processes import run, spawn, stop_process

THREADS, CONNECTIONS = 2, 8
TIMEOUT = "30s"  # gunicorn's own timeout; wrk's default (2 s) drops slow requests
# Headers sent with every request (wrk's and ours); --gzip adds Accept-Encoding.
REQUEST_HEADERS = {}
GZIP_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}  # what browsers send

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
SOCKET_ERRORS = ("connect", "read", "write", "timeout")


def wrk_path():
    return shutil.which("wrk")


def to_ms(value, unit):
    return float(value) * UNITS_MS[unit]


def parse(output):
    """What a `wrk --latency` run reports.

    A dict of rps, p50_ms and p99_ms (None when absent), requests, non_2xx (wrk
    counts neither 2xx nor 3xx as errors), socket (errors by kind) and problems
    (why the figures cannot be used: nothing completed, unreadable output).
    """
    result = {"problems": [], "non_2xx": 0, "socket": dict.fromkeys(SOCKET_ERRORS, 0)}
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    result["rps"] = float(rps.group(1)) if rps else None
    for percent, key in (("50", "p50_ms"), ("99", "p99_ms")):
        line = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        result[key] = to_ms(*line.groups()) if line else None
    total = re.search(r"^\s+(\d+) requests in ", output, re.M)
    result["requests"] = int(total.group(1)) if total else None
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        result["non_2xx"] = int(non_2xx.group(1))
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if sockets:
        result["socket"] = dict(
            zip(SOCKET_ERRORS, map(int, sockets.groups()), strict=True)
        )
    if result["requests"] == 0:
        result["problems"].append("no request completed")
        result.update(rps=None, p50_ms=None, p99_ms=None)
    elif None in (result["rps"], result["p50_ms"], result["p99_ms"]):
        result["problems"].append("could not read wrk's output")
    return result


def error_texts(result):
    """wrk's non-2xx responses and socket errors, as short phrases."""
    texts = [f"{result['non_2xx']} non-2xx responses"] if result["non_2xx"] else []
    texts += [f"{n} socket {kind} errors" for kind, n in result["socket"].items() if n]
    return texts


def command(port, path, seconds, script=None):
    cmd = [wrk_path() or "wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    cmd += ["--timeout", TIMEOUT, "--latency"]
    cmd += [f"--header={name}: {value}" for name, value in REQUEST_HEADERS.items()]
    if script is not None:
        cmd += ["--script", str(script)]
    return [*cmd, f"http://127.0.0.1:{port}{path}"]


def describe(seconds):
    """The load, as the report states it."""
    headers = "".join(f" --header='{n}: {v}'" for n, v in REQUEST_HEADERS.items())
    return (
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s --timeout {TIMEOUT} "
        f"--latency{headers} URL"
    )


def finish(code, output):
    result = parse(output or "")
    if code != 0:
        result["problems"].append(f"wrk exited with {code}: {output.strip()[-300:]}")
    return result


def run_wrk(port, path, seconds, script=None):
    """Drive one URL for ``seconds``; the parsed result."""
    code, output = run(command(port, path, seconds, script), timeout=seconds + 60)
    return finish(code, output)


def run_wrk_during(port, path, seconds, at, action, script=None):
    """Drive one URL for ``seconds`` and call ``action()`` ``at`` seconds in."""
    proc = spawn(command(port, path, seconds, script), stdout=subprocess.PIPE)
    try:
        try:
            proc.wait(timeout=at)
        except subprocess.TimeoutExpired:
            pass
        action()
        output, _ = proc.communicate(timeout=seconds + 60)
        return finish(proc.returncode, output)
    except subprocess.TimeoutExpired:
        return finish(None, f"timed out after {seconds + 60} s")
    finally:
        stop_process(proc, grace=2)


# A Lua script for wrk that makes every request's URL one nobody asked for before:
# each thread appends its own number and a counter to PARAMETER. The run's nonce
# keeps a second run on the same server from repeating the first one's URLs.
BYPASS_SCRIPT = """\
local base = {base}
local parameter = {parameter}
local nonce = {nonce}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

counter = 0

function request()
  counter = counter + 1
  local value = nonce .. "-" .. id .. "-" .. counter
  return wrk.format(nil, base .. parameter:gsub("N", value) .. "=" .. value)
end
"""


def lua_string(text):
    """A Lua string literal (JSON's escapes are valid Lua for these characters)."""
    return json.dumps(text, ensure_ascii=True)


def bypass_script(path, parameter, nonce):
    """The Lua script for a path (which may have a query string already); in
    ``parameter``, N stands for the unique value (e.g. "utm_source", "junkN")."""
    base = path + ("&" if "?" in path else "?")
    return BYPASS_SCRIPT.format(
        base=lua_string(base), parameter=lua_string(parameter), nonce=lua_string(nonce)
    )


def bypass_example(path, parameter, value):
    """A URL as the script makes them, with ``value`` for the unique part (the
    script's are "<nonce>-<thread>-<counter>")."""
    return f"{path}{'&' if '?' in path else '?'}{parameter.replace('N', value)}={value}"
