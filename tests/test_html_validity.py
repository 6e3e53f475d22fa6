"""Every page type passes the W3C Nu Html Checker (vnu-jar from npm, on Java).

One run of the checker over all the pages: it starts a JVM, which is the slow
part. ``make test`` installs Java and vnu-jar; without them this fails and
says so rather than skipping.
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.template import loader
from django.test import TestCase

from tests.utils import ALL_FIXTURES, ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = {
    "home": "/",
    "list": "/exercises/",
    "list-filtered": "/exercises/?equipment=dumbbells&muscle=back&level=beginner",
    "list-search": "/exercises/?q=row&sort=relevance",
    "list-unknown-value": "/exercises/?equipment=nonexistent&page=9",
    "exercise": "/exercises/pull-up/",
    "exercise-secondary-muscles": "/exercises/renegade-rows/",
    "equipment": "/equipment/",
    "anatomy": "/anatomy/",
    "muscle-group": "/anatomy/back/",
    "muscle": "/anatomy/latissimus-dorsi/",
    "articles": "/articles/",
    "article": "/articles/middle-back-workouts/",
    "not-found": "/no-such-page/",
}


@pytest.mark.validator
class HtmlValidityTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_page_type_passes_the_nu_html_checker(self):
        if not shutil.which("java") or not VNU.exists():
            pytest.fail(
                "The Nu Html Checker needs java and node_modules/vnu-jar: "
                "run `make browser-deps` (make test does)."
            )
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            files = []
            for name, url in PAGES.items():
                response = self.client.get(url)
                assert response.status_code in (200, 404), url
                path = directory / f"{name}.html"
                path.write_bytes(response.content)
                files.append(path)
            path = directory / "server-error.html"
            path.write_text(
                loader.get_template("500.html").render({"STATIC_URL": "/static/"})
            )
            files.append(path)
            result = subprocess.run(
                ["java", "-jar", str(VNU), "--format", "json", "--errors-only"]
                + [str(f) for f in files],
                capture_output=True,
                text=True,
                timeout=300,
            )
            # The report is JSON on stderr (stdout in some versions).
            report = json.loads(result.stderr.strip() or result.stdout.strip())
            messages = report["messages"]
            errors = [
                f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
                for m in messages
            ]
            assert not errors, "\n".join(errors)
            assert result.returncode == 0, result.stderr
