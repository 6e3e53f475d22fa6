"""What the importer's tests share: files to import, the command, the state it may touch."""

import html
import json
import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from anatomy.models import Muscle
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step
from core.models import ContentVersion
from tests.utils import ROOT

SAMPLE_FILE = ROOT / "tests" / "data" / "free-exercise-db-sample.json"
FIXTURE_EXERCISES = 45
CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">([^<]+)</a>')
REPORT = re.compile(
    r"Imported (?P<total>\d+) records?: (?P<created>\d+) created, "
    r"(?P<updated>\d+) updated, (?P<matched>\d+) matched to existing exercises, "
    r"(?P<skipped>\d+) skipped\."
)


def sample_records():
    """A fresh copy of the 40 real records shipped with the tests."""
    return json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))


def temporary_folder(testcase):
    """A fresh temporary folder, removed after the test class."""
    folder = Path(tempfile.mkdtemp(prefix="import-test-"))
    testcase.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
    return folder


def write_file(testcase, content, name="exercises.json"):
    """Write JSON, text or bytes to a fresh temporary folder; return its path."""
    path = temporary_folder(testcase) / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def run_import(path, *options):
    out = StringIO()
    call_command("import_exercises", str(path), *options, stdout=out)
    return out.getvalue().strip()


def import_content(testcase, content, *options):
    """Write ``content`` to a fresh file (as ``write_file``) and import it; return
    the report."""
    return run_import(write_file(testcase, content), *options)


def import_new(testcase, content, record_id):
    """Import ``content``, a file of one new record, which must be created; return
    the exercise made from record ``record_id``."""
    assert counts(import_content(testcase, content))["created"] == 1
    return imported(record_id)


def counts(report):
    match = REPORT.fullmatch(report)
    assert match, report
    return {key: int(value) for key, value in match.groupdict().items()}


def state():
    """Everything the import may write, to compare before and after."""
    return {
        "exercises": list(
            Exercise.objects.order_by("pk").values_list(
                "pk",
                "name",
                "slug",
                "aliases",
                "level",
                "force",
                "mechanic",
                "category",
                "status",
                "published_at",
                "source_ref",
                "source_hash",
                "letter",
                "search_names",
                "search_text",
                "updated_at",
            )
        ),
        "steps": list(
            Step.objects.order_by("pk").values_list("pk", "exercise", "number", "text")
        ),
        "muscle links": list(
            ExerciseMuscle.objects.order_by("pk").values_list(
                "pk", "exercise", "muscle", "role"
            )
        ),
        "equipment links": sorted(
            Exercise.equipment.through.objects.values_list("exercise", "equipment")
        ),
        "group tags": sorted(
            Exercise.muscle_groups.through.objects.values_list("exercise", "muscle")
        ),
        "equipment": list(Equipment.objects.order_by("pk").values_list("pk", "slug")),
        "muscles": list(Muscle.objects.order_by("pk").values_list("pk", "slug")),
        "content version": list(ContentVersion.objects.values_list("value")),
    }


def assert_refused(testcase, content, *fragments):
    """Importing ``content`` fails naming each fragment, dry run or not, changing
    nothing; return the message. ``content`` may be a path already written."""
    before = state()
    path = content if isinstance(content, Path) else write_file(testcase, content)
    for options in ((), ("--dry-run",)):
        with pytest.raises(CommandError) as error:
            run_import(path, *options)
        for fragment in fragments:
            assert fragment in str(error.value), str(error.value)
    assert state() == before
    return str(error.value)


def source_record(record_id, name, **fields):
    """A valid free-exercise-db record."""
    return {
        "id": record_id,
        "name": name,
        "force": "pull",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "body only",
        "primaryMuscles": ["lats"],
        "secondaryMuscles": [],
        "instructions": [f"Do the {name}."],
        "category": "strength",
        "images": [f"{record_id}/0.jpg", f"{record_id}/1.jpg"],
        **fields,
    }


def imported(record_id):
    return Exercise.objects.get(source_ref=f"free-exercise-db:{record_id}")


def roles(exercise):
    return {
        link.muscle.slug: link.role
        for link in exercise.muscle_links.select_related("muscle")
    }


def slugs(related):
    return sorted(related.values_list("slug", flat=True))


def listed(client, query=""):
    response = client.get(f"/exercises/{query}")
    assert response.status_code == 200, query
    body = response.content.decode()
    return [html.unescape(name) for name in CARD_TITLE.findall(body)], body
