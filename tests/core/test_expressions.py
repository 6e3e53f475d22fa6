"""core.expressions: related rows read in the row's own query."""

from unittest import mock

import pytest
from django.db import NotSupportedError, connection
from django.test import TestCase

from catalogue.models import Exercise
from core.expressions import RelatedRows
from tests.factories import make_exercise


class RelatedRowsTests(TestCase):
    def with_steps(self):
        return Exercise.objects.annotate(
            steps_read=RelatedRows("steps", "number", "text")
        ).order_by("name")

    def test_each_row_gets_its_own_related_values_in_one_query(self):
        make_exercise("Row A", steps=["Pull.", "Lower."])
        make_exercise("Row B", steps=["Hinge."])
        with self.assertNumQueries(1):
            read = {e.name: sorted(e.steps_read) for e in self.with_steps()}
        assert read == {
            "Row A": [[1, "Pull."], [2, "Lower."]],
            "Row B": [[1, "Hinge."]],
        }

    def test_a_row_without_related_rows_gets_an_empty_list(self):
        make_exercise("Row C", steps=0)
        assert self.with_steps().get().steps_read == []

    def test_text_comes_back_exactly_as_stored(self):
        text = 'Say "brace", then \\ exhale; 10–15 reps\nat 60 % 💪 <b>slowly</b>.'
        make_exercise("Row D", steps=[text])
        assert self.with_steps().get().steps_read == [[1, text]]

    def test_a_database_without_a_json_aggregate_is_refused_by_name(self):
        with mock.patch.object(connection, "vendor", "oracle"):
            with pytest.raises(NotSupportedError, match="not oracle"):
                str(self.with_steps().query)
