"""Page weight budgets: the list of every exercise stays light."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import TestCase

from tests.utils import ALL_FIXTURES, Page

# 60 KB until issue 15 added the "what I own" and pattern filters (about 5 KB)
# and a compare checkbox on each card (about 7 KB).
HTML_BUDGET = 76 * 1024
CSS_BUDGET = 20 * 1024


class BudgetTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_full_list_is_under_76_kb_of_html_and_20_kb_of_css(self):
        response = self.client.get("/exercises/")
        page = Page(response.content.decode())
        assert page.count("h3", **{"class": "card__title"}) == 45  # every exercise
        assert len(response.content) < HTML_BUDGET, len(response.content)
        stylesheets = [
            attrs["href"]
            for tag, attrs in page.tags
            if tag == "link" and attrs.get("rel") == "stylesheet"
        ]
        css = [
            Path(finders.find(href.removeprefix("/static/"))).read_text()
            for href in stylesheets
        ]
        assert sum(len(text.encode()) for text in css) < CSS_BUDGET
        # Text renders with system fonts and needs no image.
        assert not any("@font-face" in text for text in css)
        assert page.count("img") == 0
