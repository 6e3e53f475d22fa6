"""Search: the same answers on SQLite and PostgreSQL, and typos on PostgreSQL."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test import SimpleTestCase, TestCase

from catalogue import search
from catalogue.models import Exercise
from tests.utils import ALL_FIXTURES

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="typo search needs PostgreSQL's pg_trgm"
)


class NormalisationTests(SimpleTestCase):
    def test_spellings_of_a_name_share_one_key(self):
        keys = {
            search.compact_key(s)
            for s in ("Pull-Up", "pull ups", "pullups", "PULL-UPS")
        }
        assert keys == {"pullup"}
        assert search.compact_key("Rack Pulls") == search.compact_key("rack pull")
        assert search.words("Crème Brûlée press") == ["creme", "brulee", "press"]


class SearchTests(TestCase):
    fixtures = ALL_FIXTURES

    def names(self, query):
        return list(
            Exercise.objects.published()
            .search(query)
            .order_by("search_rank", "name")
            .values_list("name", flat=True)
        )

    def test_the_same_cases_on_every_database(self):
        assert self.names("pullups")[0] == "Pull-Up"
        assert self.names("pull-ups")[0] == "Pull-Up"
        assert self.names("hex bar shrug") == ["Trap Bar Shrug"]
        assert self.names("bhujangasana") == ["Cobra Pose"]
        assert set(self.names("shrug")) >= {
            "Barbell Shrug",
            "Dumbbell Shrug",
            "Trap Bar Shrug",
        }
        assert self.names("face pull")[0] == "Cable Face Pull"
        assert self.names("zzzz qqqq") == []

    def test_whole_name_matches_rank_before_word_matches(self):
        names = self.names("chin up")
        assert names[0] == "Chin-Up"
        assert set(names[1:5]) >= {
            "Assisted Chin-Up",
            "Close-Grip Chin-Up",
            "Weighted Chin-Up",
        }

    @on_postgres
    def test_postgres_stems_words(self):
        assert "Barbell Pendlay Row" in self.names("rowing")

    @on_postgres
    def test_the_list_finds_stems_and_typos_as_the_search_does(self):
        for query in ("rowing", "shurg", "pulup", "revers fly", "row"):
            page = self.client.get("/exercises/", {"q": query})
            listed = re.findall(
                r'<h2 class="card__title"><a href="[^"]*">([^<]+)</a>',
                page.content.decode(),
            )
            assert listed == [unescape(name) for name in self.names(query)], query

    @on_postgres
    def test_postgres_forgives_typos_when_nothing_matches(self):
        assert self.names("pulup")[0] == "Pull-Up"
        assert set(self.names("shurg")) == {
            "Barbell Shrug",
            "Dumbbell Shrug",
            "Trap Bar Shrug",
        }
        assert self.names("revers fly")[0] == "Cable Crossover Reverse Fly"
        assert self.names("zzzz qqqq") == []
