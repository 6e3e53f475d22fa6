"""A database outage is a designed 503, never a 500; cached pages stay up."""

from unittest import mock

from django.db import OperationalError
from django.test import TestCase, override_settings

from tests.factories import make_exercise

DATABASE_DOWN = mock.patch(
    "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
    side_effect=OperationalError("could not connect to server: Connection refused"),
)


class DatabaseOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_exercise("Cable Row")
        make_exercise("Face Pull")

    def test_a_page_cached_before_is_served_and_others_get_the_designed_503(self):
        cached = self.client.get("/exercises/cable-row/")
        with DATABASE_DOWN, self.assertLogs("core.outage", "ERROR") as logs:
            again = self.client.get("/exercises/cable-row/")
            missing = self.client.get("/exercises/face-pull/")
            also_missing = self.client.get("/exercises/")
        assert again.status_code == 200
        assert again.content == cached.content
        for response in (missing, also_missing):
            assert response.status_code == 503
            assert response["Retry-After"] == "30"
            assert "Back in a moment" in response.content.decode()
            assert "no-cache" in response["Cache-Control"]
        assert len(logs.records) == 1  # once per interval

    def test_healthz_is_503_during_the_outage(self):
        with DATABASE_DOWN:
            assert self.client.get("/healthz").status_code == 503

    @override_settings(CONTENT_STATE_STALE_SECONDS=0)
    def test_the_last_known_content_state_is_trusted_only_for_a_bounded_time(self):
        self.client.get("/exercises/cable-row/")
        with DATABASE_DOWN, self.assertLogs("core.outage", "ERROR"):
            response = self.client.get("/exercises/cable-row/")
        assert response.status_code == 503

    def test_a_database_error_outside_a_view_is_a_503_too(self):
        from website.views import server_error

        request = self.client.get("/livez").wsgi_request
        try:
            raise OperationalError("server closed the connection")
        except OperationalError:
            response = server_error(request)
        assert response.status_code == 503
