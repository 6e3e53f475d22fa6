"""The analysis's bars: a linked count, its bar, the same markup for every figure."""

from catalogue.analysis import Figure
from catalogue.templatetags.analysis_charts import bar


def test_a_count_links_to_its_exercises_and_says_how_many():
    one = bar(Figure(1, "/exercises/?equipment=dumbbells&level=beginner", 4))
    assert (
        '<a class="bar__n" href="/exercises/?equipment=dumbbells&amp;level=beginner">'
        in one
    )
    assert '1<span class="visually-hidden"> exercise</span></a>' in one
    assert '<rect class="bar__fill" width="4" height="10"/>' in one
    assert "exercises</span>" in bar(Figure(12, "/exercises/", 100))


def test_zero_is_a_number_not_a_link():
    html = bar(Figure(0, "/exercises/?q=zzz", 0))
    assert '<span class="bar__n">0</span>' in html
    assert "<a " not in html


def test_the_kind_colours_the_bar_and_is_escaped():
    assert 'class="bar__chart bar__chart--total"' in bar(Figure(3, "/", 30), "total")
    assert 'class="bar__chart"' in bar(Figure(3, "/", 30))
    assert "<script>" not in bar(Figure(3, '/"><script>', 30), "<script>")
