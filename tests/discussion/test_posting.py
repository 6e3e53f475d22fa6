"""Posting a comment from a cached page: the preview step, CSRF, the spam rules."""

import time

import pytest
from django.core.cache import cache
from django.test import Client

from discussion import spam
from discussion.models import Comment, Status
from tests.discussion.helpers import Forms, comment_form, fill
from tests.factories import make_article, make_exercise
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

WRITTEN = {
    "name": "Sam Reader",
    "email": "sam@example.com",
    "body": "I felt this in my lats.\nThe second step helped.",
}


@pytest.fixture
def row():
    return make_exercise("Cable Row")


@pytest.fixture
def quick(settings):
    """No minimum wait: the tests of other rules need not sleep."""
    settings.DISCUSSION_MIN_SECONDS = 0
    return settings


def csrf_client():
    return Client(enforce_csrf_checks=True)


def preview(client, page_url, **values):
    fields = fill(comment_form(client.get(page_url)), **{**WRITTEN, **values})
    return client.post("/comments/preview/", fields)


def confirm(client, response, **values):
    fields = fill(comment_form(response, "/comments/post/"), **values)
    return client.post("/comments/post/", fields)


def test_the_cached_page_carries_no_token_cookie_or_reader_data(row):
    first, _ = count_queries(Client(), "/exercises/cable-row/")
    second, warm = count_queries(Client(), "/exercises/cable-row/")
    assert warm == 1  # served from the page cache
    assert first.content == second.content
    html = second.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not second.cookies
    fields = comment_form(second)
    assert fields == {
        "on": "exercise:cable-row",
        "name": "",
        "email": "",
        "website": "",
    } | {"body": ""}


def test_posting_from_a_page_served_from_the_cache(row, quick):
    Client().get("/exercises/cable-row/")  # someone else's visit fills the cache
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/")
    assert shown.status_code == 200
    assert "no-cache" in shown["Cache-Control"] or "no-store" in shown["Cache-Control"]
    html = shown.content.decode()
    assert "Check your comment" in html
    assert "csrfmiddlewaretoken" in html and "csrftoken" in shown.cookies
    assert Comment.objects.count() == 0  # the preview stores nothing
    posted = confirm(client, shown)
    assert posted.status_code == 302
    comment = Comment.objects.get()
    assert comment.exercise == row and comment.status == Status.PENDING
    assert comment.body == WRITTEN["body"] and comment.email == WRITTEN["email"]
    thanks = client.get(posted["Location"])
    assert "waiting for approval" in thanks.content.decode()


def test_two_readers_never_share_a_token(row, quick):
    tokens = []
    for _ in range(2):
        client = csrf_client()
        shown = preview(client, "/exercises/cable-row/")
        tokens.append(comment_form(shown, "/comments/post/")["csrfmiddlewaretoken"])
        assert shown.cookies["csrftoken"].value
    assert tokens[0] != tokens[1]


def test_the_confirmation_needs_its_csrf_token(row, quick):
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/")
    fields = comment_form(shown, "/comments/post/")
    del fields["csrfmiddlewaretoken"]
    assert client.post("/comments/post/", fields).status_code == 403
    # Nor does another reader's cookie-less browser get through with it.
    stranger = csrf_client()
    stolen = comment_form(shown, "/comments/post/")
    assert stranger.post("/comments/post/", stolen).status_code == 403
    assert Comment.objects.count() == 0


def test_comments_on_the_article_too(quick):
    make_article("Middle back basics")
    client = csrf_client()
    shown = preview(client, "/articles/middle-back-basics/")
    confirm(client, shown)
    assert Comment.objects.get().article.slug == "middle-back-basics"


def test_the_honeypot_refuses_with_a_message_and_keeps_the_text(row, quick):
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/", website="http://spam.example")
    html = shown.content.decode()
    assert "Leave this empty" in html and "catch spam robots" in html
    assert "I felt this in my lats." in html
    assert "http://spam.example" not in html  # never echoed back
    posted = confirm(client, shown, website="bot")
    assert posted.status_code == 200 and "catch spam robots" in posted.content.decode()
    assert Comment.objects.count() == 0


def test_posting_too_soon_after_the_form_was_shown_is_refused(row, settings):
    settings.DISCUSSION_MIN_SECONDS = 3
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/")
    posted = confirm(client, shown)
    html = posted.content.decode()
    assert posted.status_code == 200 and "very quick" in html
    assert "I felt this in my lats." in html
    assert Comment.objects.count() == 0
    # The same form, signed as shown a few seconds ago, is accepted.
    fields = comment_form(posted, "/comments/post/")
    fields["issued"] = spam.issue_token("exercise:cable-row", now=time.time() - 5)
    assert client.post("/comments/post/", fields).status_code == 302


def test_a_forged_expired_or_moved_token_is_refused(row, quick):
    make_exercise("Face Pull")
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/")
    for issued, message in [
        ("forged", "could not be checked"),
        (spam.issue_token("exercise:cable-row", now=time.time() - 3 * 3600), "expired"),
        (spam.issue_token("exercise:face-pull"), "another page"),
    ]:
        posted = confirm(client, shown, issued=issued)
        assert message in posted.content.decode()
    assert Comment.objects.count() == 0


def test_the_rate_limit_refuses_the_sixth_post_in_ten_minutes(row, quick):
    client = csrf_client()
    for n in range(5):
        shown = preview(client, "/exercises/cable-row/", body=f"Comment {n}")
        assert confirm(client, shown).status_code == 302
    shown = preview(client, "/exercises/cable-row/", body="One more")
    posted = confirm(client, shown)
    html = posted.content.decode()
    assert posted.status_code == 200 and "which is our limit" in html
    assert "One more" in html
    assert Comment.objects.count() == 5
    # Another address is not affected; the limit lives in the cache.
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.0.0.9")
    assert confirm(other, preview(other, "/exercises/cable-row/")).status_code == 302
    cache.clear()
    assert confirm(client, preview(client, "/exercises/cable-row/")).status_code == 302


def test_more_than_two_links_are_held_for_a_careful_look(row, quick):
    client = csrf_client()
    body = "See https://a.example, http://b.example and www.c.example"
    confirm(client, preview(client, "/exercises/cable-row/", body=body))
    two = "See https://a.example and http://b.example"
    confirm(client, preview(client, "/exercises/cable-row/", body=two))
    held = dict(Comment.objects.values_list("body", "held_reason"))
    assert held[body] == "3 links (more than 2)"
    assert held[two] == ""


@pytest.mark.parametrize(
    "values, message",
    [
        ({"body": "x" * 2001}, "2,000 characters"),
        ({"body": "   "}, "This field is required"),
        ({"name": ""}, "This field is required"),
        ({"name": "n" * 81}, "at most 80 characters"),
        ({"email": "not an address"}, "valid email"),
    ],
)
def test_size_and_field_limits_refuse_with_a_message(row, quick, values, message):
    client = csrf_client()
    shown = preview(client, "/exercises/cable-row/", **values)
    assert shown.status_code == 200 and message in shown.content.decode()
    posted = confirm(client, shown)
    assert posted.status_code == 200 and message in posted.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("on", ["exercise:no-such-thing", "user:admin", "", "x" * 300])
def test_a_form_for_no_page_is_refused_and_the_text_kept(row, quick, on):
    for url in ("/comments/preview/", "/comments/post/"):
        response = Client().post(url, {**WRITTEN, "on": on})
        html = response.content.decode()
        assert response.status_code == 200 and "does not take comments" in html
        assert "I felt this in my lats." in html
    assert Comment.objects.count() == 0


def test_2000_characters_with_windows_line_breaks_fit(row, quick):
    body = ("a" * 99 + "\r\n") * 20  # 2,000 characters once a break is one
    client = csrf_client()
    assert (
        confirm(client, preview(client, "/exercises/cable-row/", body=body)).status_code
        == 302
    )
    assert len(Comment.objects.get().body) == 1999  # the last break is trimmed


def test_drafts_take_no_comments(quick):
    make_exercise("Secret Row", status="draft")
    client = csrf_client()
    response = client.post(
        "/comments/preview/", {"on": "exercise:secret-row", **WRITTEN}
    )
    assert "does not take comments" in response.content.decode()


def test_garbage_posts_never_fail(row, quick):
    client = csrf_client()
    for data in [{}, {"on": "x" * 5000}, {"on": "exercise:"}, {"name": "\x00"}]:
        assert client.post("/comments/preview/", data).status_code == 200
    assert client.get("/comments/preview/").status_code == 405
    assert Client().post("/comments/post/", {}).status_code == 200


def test_what_a_reader_writes_is_escaped_in_the_preview(row, quick):
    client = csrf_client()
    shown = preview(
        client, "/exercises/cable-row/", name="<b>Sam</b>", body="<script>x()</script>"
    )
    html = shown.content.decode()
    assert "<script>x()" not in html and "&lt;script&gt;x()" in html
    assert "<b>Sam</b>" not in html


def test_a_get_of_the_post_endpoint_is_refused():
    assert Client().get("/comments/post/").status_code == 405


def test_forms_parser_reads_the_page_form(row):
    forms = Forms(Client().get("/exercises/cable-row/").content.decode())
    assert [form["action"] for form in forms.forms] == ["/comments/preview/"]
