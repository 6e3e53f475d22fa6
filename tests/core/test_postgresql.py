"""The PostgreSQL backend's health check: no round trip while the connection is
sound, a new connection when the server has ended the old one."""

import select
import time
from unittest import mock

import psycopg
import pytest
from django.db import connection, connections
from django.test import TransactionTestCase

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL"
)


def fresh_connection():
    """A connection of our own, outside the test's, with health checks on."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    wrapper.health_check_enabled = True
    return wrapper


def wait_until_readable(wrapper, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if select.select([wrapper.connection.fileno()], [], [], 0.05)[0]:
            return
    raise AssertionError("the server never closed the connection")


class HealthCheckTests(TransactionTestCase):
    def setUp(self):
        self.wrapper = fresh_connection()
        self.addCleanup(self.wrapper.close)

    def test_the_settings_use_the_backend_with_the_socket_check(self):
        assert type(connections["default"]).__module__ == "core.postgresql.base"

    def test_a_sound_idle_connection_is_usable_without_asking_the_server(self):
        with mock.patch.object(
            self.wrapper.connection, "cursor", side_effect=AssertionError("asked")
        ):
            assert self.wrapper.is_usable()

    def test_a_connection_the_server_ended_is_replaced_before_the_next_query(self):
        pid = self.wrapper.connection.info.backend_pid
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        wait_until_readable(self.wrapper)

        assert not self.wrapper.is_usable()
        self.wrapper.health_check_done = False  # as at the start of a request
        with self.wrapper.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] != pid

    def test_a_failed_transaction_left_open_is_unusable(self):
        self.wrapper.connection.execute("BEGIN")
        with pytest.raises(psycopg.errors.DivisionByZero):
            self.wrapper.connection.execute("SELECT 1 / 0")
        assert not self.wrapper.is_usable()

    def test_a_broken_connection_is_unusable(self):
        self.wrapper.connection.close()
        assert not self.wrapper.is_usable()
