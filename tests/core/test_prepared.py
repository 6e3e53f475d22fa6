"""core.prepared: a queryset compiled once, run again with another value."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections
from django.db.models.sql.query import Query
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext

from catalogue.models import Equipment, Exercise
from core.prepared import PreparedLookup
from curation.models import ExerciseReview
from tests.factories import make_exercise


def with_review_and_steps(slug):
    """The exercise page's query: a join and an annotation to come out right."""
    return Exercise.objects.for_exercise_page().filter(slug=slug)


class PreparedLookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.row = make_exercise("Seal Row", steps=["Lie face down.", "Row."])
        ExerciseReview.objects.create(exercise=cls.row, reviewer="A. Coach")
        make_exercise("Pendlay Row")

    def test_each_value_gets_its_own_row_as_the_queryset_reads_it(self):
        lookup = PreparedLookup(Exercise, with_review_and_steps)
        for slug in ("seal-row", "pendlay-row", "seal-row"):
            with CaptureQueriesContext(connection) as queries:
                found = lookup.first(slug)
                steps = sorted(found.step_rows)
                review = getattr(found, "review", None)
            expected = with_review_and_steps(slug).get()
            assert len(queries) == 1, slug
            assert found.pk == expected.pk and found.name == expected.name
            assert found.published_at == expected.published_at  # converted, aware
            assert steps == sorted(expected.step_rows)
            assert (review and review.reviewer) == (
                "A. Coach" if slug == "seal-row" else None
            )

    def test_the_sql_is_compiled_once_and_then_only_run(self):
        lookup = PreparedLookup(Exercise, with_review_and_steps)
        assert lookup.first("seal-row").name == "Seal Row"
        compile_again = mock.patch.object(
            Query, "get_compiler", side_effect=AssertionError("compiled again")
        )
        with compile_again:
            assert lookup.first("pendlay-row").name == "Pendlay Row"

    def test_a_value_that_matches_nothing_gives_none(self):
        lookup = PreparedLookup(Exercise, with_review_and_steps)
        assert lookup.first("no-such-row") is None

    def test_a_hostile_value_is_data_not_sql(self):
        lookup = PreparedLookup(Exercise, with_review_and_steps)
        assert lookup.first("x' OR '1'='1") is None
        assert lookup.first('seal-row"; DROP TABLE catalogue_exercise; --') is None
        assert Exercise.objects.count() == 2

    def test_a_query_with_another_parameter_is_refused(self):
        lookup = PreparedLookup(
            Exercise, lambda slug: Exercise.objects.filter(slug=slug, level="beginner")
        )
        with pytest.raises(ValueError, match="only parameter"):
            lookup.first("seal-row")

    def test_a_query_of_another_model_is_refused(self):
        lookup = PreparedLookup(
            Equipment, lambda slug: Exercise.objects.filter(slug=slug)
        )
        with pytest.raises(
            ValueError, match="not <class 'catalogue.models.Equipment'>"
        ):
            lookup.first("seal-row")


class PreparedLookupThreadTests(TransactionTestCase):
    def test_another_thread_runs_it_on_its_own_connection(self):
        make_exercise("Meadows Row")
        lookup = PreparedLookup(Exercise, with_review_and_steps)
        assert lookup.first("meadows-row").name == "Meadows Row"  # compiled here
        seen = {}

        def read():
            try:
                with CaptureQueriesContext(connections["default"]) as queries:
                    seen["name"] = lookup.first("meadows-row").name
                seen["queries"] = len(queries)
            finally:
                connections.close_all()

        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
        assert seen == {"name": "Meadows Row", "queries": 1}
