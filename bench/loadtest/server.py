"""gunicorn serving a throwaway site with the production setup, on a free port."""

from contextlib import contextmanager
from pathlib import Path

from bench.loadtest import wrk
from bench.processes import fetch, log
from bench.production import GunicornServer

REQUEST_TIMEOUT = 60
SETTLE_TIMEOUT = 90  # seconds for a run's backlog to drain before the next page


def get(port, path, timeout=REQUEST_TIMEOUT):
    """GET with the run's headers: (status, headers or the error, body, seconds)."""
    return fetch(port, path, timeout=timeout, headers=wrk.REQUEST_HEADERS)


class Server(GunicornServer):
    """The server under load: it recycles workers and may need to settle."""

    def recycled(self):
        """How often gunicorn replaced a worker that reached max_requests, so far."""
        return self.log_text().count("Autorestarting worker")

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
    with Server(env, Path(tmpdir) / f"gunicorn-{name}.log", **overrides) as server:
        yield server
