"""gunicorn settings for `make serve`: one sync worker per core, as measured best."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
# Recycle workers now and then (leaks), not often: each restart empties a
# local-memory page cache.
max_requests = 50_000
max_requests_jitter = 5_000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
preload_app = True


def when_ready(server):
    """In the master, after the app is loaded (``preload_app``) and before the
    first worker forks: build what every page of the content's current state
    shares, then close the connections that took, so that no worker inherits a
    socket. A database that does not answer yet only means the workers build
    them on their first pages, as they would without this.

    Last, everything the master holds is moved out of the garbage collector's
    sight (``gc.freeze()``, as Python's documentation advises before a fork):
    at 10,000 exercises the index is some 160,000 objects, and a full
    collection in a worker, which walks them all, took 59 ms, the slowest
    requests of a cold run. Frozen objects are still freed by reference
    counting; an index left behind by a content change that is caught in a
    reference cycle stays in memory (once per worker, shared with the master).
    """
    import gc
    from importlib import import_module

    from django.conf import settings
    from django.core.cache import caches
    from django.db import DatabaseError, connections

    from core.content_state import build_per_state_values

    import_module(settings.ROOT_URLCONF)  # every view, so every per-state value
    try:
        build_per_state_values()
    except DatabaseError as error:
        server.log.warning("Content caches not built before the fork: %s", error)
    finally:
        connections.close_all()
        for cache in caches.all(initialized_only=True):
            cache.close()
        gc.collect()  # nothing collectable is frozen with the rest
        gc.freeze()
