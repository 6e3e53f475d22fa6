"""The page cache keeps only pages that exist, one copy per page, per host."""

from unittest import mock

from django.conf import settings
from django.test import TestCase

from core import cache as page_cache
from tests.factories import make_article, make_equipment, make_exercise


class StoredPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        dumbbells = make_equipment("Dumbbells")
        bench = make_equipment("Flat Bench")
        for n in range(3):
            make_exercise(f"Row {n}", equipment=[dumbbells, bench])
        make_article(body="Rows for the [[Row 0]].")

    def stores(self, *urls, follow=False):
        """How many pages the cache stored while these URLs were fetched."""
        with mock.patch.object(
            page_cache, "guarded_set", wraps=page_cache.guarded_set
        ) as stored:
            responses = [self.client.get(url, follow=follow) for url in urls]
        return stored.call_count, responses

    def test_unknown_parameters_are_redirected_to_the_canonical_url(self):
        stored, (list_page, exercise) = self.stores(
            "/exercises/?utm_source=news&equipment=dumbbells",
            "/exercises/row-0/?fbclid=abc",
        )
        assert stored == 0
        assert list_page.status_code == exercise.status_code == 301
        assert list_page["Location"] == "/exercises/?equipment=dumbbells"
        assert exercise["Location"] == "/exercises/row-0/"

    def test_a_flood_of_junk_query_strings_adds_nothing(self):
        junk = [
            *(f"/exercises/?junk{n}={n}" for n in range(20)),
            *(f"/exercises/?equipment=nothing-{n}" for n in range(20)),
            *(f"/exercises/?page={n}" for n in range(2, 22)),
            *(f"/exercises/?q=zzqx{n}" for n in range(20)),
            *(f"/exercises/row-1/?x={n}" for n in range(20)),
        ]
        stored, responses = self.stores(*junk)
        assert stored == 0
        assert {r.status_code for r in responses} <= {200, 301}

    def test_one_page_is_stored_once_whatever_the_order_and_repeats(self):
        stored, responses = self.stores(
            "/exercises/?equipment=flat-bench&equipment=dumbbells",
            "/exercises/?equipment=dumbbells&equipment=flat-bench",
            "/exercises/?equipment=dumbbells&equipment=flat-bench&equipment=dumbbells",
            "/exercises/?equipment=dumbbells&equipment=flat-bench&page=1",
        )
        assert stored == 1
        assert len({r.content for r in responses}) == 1

    def test_pages_with_a_notice_about_bad_input_are_served_not_stored(self):
        stored, (response,) = self.stores("/exercises/?equipment=bogus")
        assert stored == 0
        assert "There is no equipment called “bogus”" in response.content.decode()

    def test_two_hosts_never_see_each_others_absolute_urls(self):
        first = self.client.get(
            "/articles/middle-back-basics/", HTTP_HOST="one.example"
        ).content.decode()
        second = self.client.get(
            "/articles/middle-back-basics/",
            HTTP_HOST="two.example",
            HTTP_X_FORWARDED_PROTO="https",
        ).content.decode()
        # Absolute URLs come from SITE_URL, never from the request: no host
        # can decide another's (and the key holds the host and scheme too).
        assert "one.example" not in first and "two.example" not in second
        assert settings.SITE_URL in first and settings.SITE_URL in second

    def test_canonical_query_keeps_what_the_form_reads(self):
        from django.http import QueryDict

        parameters = {"q": page_cache.ONE, "tag": page_cache.MANY, "page": "one"}
        query, unknown = page_cache.canonical_query(
            QueryDict("tag=b&q=first&tag=a&tag=b&q=last&page=1&other=x"), parameters
        )
        assert query == "q=last&tag=a&tag=b"
        assert unknown
