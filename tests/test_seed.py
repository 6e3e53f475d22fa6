"""The expectations in tests/seed_article.py are the seed article's own words.

tests/data/seed-article.txt is a verbatim copy of the article the content comes
from, kept in the repository so that this test always runs.
"""

from pathlib import Path

from tests.seed_article import (
    ARTICLE_EXERCISES,
    ARTICLE_FAQ,
    ARTICLE_HEADINGS,
    ARTICLE_REFERENCE_LINKS,
    ARTICLE_TIPS,
)

SEED = Path(__file__).resolve().parent / "data" / "seed-article.txt"


def test_expectations_are_taken_from_the_seed_article():
    text = SEED.read_text()
    lines = [line.strip() for line in text.splitlines()]
    for name, equipment, groups, first_step in ARTICLE_EXERCISES:
        assert name in lines
        assert first_step in text
        for item in (*equipment, *groups):
            assert item in lines
    for heading in (*ARTICLE_HEADINGS, *ARTICLE_FAQ):
        assert heading in lines, heading
    for tip in ARTICLE_TIPS:
        assert tip in text
    for link in ARTICLE_REFERENCE_LINKS:
        identifier = link.removeprefix("https://doi.org/")
        assert identifier in text, link
