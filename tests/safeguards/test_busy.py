"""A database lock that outlasts the busy timeout is a "busy, try again" page."""

import sqlite3

from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory, SimpleTestCase

from safeguards.middleware import DatabaseBusyMiddleware, is_busy_error


def locked_error(tmp_path):
    """The error SQLite really raises when another connection holds the write lock."""
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    try:
        waiter.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        return error
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        waiter.close()
    raise AssertionError("the second writer was not refused")


class BusyTests(SimpleTestCase):
    def test_sqlite_waits_for_a_lock_and_takes_it_at_once(self):
        options = settings.DATABASES["default"].get("OPTIONS", {})
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            assert options["transaction_mode"] == "IMMEDIATE"
            assert options["timeout"] >= 10
            assert "journal_mode=WAL" in options["init_command"]

    def test_a_lock_error_becomes_a_503_that_says_try_again(self):
        import pathlib
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            raw = locked_error(pathlib.Path(folder))
        try:
            raise OperationalError(*raw.args) from raw
        except OperationalError as error:
            wrapped = error
        assert is_busy_error(wrapped)
        request = RequestFactory().post("/admin/catalogue/exercise/1/change/")
        middleware = DatabaseBusyMiddleware(lambda request: None)
        response = middleware.process_exception(request, wrapped)
        assert response.status_code == 503
        assert response["Retry-After"]
        text = response.content.decode()
        assert "Busy, please try again" in text
        assert "nothing was changed" in text

    def test_other_errors_are_left_alone(self):
        middleware = DatabaseBusyMiddleware(lambda request: None)
        request = RequestFactory().get("/")
        assert (
            middleware.process_exception(request, OperationalError("no such table"))
            is None
        )
        assert middleware.process_exception(request, ValueError("locked")) is None


class BusyOutsideViewsTests(SimpleTestCase):
    def test_the_500_handler_answers_a_lock_with_the_busy_page(self):
        from website.views import server_error

        request = RequestFactory().post("/admin/login/")
        try:
            raise OperationalError("database is locked")
        except OperationalError:
            response = server_error(request)
        assert response.status_code == 503
        assert "Busy, please try again" in response.content.decode()
        try:
            raise ValueError("something else")
        except ValueError:
            assert server_error(request).status_code == 500
