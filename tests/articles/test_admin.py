"""The article admin: markdown, exercise links, preview, FAQ and references."""

import re

from django.contrib.auth.models import User
from django.test import TestCase

from tests.factories import (
    make_article,
    make_exercise,
)


class ArticleAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("root", password="pw")
        make_exercise("Inverted Row")
        cls.article = make_article(body="## One\n\nDo the [[Inverted Row]].")

    def setUp(self):
        self.client.force_login(self.admin)

    def form(self, **changes):
        data = {
            "title": self.article.title,
            "slug": self.article.slug,
            "standfirst": "",
            "author": "",
            "reviewer": "",
            "reviewer_credentials": "",
            "author_note": "",
            "body": self.article.body,
            "status": "published",
            "published_at_0": "2025-01-01",
            "published_at_1": "09:00:00",
            "revised_at_0": "",
            "revised_at_1": "",
            "image_alt": "",
            "image_credit": "",
            "image_licence": "",
            "image_caption": "",
            "faqs-TOTAL_FORMS": 0,
            "faqs-INITIAL_FORMS": 0,
            "references-TOTAL_FORMS": 0,
            "references-INITIAL_FORMS": 0,
        }
        return {**data, **changes}

    def test_unknown_exercise_names_are_shown_to_the_editor(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        response = self.client.post(url, self.form(body="Try the [[Moon Walk]]."))
        assert response.status_code == 200
        assert "No exercise is called “Moon Walk”" in response.content.decode()

    def test_hostile_markdown_is_saved_sanitised(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        body = "## Safe\n\n<script>alert(1)</script><img src=x onerror=alert(1)> [[Inverted Row]]"
        assert self.client.post(url, self.form(body=body)).status_code == 302
        self.article.refresh_from_db()
        assert (
            "<script" not in self.article.body_html
            and "onerror" not in self.article.body_html
        )
        assert "/exercises/inverted-row/" in self.article.body_html

    def test_the_preview_shows_the_rendered_sanitised_body(self):
        response = self.client.post(
            "/admin/articles/article/preview/",
            {"body": "**Hi** <script>x</script> [[Nope]]"},
        )
        assert response.json() == {
            "html": '<p><strong>Hi</strong>  <span class="exercise-link exercise-link--missing">Nope</span></p>',
            "missing": ["Nope"],
            "hidden": [],
        }
        change = self.client.get(f"/admin/articles/article/{self.article.pk}/change/")
        assert re.search(
            r"data-markdown-preview><h2 id=\"one\">One</h2>", change.content.decode()
        )

    def test_faq_and_references_are_edited_inline(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        data = self.form(
            **{
                "faqs-TOTAL_FORMS": 2,
                "faqs-0-position": 2,
                "faqs-0-question": "Second?",
                "faqs-0-answer": "B.",
                "faqs-1-position": 1,
                "faqs-1-question": "First?",
                "faqs-1-answer": "A.",
                "references-TOTAL_FORMS": 1,
                "references-0-position": 1,
                "references-0-authors": "Doe, J.",
                "references-0-title": "A study",
                "references-0-year": 2020,
                "references-0-doi": "10.1000/xyz",
                "references-0-url": "",
            }
        )
        assert self.client.post(url, data).status_code == 302
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert page.index("First?") < page.index("Second?")
        assert "https://doi.org/10.1000/xyz" in page

    def test_a_doi_pasted_as_a_link_is_refused_and_nothing_is_saved(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        data = self.form(
            **{
                "title": "A new title",
                "references-TOTAL_FORMS": 1,
                "references-0-position": 1,
                "references-0-authors": "Doe, J.",
                "references-0-title": "A study",
                "references-0-doi": "https://doi.org/10.1000/xyz",
                "references-0-url": "",
            }
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert (
            "Enter the DOI without “https://doi.org/” in front: "
            "it is added for the link." in response.content.decode()
        )
        self.article.refresh_from_db()
        assert self.article.title != "A new title"
        assert not self.article.references.exists()
