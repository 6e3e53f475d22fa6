"""Searches answered from the keys the facet index holds are the database's own
answer (rows, ranks, order, count), on every page of the list, at scale."""

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import TestCase

from catalogue.browse import Browse
from catalogue.facet_index import current_index
from catalogue.facets import PageRows, search_ranks
from catalogue.generate import generate_exercises
from catalogue.models import Exercise
from tests.utils import ALL_FIXTURES

QUERIES = [
    "row",
    "rows",
    "pull up",
    "pull-ups",
    "chin",
    "the",
    "e",
    "alpha row 00001",
    "barbell row",
    "zzzz",
    "!!!",
    "Crème press",
]


class SearchAtScaleTests(TestCase):
    fixtures = ALL_FIXTURES

    @classmethod
    def setUpTestData(cls):
        generate_exercises(1_500)

    def test_each_searchs_matches_and_ranks_are_the_databases(self):
        index = current_index()
        for query in QUERIES:
            found = {
                rank: {index.order[bit] for bit in index.positions(mask)}
                for rank, mask in search_ranks(index, query, index.everything).items()
            }
            expected = {}
            for pk, rank in Exercise.objects.search(query).values_list(
                "pk", "search_rank"
            ):
                expected.setdefault(rank, set()).add(pk)
            assert found == expected, query

    def test_every_page_lists_the_databases_rows_in_its_order(self):
        for query in ("row", "pull up", "e", "the"):
            for sort in ("", "name", "-name"):
                data = QueryDict(mutable=True)
                data.update({"q": query, **({"sort": sort} if sort else {})})
                browse = Browse(data, AnonymousUser())
                ordered = browse.filterset.ordered(browse.filterset.qs)
                names = list(ordered.values_list("name", flat=True))
                assert browse.total == len(names), (query, sort)
                rows = PageRows(browse.tally, browse.sort, browse.filterset.qs)
                for start in (0, 48, len(names) // 2, len(names) - 10):
                    window = slice(max(start, 0), max(start, 0) + 48)
                    assert [e.name for e in rows[window]] == names[window], (
                        query,
                        sort,
                        start,
                    )
