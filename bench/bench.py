"""
Load benchmark of the main pages, served as in production (`make bench`).

Run from the repository root with the project's virtualenv:

    .venv/bin/python bench/bench.py                   # the full run (about 15 min)
    .venv/bin/python bench/bench.py --quick           # smoke run: sizes 45,1000; 3 s a page
    .venv/bin/python bench/bench.py --backends sqlite --sizes 10000 --pages list,search
    .venv/bin/python bench/bench.py --states warm --seconds 15

What it does, for each database backend (SQLite with the local-memory cache;
PostgreSQL with Redis as the cache) and each catalogue size (default 45, 1,000
and 10,000 exercises):

1. Builds the catalogue in a throwaway database: a temporary SQLite file, or a
   PostgreSQL database created for the run and dropped at the end (Redis db 14 is
   flushed at the start and the end). `migrate` and `loadcontent` give the 45
   fixture exercises; larger sizes add the free-exercise-db import (873 real
   exercises) and `generate_exercises` up to the exact size. One database grows
   from size to size, smallest first. On PostgreSQL each build ends with VACUUM
   ANALYZE, which autovacuum would do in production (this machine's server runs
   with autovacuum off). A backend whose service does not answer is skipped.
2. Serves it with the production setup: `collectstatic` with hashed static files,
   gunicorn with config/gunicorn.py (one sync worker per core), DEBUG off.
   Twice: "cold" (PAGE_CACHE_SECONDS=0, every request renders the page) and
   "warm" (the default page cache, each URL primed first).
3. Drives each page with wrk (`wrk -t2 -c8 -d<seconds>s --latency`) and reads
   requests/s and the 50% and 99% latencies. The baseline is /livez, a bare
   Django view (no database, no template), timed before the pages and again
   after them; each page is reported as a ratio to the mean of the two, measured
   on the same server in the same run, because this machine is shared and noisy
   and the load generator shares its two cores. A cold page so slow that one
   request alone takes over a quarter of the run is not load-tested (few requests
   would complete and the backlog would stall the next page): its single
   request is reported instead.
4. Counts the SQL queries of one request to each page on a separate short-lived
   server with DJANGO_QUERY_COUNT_HEADER=1 (the X-Query-Count header): cold with
   the page cache off, warm with a cached copy. That middleware is never on
   during timed runs.

It prints a Markdown table per backend, size and state, then a summary (the
worst warm ratio per backend at the largest size, aim: within 3x of the bare
view; the worst cold p99 at the largest size, aim: under 100 ms; query counts
that change with the catalogue size), and writes the whole report, with the
date, the machine and the exact command, to bench/results/latest.md
(gitignored; --out to change). Progress goes to stderr.

Everything temporary lives in a temporary directory; `collectstatic` writes to
STATIC_ROOT (staticfiles/, gitignored) as `make serve` does. gunicorn is always
stopped (its whole process group), on errors and Ctrl-C too.

Standard library only. Exit status: 0 when every measurement ran cleanly, 1 when
a page answered errors or a build failed, 2 when wrk is missing, 130 on Ctrl-C.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python")
RESULTS_PATH = ROOT / "bench" / "results" / "latest.md"

FIXTURE_COUNT = 45
DATASET = Path("/work/shared/datasets/free-exercise-db/exercises.json")
DATASET_FALLBACK = ROOT / "tests" / "data" / "free-exercise-db-sample.json"

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 14

BASELINE, BASELINE_AGAIN = "baseline", "baseline, again"
# Page name -> path; {exercise} and {muscle} are real slugs of the built database.
PAGES = {
    BASELINE: "/livez",
    "list": "/exercises/",
    "filtered": "/exercises/?equipment=dumbbells&muscle=back",
    "search": "/exercises/?q=pull+ups",
    "analysis": "/exercises/analysis/",
    "exercise": "/exercises/{exercise}/",
    "muscle": "/anatomy/{muscle}/",
}
PREFERRED_SLUGS = {"exercise": "pull-up", "muscle": "latissimus-dorsi"}
BACKENDS = ("sqlite", "postgres")
BACKEND_TITLES = {
    "sqlite": "SQLite, local-memory cache",
    "postgres": f"PostgreSQL, Redis cache (db {REDIS_DB})",
}
STATES = ("cold", "warm")
DEFAULT_SIZES = (45, 1_000, 10_000)
QUICK_SIZES = (45, 1_000)
DEFAULT_SECONDS = 8
QUICK_SECONDS = 3

WRK = shutil.which("wrk") or "/usr/bin/wrk"
WRK_THREADS, WRK_CONNECTIONS = 2, 8
WRK_TIMEOUT = "30s"  # gunicorn's own timeout; wrk's default (2 s) drops slow requests
PRIME_ROUNDS = 4  # warm runs: this many rounds of WRK_CONNECTIONS concurrent requests
SLOW_SHARE, SLOW_MIN_SECONDS = 0.25, 1.0  # see step 3 of the docstring
WARM_UP_SECONDS = 2  # of load on /livez after each server start, not measured
SETTLE_TIMEOUT = 90  # seconds for a run's backlog to drain before the next page
SERVER_START_TIMEOUT = 60
REQUEST_TIMEOUT = 60
# Headers sent with every request (wrk's and ours); --gzip adds Accept-Encoding.
REQUEST_HEADERS = {}
GZIP_HEADERS = {"Accept-Encoding": "gzip, deflate, br"}  # what browsers send

NOISY_DRIFT = 1.5  # baseline runs further apart than this: the table is flagged

AIM_WARM_RATIO = 3.0
AIM_COLD_P99_MS = 100.0


def log(message):
    print(message, file=sys.stderr, flush=True)


class BenchError(Exception):
    """Something the benchmark could not do; the message says what."""


# Processes -------------------------------------------------------------------


def stop_group(proc, grace=10):
    """Stop a process started with start_new_session=True, with its whole group."""
    for sig, wait in ((signal.SIGINT, grace), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    try:  # a worker may outlive its master: make sure of the whole group
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run(cmd, env=None, timeout=600):
    """Run a command in its own process group; return (exit code, output)."""
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = proc.communicate(timeout=timeout)
        return proc.returncode, output
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    finally:
        if proc.poll() is None:
            stop_group(proc, grace=2)


def check_run(cmd, env=None, timeout=600):
    code, output = run(cmd, env=env, timeout=timeout)
    if code != 0:
        raise BenchError(f"{shlex.join(cmd)} failed ({code}):\n{output[-3000:]}")
    return output


def raise_on_sigterm():
    """Turn SIGTERM into SystemExit, so that `finally` stops servers then too."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Services: PostgreSQL and Redis ----------------------------------------------


def psql(sql, database="postgres", timeout=60):
    cmd = ["psql", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, "-d", database]
    return check_run([*cmd, "-X", "-tAc", sql], timeout=timeout).strip()


def postgres_problem():
    """Why PostgreSQL cannot be used, or None."""
    if not (shutil.which("psql") and shutil.which("createdb")):
        return "psql/createdb are not installed (apt-get install -y postgresql-client)"
    try:
        psql("SELECT 1", timeout=10)
    except BenchError as error:
        return f"PostgreSQL on {PG_HOST}:{PG_PORT} does not answer: {error}"
    return None


def redis_command(*args, db=REDIS_DB):
    """Send one command to Redis db ``db`` (RESP over a socket); return its reply."""

    def encode(*words):
        parts = [b"*%d\r\n" % len(words)]
        for word in words:
            data = str(word).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        return b"".join(parts)

    def read_reply(stream):
        line = stream.readline().rstrip(b"\r\n")
        kind, rest = line[:1], line[1:].decode(errors="replace")
        if kind == b"-":
            raise BenchError(f"Redis: {rest}")
        if kind == b"$":  # a bulk string (INFO); -1 is none
            length = int(rest)
            return "" if length < 0 else stream.read(length + 2)[:-2].decode()
        return rest  # +OK, +PONG, :1

    with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=5) as sock:
        sock.sendall(encode("SELECT", db) + encode(*args))
        with sock.makefile("rb") as stream:
            read_reply(stream)
            return read_reply(stream)


def redis_problem():
    try:
        if redis_command("PING") != "PONG":
            return f"Redis on {REDIS_HOST}:{REDIS_PORT} did not answer PING"
    except (OSError, BenchError) as error:
        return f"Redis on {REDIS_HOST}:{REDIS_PORT} does not answer: {error}"
    return None


def redis_version():
    try:
        found = re.search(r"redis_version:(\S+)", redis_command("INFO", "server"))
    except (OSError, BenchError):
        return None
    return found.group(1) if found else None


# Backends ------------------------------------------------------------------


@dataclass
class Backend:
    """A throwaway database (and cache) and the environment that points at it."""

    name: str
    env: dict
    pg_database: str | None = None

    def after_build(self):
        """What production does after a bulk load: autovacuum's ANALYZE (PostgreSQL)."""
        if self.pg_database:
            log("  VACUUM ANALYZE")
            psql("VACUUM ANALYZE", database=self.pg_database, timeout=600)

    def flush_cache(self):
        if self.env.get("REDIS_URL"):
            redis_command("FLUSHDB")


def base_env(tmpdir):
    """The environment every manage.py and gunicorn process of a backend gets."""
    env = dict(os.environ)
    for name in (
        "DATABASE_URL",
        "REDIS_URL",
        "PAGE_CACHE_SECONDS",
        "DJANGO_QUERY_COUNT_HEADER",
        "WEB_CONCURRENCY",
        "GUNICORN_ACCESS_LOG",
        "CACHE_KEY_PREFIX",
    ):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_STATIC_MANIFEST="1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_MEDIA_ROOT=str(Path(tmpdir) / "media"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


@contextmanager
def sqlite_backend(tmpdir):
    env = base_env(tmpdir)
    env["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    yield Backend("sqlite", env)


@contextmanager
def postgres_backend(tmpdir):
    name = f"bench_{os.getpid()}_{secrets.token_hex(3)}"
    check_run(["createdb", "-h", PG_HOST, "-p", str(PG_PORT), "-U", PG_USER, name])
    log(f"  created PostgreSQL database {name}; flushed Redis db {REDIS_DB}")
    try:
        redis_command("FLUSHDB")
        env = base_env(tmpdir)
        env["DATABASE_URL"] = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
        env["REDIS_URL"] = f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}"
        env["CACHE_KEY_PREFIX"] = "bench"
        yield Backend("postgres", env, pg_database=name)
    finally:
        dropdb = ["dropdb", "--if-exists", "--force", "-h", PG_HOST]
        code, output = run(
            [*dropdb, "-p", str(PG_PORT), "-U", PG_USER, name], timeout=120
        )
        log(
            f"  dropped PostgreSQL database {name}"
            if code == 0
            else f"  could not drop {name}: {output.strip()}"
        )
        try:
            redis_command("FLUSHDB")
        except (OSError, BenchError) as error:
            log(f"  could not flush Redis db {REDIS_DB}: {error}")


BACKEND_SETUP = {"sqlite": sqlite_backend, "postgres": postgres_backend}


def backend_problem(name):
    if name == "postgres":
        return postgres_problem() or redis_problem()
    return None


# The catalogue ---------------------------------------------------------------


def manage(env, *args, timeout=900):
    return check_run([PYTHON, "manage.py", *args], env=env, timeout=timeout)


INSPECT = """
import json
from anatomy.models import Muscle
from catalogue.models import Exercise
published = Exercise.objects.published()
def pick(queryset, preferred):
    if queryset.filter(slug=preferred).exists():
        return preferred
    return queryset.order_by("name").values_list("slug", flat=True).first()
print("BENCH-INSPECT " + json.dumps({
    "count": Exercise.objects.count(),
    "published": published.count(),
    "exercise": pick(published, PREFERRED["exercise"]),
    "muscle": pick(Muscle.objects.filter(group__isnull=False), PREFERRED["muscle"]),
}))
"""


@dataclass
class Catalogue:
    """One throwaway database, grown from size to size."""

    backend: Backend
    count: int = 0
    unpublished: int = 0
    parts: dict = field(default_factory=dict)  # how the exercises got there
    imported: bool = False
    slugs: dict = field(default_factory=dict)

    def inspect(self):
        """Read the number of exercises and the slugs the pages will use."""
        script = f"PREFERRED = {PREFERRED_SLUGS!r}\n{INSPECT}"
        output = manage(self.backend.env, "shell", "-v0", "-c", script)
        for line in output.splitlines():
            if line.startswith("BENCH-INSPECT "):
                info = json.loads(line.removeprefix("BENCH-INSPECT "))
                break
        else:
            raise BenchError(f"could not read the catalogue:\n{output[-2000:]}")
        self.count = info["count"]
        self.unpublished = info["count"] - info["published"]
        self.slugs = {"exercise": info["exercise"], "muscle": info["muscle"]}

    def describe(self):
        text = " + ".join(f"{n:,} {what}" for what, n in self.parts.items() if n)
        return text + (f" ({self.unpublished} unpublished)" if self.unpublished else "")


def dataset_path():
    return DATASET if DATASET.exists() else DATASET_FALLBACK


def create_catalogue(backend):
    log("  manage.py migrate, loadcontent")
    manage(backend.env, "migrate", "--no-input", "-v0")
    manage(backend.env, "loadcontent")
    catalogue = Catalogue(backend)
    catalogue.inspect()
    catalogue.parts["fixtures"] = catalogue.count
    return catalogue


def import_would_create(env, path):
    output = manage(env, "import_exercises", "--dry-run", str(path))
    found = re.search(r"(\d+) created", output)
    if not found:
        raise BenchError(f"could not read the import's dry run:\n{output}")
    return int(found.group(1))


def grow(catalogue, size):
    """Add exercises until the catalogue holds exactly ``size``."""
    if catalogue.count > size:
        raise BenchError(
            f"the catalogue already holds {catalogue.count:,} exercises, more than "
            f"{size:,} (the fixtures alone are {FIXTURE_COUNT})"
        )
    env = catalogue.backend.env
    if size > catalogue.count and not catalogue.imported:
        path = dataset_path()
        would = import_would_create(env, path)
        if catalogue.count + would <= size:
            log(f"  manage.py import_exercises {path}")
            manage(env, "import_exercises", str(path))
            catalogue.imported = True
            catalogue.parts[f"imported from {path.name}"] = would
            catalogue.count += would
        else:
            log(f"  no import: its {would} exercises would pass {size:,}")
    if size > catalogue.count:
        missing = size - catalogue.count
        log(f"  manage.py generate_exercises {missing}")
        manage(env, "generate_exercises", str(missing))
        catalogue.parts["generated"] = catalogue.parts.get("generated", 0) + missing
    catalogue.backend.after_build()
    catalogue.inspect()
    if catalogue.count != size:
        raise BenchError(f"expected {size:,} exercises, found {catalogue.count:,}")


def collectstatic():
    log("manage.py collectstatic (hashed, compressed static files)")
    manage(base_env(tempfile.gettempdir()), "collectstatic", "--no-input", "-v0")


# The server ------------------------------------------------------------------


def fetch(port, path, timeout=REQUEST_TIMEOUT):
    """GET a path without following redirects: (status, headers, seconds).

    status is None when the request failed; headers is then the error.
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=REQUEST_HEADERS)
        response = connection.getresponse()
        response.read()
        return response.status, response.headers, time.perf_counter() - started
    except OSError as error:
        return None, error, time.perf_counter() - started
    finally:
        connection.close()


class Server:
    """gunicorn serving the site with the production setup, on a free port."""

    def __init__(self, env, log_path, **overrides):
        self.env = {**env, "HOST": "127.0.0.1", **overrides}
        self.log_path = log_path
        self.proc = None
        self.port = None

    def start(self):
        self.port = free_port()
        self.env["PORT"] = str(self.port)
        with self.log_path.open("a") as log_file:
            self.proc = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py"],
                cwd=ROOT,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline and self.proc.poll() is None:
            if fetch(self.port, "/healthz", timeout=5)[0] == 200:
                return
            time.sleep(0.2)
        raise BenchError(
            "gunicorn did not answer /healthz with 200:\n"
            + self.log_path.read_text()[-3000:]
        )

    def stop(self):
        if self.proc is not None:
            stop_group(self.proc)
            self.proc = None

    def recycled(self):
        """How often gunicorn replaced a worker that reached max_requests, so far."""
        return self.log_path.read_text().count("Autorestarting worker")

    def last_error(self):
        """The last line of the server's log that is not routine, or None."""
        for line in reversed(self.log_path.read_text().splitlines()):
            if line.strip() and "[INFO]" not in line:
                return line.strip()[:300]
        return None

    def settle(self):
        """Wait for the backlog a run leaves to drain; restart the server if it does not.

        Returns a description of the problem when it had to restart, else None.
        """
        status, detail, _ = fetch(self.port, "/livez", timeout=SETTLE_TIMEOUT)
        if status == 200:
            return None
        problem = (
            f"the server did not settle (/livez: {status or detail}; "
            f"log: {self.last_error()}); restarted it"
        )
        log(f"  {problem}")
        self.stop()
        self.start()
        return problem


@contextmanager
def serving(env, tmpdir, label, **overrides):
    server = Server(env, Path(tmpdir) / f"gunicorn-{label}.log", **overrides)
    try:
        server.start()
        yield server
    finally:
        server.stop()


# Measuring -------------------------------------------------------------------


@dataclass
class Measurement:
    page: str
    path: str
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    requests: int | None = None
    single_ms: float | None = None  # one unloaded request (cold), when not load-tested
    queries: int | None = None
    errors: list = field(default_factory=list)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def to_ms(value, unit):
    return float(value) * UNITS_MS[unit]


def parse_wrk(output):
    """requests/s, 50% and 99% latencies (ms), request count and errors of a wrk run."""
    result = {"errors": []}
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    result["rps"] = float(rps.group(1)) if rps else None
    for percent, key in (("50", "p50_ms"), ("99", "p99_ms")):
        line = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.M)
        result[key] = to_ms(*line.groups()) if line else None
    total = re.search(r"^\s+(\d+) requests in ", output, re.M)
    result["requests"] = int(total.group(1)) if total else None
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        result["errors"].append(f"{non_2xx.group(1)} non-2xx responses")
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if sockets:
        kinds = ("connect", "read", "write", "timeout")
        for kind, n in zip(kinds, map(int, sockets.groups()), strict=True):
            if n:
                result["errors"].append(f"{n} socket {kind} errors")
    if result["requests"] == 0:
        result["errors"].append("no request completed")
        result.update(rps=None, p50_ms=None, p99_ms=None)
    elif None in (result["rps"], result["p50_ms"], result["p99_ms"]):
        result["errors"].append("could not read wrk's output")
    return result


def run_wrk(port, path, seconds):
    cmd = [
        WRK,
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        WRK_TIMEOUT,
        "--latency",
        *(f"--header={name}: {value}" for name, value in REQUEST_HEADERS.items()),
        f"http://127.0.0.1:{port}{path}",
    ]
    code, output = run(cmd, timeout=seconds + 60)
    result = parse_wrk(output or "")
    if code != 0:
        result["errors"].append(f"wrk exited with {code}: {output.strip()[-300:]}")
    return result


def prime(port, path):
    """Warm runs: concurrent requests, so that every worker has the page cached."""
    with ThreadPoolExecutor(WRK_CONNECTIONS) as pool:
        for _ in range(PRIME_ROUNDS):
            list(pool.map(lambda _: fetch(port, path), range(WRK_CONNECTIONS)))


def measure_page(server, page, path, state, seconds):
    """One page: check it answers 200, prime it (warm), then time it with wrk."""
    measurement = Measurement(page, path)
    status, detail, elapsed = fetch(server.port, path)
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
    outcome = run_wrk(server.port, path, seconds)
    for key in ("rps", "p50_ms", "p99_ms", "requests"):
        setattr(measurement, key, outcome[key])
    measurement.errors += outcome["errors"]
    if outcome["errors"]:
        status, detail, _ = fetch(server.port, path)
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

    Returns the measurements and how many times gunicorn recycled a worker
    (max_requests) while they ran.
    """
    overrides = {"PAGE_CACHE_SECONDS": "0"} if state == "cold" else {}
    backend.flush_cache()
    rows = []
    order = [*pages.items(), (BASELINE_AGAIN, pages[BASELINE])]
    with serving(backend.env, tmpdir, f"{label}-{state}", **overrides) as server:
        # Fresh workers first take some load, not measured.
        run_wrk(server.port, pages[BASELINE], WARM_UP_SECONDS)
        recycled_before = server.recycled()
        for page, path in order:
            measurement = measure_page(server, page, path, state, seconds)
            log(f"  [{label} {state}] {progress_line(measurement)}")
            rows.append(measurement)
        recycled = server.recycled() - recycled_before
    return rows, recycled


def count_queries(backend, tmpdir, pages, state, label):
    """SQL queries of one request per page (warm: the request after a cached one)."""
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
                fetch(server.port, path)
            status, headers, _ = fetch(server.port, path)
            value = headers.get("X-Query-Count") if status == 200 else None
            counts[page] = int(value) if value and value.isdigit() else None
    counts[BASELINE_AGAIN] = counts.get(BASELINE)
    return counts


def progress_line(m):
    if m.single_ms is not None:
        return f"{m.page}: not load-tested, one request took {fmt_ms(m.single_ms)} ms"
    if m.rps is None:
        return f"{m.page}: " + "; ".join(m.errors)
    text = (
        f"{m.page}: {m.rps:,.0f} req/s, median {fmt_ms(m.p50_ms)} ms, "
        f"p99 {fmt_ms(m.p99_ms)} ms ({m.requests:,} requests)"
    )
    return text + (f"; ERRORS: {'; '.join(m.errors)}" if m.errors else "")


# The report ----------------------------------------------------------------


@dataclass
class Run:
    backend: str
    size: int
    state: str
    catalogue: str
    slugs: dict
    load: tuple  # 1-minute load average before and after
    recycled: int  # workers gunicorn replaced (max_requests) during the runs
    rows: list
    code_changed: list = field(default_factory=list)  # files edited during the runs

    def baseline(self):
        """The mean of the two baseline runs (before and after the pages)."""
        runs = [
            row
            for row in self.rows
            if row.page in (BASELINE, BASELINE_AGAIN) and row.p50_ms and row.rps
        ]
        if not runs:
            return None
        return Measurement(
            BASELINE,
            PAGES[BASELINE],
            rps=fmean(row.rps for row in runs),
            p50_ms=fmean(row.p50_ms for row in runs),
        )

    def pages(self):
        return [row for row in self.rows if row.page not in (BASELINE, BASELINE_AGAIN)]

    def baseline_drift(self):
        """How many times slower the slower of the two baseline runs was."""
        medians = [
            row.p50_ms
            for row in self.rows
            if row.page in (BASELINE, BASELINE_AGAIN) and row.p50_ms
        ]
        return max(medians) / min(medians) if len(medians) == 2 else None


def fmt_ms(value):
    if value is None:
        return "–"
    if value < 10:
        return f"{value:.2f}"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def fmt_ratio(value):
    return "–" if value is None else f"{value:.1f}×"


def latency_ratio(row, baseline):
    if row.p50_ms is None or not baseline:
        return None
    return row.p50_ms / baseline.p50_ms


def throughput_ratio(row, baseline):
    if not row.rps or not baseline:
        return None
    return baseline.rps / row.rps


def run_table(run_):
    baseline = run_.baseline()
    slugs = ", ".join(
        f"{what} `{slug}`"
        for what, slug in run_.slugs.items()
        if slug != PREFERRED_SLUGS[what]
    )
    lines = [
        f"### {BACKEND_TITLES[run_.backend]} · {run_.size:,} exercises · {run_.state}",
        "",
        f"Catalogue: {run_.catalogue}."
        + (f" Slugs used: {slugs}." if slugs else "")
        + f" Load average (1 min): {run_.load[0]:.1f} before, {run_.load[1]:.1f} "
        f"after. Workers recycled (max_requests): {run_.recycled}.",
        "",
        "| Page | Requests/s | Median ms | p99 ms | SQL queries "
        "| Median × baseline | Throughput × baseline |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in run_.rows:
        if row.single_ms is not None:
            cells = ["–", f"{fmt_ms(row.single_ms)} (1 request)†", "–"]
        else:
            cells = [
                "–" if row.rps is None else f"{row.rps:,.0f}",
                fmt_ms(row.p50_ms),
                fmt_ms(row.p99_ms),
            ]
        cells += [
            "–" if row.queries is None else str(row.queries),
            fmt_ratio(latency_ratio(row, baseline)),
            fmt_ratio(throughput_ratio(row, baseline)),
        ]
        lines.append(f"| {row.page} | " + " | ".join(cells) + " |")
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
            f"Noisy: the two baseline runs differ by {drift:.1f}× (the machine was "
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


def worst_warm_lines(runs):
    lines = []
    for backend in dict.fromkeys(r.backend for r in runs):
        warm = [r for r in runs if r.backend == backend and r.state == "warm"]
        if not warm:
            continue
        largest = max(warm, key=lambda r: r.size)
        baseline = largest.baseline()
        ratios = [
            (latency_ratio(row, baseline), row)
            for row in largest.pages()
            if latency_ratio(row, baseline) is not None
        ]
        if not ratios:
            continue
        ratio, row = max(ratios, key=lambda pair: pair[0])
        verdict = "meets" if ratio <= AIM_WARM_RATIO else "MISSES"
        lines.append(
            f"- Worst warm ratio, {BACKEND_TITLES[backend]}, {largest.size:,} "
            f"exercises: {row.page} at {fmt_ratio(ratio)} the bare view's median "
            f"({fmt_ms(row.p50_ms)} ms vs {fmt_ms(baseline.p50_ms)} ms; throughput "
            f"{fmt_ratio(throughput_ratio(row, baseline))} lower): {verdict} the aim "
            f"of {AIM_WARM_RATIO:g}×."
        )
    return lines


def worst_cold_lines(runs):
    """The worst cold p99 at the largest size; pages too slow to load-test apart."""
    cold = [r for r in runs if r.state == "cold"]
    if not cold:
        return []
    size = max(r.size for r in cold)
    rows = [(r.backend, row) for r in cold if r.size == size for row in r.pages()]
    tested = sorted(
        ((row.p99_ms, backend, row) for backend, row in rows if row.p99_ms),
        key=lambda item: -item[0],
    )
    untested = sorted(
        ((row.single_ms, backend, row) for backend, row in rows if row.single_ms),
        key=lambda item: -item[0],
    )
    lines = []
    if tested:
        p99, backend, row = tested[0]
        verdict = "meets" if p99 < AIM_COLD_P99_MS else "MISSES"
        lines.append(
            f"- Worst cold p99 at {size:,} exercises: {row.page} on "
            f"{BACKEND_TITLES[backend]}, {fmt_ms(p99)} ms (median "
            f"{fmt_ms(row.p50_ms)} ms): {verdict} the aim of under "
            f"{AIM_COLD_P99_MS:g} ms."
        )
        over = [
            f"{row.page} ({backend}) {fmt_ms(p99)} ms"
            for p99, backend, row in tested
            if p99 >= AIM_COLD_P99_MS
        ]
        if over:
            lines.append(
                f"- Cold p99 at or over {AIM_COLD_P99_MS:g} ms at {size:,} "
                "exercises: " + ", ".join(over) + "."
            )
    if untested:
        lines.append(
            f"- Too slow to load-test cold at {size:,} exercises (one request alone "
            "took over a quarter of the run; under load it would be slower still): "
            + ", ".join(
                f"{row.page} ({backend}) {fmt_ms(ms)} ms for one request"
                for ms, backend, row in untested
            )
            + "."
        )
    return lines


def query_growth_lines(runs):
    """Pages whose query count changes with the catalogue size (a likely N+1)."""
    lines = []
    for backend in dict.fromkeys(r.backend for r in runs):
        for state in STATES:
            by_size = {
                r.size: {row.page: row.queries for row in r.pages()}
                for r in runs
                if r.backend == backend and r.state == state
            }
            if len(by_size) < 2:
                continue
            pages = dict.fromkeys(
                page for counts in by_size.values() for page in counts
            )
            for page in pages:
                counts = {size: c.get(page) for size, c in sorted(by_size.items())}
                if len({c for c in counts.values() if c is not None}) > 1:
                    shown = ", ".join(f"{c} at {s:,}" for s, c in counts.items())
                    lines.append(
                        f"- Query count of {page} ({backend}, {state}) changes with "
                        f"the size: {shown}."
                    )
    if not lines and len({r.size for r in runs}) > 1:
        lines.append("- Query counts are the same at every size, page by page.")
    return lines


def summary_lines(runs, skipped, failures):
    lines = [
        *worst_warm_lines(runs),
        *worst_cold_lines(runs),
        *query_growth_lines(runs),
    ]
    mixed = [f"{r.backend} {r.size:,} {r.state}" for r in runs if r.code_changed]
    if mixed:
        lines.append(
            "- Code changed on disk during: " + ", ".join(mixed) + " (see the tables)."
        )
    lines += [f"- Skipped {backend}: {why}" for backend, why in skipped.items()]
    lines += [f"- FAILED: {failure}" for failure in failures]
    errors = [
        f"{r.backend} {r.size:,} {r.state} {row.page}"
        for r in runs
        for row in r.rows
        if row.errors
    ]
    if errors:
        lines.append("- Pages with errors (see the tables): " + ", ".join(errors) + ".")
    return lines


def machine_facts(backends):
    def venv(code):
        status, output = run([PYTHON, "-c", code], timeout=60)
        return output.strip() if status == 0 else "?"

    facts = {
        "Cores (nproc)": str(os.cpu_count()),
        "CPU": cpu_model(),
        "Python": venv("import platform; print(platform.python_version())"),
        "Django": venv("import django; print(django.get_version())"),
        "gunicorn": venv("import gunicorn; print(gunicorn.__version__)"),
        "SQLite": venv("import sqlite3; print(sqlite3.sqlite_version)"),
    }
    if "postgres" in backends:
        try:
            facts["PostgreSQL"] = psql("SHOW server_version", timeout=10)
            facts["PostgreSQL autovacuum"] = psql("SHOW autovacuum", timeout=10)
        except BenchError:
            facts["PostgreSQL"] = "?"
        facts["Redis"] = redis_version() or "?"
    status, output = run([WRK, "-v"], timeout=10)
    facts["wrk"] = output.split("Copyright")[0].strip() if output else "?"
    facts["Code"] = code_version()
    return facts


CODE_DIRS = (
    "config",
    "core",
    "catalogue",
    "anatomy",
    "articles",
    "templates",
    "static",
)


def code_changed_since(moment):
    """Project files (code, templates, static) modified after ``moment`` (a timestamp).

    Other people edit this tree; a gunicorn worker started after a change (they
    are recycled every ~5,000 requests) runs the new code, so such a run mixes
    two versions of the site.
    """
    changed = []
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            try:
                if path.stat().st_mtime > moment:
                    changed.append(str(path.relative_to(ROOT)))
            except OSError:
                continue
    return sorted(changed)


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def code_version():
    """The commit, and the files changed since (read-only git commands)."""
    status, commit = run(["git", "rev-parse", "--short", "HEAD"], timeout=10)
    if status != 0:
        return "not a git checkout"
    status, changes = run(
        ["git", "--no-optional-locks", "status", "--porcelain"], timeout=30
    )
    changed = [line[3:] for line in changes.splitlines() if line.strip()]
    if not changed:
        return f"commit {commit.strip()}, no uncommitted changes"
    return (
        f"commit {commit.strip()} with uncommitted changes to {len(changed)} "
        f"path(s): {', '.join(changed[:8])}{' …' if len(changed) > 8 else ''}"
    )


def command_line():
    def relative(path):
        try:
            return str(Path(path).absolute().relative_to(ROOT))
        except ValueError:
            return str(path)

    return shlex.join([relative(sys.executable), relative(sys.argv[0]), *sys.argv[1:]])


def report(started, facts, options, pages, runs, skipped, failures, interrupted):
    minutes = (datetime.now(UTC) - started).total_seconds() / 60
    lines = [
        "# Load benchmark results",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC ({minutes:.0f} min)",
        f"- Command (from the repository root): `{command_line()}`",
        *(f"- {name}: {value}" for name, value in facts.items()),
        "- Server: gunicorn with config/gunicorn.py (sync workers, one per core), "
        "DEBUG off, hashed static files, plain HTTP on 127.0.0.1",
        f"- Load: `wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.seconds}s "
        f"--timeout {WRK_TIMEOUT} --latency"
        + "".join(f" --header='{n}: {v}'" for n, v in REQUEST_HEADERS.items())
        + " URL`, one page at a time, on the same cores as the server"
        + ("" if REQUEST_HEADERS else " (no Accept-Encoding: uncompressed pages)"),
        "- Pages: " + ", ".join(f"{page} `{path}`" for page, path in pages.items()),
        "",
        "Median × baseline: the page's median latency divided by the bare view's "
        "(/livez, the mean of its runs before and after the pages, on the same "
        "server). Throughput × baseline: the bare view's requests/s divided by the "
        "page's. SQL queries: one request with X-Query-Count (cold: page cache off; "
        "warm: served from the page cache).",
        "",
    ]
    if interrupted:
        lines += ["**Interrupted: the results below are partial.**", ""]
    for run_ in runs:
        lines += [run_table(run_), ""]
    lines += ["## Summary", "", *summary_lines(runs, skipped, failures), ""]
    return "\n".join(lines)


# Main ------------------------------------------------------------------------


def csv_choices(value, choices, what):
    items = [item.strip() for item in value.split(",") if item.strip()]
    unknown = [item for item in items if item not in choices]
    if unknown or not items:
        raise argparse.ArgumentTypeError(
            f"unknown {what}: {', '.join(unknown) or repr(value)} "
            f"(choose from {', '.join(choices)})"
        )
    return list(dict.fromkeys(items))


def csv_sizes(value):
    try:
        sizes = sorted(
            {int(item.replace("_", "")) for item in value.split(",") if item}
        )
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"sizes must be whole numbers: {value!r}"
        ) from None
    if not sizes or sizes[0] < FIXTURE_COUNT:
        raise argparse.ArgumentTypeError(
            f"each size must be at least {FIXTURE_COUNT} (the fixtures)"
        )
    return sizes


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Load-test the main pages with wrk against gunicorn, as in "
        "production, on throwaway catalogues of several sizes.",
    )
    page_names = [page for page in PAGES if page != BASELINE]
    parser.add_argument(
        "--backends",
        type=lambda v: csv_choices(v, BACKENDS, "backend"),
        default=list(BACKENDS),
        help="comma-separated: sqlite,postgres (default both)",
    )
    parser.add_argument(
        "--sizes",
        type=csv_sizes,
        help="catalogue sizes, comma-separated (default 45,1000,10000)",
    )
    parser.add_argument(
        "--seconds",
        type=int,
        help=f"wrk's duration per page (default {DEFAULT_SECONDS})",
    )
    parser.add_argument(
        "--pages",
        type=lambda v: csv_choices(v, page_names, "page"),
        default=page_names,
        help=f"comma-separated, of {','.join(page_names)} (the baseline always runs)",
    )
    parser.add_argument(
        "--states",
        type=lambda v: csv_choices(v, STATES, "state"),
        default=list(STATES),
        help="cold (page cache off), warm (page cache on, primed); default both",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))}, "
        f"{QUICK_SECONDS} s a page (unless given)",
    )
    parser.add_argument(
        "--gzip",
        action="store_true",
        help="send Accept-Encoding: gzip as browsers do (default: no "
        "Accept-Encoding, wrk's own requests)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=RESULTS_PATH,
        help="the Markdown report to write (default bench/results/latest.md)",
    )
    options = parser.parse_args(argv)
    if options.sizes is None:
        options.sizes = list(QUICK_SIZES if options.quick else DEFAULT_SIZES)
    if options.seconds is None:
        options.seconds = QUICK_SECONDS if options.quick else DEFAULT_SECONDS
    if options.seconds < 1:
        parser.error("--seconds must be at least 1")
    return options


def page_paths(pages, slugs):
    return {page: PAGES[page].format(**slugs) for page in (BASELINE, *pages)}


def bench_backend(name, options, runs):
    """Build the catalogue size by size and measure it; append a Run per state."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmpdir:
        with BACKEND_SETUP[name](tmpdir) as backend:
            catalogue = create_catalogue(backend)
            for size in options.sizes:
                label = f"{name} {size:,}"
                log(f"[{label}] building the catalogue")
                grow(catalogue, size)
                pages = page_paths(options.pages, catalogue.slugs)
                log(f"[{label}] {catalogue.describe()}; measuring")
                for state in options.states:
                    load_before = os.getloadavg()[0]
                    state_started = time.time()
                    rows, recycled = measure_state(
                        backend, tmpdir, pages, state, options.seconds, label
                    )
                    load_after = os.getloadavg()[0]
                    counts = count_queries(backend, tmpdir, pages, state, label)
                    for row in rows:
                        row.queries = counts.get(row.page)
                    run_ = Run(
                        name,
                        size,
                        state,
                        catalogue.describe(),
                        dict(catalogue.slugs),
                        (load_before, load_after),
                        recycled,
                        rows,
                        code_changed_since(state_started),
                    )
                    runs.append(run_)
                    print(run_table(run_) + "\n", flush=True)


def main(argv=None):
    options = parse_args(argv)
    if options.gzip:
        REQUEST_HEADERS.update(GZIP_HEADERS)
    raise_on_sigterm()
    if not Path(WRK).exists():
        log("wrk is not installed: apt-get install -y wrk")
        return 2
    started = datetime.now(UTC)
    runs, skipped, failures, interrupted = [], {}, [], False
    facts = machine_facts(options.backends)
    log(
        f"Benchmark: backends {','.join(options.backends)}; sizes "
        f"{','.join(map(str, options.sizes))}; {','.join(options.states)}; "
        f"{options.seconds} s a page"
    )
    try:
        collectstatic()
        for name in options.backends:
            problem = backend_problem(name)
            if problem:
                log(f"Skipping {name}: {problem}")
                skipped[name] = problem
                continue
            log(f"== {BACKEND_TITLES[name]}")
            try:
                bench_backend(name, options, runs)
            except BenchError as error:
                log(f"{name} failed: {error}")
                failures.append(f"{name}: {str(error).splitlines()[0]}")
    except KeyboardInterrupt:
        interrupted = True
        log("Interrupted: writing the partial results")
    except BenchError as error:
        failures.append(str(error).splitlines()[0])
        log(str(error))
    pages = page_paths(options.pages, PREFERRED_SLUGS)
    text = report(started, facts, options, pages, runs, skipped, failures, interrupted)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(text)
    print("\n".join(["## Summary", "", *summary_lines(runs, skipped, failures)]))
    log(f"\nWrote {options.out}")
    if interrupted:
        return 130
    has_errors = failures or any(row.errors for r in runs for row in r.rows)
    return 1 if has_errors else 0


if __name__ == "__main__":
    sys.exit(main())
