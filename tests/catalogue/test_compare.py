"""The comparison page: two or three exercises side by side, picked from the list."""

from django.test import TestCase

from tests.utils import ALL_FIXTURES, Page


class CompareTests(TestCase):
    fixtures = ALL_FIXTURES

    def page(self, query):
        response = self.client.get(f"/exercises/compare/{query}")
        assert response.status_code == 200
        return response, Page(response.content.decode())

    def test_two_or_three_exercises_side_by_side(self):
        response, page = self.page("?e=pull-up&e=lat-pulldown&e=inverted-row")
        columns = [c.exercise.slug for c in response.context["comparison"].columns]
        assert columns == ["pull-up", "lat-pulldown", "inverted-row"]
        rows = [
            "Equipment",
            "Level",
            "Force",
            "Mechanic",
            "Movement pattern",
            "Primary muscles",
            "Secondary muscles",
            "On the back",
            "Steps",
            "Alternatives",
        ]
        assert page.count("th", scope="row") == len(rows)
        assert all(row in page.text for row in rows)
        assert page.count("svg", **{"class": "body-figure__svg"}) == 3
        assert len(page.ids) == len(set(page.ids))  # three figures, no clash
        assert "Vertical pull" in page.text and "Horizontal pull" in page.text

    def test_more_than_three_unknown_and_duplicate_slugs_are_answered_plainly(self):
        _, page = self.page("?e=pull-up&e=pull-up&e=chin-up&e=nope&e=superman")
        assert "picked more than once" in page.text
        assert "Up to 3 exercises can be compared" in page.text
        assert "There is no exercise called “nope”" in page.text
        _, page = self.page("?e=pull-up")
        assert "Pick two or three exercises" in page.text
        _, page = self.page("")
        assert "Pick two or three exercises" in page.text

    def test_drafts_are_not_compared_for_readers(self):
        from catalogue.models import Exercise

        Exercise.objects.filter(slug="chin-up").update(status="draft")
        _, page = self.page("?e=pull-up&e=chin-up")
        assert "There is no exercise called “chin-up”" in page.text

    def test_the_list_picks_exercises_with_checkboxes_in_a_form_of_its_own(self):
        page = Page(self.client.get("/exercises/?muscle=back").content.decode())
        forms = [attrs for tag, attrs in page.tags if tag == "form"]
        assert {f.get("action") for f in forms} == {
            "/exercises/",
            "/exercises/compare/",
        }
        boxes = [a for t, a in page.tags if t == "input" and a.get("name") == "e"]
        assert boxes and all(box["type"] == "checkbox" for box in boxes)

    def test_breadcrumbs_and_one_h1(self):
        _, page = self.page("?e=pull-up&e=chin-up")
        assert page.h(1) == ["Compare exercises"]
        assert "Breadcrumb" in str(page.tags)
