"""The content state: a short string that changes whenever what readers may see
changes, read from the database at most once a second per process.

It is the content version (moved on by every save or delete of a content
model, see ``core.signals``) and the moment the next scheduled item goes live.
Every page-cache key holds it, so a save makes every stored page unreachable.

Each process keeps the last state it read for ``CONTENT_STATE_MAX_AGE`` seconds
(default 1): a cached page costs no database query, and an editor's save is
seen by the process that made it at once (``forget()`` runs on every change)
and by every other process within that bound. When the database does not
answer, the last state read is reused for up to ``CONTENT_STATE_STALE_SECONDS``
(default 300), so pages already in the cache keep being served through a short
outage; past that, the error propagates (and becomes the designed 503).
"""

import contextvars
import functools
import threading
import time
import weakref
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import DateTimeField
from django.utils import timezone

from core.content import content_models
from core.models import ContentVersion, PublicationStatus, Publishable

_lock = threading.Lock()
_memo = {"state": None, "read_at": float("-inf")}
# The state one reader's request is rendered under (see ``pinned``).
_pinned = contextvars.ContextVar("pinned_content_state", default=None)


def publishable_models():
    return [model for model in content_models() if issubclass(model, Publishable)]


@functools.cache
def content_state_sql():
    """One statement: the content version and the next scheduled publication of
    each publishable model. Built once: it skips the ORM's per-call query building."""
    version = ContentVersion._meta
    upcoming = [
        f"(SELECT MIN({published}) FROM {table} WHERE {status} = %s AND {published} > %s)"
        for table, status, published in (
            (
                connection.ops.quote_name(model._meta.db_table),
                connection.ops.quote_name(model._meta.get_field("status").column),
                connection.ops.quote_name(model._meta.get_field("published_at").column),
            )
            for model in publishable_models()
        )
    ]
    columns = ", ".join([connection.ops.quote_name("value"), *upcoming])
    return (
        f"SELECT {columns} FROM {connection.ops.quote_name(version.db_table)} WHERE id = 1",
        len(upcoming),
    )


def read_content_state():
    """The state as the database has it now (one query)."""
    sql, scheduled_models = content_state_sql()
    now = DateTimeField().get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [PublicationStatus.PUBLISHED, now] * scheduled_models)
        row = cursor.fetchone()
    if row is None:
        return "0"
    version, *upcoming = row
    pending = sorted(str(moment) for moment in upcoming if moment is not None)
    return f"{version}:{pending[0] if pending else ''}"


def content_state():
    """The state, reread when the copy this process holds is over a second old."""
    if (state := _pinned.get()) is not None:
        return state
    now = time.monotonic()
    state, read_at = _memo["state"], _memo["read_at"]
    if state is not None and now - read_at < settings.CONTENT_STATE_MAX_AGE:
        return state
    try:
        state = read_content_state()
    except DatabaseError:
        if state is not None and now - read_at < settings.CONTENT_STATE_STALE_SECONDS:
            return state  # the database blinked: keep serving what is cached
        raise
    with _lock:
        _memo.update(state=state, read_at=now)
    return state


@contextmanager
def pinned():
    """One state for everything a reader's page is made of: its cache key and the
    fragments it reuses agree, and the state is read once per request."""
    token = _pinned.set(content_state())
    try:
        yield _pinned.get()
    finally:
        _pinned.reset(token)


def forget():
    """Drop this process's copy, and every value built from it: the next page
    reads the state afresh. (A save moves the state on anyway; tests roll
    content back to a state number already seen, with other content.)"""
    with _lock:
        _memo.update(state=None, read_at=float("-inf"))
    for value in list(_per_state):
        value.forget()


_per_state = weakref.WeakSet()  # every PerContentState, for forget()


def build_per_state_values():
    """Build every per-state value (the list's facet index, the search's link
    index, ...) now, for the content as it stands.

    gunicorn's master calls it before it forks (``config.gunicorn``), so that
    every worker starts with them and shares them, copy-on-write, instead of
    building them on a reader's first page while the requests behind it queue:
    at 10,000 exercises the facet index alone takes a few hundred milliseconds.
    """
    for per_state in list(_per_state):
        value = per_state.get()
        if hasattr(value, "warm"):  # and what its first page would arrange
            value.warm()


class PerContentState:
    """A value built from the content (an index, say) at most once per content
    state in each process: the first page of a new state builds it, under a
    lock so that concurrent threads build it once, and the previous one goes."""

    def __init__(self, build):
        self.build = build
        self._lock = threading.Lock()
        self._built = {}  # content state -> value (the latest one only)
        _per_state.add(self)

    def get(self):
        state = content_state()
        value = self._built.get(state)
        if value is None:
            with self._lock:
                value = self._built.get(state)
                if value is None:
                    value = self.build()
                    self._built.clear()
                    self._built[state] = value
        return value

    def forget(self):
        """Drop the value (tests: content states repeat from one test to the next)."""
        with self._lock:
            self._built.clear()
