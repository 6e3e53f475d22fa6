"""``[[Name]]`` links in plain-text fields: tips, summaries, descriptions."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.markdown import resolve_exercises
from catalogue.generate import generate_exercises
from core.content_state import pinned
from core.models import PublicationStatus
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES


class PlainTextLinkTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_tips_and_summaries_link_the_exercises_they_name(self):
        body = self.client.get("/exercises/chest-supported-row/").content.decode()
        link = '<a class="exercise-link" href="/exercises/incline-dumbbell-row/">'
        summary = body.split('class="exercise__summary"')[1].split("</p>")[0]
        tips = body.split('class="tips"')[1].split("</ul>")[0]
        assert link in summary and link in tips
        assert "[[" not in body
        assert 'content="A neutral-grip dumbbell row lying face down' in body

    def test_muscle_and_equipment_descriptions_link_exercises(self):
        muscle = self.client.get("/anatomy/rectus-abdominis/").content.decode()
        assert (
            '<a class="exercise-link" href="/exercises/cobra-pose/">cobra pose</a>'
            in (muscle)
        )
        equipment = self.client.get("/equipment/").content.decode()
        assert (
            '<a class="exercise-link" href="/exercises/bird-dog/">bird dog</a>'
            in equipment
        )
        assert "[[" not in muscle and "[[" not in equipment

    def test_a_name_that_matches_nothing_shows_its_words_and_html_is_escaped(self):
        from articles.links import link_texts
        from articles.templatetags.exercise_links import plain_links

        html = link_texts(["See [[No Such Row|this row]] & <b>that</b>."])[0]
        assert html == "See this row &amp; &lt;b&gt;that&lt;/b&gt;."
        assert plain_links("The [[Bird Dog|bird dog]] and [[Superman]].") == (
            "The bird dog and Superman."
        )


class RenderedLinksAtScaleTests(TestCase):
    """A page looks its ``[[Name]]`` links up in the content state's link index:
    the same answer as the database's, with no query per page once it is read."""

    fixtures = ALL_FIXTURES

    NAMES = [
        "Chin-Up",
        "chin ups",
        "Pull-Up",
        "Alpha Row 00001",
        "Quokka Row",
        "Later Quokka Row",
        "No Such Exercise",
        "!!!",
    ]

    def setUp(self):
        generate_exercises(500)
        make_exercise("Quokka Row", status=PublicationStatus.DRAFT)
        make_exercise(
            "Later Quokka Row", published_at=timezone.now() + timedelta(days=3)
        )

    def test_the_link_index_answers_as_the_database_does(self):
        from_pages = resolve_exercises(self.NAMES, rendering=True)
        from_database = resolve_exercises(self.NAMES)
        assert from_pages == from_database
        assert set(from_pages.urls) == {"Chin-Up", "chin ups", "Pull-Up",
                                        "Alpha Row 00001"}  # fmt: skip
        assert sorted(from_pages.hidden) == ["Later Quokka Row", "Quokka Row"]
        assert from_pages.relink_at is not None

    def test_a_page_resolves_its_links_with_no_query_once_the_index_is_read(self):
        with pinned():  # as a reader's page is rendered: one content state
            resolve_exercises(self.NAMES, rendering=True)
            with CaptureQueriesContext(connection) as queries:
                resolve_exercises(self.NAMES, rendering=True)
        assert len(queries) == 0
