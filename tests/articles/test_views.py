import re

from django.test import TestCase

from articles.models import Article
from tests.seed_article import (
    ARTICLE_FAQ,
    ARTICLE_HEADINGS,
    ARTICLE_REFERENCE_LINKS,
    ARTICLE_TIPS,
)
from tests.utils import ALL_FIXTURES, Page

URL = "/articles/middle-back-workouts/"


class SeedArticleTests(TestCase):
    fixtures = ALL_FIXTURES

    def setUp(self):
        self.body = self.client.get(URL).content.decode()
        self.page = Page(self.body)

    def test_every_section_of_the_article_is_on_the_page_in_order(self):
        headings = [text for tag, text in self.page.headings if tag in ("h2", "h3")]
        positions = [headings.index(heading) for heading in ARTICLE_HEADINGS]
        assert positions == sorted(positions)

    def test_faq_in_order(self):
        questions = [q for q in self.page.h(3) if q in ARTICLE_FAQ]
        assert questions == ARTICLE_FAQ

    def test_references_in_order_with_working_links(self):
        section = self.body.split('id="references"')[1]
        links = re.findall(
            r'<li class="references__item">.*?<a href="([^"]+)"', section, re.S
        )
        assert links == ARTICLE_REFERENCE_LINKS

    def test_the_six_expert_tips_and_the_completed_conclusion(self):
        for tip in ARTICLE_TIPS:
            assert tip in self.page.text
        benefits = self.body.split('id="alleviation-of-back-pain"')[1].split("<h2")[0]
        assert "Improved muscle strength and endurance" in benefits

    def test_byline_review_mark_and_author_note_at_the_top(self):
        header = self.body.split('class="article__layout"')[0]
        assert "Reviewed by <strong>April Edwards, MScPT</strong>" in header
        assert "Fact checked" in header
        assert "Author’s opinion" in header

    def test_table_of_contents_links_every_section(self):
        toc = self.body.split('class="toc"')[1].split("</nav>")[0]
        targets = re.findall(r'href="#([^"]+)"', toc)
        assert len(targets) == len(ARTICLE_HEADINGS)
        assert set(targets) <= set(self.page.ids)

    def test_exercise_names_link_to_the_catalogue(self):
        for slug in (
            "dumbbell-single-arm-bent-over-row",
            "inverted-row",
            "cable-face-pull",
            "cobra-pose",
            "seated-twist",
            "bridge-pose",
            "t-bar-row",
        ):
            assert f"/exercises/{slug}/" in self.page.links
        assert "exercise-link--missing" not in self.body

    def test_anatomy_names_link_to_the_anatomy_pages(self):
        for slug in (
            "upper-trapezius",
            "middle-trapezius",
            "lower-trapezius",
            "latissimus-dorsi",
            "rhomboids",
        ):
            assert f"/anatomy/{slug}/" in self.page.links

    def test_the_fixture_html_is_what_the_markdown_renders_to(self):
        article = Article.objects.get(slug="middle-back-workouts")
        stored = (article.body_html, article.toc)
        assert article.render() == []
        assert (article.body_html, article.toc) == stored

    def test_faq_structured_data(self):
        assert '"@type": "FAQPage"' in self.body
        assert '<script type="application/ld+json">' in self.body
