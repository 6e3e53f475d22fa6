"""The open-data API and the CSV export: the list's selection, its licence,
errors as JSON, caching and cross-origin reads, constant query counts."""

import csv
import io

from django.conf import settings
from django.test import TestCase

from catalogue.browse import Browse
from catalogue.generate import generate_exercises
from catalogue.models import Equipment, Exercise
from core.models import PublicationStatus
from tests.factories import cold_queries_before_and_after_10000_exercises
from tests.utils import ALL_FIXTURES, count_queries

FILTERED = "equipment=dumbbells&muscle=back&level=beginner"


def list_page(params):
    """What the A–Z list shows for these parameters."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    return Browse(QueryDict(params), AnonymousUser())


class ExerciseListTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_api_selects_and_counts_exactly_what_the_list_page_does(self):
        for params in ("", FILTERED, "q=pull+ups&muscle=latissimus-dorsi", "best=1"):
            data = self.client.get(f"/api/exercises/?{params}").json()
            browse = list_page(params)
            assert data["count"] == browse.total, params
            assert [e["slug"] for e in data["results"]] == [
                e.slug for e in browse.page.object_list
            ], params
            assert [(o["value"], o["count"]) for o in data["facets"]["equipment"]] == [
                (o.value, o.count) for o in browse.equipment
            ], params
            levels = {o["value"]: o["count"] for o in data["facets"]["level"]}
            assert levels == {o.value: o.count for o in browse.tally.level_options()}

    def test_every_response_states_its_licence_and_allows_cross_origin_reads(self):
        for url in (
            "/api/exercises/",
            "/api/exercises/pull-up/",
            "/api/equipment/",
            "/api/muscles/",
            "/api/exercises/?level=nonsense",
            "/api/exercises/no-such-exercise/",
            "/api/nothing-here/",
        ):
            response = self.client.get(url)
            assert response["Content-Type"] == "application/json", url
            assert response["Access-Control-Allow-Origin"] == "*", url
            licence = response.json()["licence"]
            assert licence["site"]["name"] == "CC BY 4.0", url
            assert licence["sources"][0]["id"] == "free-exercise-db", url

    def test_each_exercise_says_whose_words_it_is(self):
        Exercise.objects.filter(slug="chin-up").update(
            source_ref="free-exercise-db:Chin-Up", source_hash="abc123"
        )
        Exercise.objects.filter(slug="pull-up").update(
            source_ref="free-exercise-db:Pullups", source_hash=""
        )
        results = {
            e["slug"]: e for e in self.client.get("/api/exercises/").json()["results"]
        }
        assert (results["chin-up"]["source"], results["chin-up"]["licence"]) == (
            "free-exercise-db",
            "The Unlicense (public domain)",
        )
        # Written by us and only linked to a source record: ours.
        assert (results["pull-up"]["source"], results["pull-up"]["licence"]) == (
            None,
            "CC BY 4.0",
        )

    def test_bad_parameters_are_a_400_with_a_json_error(self):
        cases = {
            "colour=red": "colour",
            "equipment=nonexistent": "equipment",
            "level=expert": "level",
            "sort=sideways": "sort",
            "best=maybe": "best",
            "page=0": "page",
            "page=two": "page",
            "page=99": "page",
            "q=" + "x" * 101: "q",
            "q=a%00b": "q",
            "page=1&page=2": "page",
            "category=": "category",
            "equipment=": "equipment",
            "sort=": "sort",
        }
        for params, name in cases.items():
            response = self.client.get(f"/api/exercises/?{params}")
            assert response.status_code == 400, params
            error = response.json()["error"]
            assert error["status"] == 400 and name in error["parameters"], params

    def test_pages_link_to_each_other_with_the_query_as_understood(self):
        generate_exercises(120)
        first = self.client.get("/api/exercises/?level=beginner").json()
        assert first["pages"] == 2 and first["previous"] is None
        assert (
            first["next"] == f"{settings.SITE_URL}/api/exercises/?level=beginner&page=2"
        )
        second = self.client.get(first["next"].removeprefix(settings.SITE_URL)).json()
        assert second["page"] == 2 and second["next"] is None
        assert len(first["results"]) + len(second["results"]) == first["count"]

    def test_answers_conditional_requests_until_the_content_changes(self):
        response = self.client.get("/api/exercises/?level=beginner")
        etag = response["ETag"]
        again = self.client.get(
            "/api/exercises/?level=beginner", HTTP_IF_NONE_MATCH=etag
        )
        assert again.status_code == 304
        exercise = Exercise.objects.get(slug="bird-dog")
        exercise.summary = "A changed summary."
        exercise.save()
        changed = self.client.get(
            "/api/exercises/?level=beginner", HTTP_IF_NONE_MATCH=etag
        )
        assert changed.status_code == 200 and changed["ETag"] != etag


class ExerciseDetailTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_an_exercise_with_steps_equipment_muscles_by_role_and_its_page(self):
        exercise = Exercise.objects.get(slug="pull-up")
        data = self.client.get("/api/exercises/pull-up/").json()["exercise"]
        assert data["url"] == f"{settings.SITE_URL}/exercises/pull-up/"
        assert [s["text"] for s in data["steps"]] == [
            s.text for s in exercise.steps.all()
        ]
        assert data["steps"][0]["url"].endswith("/exercises/pull-up/#step-1")
        assert {e["slug"] for e in data["equipment"]} == {
            e.slug for e in exercise.equipment.all()
        }
        assert data["aliases"] == exercise.alias_list
        for role in ("primary", "secondary"):
            assert {m["slug"] for m in data["muscles"][role]} == set(
                exercise.muscle_links.filter(role=role).values_list(
                    "muscle__slug", flat=True
                )
            )
        assert data["status"] == "published"

    def test_drafts_and_unknown_slugs_are_a_json_404(self):
        Exercise.objects.filter(slug="pull-up").update(status=PublicationStatus.DRAFT)
        for url in ("/api/exercises/pull-up/", "/api/exercises/nothing/"):
            response = self.client.get(url)
            assert response.status_code == 404
            assert response.json()["error"]["status"] == 404


class VocabularyTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_equipment_and_muscles(self):
        equipment = self.client.get("/api/equipment/").json()["results"]
        assert len(equipment) == Equipment.objects.count()
        dumbbells = next(e for e in equipment if e["slug"] == "dumbbells")
        assert dumbbells["exercise_count"] == list_page("equipment=dumbbells").total
        muscles = self.client.get("/api/muscles/").json()["results"]
        lats = next(m for m in muscles if m["slug"] == "latissimus-dorsi")
        assert (lats["group"], lats["is_group"]) == ("back", False)

    def test_the_openapi_document(self):
        response = self.client.get("/api/openapi.json")
        document = response.json()
        assert document["openapi"] == "3.1.0"
        assert document["info"]["license"]["name"] == "CC BY 4.0"
        assert set(document["paths"]) == {
            "/api/exercises/",
            "/api/exercises/{slug}/",
            "/api/equipment/",
            "/api/muscles/",
        }
        assert response["Access-Control-Allow-Origin"] == "*"


class CsvExportTests(TestCase):
    fixtures = ALL_FIXTURES

    def rows(self, params=""):
        response = self.client.get(f"/exercises/export.csv?{params}")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        return response, list(csv.DictReader(io.StringIO(response.content.decode())))

    def test_the_csv_holds_every_exercise_the_list_shows(self):
        for params in ("", FILTERED, "q=row&sort=-name"):
            _, rows = self.rows(params)
            browse = list_page(params)
            assert [r["slug"] for r in rows] == [
                e.slug for e in browse.page.object_list
            ], params

    def test_it_states_its_licence_and_allows_cross_origin_reads(self):
        response, rows = self.rows()
        assert 'rel="license"' in response["Link"]
        assert "creativecommons.org/licenses/by/4.0" in response["Link"]
        assert response["Access-Control-Allow-Origin"] == "*"
        assert {r["licence"] for r in rows} == {"CC BY 4.0"}

    def test_unknown_values_are_left_out_as_on_the_list(self):
        _, rows = self.rows("equipment=nonexistent")
        assert len(rows) == Exercise.objects.published().count()

    def test_a_cell_never_starts_a_spreadsheet_formula(self):
        Exercise.objects.filter(slug="pull-up").update(summary="=HYPERLINK(1)")
        _, rows = self.rows()
        assert (
            next(r for r in rows if r["slug"] == "pull-up")["summary"]
            == "'=HYPERLINK(1)"
        )


class QueryBudgetTests(TestCase):
    fixtures = ALL_FIXTURES
    URLS = (
        "/api/exercises/",
        f"/api/exercises/?{FILTERED}&page=1",
        "/api/exercises/?q=pull+ups&muscle=latissimus-dorsi",
        "/api/exercises/pull-up/",
        "/api/equipment/",
        "/api/muscles/",
        f"/exercises/export.csv?{FILTERED}",
    )

    def test_query_counts_stay_the_same_at_10000_exercises(self):
        small, large = cold_queries_before_and_after_10000_exercises(
            self.client, self.URLS
        )
        assert max(small.values()) <= 8, small
        assert large == small
        # The whole catalogue as CSV is still a fixed number of queries.
        response, queries = count_queries(self.client, "/exercises/export.csv")
        assert response.status_code == 200 and queries <= 6


class ReviewAndKitTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_an_exercise_states_its_review_or_that_it_has_none(self):
        reviewed = self.client.get("/api/exercises/pull-up/").json()["exercise"]
        assert reviewed["review"]["reviewer"] == "April Edwards"
        assert reviewed["review"]["credentials"] == "MScPT"
        assert reviewed["review"]["current"] is True
        extra = self.client.get("/api/exercises/bird-dog/").json()["exercise"]
        assert extra["review"] is None

    def test_have_lists_only_what_the_kit_allows(self):
        body = self.client.get("/api/exercises/?have=bodyweight").json()
        allowed = {"bodyweight"}
        assert body["count"] > 0
        for summary in body["results"]:
            detail = self.client.get(f"/api/exercises/{summary['slug']}/").json()
            assert {e["slug"] for e in detail["exercise"]["equipment"]} <= allowed
        refused = self.client.get("/api/exercises/?have=moon-boots")
        assert refused.status_code == 400

    def test_an_empty_value_is_refused_even_when_the_plain_list_is_cached(self):
        assert self.client.get("/api/exercises/").status_code == 200  # stored
        refused = self.client.get("/api/exercises/?pattern=")
        assert refused.status_code == 400
        assert "pattern" in refused.json()["error"]["parameters"]
