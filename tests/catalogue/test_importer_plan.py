"""catalogue/importer/plan.py: the vocabulary a file needs, and name conflicts."""

from django.test import TestCase

from anatomy.models import Muscle
from catalogue.importer.vocabulary import EQUIPMENT, MUSCLES
from catalogue.models import Equipment
from tests.catalogue.import_helpers import (
    SAMPLE_FILE,
    assert_refused,
    counts,
    import_content,
    sample_records,
    source_record,
)
from tests.utils import ALL_FIXTURES


class PlanTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_fixtures_hold_every_item_the_translation_table_names(self):
        # The table covers every value of the source's schema, so this is all
        # that the whole free-exercise-db data set can need.
        equipment = {slug for slug in EQUIPMENT.values() if slug}
        muscles = {slug for slugs in MUSCLES.values() for slug in slugs}
        assert len(equipment) == 11 and len(muscles) == 18
        assert (
            set(
                Equipment.objects.filter(slug__in=equipment).values_list(
                    "slug", flat=True
                )
            )
            == equipment
        )
        for muscle in Muscle.objects.filter(slug__in=muscles):
            assert muscle.group_id, f"{muscle.slug} is a group, not a specific muscle"
            assert muscle.location and muscle.function and muscle.description
        assert Muscle.objects.filter(slug__in=muscles).count() == len(muscles)
        for item in Equipment.objects.filter(slug__in=equipment):
            assert item.description, item.slug

    def test_missing_equipment_is_refused_naming_it_and_the_records_needing_it(self):
        Equipment.objects.get(slug="kettlebells").delete()
        message = assert_refused(
            self,
            SAMPLE_FILE,
            "The database has no equipment 'kettlebells' (the source's "
            "'kettlebells'), needed by Record 5 (id 'Advanced_Kettlebell_Windmill'), "
            "Record 10 (id 'Alternating_Hang_Clean'), Record 11 (id "
            "'Alternating_Kettlebell_Row') and 2 more.",
            "They come from the fixtures: load them (manage.py loadcontent",
        )
        assert message.count("\n") == 1  # one problem, then the advice

    def test_a_missing_muscle_is_refused_naming_it_and_the_records_needing_it(self):
        Muscle.objects.get(slug="neck-muscles").delete()
        assert_refused(
            self,
            SAMPLE_FILE,
            "The database has no muscle 'neck-muscles' (the source's 'neck'), "
            "needed by Record 27 (id 'Chin_To_Chest_Stretch').",
        )

    def test_a_muscle_that_is_only_a_group_is_refused(self):
        Muscle.objects.filter(slug="calves").update(group=None)
        assert_refused(
            self,
            [source_record("Calf_Raise", "Calf Raise", primaryMuscles=["calves"])],
            "The database has 'calves' only as a muscle group, not a specific "
            "muscle (the source's 'calves'), needed by Record 0 (id 'Calf_Raise').",
        )

    def test_every_missing_item_is_named_at_once(self):
        Equipment.objects.filter(slug__in=["kettlebells", "resistance-band"]).delete()
        Muscle.objects.filter(slug="neck-muscles").delete()
        assert_refused(
            self,
            SAMPLE_FILE,
            "has 3 problems; nothing was imported.",
            "no equipment 'kettlebells'",
            "no equipment 'resistance-band' (the source's 'bands')",
            "no muscle 'neck-muscles'",
        )

    def test_a_new_record_named_as_a_linked_exercise_refuses_the_whole_file(self):
        # "Pullups" links our Pull-Up, so a second record named "Pull-Up" can be
        # neither matched nor created.
        records = [*sample_records(), source_record("Pull_Up", "Pull-Up")]
        assert_refused(
            self,
            records,
            "Record 40 (id 'Pull_Up'): an exercise named 'Pull-Up' already exists",
        )

    def test_a_changed_record_may_not_take_another_exercises_name(self):
        records = sample_records()
        assert counts(import_content(self, records))["created"] == 36
        records[0]["name"] = "Dumbbell Shrug"  # one of ours
        assert_refused(
            self,
            records,
            f"Record 0 (id {records[0]['id']!r}): cannot rename its exercise to "
            "'Dumbbell Shrug', another exercise already has that name.",
        )

    def test_two_records_matching_the_same_exercise_of_ours_refuse_the_file(self):
        records = [
            source_record("Seal_Row", "seal row"),
            source_record("Seal_Row_2", "Barbell Seal Row"),  # ours by name, taken
        ]
        assert_refused(
            self,
            records,
            "Record 1 (id 'Seal_Row_2'): an exercise named 'Barbell Seal Row' "
            "already exists",
        )
