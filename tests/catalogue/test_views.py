import re

from django.test import TestCase

from catalogue.models import Exercise, Role
from tests.factories import make_equipment, make_exercise, make_group, make_muscle
from tests.utils import Page


class ExerciseDetailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        back = make_group("Back")
        cls.lats = make_muscle("Latissimus Dorsi", back)
        cls.biceps = make_muscle("Biceps Brachii", make_group("Arm"))
        bar = make_equipment("Pull Up Bar")
        cls.pull_up = make_exercise(
            "Pull-Up",
            steps=["Hang.", "Grip.", "Pull.", "Lower."],
            equipment=[bar],
            groups=[back],
            primary=[cls.lats],
            secondary=[cls.biceps],
            tips="Stay still.\nFull range.",
            aliases="Pullup",
            level="intermediate",
        )
        cls.chin_up = make_exercise("Chin-Up", primary=[cls.lats])
        cls.row = make_exercise("Row", primary=[cls.biceps])

    def get(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        return Page(response.content.decode())

    def test_steps_are_an_ordered_list_each_addressable(self):
        page = self.get("/exercises/pull-up/")
        assert page.count("ol", **{"class": "steps"}) == 1
        assert page.count("li", **{"class": "steps__item"}) == 4
        assert [i for i in page.ids if i.startswith("step-")] == [
            "step-1",
            "step-2",
            "step-3",
            "step-4",
        ]
        assert "#step-3" in page.links

    def test_facts_muscles_tips_and_links_to_the_filtered_list(self):
        page = self.get("/exercises/pull-up/")
        assert "/exercises/?equipment=pull-up-bar" in page.links
        assert "/exercises/?muscle=back" in page.links
        assert "/exercises/?muscle=latissimus-dorsi" in page.links
        assert "/exercises/?level=intermediate" in page.links
        assert "/anatomy/latissimus-dorsi/" in page.links
        assert page.h(3) == ["Primary", "Secondary"]
        assert "Stay still." in page.text and "Full range." in page.text
        assert "Also known as Pullup" in page.text

    def test_related_exercises_share_a_primary_muscle(self):
        related = re.findall(
            r'class="link-card" href="([^"]+)"',
            self.client.get("/exercises/pull-up/").content.decode(),
        )
        assert related == ["/exercises/chin-up/"]

    def test_previous_and_next_a_to_z_and_breadcrumbs(self):
        response = self.client.get("/exercises/pull-up/").content.decode()
        assert re.search(r'rel="prev" href="/exercises/chin-up/"', response)
        assert re.search(r'rel="next" href="/exercises/row/"', response)
        breadcrumbs = re.search(
            r'aria-label="Breadcrumb">(.*?)</nav>', response, re.S
        ).group(1)
        assert re.findall(r'href="([^"]+)"', breadcrumbs) == ["/", "/exercises/"]
        assert 'aria-current="page">Pull-Up<' in breadcrumbs

    def test_the_card_read_more_lands_on_step_3(self):
        page = self.get("/exercises/")
        assert "/exercises/pull-up/#step-3" in page.links

    def test_unknown_slug_is_a_designed_404(self):
        response = self.client.get("/exercises/no-such-exercise/")
        assert response.status_code == 404
        page = Page(response.content.decode())
        assert page.h(1) == ["We can’t find that page"]
        assert "/exercises/" in page.links

    def test_drafts_and_future_items_are_hidden_from_readers(self):
        make_exercise("Secret Row", status="draft")
        assert self.client.get("/exercises/secret-row/").status_code == 404
        assert "Secret Row" not in self.client.get("/exercises/").content.decode()


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dumbbells = make_equipment("Dumbbells")
        for n in range(3):
            make_exercise(f"Row {n}", equipment=[cls.dumbbells])

    def get(self, query):
        """The page a reader ends on: parameters the list does not take are
        redirected away (301) to the list with the rest."""
        response = self.client.get(f"/exercises/{query}", follow=True)
        assert response.status_code == 200, query
        for location, status in response.redirect_chain:
            assert status == 301 and location.startswith("/exercises/"), query
        return response.content.decode()

    def test_unknown_filter_values_are_named_and_left_out(self):
        body = self.get(
            "?equipment=bogus&equipment=dumbbells&muscle=nothing&level=expert"
        )
        assert "There is no equipment called “bogus”" in body
        assert "There is no muscle called “nothing”" in body
        assert "There is no level called “expert”" in body
        assert body.count('class="card__title"') == 3  # dumbbells still applied

    def test_huge_and_strange_search_text(self):
        body = self.get("?q=" + "x" * 10_000)
        assert "Search: Ensure this value has at most 100 characters" in body
        assert body.count('class="card__title"') == 3
        assert len(body) < 60_000  # the 10,000 characters are not echoed back
        body = self.get("?q=%00")
        assert "Null characters are not allowed" in body
        assert self.get("?q=<script>alert(1)</script>").count("<script>alert") == 0

    def test_page_numbers_that_are_not_pages(self):
        for page in ("abc", "99999", "-1", "0", "9" * 400, "1.5", ""):
            assert 'class="card__title"' in self.get(f"?page={page}"), page

    def test_malformed_and_repeated_parameters(self):
        for query in (
            "?%%%&&==&equipment",
            "?level=beginner&level=beginner&level=",
            "?sort=drop+table",
            "?best=maybe",
            "?muscle=" + "a" * 5000,
            "?equipment[]=x&q[]=y",
            "?page=1&page=2",
            "?q=%E2%80%8B%F0%9F%92%AA",
        ):
            self.get(query)

    def test_readers_cannot_change_data(self):
        before = Exercise.objects.count()
        for url in ("/exercises/", "/exercises/row-0/"):
            assert self.client.post(url, {"name": "x"}).status_code == 405
            assert self.client.delete(url).status_code == 405
        assert Exercise.objects.count() == before


class ListPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        lats = make_muscle()
        for n in range(60):
            make_exercise(
                f"{chr(65 + n % 26)} Exercise {n:02d}",
                steps=2,
                primary=[lats],
                level="beginner" if n % 2 else "advanced",
            )

    def test_long_lists_are_paginated_and_letters_point_at_their_page(self):
        first = self.client.get("/exercises/").content.decode()
        assert first.count('class="card__title"') == 48
        assert 'aria-label="Pages"' in first
        assert re.search(r'href="/exercises/\?page=2#letter-[A-Z]"', first)
        second = self.client.get("/exercises/?page=2").content.decode()
        assert second.count('class="card__title"') == 12
        assert "Showing 49–60 of" in second

    def test_pagination_links_keep_the_filters_and_the_order(self):
        query = "?level=beginner&level=advanced&sort=-name"
        first = self.client.get(f"/exercises/{query}").content.decode()
        assert first.count('class="card__title"') == 48
        # The filter's values in their normal (sorted) order, as the cache keys them.
        assert (
            'href="/exercises/?level=advanced&amp;level=beginner&amp;sort=-name&amp;page=2"'
            in first
        )
        second = self.client.get(f"/exercises/{query}&page=2").content.decode()
        assert second.count('class="card__title"') == 12

    def test_a_list_that_fits_on_one_page_has_no_pager(self):
        first = self.client.get(
            "/exercises/?level=beginner&sort=-name"
        ).content.decode()
        assert first.count('class="card__title"') == 30
        assert 'aria-label="Pages"' not in first


class ExerciseMuscleTests(TestCase):
    def test_role_is_stored_on_the_link(self):
        make_exercise("Row", primary=[make_muscle()])
        exercise = Exercise.objects.first()
        assert exercise.muscle_links.get().role == Role.PRIMARY
