"""Django's PostgreSQL backend, with a health check that asks the socket first.

With CONN_HEALTH_CHECKS on, Django checks a reused connection before the first
query of each request: psycopg's backend sends ``SELECT 1`` and waits for the
answer. When the exercise page made two queries, that round trip was a third of
its database time, and the cold page measured 9.3-9.4x the bare view with it
against 7.8-8.1x without (``bench/bench.py --backends postgres --sizes 45
--states cold --pages exercise``); it now makes one, so the check would be half.

An idle connection in autocommit has nothing to read. When the server ends it
(a restart, ``pg_terminate_backend``, an idle timeout) it sends its FATAL
message and closes the socket, which then polls readable. So: an idle
connection whose socket has nothing waiting is usable with no round trip;
anything else (something waiting, a transaction left open or failed) is asked
about with Django's own check, which fails on a closed connection or an
aborted transaction and succeeds after a stray notice. A server that vanishes
without closing its sockets is caught by neither check (the query waits for
TCP, as ``SELECT 1`` would).
"""

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != TransactionStatus.IDLE:
            return super().is_usable()
        try:
            waiting, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):  # a descriptor select() cannot take
            return super().is_usable()
        return not waiting or super().is_usable()
