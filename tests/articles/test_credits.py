"""Honest credits (issue 12): the source and its reviewer, no invented author or date."""

import json
import re

from django.test import TestCase

from articles.models import FAQ, Article
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES, Page

SOURCE_URL = "https://www.endomondo.com/exercise/middle-back-workout"
SOURCE_TITLE = "35+ Middle Back Workouts To Target Your Back For A Balanced Physique"


def structured_data(body):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body)
    return [json.loads(block) for block in blocks]


class ArticleCreditTests(TestCase):
    fixtures = ALL_FIXTURES

    def setUp(self):
        self.body = self.client.get("/articles/middle-back-workouts/").content.decode()
        self.header = self.body.split('class="article__layout"')[0]

    def test_the_source_is_credited_and_linked(self):
        assert f'href="{SOURCE_URL}"' in self.header
        assert f"<cite>{SOURCE_TITLE}</cite>" in self.header
        assert "(Endomondo)" in self.header

    def test_the_reviewer_is_credited_as_the_sources(self):
        assert "Reviewed by <strong>April Edwards, MScPT</strong> for Endomondo" in (
            self.header
        )

    def test_no_author_and_no_publication_date_are_invented(self):
        article = Article.objects.get(slug="middle-back-workouts")
        assert article.author == ""
        assert "Written by" not in self.header
        # (the references' own years are in the JSON-LD: "datePublished")
        assert "Published <time" not in self.header and "<time" not in self.header
        assert "15 January 2025" not in self.body
        blocks = structured_data(self.body)
        graph = [n for b in blocks for n in b.get("@graph", [b])]
        page = next(node for node in graph if node.get("@type") == "WebPage")
        data = page["mainEntity"]  # the Article, in the page it is reviewed in
        assert "author" not in data and "datePublished" not in data
        assert data["isBasedOn"] == SOURCE_URL

    def test_the_site_says_what_it_wrote_itself(self):
        note = Page(self.header.split('class="article__credits"')[1]).text
        assert "steps 3 onwards, the tips, the summaries" in note
        assert "No physiotherapist has reviewed those" in note

    def test_the_sources_own_claims_read_as_the_sources(self):
        assert "Author’s opinion, from the source article</h2>" in self.body
        assert "Fact checked by Endomondo" in Page(self.body).text
        assert "The studies and references the source article cites." in self.body


class FAQLinkTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_faq_answers_link_the_exercises_they_name(self):
        body = self.client.get("/articles/middle-back-workouts/").content.decode()
        faq = body.split('id="faq"')[1]
        for slug, words in (
            ("bird-dog", "bird dog"),
            ("superman", "Superman"),
            ("cobra-pose", "cobra pose"),
            ("chair-inverted-row", "chair inverted row"),
        ):
            link = f'<a class="exercise-link" href="/exercises/{slug}/">{words}</a>'
            assert link in faq, slug
        assert "[[" not in faq and "exercise-link--missing" not in faq

    def test_the_fixture_answers_are_what_they_render_to(self):
        for faq in FAQ.objects.all():
            stored = faq.answer_html
            assert faq.render() == [], faq
            assert faq.answer_html == stored, faq

    def test_structured_data_reads_the_links_as_their_words(self):
        body = self.client.get("/articles/middle-back-workouts/").content.decode()
        faq_page = structured_data(body)[1]
        answers = [q["acceptedAnswer"]["text"] for q in faq_page["mainEntity"]]
        assert not any("[[" in answer for answer in answers)
        assert "such as the bodyweight row, bird dog, and cobra pose." in answers[2]


class FAQRenderTests(TestCase):
    def test_a_saved_answer_links_and_follows_a_rename(self):
        dog = make_exercise("Bird Dog")
        article = Article.objects.create(title="A", slug="a", body="Text.")
        faq = FAQ.objects.create(
            article=article, question="Q?", answer="Try the [[Bird Dog]].\n\nOr not."
        )
        assert faq.answer_html == (
            '<p>Try the <a class="exercise-link" href="/exercises/bird-dog/">'
            "Bird Dog</a>.</p>\n<p>Or not.</p>"
        )
        dog.slug = "bird-dog-exercise"
        dog.save()
        faq.refresh_from_db()
        assert 'href="/exercises/bird-dog-exercise/"' in faq.answer_html

    def test_the_admin_refuses_an_answer_naming_no_exercise(self):
        from articles.admin import FAQForm

        article = Article.objects.create(title="A", slug="a", body="Text.")
        form = FAQForm(
            data={"position": 1, "question": "Q?", "answer": "See [[Nothing Here]]."}
        )
        form.instance.article = article
        assert not form.is_valid()
        assert "Nothing Here" in str(form.errors["answer"])


class HomePageCreditTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_home_page_claims_no_more_than_the_article_credits(self):
        home = Page(self.client.get("/").content.decode()).text
        assert "from an article reviewed by a physiotherapist" not in home
        assert "our editors wrote everything else" in home
        assert "Adapted from Endomondo’s article" in home
        assert "reviewed by April Edwards, MScPT" in home
