"""gunicorn serving a throwaway site with the production setup, on a free port."""

from contextlib import contextmanager
from pathlib import Path

from bench.loadtest import wrk
from bench.processes import (
    CommandError,
    fetch,
    free_port,
    log,
    spawn,
    stop_process,
    wait_for_server,
)
from bench.production import gunicorn_command

SERVER_START_TIMEOUT = 60
REQUEST_TIMEOUT = 60
SETTLE_TIMEOUT = 90  # seconds for a run's backlog to drain before the next page


def get(port, path, timeout=REQUEST_TIMEOUT):
    """GET with the run's headers: (status, headers or the error, body, seconds)."""
    return fetch(port, path, timeout=timeout, headers=wrk.REQUEST_HEADERS)


class Server:
    """gunicorn with config/gunicorn.py; its output goes to ``log_path``."""

    def __init__(self, env, log_path, **overrides):
        self.env = {**env, "HOST": "127.0.0.1", **overrides}
        self.log_path = Path(log_path)
        self.proc = None
        self.port = None

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

    def recycled(self):
        """How often gunicorn replaced a worker that reached max_requests, so far."""
        return self.log_text().count("Autorestarting worker")

    def last_error(self):
        """The last line of the server's log that is not routine, or None."""
        for line in reversed(self.log_text().splitlines()):
            if line.strip() and "[INFO]" not in line:
                return line.strip()[:300]
        return None

    def settle(self):
        """Wait for the backlog a run leaves to drain; restart the server if it does not.

        Returns a description of the problem when it had to restart, else None.
        """
        status, detail, _, _ = get(self.port, "/livez", timeout=SETTLE_TIMEOUT)
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
    """A started server, stopped (with its workers) however the block ends."""
    name = "".join(c if c.isalnum() else "-" for c in label)
    server = Server(env, Path(tmpdir) / f"gunicorn-{name}.log", **overrides)
    try:
        server.start()
        yield server
    finally:
        server.stop()
