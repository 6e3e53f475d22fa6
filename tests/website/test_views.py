from unittest import mock

from django.db import DatabaseError
from django.test import SimpleTestCase, TestCase


class HealthTests(TestCase):
    def test_healthz_is_200_when_the_database_answers(self):
        response = self.client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["database"] == "ok"
        assert "no-cache" in response["Cache-Control"]

    def test_healthz_is_200_and_degraded_when_the_cache_fails(self):
        with mock.patch(
            "django.core.cache.cache.get", side_effect=ConnectionError("refused")
        ):
            response = self.client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["cache"] == "degraded"
        assert "refused" in response.json()["cache_error"]

    def test_healthz_is_503_when_the_database_does_not_answer(self):
        with mock.patch(
            "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
            side_effect=DatabaseError("connection refused"),
        ):
            response = self.client.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {
            "status": "unavailable",
            "database": "error",
            "cache": "ok",
        }


class StaticEndpointsTests(SimpleTestCase):
    def test_livez_robots_and_favicon(self):
        assert self.client.get("/livez").content == b"ok"
        robots = self.client.get("/robots.txt").content.decode()
        # On the configured origin (SITE_URL), never the request's Host.
        assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
        assert self.client.get("/favicon.ico")["Content-Type"] == "image/x-icon"


class ServerErrorTests(TestCase):
    def test_an_unexpected_error_shows_the_designed_500_page(self):
        self.client.raise_request_exception = False
        with mock.patch("catalogue.drilldown.Browse", side_effect=RuntimeError("boom")):
            response = self.client.get("/exercises/")
        assert response.status_code == 500
        assert "Something went wrong on our side" in response.content.decode()


class MediaTests(TestCase):
    def test_renditions_are_cached_for_a_year_originals_for_a_day(self):
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        default_storage.save("renditions/abc/x-320.webp", ContentFile(b"RIFF"))
        default_storage.save("images/x.jpg", ContentFile(b"\\xff\\xd8"))
        rendition = self.client.get("/media/renditions/abc/x-320.webp")
        assert (
            "immutable" in rendition["Cache-Control"]
            and "max-age=31536000" in rendition["Cache-Control"]
        )
        original = self.client.get("/media/images/x.jpg")
        assert "max-age=86400" in original["Cache-Control"]
        assert self.client.get("/media/../config/settings.py").status_code in (400, 404)
        assert self.client.post("/media/images/x.jpg").status_code == 405
