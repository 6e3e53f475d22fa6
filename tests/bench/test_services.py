"""The pure parts of bench/loadtest/services.py: Redis's wire format, PostgreSQL URLs."""

import io

import pytest

from bench.loadtest.services import PostgresServer, resp_encode, resp_read
from bench.processes import CommandError


def test_resp_encode_sends_each_word_as_a_bulk_string():
    assert resp_encode("SELECT", 14) == b"*2\r\n$6\r\nSELECT\r\n$2\r\n14\r\n"


@pytest.mark.parametrize(
    ("reply", "value"),
    [
        (b"+PONG\r\n", "PONG"),
        (b":3496\r\n", 3496),
        (b"$11\r\nused_memory\r\n", "used_memory"),
        (b"$-1\r\n", None),
    ],
)
def test_resp_read_understands_status_integer_and_bulk_replies(reply, value):
    assert resp_read(io.BytesIO(reply)) == value


def test_resp_read_raises_on_an_error_reply_or_a_closed_connection():
    with pytest.raises(CommandError, match="Redis: ERR unknown command"):
        resp_read(io.BytesIO(b"-ERR unknown command\r\n"))
    with pytest.raises(CommandError, match="closed"):
        resp_read(io.BytesIO(b""))


def test_postgres_server_reads_its_url_with_defaults():
    server = PostgresServer("postgres://127.0.0.1")
    assert (server.host, server.port, server.user) == ("127.0.0.1", 5432, "postgres")
    assert server.maintenance_db == "postgres"
    assert server.password is None


def test_postgres_database_url_keeps_the_credentials_and_changes_the_database():
    server = PostgresServer("postgres://me:s%40cret@db.example:6543/admin")
    assert (server.user, server.password, server.port) == ("me", "s@cret", 6543)
    assert server.database_url("bench_1") == (
        "postgres://me:s%40cret@db.example:6543/bench_1"
    )
