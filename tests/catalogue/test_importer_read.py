"""catalogue/importer/read.py: files refused before their records are looked at."""

import json
import os

from django.test import TestCase

from catalogue.importer.read import MAX_DEPTH, MAX_FILE_BYTES
from tests.catalogue.import_helpers import (
    assert_refused,
    import_new,
    sample_records,
    source_record,
    temporary_folder,
)
from tests.utils import ALL_FIXTURES

HOSTILE_DEPTH = 100_000  # far past Python's recursion limit


class ReadTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_a_file_that_is_not_json_is_refused(self):
        assert_refused(self, '[{"id": "A",', "is not valid JSON")
        assert_refused(self, "", "is not valid JSON")
        assert_refused(self, b"[\xff\xfe\xfd]", "is not valid JSON")

    def test_a_number_too_long_to_convert_is_refused_as_not_json(self):
        records = sample_records()
        text = json.dumps(records).replace('"level": "beginner"', '"x": 1', 1)
        assert_refused(self, text.replace('"x": 1', '"x": ' + "9" * 5_000, 1), "JSON")

    def test_a_missing_file_is_refused(self):
        path = temporary_folder(self) / "nonexistent.json"
        assert_refused(self, path, f"No such file: {path}")

    def test_a_folder_is_refused(self):
        assert_refused(self, temporary_folder(self), "Cannot read")

    def test_a_file_over_the_size_limit_is_refused_before_it_is_read(self):
        path = temporary_folder(self) / "huge.json"
        with path.open("wb") as file:
            file.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written, not JSON
        assert os.path.getsize(path) == MAX_FILE_BYTES + 1
        message = assert_refused(self, path, "more than the 20,971,520 bytes")
        assert "20,971,521 bytes" in message and "JSON" not in message

    def test_a_utf8_file_with_a_byte_order_mark_is_read(self):
        record = source_record("Bom_Row", "Bom Row")
        content = "\ufeff".encode() + json.dumps([record]).encode()
        import_new(self, content, "Bom_Row")

    def test_a_record_nested_past_python_s_recursion_limit_is_refused_by_index(self):
        good = [source_record(f"Row_{n}", f"Row {n}") for n in range(3)]
        text = json.dumps(good)[:-1]
        deep = "[" * HOSTILE_DEPTH + "]" * HOSTILE_DEPTH
        text += ', {"id": "Deep", "extra": ' + deep + "}]"
        message = assert_refused(
            self, text, "record 3 (character", f"more than {MAX_DEPTH} levels deep"
        )
        assert "RecursionError" not in message

    def test_a_top_level_nested_past_the_limit_is_refused(self):
        assert_refused(
            self, "[" * HOSTILE_DEPTH + "]" * HOSTILE_DEPTH, "record 0 (character"
        )
        assert_refused(
            self,
            '{"a": ' * HOSTILE_DEPTH + "1" + "}" * HOSTILE_DEPTH,
            "the content at character 60",  # the 11th {, 6 characters each
        )

    def test_nesting_within_the_limit_and_brackets_in_text_are_accepted(self):
        within = "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)
        record = source_record(
            "Bracket_Row", "Bracket Row", instructions=["[[[[[[[[[[[[ {{{{{{{{{{{{ \\"]
        )
        text = json.dumps([record])[:-2] + ', "extra": ' + within + "}]"
        exercise = import_new(self, text, "Bracket_Row")
        assert list(exercise.steps.values_list("text", flat=True)) == [
            "[[[[[[[[[[[[ {{{{{{{{{{{{ \\"
        ]
