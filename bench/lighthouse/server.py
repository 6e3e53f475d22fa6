"""The site to audit: a throwaway production server, or one already running."""

import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.processes import CommandError, log
from bench.production import GunicornServer, manage, production_env


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
        env = production_env(tmpdir, f"sqlite:///{Path(tmpdir) / 'audit.sqlite3'}")
        log(f"Preparing a throwaway site in {tmpdir}")
        prepare_site(env)
        with GunicornServer(env, Path(tmpdir) / "gunicorn.log") as server:
            log(f"gunicorn (pid {server.proc.pid}) serves {server.url}")
            yield server.url
        log("gunicorn stopped")


@contextmanager
def existing_server(base_url):
    if fetch_status(base_url + "/healthz") != 200:
        raise CommandError(f"{base_url}/healthz does not answer 200")
    yield base_url
