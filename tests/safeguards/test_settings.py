"""Production settings: a secret key is required, HSTS extras are opt-in, headers."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase, TestCase

from tests.utils import ROOT

PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'include': settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    "'preload': settings.SECURE_HSTS_PRELOAD, 'seconds': settings.SECURE_HSTS_SECONDS}))"
)


def run_settings(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_debug_off_without_a_secret_key_refuses_to_start(self):
        result = run_settings(DJANGO_DEBUG="0")
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert "DJANGO_SECRET_KEY" in result.stderr

    def test_debug_on_without_a_key_still_starts_for_development(self):
        result = run_settings(DJANGO_DEBUG="1")
        assert result.returncode == 0, result.stderr

    def test_hsts_subdomains_and_preload_only_when_asked(self):
        plain = run_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" * 60)
        assert json.loads(plain.stdout) == {
            "include": False,
            "preload": False,
            "seconds": 31536000,
        }
        asked = run_settings(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY="k" * 60,
            DJANGO_HSTS_INCLUDE_SUBDOMAINS="1",
            DJANGO_HSTS_PRELOAD="1",
        )
        assert json.loads(asked.stdout)["include"] is True
        assert json.loads(asked.stdout)["preload"] is True

    def test_dates_are_british_time_stored_as_utc(self):
        assert settings.TIME_ZONE == "Europe/London"
        assert settings.USE_TZ is True


class HeaderTests(TestCase):
    def test_every_response_denies_powerful_browser_features(self):
        for url in ("/", "/healthz", "/no-such-page/", "/admin/login/"):
            policy = self.client.get(url)["Permissions-Policy"]
            assert "camera=()" in policy, url
            assert "geolocation=()" in policy, url
            assert "microphone=()" in policy, url


class BritishTimeTests(TestCase):
    def test_a_date_an_editor_enters_is_london_time_stored_as_utc(self):
        from datetime import UTC, datetime

        from django.contrib.auth.models import User

        from articles.models import Article

        self.client.force_login(User.objects.create_superuser("root", password="pw"))
        response = self.client.post(
            "/admin/articles/article/add/",
            {
                "title": "Summer rows",
                "slug": "summer-rows",
                "body": "## Rows\n\nText.",
                "status": "draft",
                "published_at_0": "2026-07-01",
                "published_at_1": "09:00:00",
                "faqs-TOTAL_FORMS": 0,
                "faqs-INITIAL_FORMS": 0,
                "references-TOTAL_FORMS": 0,
                "references-INITIAL_FORMS": 0,
            },
        )
        assert response.status_code == 302
        stored = Article.objects.get(slug="summer-rows").published_at
        # 09:00 British Summer Time is 08:00 UTC.
        assert stored == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
