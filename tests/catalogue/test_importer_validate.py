"""catalogue/importer/validate.py: records refused, naming each, changing nothing."""

from django.test import TestCase

from catalogue.importer.errors import MAX_REPORTED_ERRORS
from catalogue.importer.validate import MAX_STEP_LENGTH
from catalogue.models import MAX_STEPS
from tests.catalogue.import_helpers import (
    assert_refused,
    import_new,
    sample_records,
    source_record,
)
from tests.utils import ALL_FIXTURES


class ValidateTests(TestCase):
    fixtures = ALL_FIXTURES

    def records(self, changes):
        """A fresh copy of the sample, with {index: {key: value}} changes (None
        deletes a key)."""
        records = sample_records()
        for index, fields in changes.items():
            for key, value in fields.items():
                if value is None:
                    del records[index][key]
                else:
                    records[index][key] = value
        return records

    def label(self, index):
        return f"Record {index} (id {sample_records()[index]['id']!r}): "

    def assert_record_refused(self, index, fields, *problems):
        """The sample with ``fields`` changed in record ``index`` is refused, naming
        each problem after the record; return the message."""
        return assert_refused(
            self,
            self.records({index: fields}),
            *(self.label(index) + problem for problem in problems),
        )

    def test_a_top_level_that_is_not_an_array_is_refused(self):
        assert_refused(
            self,
            {"exercises": sample_records()},
            "must hold a JSON array of exercises, not an object",
        )
        assert_refused(self, '"Pullups"', "not a string")
        assert_refused(self, "null", "not null")

    def test_a_record_that_is_not_an_object_is_refused_even_the_last(self):
        message = assert_refused(
            self,
            [*sample_records(), ["Pullups"]],
            "Record 40: must be an object, not an array.",
        )
        assert message.startswith("Record 40")
        assert_refused(self, [*sample_records(), None], "Record 40: must be an object")

    def test_a_missing_required_key_is_named(self):
        self.assert_record_refused(3, {"level": None}, "missing required key 'level'.")
        assert_refused(
            self,
            self.records({0: {"id": None}}),
            "Record 0 (no valid id): missing required key 'id'.",
        )

    def test_a_wrong_type_is_named_with_the_type_expected(self):
        self.assert_record_refused(
            5, {"name": 5}, "'name' must be a string, not a number."
        )
        self.assert_record_refused(
            6,
            {"instructions": "Pull."},
            "'instructions' must be an array, not a string.",
        )
        self.assert_record_refused(
            7,
            {"secondaryMuscles": ["lats", 7]},
            "'secondaryMuscles' item 1 must be a string, not a number.",
        )
        self.assert_record_refused(
            8, {"force": True}, "'force' must be a string or null, not a boolean."
        )

    def test_a_value_outside_the_sources_vocabulary_is_named_with_the_choices(self):
        self.assert_record_refused(
            12,
            {"level": "pro"},
            "'level' must be one of beginner, intermediate, expert, not 'pro'.",
        )
        self.assert_record_refused(
            2,
            {"equipment": "trampoline"},
            "'equipment' must be one of null, other, barbell, dumbbell,",
        )
        self.assert_record_refused(
            9,
            {"primaryMuscles": ["wings"]},
            "'primaryMuscles' item 0 must be one of abdominals,",
        )
        self.assert_record_refused(1, {"category": "yoga"}, "'category' must be one of")
        self.assert_record_refused(1, {"force": "pushpull"}, "'force' must be one of")

    def test_a_huge_wrong_value_is_cut_short_in_the_message(self):
        message = assert_refused(
            self,
            self.records({1: {"level": "x" * 100_000}}),
            self.label(1) + "'level' must be one of",
            "... (100,000 characters).",
        )
        assert len(message) < 500

    def test_an_id_that_does_not_match_the_pattern_is_refused(self):
        assert_refused(
            self,
            self.records({4: {"id": "Air Bike!"}}),
            "Record 4 (id 'Air Bike!'): 'id' must match ^[0-9a-zA-Z_-]+$",
        )
        assert_refused(
            self,
            self.records({4: {"id": "Air_Bike\n"}}),
            "Record 4 (id 'Air_Bike\\n'): 'id' must match",
        )

    def test_an_id_longer_than_the_import_reference_holds_is_refused(self):
        assert_refused(
            self,
            self.records({4: {"id": "A" * 144}}),
            "Record 4 (id 'AAAA",
            "'id' is longer than 143 characters.",
        )

    def test_duplicate_ids_are_refused_naming_the_first(self):
        duplicate = sample_records()[2]["id"]
        assert_refused(
            self,
            self.records({10: {"id": duplicate}}),
            f"Record 10 (id {duplicate!r}): duplicate id, already used by record 2.",
        )

    def test_duplicate_names_are_refused_naming_the_first(self):
        name = sample_records()[2]["name"]
        # The same once trimmed and capitalised, as the exercise would be.
        self.assert_record_refused(
            10,
            {"name": f"  {name[0].lower()}{name[1:]} "},
            f"duplicate name {name!r}, already used by record 2.",
        )

    def test_a_name_longer_than_120_characters_or_empty_is_refused(self):
        self.assert_record_refused(
            11, {"name": "Row " * 31}, "'name' is 123 characters long, longer than 120."
        )
        self.assert_record_refused(11, {"name": "  "}, "'name' is empty.")

    def test_control_characters_and_lone_surrogates_in_texts_are_refused(self):
        for name in ("Row\x00", "Row\nBack", "Row \ud800"):
            self.assert_record_refused(
                11, {"name": name}, "'name' contains a control or invalid character."
            )
        for text in ("Pull\x00.", "Pull \udfff."):
            self.assert_record_refused(
                13,
                {"instructions": ["Hold.", text]},
                "'instructions' item 1 contains a control or invalid character.",
            )

    def test_more_steps_than_an_exercise_may_have_are_refused(self):
        too_many = [f"Step {n}." for n in range(MAX_STEPS + 1)]
        self.assert_record_refused(
            14,
            {"instructions": too_many},
            f"'instructions' has {MAX_STEPS + 1} steps, more than the 99 an "
            "exercise may have.",
        )

    def test_a_step_longer_than_the_limit_is_refused(self):
        self.assert_record_refused(
            15,
            {"instructions": ["Hold.", "x" * (MAX_STEP_LENGTH + 1)]},
            "'instructions' item 1 is 5,001 characters long, longer than 5,000.",
        )

    def test_several_problems_are_all_named(self):
        message = assert_refused(
            self,
            self.records({1: {"level": "pro"}, 30: {"mechanic": 3}}),
            "has 2 problems; nothing was imported.",
            self.label(1),
            self.label(30) + "'mechanic' must be a string or null, not a number.",
        )
        assert len(message.splitlines()) == 3

    def test_many_problems_are_counted_and_the_first_ones_named(self):
        records = [
            source_record(f"Row_{n}", f"Row {n}", level="pro") for n in range(50)
        ]
        message = assert_refused(
            self, records, "has 50 problems; nothing was imported.", "...and 30 more."
        )
        assert len(message.splitlines()) == 1 + MAX_REPORTED_ERRORS + 1

    def test_a_hundred_thousand_bad_records_are_counted_and_twenty_named(self):
        for bad in ({}, 1):
            message = assert_refused(
                self,
                [bad] * 100_000,
                "has 100,000 problems; nothing was imported.",
                "Record 19",
                "...and 99,980 more.",
            )
            assert "Record 20" not in message
            assert len(message.splitlines()) == 1 + MAX_REPORTED_ERRORS + 1

    def test_a_list_of_many_bad_items_names_three_and_counts_the_rest(self):
        message = self.assert_record_refused(
            3,
            {"instructions": ["Pull\x00."] * 50, "images": [1] * 9},
            "'instructions' item 2 contains a control or invalid",
            "'instructions' has 47 more such problems.",
            "'images' item 2 must be a string, not a number.",
            "'images' has 6 more such problems.",
        )
        assert "item 3 " not in message

    def test_the_most_steps_and_the_longest_step_allowed_are_imported(self):
        steps = [f"Step {n}." for n in range(1, MAX_STEPS + 1)]
        steps[-1] = "x" * MAX_STEP_LENGTH
        record = source_record("Long_Row", "Long Row", instructions=[*steps, " "])
        exercise = import_new(self, [record], "Long_Row")
        texts = list(exercise.steps.values_list("text", flat=True))
        assert len(texts) == MAX_STEPS and texts[-1] == "x" * MAX_STEP_LENGTH

    def test_line_breaks_around_a_name_are_trimmed_not_refused(self):
        record = source_record("Trim_Row", "\n trim Row\t\n")
        assert import_new(self, [record], "Trim_Row").name == "Trim Row"

    def test_a_lone_surrogate_in_a_key_we_do_not_store_is_harmless(self):
        record = source_record("Odd_Row", "Odd Row", images=["\ud800.jpg"])
        import_new(self, [record], "Odd_Row")
