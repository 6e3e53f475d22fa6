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
