from catalogue.facets import Option
from catalogue.templatetags.list_filters import facet_options


def test_an_option_is_a_labelled_checkbox_with_its_count():
    html = facet_options([Option("dumbbells", "Dumbbells", 12)], "equipment")
    assert html == (
        '<li><label class="option"><input type="checkbox" name="equipment" '
        'value="dumbbells"> Dumbbells <span class="option__n">(12)</span>'
        "</label></li>"
    )


def test_a_ticked_option_is_checked_even_with_nothing_to_give():
    html = facet_options([Option("bench", "Bench", 0, selected=True)], "have")
    assert 'value="bench" checked>' in html


def test_options_that_would_give_nothing_are_left_out():
    options = [Option("a", "A", 0), Option("b", "B", 3)]
    assert 'value="a"' not in facet_options(options, "equipment")
    assert 'value="b"' in facet_options(options, "equipment")


def test_a_group_tag_counts_only_its_own_exercises_not_its_muscles():
    group = Option("back", "Back", 0, is_group=True)
    group.children = [Option("lats", "Lats", 4)]
    assert facet_options([group], "muscle") != ""  # a heading for its muscles
    assert facet_options([group], "muscle", own_count=True) == ""


def test_words_for_screen_readers_come_before_the_label():
    html = facet_options([Option("bar", "Bar", 1)], "have", hidden_prefix="I own ")
    assert '> <span class="visually-hidden">I own </span>Bar <span' in html


def test_names_and_values_from_editors_are_escaped():
    hostile = Option('x" onclick="y', "<script>alert(1)</script> & co", 1)
    html = facet_options([hostile], "equipment")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert 'value="x&quot; onclick=&quot;y"' in html
