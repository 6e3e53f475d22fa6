"""Importing free-exercise-db's JSON."""

import html
import json
import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from anatomy.models import Muscle
from catalogue.importer import record_hash
from catalogue.models import (
    Equipment,
    Exercise,
    ExerciseMuscle,
    Role,
    Step,
)
from catalogue.search import compact_key
from core.models import ContentVersion
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES, ROOT, Page

REAL_FILE = Path("/work/shared/datasets/free-exercise-db/exercises.json")
SAMPLE_FILE = ROOT / "tests" / "data" / "free-exercise-db-sample.json"
FIXTURE_EXERCISES = 45
CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">([^<]+)</a>')
REPORT = re.compile(
    r"Imported (?P<total>\d+) records?: (?P<created>\d+) created, "
    r"(?P<updated>\d+) updated, (?P<matched>\d+) matched to existing exercises, "
    r"(?P<skipped>\d+) skipped; created (?P<equipment>\d+) equipment items? "
    r"and (?P<muscles>\d+) muscles?\."
)


def write_file(testcase, content, name="exercises.json"):
    """Write JSON (or raw text) to a fresh temporary folder, removed after the class."""
    folder = Path(tempfile.mkdtemp(prefix="import-test-"))
    testcase.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def run_import(path, *options):
    out = StringIO()
    call_command("import_exercises", str(path), *options, stdout=out)
    return out.getvalue().strip()


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


HAND_WRITTEN = [
    source_record(
        "Kettlebell_Halo",
        "kettlebell Halo",
        level="expert",
        force=None,
        mechanic=None,
        equipment="kettlebells",
        primaryMuscles=["shoulders"],
        secondaryMuscles=["abdominals", "shoulders", "middle back"],
        instructions=[
            "  Hold the kettlebell upside down by the horns at chest height. ",
            "Circle it slowly around your head.",
            "   ",
            "Reverse the direction after each set.",
        ],
    ),
    source_record(
        "Power_Clean_From_Blocks",
        "Power Clean From Blocks",
        level="intermediate",
        equipment="barbell",
        primaryMuscles=["quadriceps", "traps"],
        secondaryMuscles=["calves", "glutes", "hamstrings"],
        category="olympic weightlifting",
    ),
    source_record(
        "Box_Jump",
        "Box Jump",
        force="push",
        equipment="other",
        primaryMuscles=["quadriceps"],
        secondaryMuscles=["calves", "hamstrings"],
        instructions=[],
        category="plyometrics",
    ),
    source_record(
        "Neck_Flexion_Stretch",
        "Neck Flexion Stretch",
        force="static",
        mechanic="isolation",
        equipment=None,
        primaryMuscles=["neck"],
        category="stretching",
    ),
    source_record(
        "Tire_Flip",
        "Tire Flip",
        level="intermediate",
        force="push",
        equipment="other",
        primaryMuscles=["quadriceps"],
        secondaryMuscles=["abductors", "adductors", "lower back"],
        category="strongman",
    ),
    source_record(
        "Sumo_Deadlift",
        "Sumo Deadlift",
        level="expert",
        equipment="barbell",
        primaryMuscles=["hamstrings"],
        secondaryMuscles=["adductors", "glutes", "forearms"],
        category="powerlifting",
    ),
    source_record(
        "Rowing_Stationary",
        "Rowing, Stationary",
        equipment="machine",
        primaryMuscles=["quadriceps"],
        secondaryMuscles=["biceps", "calves", "hamstrings", "lats"],
        category="cardio",
    ),
    # Ours under another name: "Pull-Up" by its name, "Barbell Seal Row" by alias.
    source_record("Pullups", "Pullups", level="beginner", equipment="body only"),
    source_record("Seal_Row", "seal row", equipment="barbell"),
]


class HandWrittenFileTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        # Takes the slug "box-jump" without matching the record by name.
        make_exercise("Box Jumping", slug="box-jump", source_ref="elsewhere:box-jump")
        cls.pull_up_before = Exercise.objects.get(slug="pull-up")
        cls.pull_up_steps = list(cls.pull_up_before.steps.values_list("text"))
        cls.report = run_import(write_file(cls, HAND_WRITTEN))

    def test_the_report_counts_each_outcome(self):
        assert self.report == (
            "Imported 9 records: 7 created, 0 updated, 2 matched to existing "
            "exercises, 0 skipped; created 2 equipment items and 6 muscles."
        )
        assert (
            Exercise.objects.filter(source_ref__startswith="free-exercise-db:").count()
            == 9
        )

    def test_fields_are_mapped_onto_ours(self):
        halo = imported("Kettlebell_Halo")
        assert halo.name == "Kettlebell Halo"  # first letter upper case, as save() does
        assert halo.slug == "kettlebell-halo"
        assert (halo.level, halo.force, halo.mechanic) == ("advanced", "", "")
        assert halo.category == "strength"
        assert halo.status == "published" and halo.is_public
        assert halo.source_hash == record_hash(HAND_WRITTEN[0])
        assert len(halo.source_hash) == 64
        clean = imported("Power_Clean_From_Blocks")
        assert (clean.level, clean.force, clean.mechanic) == (
            "intermediate",
            "pull",
            "compound",
        )
        assert imported("Sumo_Deadlift").level == "advanced"
        assert imported("Box_Jump").level == "beginner"

    def test_every_category_maps_onto_ours(self):
        assert {
            record["id"]: imported(record["id"]).category for record in HAND_WRITTEN[:7]
        } == {
            "Kettlebell_Halo": "strength",
            "Power_Clean_From_Blocks": "olympic-weightlifting",
            "Box_Jump": "plyometrics",
            "Neck_Flexion_Stretch": "stretching",
            "Tire_Flip": "strongman",
            "Sumo_Deadlift": "powerlifting",
            "Rowing_Stationary": "cardio",
        }

    def test_steps_are_numbered_from_one_and_blank_ones_left_out(self):
        steps = list(imported("Kettlebell_Halo").steps.values_list("number", "text"))
        assert steps == [
            (1, "Hold the kettlebell upside down by the horns at chest height."),
            (2, "Circle it slowly around your head."),
            (3, "Reverse the direction after each set."),
        ]
        assert not imported("Box_Jump").steps.exists()

    def test_equipment_is_ours_or_created_with_a_description(self):
        assert slugs(imported("Kettlebell_Halo").equipment) == ["kettlebells"]
        assert slugs(imported("Sumo_Deadlift").equipment) == ["barbell"]
        assert slugs(imported("Rowing_Stationary").equipment) == ["weight-machine"]
        assert not imported("Box_Jump").equipment.exists()  # "other"
        assert not imported("Neck_Flexion_Stretch").equipment.exists()  # null
        assert Equipment.objects.get(slug="kettlebells").name == "Kettlebells"
        assert Equipment.objects.get(slug="weight-machine").name == "Weight Machine"
        assert all(item.description for item in Equipment.objects.all())
        assert Equipment.objects.filter(slug="barbell").count() == 1

    def test_muscles_are_ours_with_roles_primary_winning(self):
        assert roles(imported("Kettlebell_Halo")) == {
            "deltoids": Role.PRIMARY,  # listed in both: primary only
            "rectus-abdominis": Role.SECONDARY,
            "middle-trapezius": Role.SECONDARY,  # "middle back" is both muscles
            "rhomboids": Role.SECONDARY,
        }
        assert roles(imported("Power_Clean_From_Blocks")) == {
            "quadriceps": Role.PRIMARY,
            "upper-trapezius": Role.PRIMARY,
            "calves": Role.SECONDARY,
            "gluteus-maximus": Role.SECONDARY,
            "hamstrings": Role.SECONDARY,
        }
        assert roles(imported("Tire_Flip")) == {
            "quadriceps": Role.PRIMARY,
            "hip-abductors": Role.SECONDARY,
            "hip-adductors": Role.SECONDARY,
            "erector-spinae": Role.SECONDARY,
        }
        assert roles(imported("Neck_Flexion_Stretch")) == {"neck-muscles": Role.PRIMARY}

    def test_missing_muscles_are_created_in_the_right_group_with_texts(self):
        groups = {
            muscle.slug: muscle.group.slug
            for muscle in Muscle.objects.filter(
                slug__in=[
                    "deltoids",
                    "quadriceps",
                    "calves",
                    "hip-abductors",
                    "hip-adductors",
                    "neck-muscles",
                ]
            ).select_related("group")
        }
        assert groups == {
            "deltoids": "shoulder",
            "quadriceps": "legs",
            "calves": "legs",
            "hip-abductors": "legs",
            "hip-adductors": "legs",
            "neck-muscles": "back",
        }
        for muscle in Muscle.objects.filter(slug__in=groups):
            assert muscle.location and muscle.function and muscle.description
        assert Muscle.objects.groups().count() == 6  # no group was needed

    def test_muscle_worked_tags_are_the_groups_of_the_primary_muscles(self):
        assert slugs(imported("Kettlebell_Halo").muscle_groups) == ["shoulder"]
        assert slugs(imported("Power_Clean_From_Blocks").muscle_groups) == [
            "back",
            "legs",
        ]
        assert slugs(imported("Neck_Flexion_Stretch").muscle_groups) == ["back"]

    def test_our_exercises_are_linked_through_names_and_aliases_not_overwritten(self):
        pull_up = Exercise.objects.get(slug="pull-up")
        assert pull_up.source_ref == "free-exercise-db:Pullups"
        assert pull_up.source_hash == ""
        assert pull_up.alias_list == ["Overhand Pull-Up", "Pronated Pull-Up", "Pullups"]
        assert pull_up.level == self.pull_up_before.level == "intermediate"
        assert list(pull_up.steps.values_list("text")) == self.pull_up_steps
        assert not Exercise.objects.filter(name="Pullups").exists()
        seal_row = Exercise.objects.get(slug="barbell-seal-row")
        assert seal_row.source_ref == "free-exercise-db:Seal_Row"
        assert "Seal Row" in seal_row.alias_list  # already there: not added twice
        assert len(seal_row.alias_list) == len(set(seal_row.alias_list))
        assert Exercise.objects.search("pullups").order_by("search_rank")[0] == pull_up

    def test_slugs_are_made_unique(self):
        assert imported("Box_Jump").slug == "box-jump-2"
        assert imported("Rowing_Stationary").slug == "rowing-stationary"

    def test_imported_exercises_are_indexed_and_found(self):
        halo = imported("Kettlebell_Halo")
        assert halo.letter == "K"
        assert halo.search_names == " kettlebellhalo "
        assert " horn" in halo.search_text  # words of the steps
        assert list(Exercise.objects.search("kettlebell halo")) == [halo]

    def test_no_image_is_imported(self):
        for row in Exercise.objects.values():
            assert not any(".jpg" in str(value) for value in row.values())

    def test_pages_answer_with_and_without_steps(self):
        for record_id in ("Kettlebell_Halo", "Box_Jump", "Neck_Flexion_Stretch"):
            response = self.client.get(imported(record_id).get_absolute_url())
            assert response.status_code == 200, record_id
        page = Page(self.client.get("/exercises/kettlebell-halo/").content.decode())
        assert page.h(1) == ["Kettlebell Halo"]
        assert "/exercises/?equipment=kettlebells" in page.links
        assert "/anatomy/deltoids/" in page.links


class SampleFileTests(TestCase):
    """The whole behaviour on 40 real records, shipped with the tests."""

    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.records = json.loads(SAMPLE_FILE.read_text())
        cls.before = Exercise.objects.count()
        cls.report = run_import(SAMPLE_FILE)

    def test_the_sample_covers_what_it_should(self):
        assert len(self.records) == 40
        assert {r["category"] for r in self.records} == {
            "strength",
            "stretching",
            "plyometrics",
            "powerlifting",
            "olympic weightlifting",
            "strongman",
            "cardio",
        }
        equipment = {r["equipment"] for r in self.records}
        assert None in equipment and "other" in equipment and "kettlebells" in equipment
        assert any(not r["instructions"] for r in self.records)
        assert "Pullups" in {r["id"] for r in self.records}

    def test_counts_add_up(self):
        found = counts(self.report)
        assert found == {
            "total": 40,
            "created": 36,
            "updated": 0,
            "matched": 4,
            "skipped": 0,
            "equipment": 8,
            "muscles": 6,
        }
        assert Exercise.objects.count() == self.before + found["created"]
        refs = set(Exercise.objects.values_list("source_ref", flat=True))
        assert {f"free-exercise-db:{r['id']}" for r in self.records} <= refs

    def test_pullups_is_our_pull_up_not_a_duplicate(self):
        pull_up = imported("Pullups")
        assert pull_up.name == "Pull-Up" and pull_up.slug == "pull-up"
        assert "Pullups" in pull_up.alias_list
        assert pull_up.source_hash == ""
        assert not Exercise.objects.filter(name__iexact="pullups").exists()
        linked = Exercise.objects.filter(
            source_ref__startswith="free-exercise-db:", source_hash=""
        )
        assert {e.name for e in linked} == {
            "Pull-Up",
            "Superman",
            "Chin-Up",
            "Barbell Shrug",
        }

    def test_every_record_became_an_exercise_with_its_steps_and_muscles(self):
        for record in self.records:
            exercise = imported(record["id"])
            assert compact_key(exercise.name) == compact_key(record["name"]) or (
                compact_key(record["name"]) in exercise.search_names
            )
            if exercise.source_hash:  # created, not matched
                # Two real records have an empty string among their steps.
                texts = [text for text in record["instructions"] if text.strip()]
                assert list(exercise.steps.values_list("text", flat=True)) == texts
                assert exercise.muscle_links.filter(role=Role.PRIMARY).exists()
                assert exercise.letter and exercise.search_names

    def test_a_second_run_changes_nothing(self):
        before = state()
        report = run_import(SAMPLE_FILE)
        assert counts(report) == {
            "total": 40,
            "created": 0,
            "updated": 0,
            "matched": 0,
            "skipped": 40,
            "equipment": 0,
            "muscles": 0,
        }
        assert state() == before

    def test_a_changed_record_is_updated_on_the_next_run(self):
        records = json.loads(SAMPLE_FILE.read_text())
        row = next(r for r in records if r["id"] == "Alternating_Kettlebell_Row")
        row.update(
            level="expert",
            mechanic=None,
            equipment="dumbbell",
            primaryMuscles=["biceps"],
            secondaryMuscles=["forearms", "lats"],
            instructions=["Brace on the bench.", "Row the dumbbell to your hip."],
            category="strongman",
        )
        pullups = next(r for r in records if r["id"] == "Pullups")
        pullups["level"] = "expert"  # ours: linked, never updated
        exercise = imported("Alternating_Kettlebell_Row")
        others = dict(
            Exercise.objects.exclude(pk=exercise.pk).values_list("pk", "updated_at")
        )
        version = ContentVersion.objects.get().value

        report = run_import(write_file(self, records))

        assert counts(report)["updated"] == 1
        assert counts(report)["skipped"] == 39
        assert counts(report)["created"] == counts(report)["matched"] == 0
        exercise.refresh_from_db()
        assert exercise.name == "Alternating Kettlebell Row"
        assert exercise.slug == "alternating-kettlebell-row"
        assert (exercise.level, exercise.mechanic, exercise.category) == (
            "advanced",
            "",
            "strongman",
        )
        assert exercise.source_hash == record_hash(row)
        assert list(exercise.steps.values_list("number", "text")) == [
            (1, "Brace on the bench."),
            (2, "Row the dumbbell to your hip."),
        ]
        assert slugs(exercise.equipment) == ["dumbbells"]
        assert roles(exercise) == {
            "biceps-brachii": Role.PRIMARY,
            "forearm-flexors": Role.SECONDARY,
            "latissimus-dorsi": Role.SECONDARY,
        }
        assert slugs(exercise.muscle_groups) == ["arm"]
        assert (
            " dumbbell" in exercise.search_text
            and " kettlebell" in exercise.search_text
        )
        assert (
            dict(
                Exercise.objects.exclude(pk=exercise.pk).values_list("pk", "updated_at")
            )
            == others
        )
        assert imported("Pullups").level == "intermediate"
        assert ContentVersion.objects.get().value > version
        # And the run after that has nothing left to do.
        assert counts(run_import(write_file(self, records)))["skipped"] == 40

    def test_a_dry_run_reports_and_writes_nothing(self):
        records = json.loads(SAMPLE_FILE.read_text())
        records[0]["level"] = "expert"
        before = state()
        report = run_import(write_file(self, records), "--dry-run")
        assert report == (
            "Dry run, nothing written. Would import 40 records: 0 created, 1 updated, "
            "0 matched to existing exercises, 39 skipped; created 0 equipment items "
            "and 0 muscles."
        )
        assert state() == before

    def test_the_list_and_its_equipment_filter_show_the_imported_exercises(self):
        names, body = listed(self.client)
        assert len(names) == 48
        assert f"<strong>{Exercise.objects.count()}</strong> exercises" in body
        names, body = listed(self.client, "?equipment=kettlebells")
        expected = sorted(
            Exercise.objects.using_equipment(["kettlebells"]).values_list(
                "name", flat=True
            )
        )
        assert len(expected) == 5
        assert names == expected
        assert "One-Arm Kettlebell Swings" in names

    def test_every_imported_page_answers(self):
        for exercise in Exercise.objects.filter(source_ref__startswith="free"):
            response = self.client.get(exercise.get_absolute_url())
            assert response.status_code == 200, exercise.slug


class ImportInvalidatesCachedPagesTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_list_shows_the_import_at_once(self):
        _, body = listed(self.client)
        assert f"<strong>{FIXTURE_EXERCISES}</strong> exercises" in body
        run_import(SAMPLE_FILE)
        _, body = listed(self.client)
        assert f"<strong>{FIXTURE_EXERCISES + 36}</strong> exercises" in body


@pytest.mark.skipif(not REAL_FILE.exists(), reason=f"{REAL_FILE} is not here")
class RealFileTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.records = json.loads(REAL_FILE.read_text())
        cls.report = run_import(REAL_FILE)

    def test_every_record_is_imported_or_matched(self):
        found = counts(self.report)
        assert found["total"] == len(self.records) == 873
        assert found["created"] + found["matched"] == 873
        assert found["updated"] == found["skipped"] == 0
        assert (found["equipment"], found["muscles"]) == (8, 6)
        assert Exercise.objects.count() == FIXTURE_EXERCISES + found["created"]
        assert (
            Exercise.objects.filter(source_ref__startswith="free-exercise-db:").count()
            == 873
        )
        linked = Exercise.objects.filter(
            source_ref__startswith="free-exercise-db:", source_hash=""
        )
        assert linked.count() == found["matched"]
        assert not Exercise.objects.filter(letter="").exists()

    def test_pullups_is_matched_to_our_pull_up(self):
        pull_up = imported("Pullups")
        assert pull_up.slug == "pull-up"
        assert "Pullups" in pull_up.alias_list
        assert not Exercise.objects.filter(name="Pullups").exists()

    def test_a_second_run_reports_nothing_new_and_changes_nothing(self):
        before = state()
        found = counts(run_import(REAL_FILE))
        assert (found["created"], found["updated"], found["matched"]) == (0, 0, 0)
        assert found["skipped"] == 873
        assert state() == before

    def test_the_list_still_answers_and_filters_by_new_equipment(self):
        names, body = listed(self.client)
        assert len(names) == 48
        names, body = listed(self.client, "?equipment=kettlebells")
        kettlebell = sorted(
            Exercise.objects.using_equipment(["kettlebells"]).values_list(
                "name", flat=True
            )
        )
        assert len(kettlebell) == 53
        assert names == kettlebell[:48]
        assert f"of <strong>{len(kettlebell)}</strong> exercises" in body


class MalformedFileTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.good = json.loads(SAMPLE_FILE.read_text())

    def records(self, **changes):
        """The sample, with {index: {key: value}} changes (None deletes a key)."""
        records = json.loads(json.dumps(self.good))
        for index, fields in changes.items():
            for key, value in fields.items():
                if value is None:
                    del records[int(index.removeprefix("r"))][key]
                else:
                    records[int(index.removeprefix("r"))][key] = value
        return records

    def assert_refused(self, content, *fragments):
        before = state()
        path = write_file(self, content)
        for options in ((), ("--dry-run",)):
            with pytest.raises(CommandError) as error:
                run_import(path, *options)
            for fragment in fragments:
                assert fragment in str(error.value)
        assert state() == before
        return str(error.value)

    def label(self, index):
        return f"Record {index} (id {self.good[index]['id']!r}): "

    def test_not_json(self):
        self.assert_refused('[{"id": "A",', "is not valid JSON")
        self.assert_refused("", "is not valid JSON")

    def test_not_a_list(self):
        self.assert_refused(
            {"exercises": self.good},
            "must hold a JSON array of exercises, not an object",
        )

    def test_an_item_that_is_not_an_object_even_the_last(self):
        message = self.assert_refused(
            [*self.good, ["Pullups"]], "Record 40: must be an object, not an array."
        )
        assert message.startswith("Record 40")

    def test_a_missing_required_key(self):
        self.assert_refused(
            self.records(r3={"level": None}),
            self.label(3) + "missing required key 'level'.",
        )
        self.assert_refused(
            self.records(r0={"id": None}),
            "Record 0 (no valid id): missing required key 'id'.",
        )

    def test_a_wrong_type(self):
        self.assert_refused(
            self.records(r5={"name": 5}),
            self.label(5) + "'name' must be a string, not a number.",
        )
        self.assert_refused(
            self.records(r6={"instructions": "Pull."}),
            self.label(6) + "'instructions' must be an array, not a string.",
        )
        self.assert_refused(
            self.records(r7={"secondaryMuscles": ["lats", 7]}),
            self.label(7) + "'secondaryMuscles' item 1 must be a string, not a number.",
        )
        self.assert_refused(
            self.records(r8={"force": True}),
            self.label(8) + "'force' must be a string or null, not a boolean.",
        )

    def test_a_value_outside_the_enums(self):
        self.assert_refused(
            self.records(r12={"level": "pro"}),
            self.label(12)
            + "'level' must be one of beginner, intermediate, expert, not 'pro'.",
        )
        self.assert_refused(
            self.records(r2={"equipment": "trampoline"}),
            self.label(2)
            + "'equipment' must be one of null, other, barbell, dumbbell,",
        )
        self.assert_refused(
            self.records(r9={"primaryMuscles": ["wings"]}),
            self.label(9) + "'primaryMuscles' item 0 must be one of abdominals,",
        )
        self.assert_refused(
            self.records(r1={"category": "yoga"}),
            self.label(1) + "'category' must be one of",
        )
        self.assert_refused(
            self.records(r1={"force": "pushpull"}),
            self.label(1) + "'force' must be one of",
        )

    def test_an_id_that_does_not_match_the_pattern(self):
        self.assert_refused(
            self.records(r4={"id": "Air Bike!"}),
            "Record 4 (id 'Air Bike!'): 'id' must match ^[0-9a-zA-Z_-]+$",
        )
        self.assert_refused(
            self.records(r4={"id": "Air_Bike\n"}),
            "Record 4 (id 'Air_Bike\\n'): 'id' must match",
        )

    def test_duplicate_ids(self):
        duplicate = self.good[2]["id"]
        self.assert_refused(
            self.records(r10={"id": duplicate}),
            f"Record 10 (id {duplicate!r}): duplicate id, already used by record 2.",
        )

    def test_a_name_longer_than_120_characters(self):
        self.assert_refused(
            self.records(r11={"name": "Row " * 31}),
            self.label(11) + "'name' is 123 characters long, longer than 120.",
        )
        self.assert_refused(
            self.records(r11={"name": "  "}), self.label(11) + "'name' is empty."
        )

    def test_several_problems_are_all_named(self):
        message = self.assert_refused(
            self.records(r1={"level": "pro"}, r30={"mechanic": 3}),
            "has 2 problems; nothing was imported.",
            self.label(1),
            self.label(30) + "'mechanic' must be a string or null, not a number.",
        )
        assert len(message.splitlines()) == 3

    def test_a_missing_file(self):
        with pytest.raises(
            CommandError, match="No such file: /nonexistent/exercises.json"
        ):
            run_import("/nonexistent/exercises.json")

    def test_a_name_another_exercise_holds_refuses_the_whole_file(self):
        # "Pullups" links our Pull-Up, so a second record named "Pull-Up" can be
        # neither matched nor created.
        records = [*self.good, source_record("Pull_Up", "Pull-Up")]
        self.assert_refused(
            records,
            "Record 40 (id 'Pull_Up'): an exercise named 'Pull-Up' already exists",
        )
