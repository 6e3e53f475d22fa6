"""The site to audit: a throwaway production server, or one already running."""

import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.processes import (
    CommandError,
    free_port,
    log,
    spawn,
    stop_process,
    wait_for_server,
)
from bench.production import gunicorn_command, manage, production_env

SERVER_START_TIMEOUT = 60


def fetch_status(url):
    """The status code of a GET (redirects followed), or None when it failed."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def prepare_site(env):
    """Migrate the throwaway database, load the content, collect static files."""
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["loadcontent"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        log(f"  manage.py {' '.join(args)}")
        manage(env, *args, timeout=300)


@contextmanager
def production_server():
    """Serve the site with gunicorn on a free port, on SQLite with the
    local-memory cache; yield its base URL."""
    with tempfile.TemporaryDirectory(prefix="audit-") as tmpdir:
        port = free_port()
        env = production_env(tmpdir, f"sqlite:///{Path(tmpdir) / 'audit.sqlite3'}")
        env.update(HOST="127.0.0.1", PORT=str(port))
        log(f"Preparing a throwaway site in {tmpdir}")
        prepare_site(env)
        log_path = Path(tmpdir) / "gunicorn.log"
        with log_path.open("w") as log_file:
            proc = spawn(gunicorn_command(), env=env, stdout=log_file)
        try:
            if not wait_for_server(port, "/healthz", proc, SERVER_START_TIMEOUT):
                raise CommandError(
                    "gunicorn did not answer /healthz with 200:\n"
                    + log_path.read_text()[-3000:]
                )
            base_url = f"http://127.0.0.1:{port}"
            log(f"gunicorn (pid {proc.pid}) serves {base_url}")
            yield base_url
        finally:
            stop_process(proc)
            log(f"gunicorn (pid {proc.pid}) stopped")


@contextmanager
def existing_server(base_url):
    if fetch_status(base_url + "/healthz") != 200:
        raise CommandError(f"{base_url}/healthz does not answer 200")
    yield base_url
