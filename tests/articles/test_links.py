"""``[[Name]]`` links in plain-text fields: tips, summaries, descriptions."""

from django.test import TestCase

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
