"""catalogue/importer (the package) through ``import_exercises``: the real sample.

The sample is 40 real free-exercise-db records shipped in tests/data/, so these
tests always run; what the whole data set needs from our vocabulary is checked
against the translation table in test_importer_plan.py.
"""

from django.test import TestCase

from catalogue.importer import record_hash
from catalogue.models import Exercise, Role
from catalogue.search import compact_key
from catalogue.selection import Selection
from core.models import ContentVersion
from tests.catalogue.import_helpers import (
    FIXTURE_EXERCISES,
    SAMPLE_FILE,
    counts,
    import_content,
    imported,
    listed,
    roles,
    run_import,
    sample_records,
    slugs,
    state,
)
from tests.utils import ALL_FIXTURES


class SampleFileTests(TestCase):
    """The whole behaviour on 40 real records."""

    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        cls.records = sample_records()
        cls.before = Exercise.objects.count()
        cls.report = run_import(SAMPLE_FILE)

    def test_the_sample_covers_every_category_null_and_other_equipment_and_no_steps(
        self,
    ):
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

    def test_every_record_is_created_or_matched_and_the_counts_add_up(self):
        found = counts(self.report)
        assert found == {
            "total": 40,
            "created": 36,
            "updated": 0,
            "matched": 4,
            "skipped": 0,
        }
        assert Exercise.objects.count() == self.before + found["created"]
        refs = set(Exercise.objects.values_list("source_ref", flat=True))
        assert {f"free-exercise-db:{r['id']}" for r in self.records} <= refs
        linked = Exercise.objects.filter(
            source_ref__startswith="free-exercise-db:", source_hash=""
        )
        assert linked.count() == found["matched"]
        assert not Exercise.objects.filter(letter="").exists()

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

    def test_a_second_run_skips_every_record_and_changes_nothing(self):
        before = state()
        report = run_import(SAMPLE_FILE)
        assert counts(report) == {
            "total": 40,
            "created": 0,
            "updated": 0,
            "matched": 0,
            "skipped": 40,
        }
        assert state() == before

    def test_a_changed_record_is_updated_on_the_next_run_and_nothing_else(self):
        records = sample_records()
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
        step_one = exercise.steps.get(number=1).pk
        others = dict(
            Exercise.objects.exclude(pk=exercise.pk).values_list("pk", "updated_at")
        )
        version = ContentVersion.objects.get().value

        report = import_content(self, records)

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
        assert exercise.steps.get(number=1).pk == step_one  # edited in place
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
        assert counts(import_content(self, records))["skipped"] == 40

    def test_a_dry_run_reports_and_writes_nothing(self):
        records = sample_records()
        records[0]["level"] = "expert"
        before = state()
        report = import_content(self, records, "--dry-run")
        assert report == (
            "Dry run, nothing written. Would import 40 records: 0 created, 1 updated, "
            "0 matched to existing exercises, 39 skipped."
        )
        assert state() == before

    def test_the_list_and_its_equipment_filter_show_the_imported_exercises(self):
        names, body = listed(self.client)
        assert len(names) == 48
        assert f"<strong>{Exercise.objects.count()}</strong> exercises" in body
        names, body = listed(self.client, "?equipment=kettlebells")
        expected = sorted(
            Exercise.objects.matching(
                Selection(equipment=("kettlebells",))
            ).values_list("name", flat=True)
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
