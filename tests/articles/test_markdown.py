from django.test import SimpleTestCase, TestCase

from articles.markdown import render_markdown, sanitise
from tests.factories import make_article, make_exercise


class SanitiseTests(SimpleTestCase):
    def test_scripts_handlers_and_javascript_links_are_removed(self):
        hostile = (
            "Hi <script>alert(1)</script><img src=x onerror=alert(2)>"
            '<a href="javascript:alert(3)">x</a> <a href="/ok/" onclick="alert(4)">ok</a>'
            "<iframe src=//evil></iframe><style>body{}</style>"
        )
        self.assertHTMLEqual(sanitise(hostile), 'Hi <a>x</a> <a href="/ok/">ok</a>')

    def test_markdown_cannot_smuggle_html(self):
        rendered = render_markdown(
            "## Title <script>x()</script>\n\n[a](javascript:alert(1)) "
            '<div style="color:red" onmouseover="x()">text</div>\n\n'
            "![i](x.png)\n\n<svg onload=alert(1)><circle/></svg>"
        )
        for bad in (
            "<script",
            "javascript:",
            "onmouseover",
            "style=",
            "<svg",
            "onload",
            "<img",
        ):
            assert bad not in rendered.html, bad
        assert rendered.html.startswith('<h2 id="title-x">Title </h2>')
        assert rendered.toc[0]["name"] == "Title"

    def test_headings_make_the_table_of_contents_with_safe_ids(self):
        rendered = render_markdown("## Main\n\n### Part one\n\n## Benefits & costs")
        assert rendered.toc == [
            {
                "id": "main-section",
                "name": "Main",
                "level": 2,
                "children": [
                    {"id": "part-one", "name": "Part one", "level": 3, "children": []}
                ],
            },
            {
                "id": "benefits-costs",
                "name": "Benefits & costs",
                "level": 2,
                "children": [],
            },
        ]


class ExerciseLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_exercise("Inverted Row", aliases="Bodyweight Row")
        make_exercise("Pull-Up")

    def test_exercise_names_link_to_their_pages(self):
        rendered = render_markdown(
            "Try the [[Inverted Row]], [[pull ups|a pull-up]] or a [[bodyweight rows]]."
        )
        self.assertHTMLEqual(
            rendered.html,
            '<p>Try the <a class="exercise-link" href="/exercises/inverted-row/">Inverted Row</a>, '
            '<a class="exercise-link" href="/exercises/pull-up/">a pull-up</a> or a '
            '<a class="exercise-link" href="/exercises/inverted-row/">bodyweight rows</a>.</p>',
        )
        assert rendered.missing_links == []

    def test_unknown_names_are_reported_not_dropped(self):
        rendered = render_markdown("Do a [[Moon Walk]] and a [[Pull-Up]].")
        assert rendered.missing_links == ["Moon Walk"]
        assert (
            '<span class="exercise-link exercise-link--missing">Moon Walk</span>'
            in rendered.html
        )

    def test_saving_an_article_renders_its_body(self):
        article = make_article(
            body="## Start\n\nDo the [[Pull-Up]]. <script>x</script>"
        )
        assert (
            '<a class="exercise-link" href="/exercises/pull-up/">Pull-Up</a>'
            in article.body_html
        )
        assert "<script" not in article.body_html
        assert article.toc[0]["id"] == "start"


class RelinkTests(TestCase):
    def test_renaming_or_removing_an_exercise_updates_article_links(self):
        row = make_exercise("Inverted Row")
        article = make_article(body="Do the [[Inverted Row]].")
        row.slug = "bodyweight-row"
        row.save()
        article.refresh_from_db()
        assert 'href="/exercises/bodyweight-row/"' in article.body_html
        row.delete()
        article.refresh_from_db()
        assert "exercise-link--missing" in article.body_html
