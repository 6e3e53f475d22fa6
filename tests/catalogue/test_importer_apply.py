"""catalogue/importer/apply.py: how each record is written, on hand-written records."""

import json

from django.test import TestCase

from anatomy.models import Muscle
from catalogue.importer import record_hash
from catalogue.models import Equipment, Exercise, Role
from tests.catalogue.import_helpers import (
    import_content,
    imported,
    roles,
    run_import,
    slugs,
    source_record,
)
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES, ROOT, Page

# Records of free-exercise-db's shape written for the cases the sample lacks.
HAND_WRITTEN_FILE = ROOT / "tests" / "data" / "free-exercise-db-hand-written.json"
HAND_WRITTEN = json.loads(HAND_WRITTEN_FILE.read_text(encoding="utf-8"))


class HandWrittenFileTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        # Takes the slug "box-jump" without matching the record by name.
        make_exercise("Box Jumping", slug="box-jump", source_ref="elsewhere:box-jump")
        cls.pull_up_before = Exercise.objects.get(slug="pull-up")
        cls.pull_up_steps = list(cls.pull_up_before.steps.values_list("text"))
        cls.vocabulary_before = (
            list(Equipment.objects.order_by("pk").values_list("pk", "slug")),
            list(Muscle.objects.order_by("pk").values_list("pk", "slug")),
        )
        cls.report = run_import(HAND_WRITTEN_FILE)

    def test_the_report_counts_each_outcome(self):
        assert self.report == (
            "Imported 9 records: 7 created, 0 updated, 2 matched to existing "
            "exercises, 0 skipped."
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

    def test_a_new_exercise_gets_the_movement_pattern_its_name_says(self):
        from catalogue.patterns import pattern_for

        for record in HAND_WRITTEN:
            exercise = Exercise.objects.filter(
                source_ref=f"free-exercise-db:{record['id']}"
            ).first()
            if exercise and exercise.source_hash:  # created, not matched to ours
                assert exercise.pattern == pattern_for(record), record["id"]
        assert imported("Sumo_Deadlift").pattern == "hip-hinge"

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

    def test_equipment_is_the_fixtures_item_or_none_for_other_and_null(self):
        assert slugs(imported("Kettlebell_Halo").equipment) == ["kettlebells"]
        assert slugs(imported("Sumo_Deadlift").equipment) == ["barbell"]
        assert slugs(imported("Rowing_Stationary").equipment) == ["weight-machine"]
        assert not imported("Box_Jump").equipment.exists()  # "other"
        assert not imported("Neck_Flexion_Stretch").equipment.exists()  # null

    def test_no_equipment_or_muscle_is_created_or_changed(self):
        assert (
            list(Equipment.objects.order_by("pk").values_list("pk", "slug")),
            list(Muscle.objects.order_by("pk").values_list("pk", "slug")),
        ) == self.vocabulary_before

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

    def test_muscle_worked_tags_are_the_groups_of_the_primary_muscles(self):
        assert slugs(imported("Kettlebell_Halo").muscle_groups) == ["shoulder"]
        assert slugs(imported("Power_Clean_From_Blocks").muscle_groups) == [
            "back",
            "legs",
        ]
        assert slugs(imported("Neck_Flexion_Stretch").muscle_groups) == ["back"]

    def test_our_exercises_are_linked_through_names_and_aliases_not_overwritten(self):
        # The file's last two records: "Pull-Up" by its name, "Barbell Seal Row"
        # by an alias.
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

    def test_a_name_with_no_letters_takes_its_slug_from_the_id_cut_to_fit(self):
        long_id = "A" * 143  # the longest id source_ref holds
        import_content(
            self, [source_record("Dots", "..."), source_record(long_id, "!!!")]
        )
        assert imported("Dots").slug == "dots"
        slug = imported(long_id).slug
        assert slug == "a" * 140
        assert len(slug) == Exercise._meta.get_field("slug").max_length
