"""The comments section under a page: one blank form's fields for every page,
each form naming its own page."""

import pytest

from discussion.templatetags import discussion as tags
from discussion.templatetags.discussion import blank_fields, on_field
from tests.discussion.helpers import comment_form
from tests.factories import make_article, make_exercise

pytestmark = pytest.mark.django_db


def test_each_page_s_form_names_its_page_around_the_same_blank_fields(client):
    make_exercise("Cable Row")
    make_exercise("Seal Row")
    article = make_article()
    pages = [
        "/exercises/cable-row/",
        "/exercises/seal-row/",
        article.get_absolute_url(),
    ]
    forms = [comment_form(client.get(url)) for url in pages]
    assert [form.pop("on") for form in forms] == [
        "exercise:cable-row",
        "exercise:seal-row",
        f"article:{article.slug}",
    ]
    assert (
        forms[0]
        == forms[1]
        == forms[2]
        == {
            "name": "",
            "email": "",
            "body": "",
            "website": "",
        }
    )
    html = client.get(pages[0]).content.decode()
    assert blank_fields() in html
    assert html.count('name="on"') == 1


def test_the_blank_fields_carry_no_value_and_no_error():
    html = blank_fields()
    assert 'name="on"' not in html
    assert 'role="alert"' not in html
    assert 'value=""' in html  # the honeypot, always empty
    for label in ("Your name", "Email (optional)", "Your comment"):
        assert label in html


@pytest.mark.parametrize("key", ["exercise:cable-row", 'article:"quoted"&<tagged>'])
def test_the_hidden_field_is_the_form_s_own_widget_with_the_key_escaped(key):
    assert on_field(key) == str(tags.comment_form(key)["on"])
