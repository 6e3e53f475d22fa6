"""Invariants of every page: status, one <h1>, query budgets, no pending migrations."""

import os
import secrets
import subprocess
import sys
from io import StringIO

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from anatomy.models import Muscle
from catalogue.models import Exercise
from tests.factories import cold_queries_before_and_after_10000_exercises
from tests.utils import ALL_FIXTURES, ROOT, Page

# The most SQL queries each page may make, whatever the catalogue's size.
BUDGETS = {
    "/": 10,
    "/exercises/": 8,
    "/exercises/?equipment=dumbbells&muscle=back&level=beginner": 8,
    # 7 on SQLite, whose search the facet index answers; PostgreSQL asks.
    "/exercises/?q=pull+ups&muscle=latissimus-dorsi": 8,
    "/exercises/?page=2": 8,
    "/exercises/?have=dumbbells&have=flat-bench-without-rack&pattern=horizontal-pull": 8,
    "/exercises/?have=bodyweight": 8,
    # The content state, the facet index (2), the ladders, the editors' pins,
    # the pages with comments; then the exercise with its steps, and its
    # comments where it has any (catalogue.detail).
    "/exercises/pull-up/": 7,
    "/exercises/pull-up/?have=pull-up-bar&have=dumbbells": 8,
    "/exercises/renegade-rows/": 7,
    "/exercises/compare/?e=pull-up&e=lat-pulldown&e=inverted-row": 9,
    "/equipment/": 4,
    "/routine/": 6,
    "/routine/?days=3&minutes=30&level=intermediate&have=dumbbells&have=pull-up-bar": 6,
    "/anatomy/": 6,
    # The content state, the muscle, the facet index (2), the link index: its
    # exercises in every role come from the facet index (catalogue.muscle_pages).
    "/anatomy/latissimus-dorsi/": 5,
    # The content state, the group, its muscles, the facet index (2).
    "/anatomy/back/": 5,
    "/articles/": 4,
    "/articles/middle-back-workouts/": 6,
}


class EveryPageTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_page_answers_with_exactly_one_h1(self):
        for url in BUDGETS:
            response = self.client.get(url)
            assert response.status_code == 200, url
            assert len(Page(response.content.decode()).h(1)) == 1, url

    def test_every_page_stays_within_its_query_budget_at_10000_exercises(self):
        small, large = cold_queries_before_and_after_10000_exercises(
            self.client, BUDGETS
        )
        for url, queries in small.items():
            assert queries <= BUDGETS[url], f"{url}: {queries} queries"
        assert Exercise.objects.count() == 10_045
        assert large == small

    def test_every_exercise_and_muscle_page_answers(self):
        for exercise in Exercise.objects.all():
            assert self.client.get(exercise.get_absolute_url()).status_code == 200
        for muscle in Muscle.objects.all():
            assert self.client.get(muscle.get_absolute_url()).status_code == 200


class ProjectTests(TestCase):
    def test_no_pending_migrations(self):
        out = StringIO()
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
        assert "No changes detected" in out.getvalue()

    def test_system_checks_pass(self):
        call_command("check", fail_level="WARNING")

    def test_healthz_reports_the_database_and_the_cache(self):
        response = self.client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


class DeploymentTests(SimpleTestCase):
    def test_production_settings_pass_the_deploy_checks(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_SECURE_SSL_REDIRECT": "1",
            "SITE_URL": "https://backbone.example",
        }
        for name in ("DJANGO_STATIC_MANIFEST", "DJANGO_ALLOW_ASYNC_UNSAFE"):
            env.pop(name, None)
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "check",
                "--deploy",
                "--fail-level",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
