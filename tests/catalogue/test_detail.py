"""The exercise page's rows: its own from the database, the rest from what is
built once per content state, and the same page either way."""

import re
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import User
from django.test import TestCase, override_settings
from django.utils import timezone

from anatomy.models import Muscle
from catalogue.alternatives import AlternativeOverride
from catalogue.facet_index import current_index
from catalogue.models import Equipment, Exercise, Progression, Step
from core.models import PublicationStatus
from discussion.models import Comment, Status
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES, Page, count_queries


class ExercisePageRowsTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_an_exercise_newer_than_this_process_s_index_shows_all_its_rows(self):
        older = current_index()  # as another process's save would leave it
        lats = Muscle.objects.get(slug="latissimus-dorsi")
        row = make_exercise(
            "Banded Lat Row",
            equipment=[Equipment.objects.get(slug="dumbbells")],
            groups=[lats.group],
            primary=[lats],
        )
        with mock.patch("catalogue.detail.current_index", return_value=older):
            page = Page(self.client.get(row.get_absolute_url()).content.decode())
        assert page.h(1) == ["Banded Lat Row"]
        assert "Dumbbells" in page.text
        assert lats.get_absolute_url() in page.links
        assert f"/exercises/?muscle={lats.group.slug}" in page.links

    @override_settings(CONTENT_STATE_MAX_AGE=600)  # the state read once, too
    def test_an_exercise_page_reads_its_exercise_with_steps_in_one_query(self):
        on_a_ladder = Progression.objects.get(slug="pull-up-progression").rungs.first()
        plain, pinned, other, discussed = Exercise.objects.published().filter(
            rungs=None
        )[:4]
        AlternativeOverride.objects.create(exercise=pinned, alternative=other)
        Comment.objects.create(
            exercise=discussed, name="Sam", body="Good.", status=Status.APPROVED
        )
        self.client.get("/exercises/inverted-row/")  # builds what is built once
        for exercise in (on_a_ladder.exercise, pinned, plain):
            queries = count_queries(self.client, exercise.get_absolute_url())[1]
            assert queries == 1, exercise.name  # no comment: none read
        assert count_queries(self.client, discussed.get_absolute_url())[1] == 2

    def test_steps_stored_out_of_order_are_shown_by_number(self):
        row = make_exercise("Reversed Row", steps=0)
        for number in (3, 1, 2):
            Step.objects.create(exercise=row, number=number, text=f"Part {number}.")
        html = self.client.get(row.get_absolute_url()).content.decode()
        listed = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
        assert re.findall(r'id="step-(\d)"', listed) == ["1", "2", "3"]
        assert re.findall(r"Part (\d)\.", listed) == ["1", "2", "3"]

    def test_an_exercise_without_steps_says_they_are_not_written_yet(self):
        row = make_exercise("Unwritten Row", steps=0)
        html = self.client.get(row.get_absolute_url()).content.decode()
        assert "The steps for this exercise have not been written yet." in html
        assert '<ol class="steps">' not in html

    def test_the_ladder_lists_its_published_rungs_in_order(self):
        ladder = Progression.objects.get(slug="pull-up-progression")
        rungs = [rung.exercise for rung in ladder.rungs.order_by("position")]
        rungs[1].status = PublicationStatus.DRAFT
        rungs[1].save()
        html = self.client.get(rungs[-1].get_absolute_url()).content.decode()
        listed = re.search(r'<ol class="ladder">(.*?)</ol>', html, re.S).group(1)
        names = re.findall(r"<li>(?:<a [^>]*>|<strong [^>]*>)([^<]+)<", listed)
        assert names == [rung.name for rung in rungs if rung != rungs[1]]


class ExercisePageVisibilityTests(TestCase):
    """The page's query is compiled once per process (core.prepared), without
    the time: who may see the exercise is decided on the row it reads."""

    def test_a_scheduled_exercise_shows_once_its_time_has_come(self):
        soon = timezone.now() + timedelta(hours=1)
        row = make_exercise("Dawn Row", published_at=soon)
        assert self.client.get(row.get_absolute_url()).status_code == 404
        later = soon + timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            page = Page(self.client.get(row.get_absolute_url()).content.decode())
        assert page.h(1) == ["Dawn Row"]

    def test_editors_preview_drafts_and_scheduled_exercises_readers_get_404(self):
        draft = make_exercise("Draft Row", status=PublicationStatus.DRAFT)
        scheduled = make_exercise(
            "Later Row", published_at=timezone.now() + timedelta(days=2)
        )
        for row in (draft, scheduled):
            assert self.client.get(row.get_absolute_url()).status_code == 404
        editor = User.objects.create_user("edith", is_staff=True)
        self.client.force_login(editor)
        for row in (draft, scheduled):
            html = self.client.get(row.get_absolute_url()).content.decode()
            assert "<strong>Preview.</strong>" in html, row.name
