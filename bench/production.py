"""Serving the site as `make serve` does, for the benchmark and the audit.

Only the project's command-line interface is used (manage.py, gunicorn with
config/gunicorn.py and environment variables), so these tools keep working
while the code behind it changes.
"""

import os
import secrets
import sys
from pathlib import Path

from bench.processes import CommandError, check_run

# The interpreter running this script: the project's virtualenv when started as
# `.venv/bin/python bench/bench.py` (or through make).
PYTHON = sys.executable

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
