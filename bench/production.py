"""Serving the site as `make serve` does, for the benchmark and the audit.

Only the project's command-line interface is used (manage.py, gunicorn with
config/gunicorn.py and environment variables), so these tools keep working
while the code behind it changes.
"""

import os
import secrets
import sys
from pathlib import Path

from bench.processes import (
    CommandError,
    check_run,
    free_port,
    spawn,
    stop_process,
    wait_for_server,
)

# The interpreter running this script: the project's virtualenv when started as
# `.venv/bin/python bench/bench.py` (or through make).
PYTHON = sys.executable

SERVER_START_TIMEOUT = 60

# Variables that would change what is measured if inherited from the caller's shell.
CLEARED = (
    "DATABASE_URL",
    "REDIS_URL",
    "PAGE_CACHE_SECONDS",
    "DJANGO_QUERY_COUNT_HEADER",
    "WEB_CONCURRENCY",
    "GUNICORN_ACCESS_LOG",
    "CACHE_KEY_PREFIX",
)


def production_env(tmpdir, database_url):
    """The environment of every manage.py and gunicorn process of a throwaway site."""
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_STATIC_MANIFEST="1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_MEDIA_ROOT=str(Path(tmpdir) / "media"),
        DATABASE_URL=database_url,
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def manage(env, *args, timeout=900):
    """Run a manage.py command; its output (CommandError when it fails)."""
    return check_run([PYTHON, "manage.py", *args], env=env, timeout=timeout)


def gunicorn_command():
    """gunicorn with the project's own settings (workers, timeouts, bind from
    HOST and PORT in the environment)."""
    return [PYTHON, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.py"]


def gunicorn_problem():
    """Why gunicorn cannot be started with this interpreter, or None."""
    try:
        check_run([PYTHON, "-c", "import gunicorn, django"], timeout=60)
    except CommandError:
        return (
            f"{PYTHON} cannot import gunicorn and django: run this with the "
            "project's virtualenv (make install-dev; .venv/bin/python bench/...)"
        )
    return None


class GunicornServer:
    """gunicorn with config/gunicorn.py on a free loopback port; its output goes to
    ``log_path``. As a context manager: started, then stopped (with its workers)
    however the block ends."""

    def __init__(self, env, log_path, **overrides):
        self.env = {**env, "HOST": "127.0.0.1", **overrides}
        self.log_path = Path(log_path)
        self.proc = None
        self.port = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.port = free_port()
        self.env["PORT"] = str(self.port)
        with self.log_path.open("a") as log_file:
            self.proc = spawn(gunicorn_command(), env=self.env, stdout=log_file)
        if not wait_for_server(self.port, "/healthz", self.proc, SERVER_START_TIMEOUT):
            self.stop()
            raise CommandError(
                "gunicorn did not answer /healthz with 200:\n" + self.log_text()[-3000:]
            )

    def stop(self):
        if self.proc is not None:
            stop_process(self.proc)
            self.proc = None

    def log_text(self):
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_size(self):
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def last_error(self):
        """The last line of the server's log that is not routine, or None."""
        for line in reversed(self.log_text().splitlines()):
            if line.strip() and "[INFO]" not in line:
                return line.strip()[:300]
        return None
