"""Moderation, counts, replies, output escaping, private delete links, the tab."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.core.management import call_command
from django.test import Client

from core.models import ContentVersion
from discussion.models import Comment, Status
from discussion.views import MANAGE_SALT, manage_token
from tests.factories import make_article, make_exercise
from tests.utils import Page, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def row():
    return make_exercise("Cable Row")


def comment_on(target, status=Status.PENDING, **fields):
    field = "exercise" if hasattr(target, "steps") else "article"
    return Comment.objects.create(
        **{field: target},
        name=fields.pop("name", "Sam"),
        body=fields.pop("body", "Useful."),
        status=status,
        **fields,
    )


@pytest.fixture
def editor():
    call_command("setup_editors", verbosity=0)
    user = User.objects.create_user(
        "ed", password="pw", first_name="Ed", last_name="Itor"
    )
    call_command("setup_editors", "--add", "ed", verbosity=0)
    client = Client()
    client.force_login(user)
    return client


def heading(client, url):
    page = Page(client.get(url).content.decode())
    return next(h for h in page.h(2) if h.endswith(("Comment", "Comments")))


def test_nothing_shows_until_approved_and_then_at_once(row):
    reader = Client()
    comment = comment_on(row, body="Great cue about the elbows.")
    assert "Great cue" not in reader.get("/exercises/cable-row/").content.decode()
    assert heading(reader, "/exercises/cable-row/") == "0 Comments"
    comment.status = Status.APPROVED
    comment.save()  # the cached page changes at once
    assert "Great cue" in reader.get("/exercises/cable-row/").content.decode()
    assert heading(reader, "/exercises/cable-row/") == "1 Comment"


def test_counts_count_approved_comments_only_singular_and_plural(row):
    comment_on(row, Status.APPROVED)
    comment_on(row, Status.REJECTED)
    comment_on(row, Status.SPAM)
    comment_on(row, Status.PENDING)
    assert heading(Client(), "/exercises/cable-row/") == "1 Comment"
    comment_on(row, Status.APPROVED)
    assert heading(Client(), "/exercises/cable-row/") == "2 Comments"


def test_a_pending_post_does_not_empty_the_page_cache(row):
    Client().get("/exercises/cable-row/")
    comment_on(row)
    _, queries = count_queries(Client(), "/exercises/cable-row/")
    assert queries == 1


def test_output_is_escaped_and_line_breaks_kept(row):
    comment_on(
        row,
        Status.APPROVED,
        name="<img src=x onerror=alert(1)>",
        body="<script>alert(1)</script>\nSee https://example.com/x",
    )
    html = Client().get("/exercises/cable-row/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html
    assert "&lt;/script&gt;<br>See https://example.com/x" in html
    assert 'href="https://example.com/x"' not in html  # links are shown as text


def test_the_admin_lists_pending_first_with_their_count(row, editor):
    comment_on(row, Status.APPROVED, body="Old and approved")
    comment_on(row, Status.PENDING, body="New and waiting")
    comment_on(row, Status.PENDING, body="Also waiting")
    response = editor.get("/admin/discussion/comment/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Moderate comments: 2 waiting for approval" in html
    assert html.index("waiting") < html.index("Old and approved")


def test_editors_approve_reject_and_mark_spam_in_bulk(row, editor):
    comments = [comment_on(row, body=f"Comment {n}") for n in range(4)]
    Client().get("/exercises/cable-row/")  # a cached copy without them
    for action, chosen, status in [
        ("approve", comments[:2], Status.APPROVED),
        ("reject", comments[2:3], Status.REJECTED),
        ("mark_spam", comments[3:], Status.SPAM),
    ]:
        response = editor.post(
            "/admin/discussion/comment/",
            {"action": action, "_selected_action": [c.pk for c in chosen]},
        )
        assert response.status_code == 302
        assert {
            c.status for c in Comment.objects.filter(pk__in=[c.pk for c in chosen])
        } == {status}
    html = Client().get("/exercises/cable-row/").content.decode()
    assert "Comment 0" in html and "Comment 1" in html
    assert "Comment 2" not in html and "Comment 3" not in html


def test_the_editors_group_can_moderate_and_nothing_more(editor):
    user = User.objects.get(username="ed")
    assert user.has_perm("discussion.moderate_comment")
    assert user.has_perm("discussion.change_comment")
    assert not user.has_perm("auth.change_user")
    assert not user.is_superuser


def test_staff_without_the_permission_cannot_moderate(row):
    user = User.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client = Client()
    client.force_login(user)
    comment = comment_on(row)
    client.post(
        "/admin/discussion/comment/",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_an_editor_replies_as_the_site_one_level_deep(row, editor):
    comment = comment_on(row, body="Which grip is best?")
    form = editor.get(f"/admin/discussion/comment/{comment.pk}/change/")
    assert form.status_code == 200 and "Reply as the site" in form.content.decode()
    assert editor.get("/admin/discussion/comment/add/").status_code == 403
    response = editor.post(
        f"/admin/discussion/comment/{comment.pk}/change/",
        {
            "name": comment.name,
            "email": "",
            "body": comment.body,
            "status": Status.PENDING,
            "reply": "A neutral grip suits most people.",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED  # replying approves it
    reply = comment.replies.get()
    assert reply.by_site and reply.name == "Ed Itor" and reply.status == Status.APPROVED
    # A reply to the reply still hangs under the first comment.
    editor.post(
        f"/admin/discussion/comment/{reply.pk}/change/",
        {
            "name": reply.name,
            "email": "",
            "body": reply.body,
            "status": Status.APPROVED,
            "reply": "And more.",
        },
    )
    assert comment.replies.count() == 2
    assert not Comment.objects.filter(parent=reply).exists()
    page = Page(Client().get("/exercises/cable-row/").content.decode())
    assert "A neutral grip suits most people." in page.text
    assert "Backbone" in page.text
    assert heading(Client(), "/exercises/cable-row/") == "3 Comments"


def test_the_private_link_deletes_its_own_comment_and_the_email(row):
    mine = comment_on(row, Status.APPROVED, body="Mine", email="me@example.com")
    theirs = comment_on(row, Status.APPROVED, body="Theirs", email="them@example.com")
    client = Client(enforce_csrf_checks=True)
    url = f"/comments/yours/{manage_token(mine)}/"
    page = client.get(url)
    assert page.status_code == 200 and "Mine" in page.content.decode()
    assert "Theirs" not in page.content.decode()
    token = Page(page.content.decode())
    csrf = next(
        a["value"] for t, a in token.tags if a.get("name") == "csrfmiddlewaretoken"
    )
    deleted = client.post(url, {"csrfmiddlewaretoken": csrf})
    assert deleted.status_code == 200 and "email address" in deleted.content.decode()
    assert not Comment.objects.filter(pk=mine.pk).exists()
    assert not Comment.objects.filter(email="me@example.com").exists()
    assert Comment.objects.filter(pk=theirs.pk).exists()
    assert client.get(url).status_code == 404  # gone


def test_a_link_works_only_for_its_comment(row):
    first = comment_on(row)
    second = comment_on(row)
    token = manage_token(first)
    assert Client().get(f"/comments/yours/{token}/").status_code == 200
    assert Client().put(f"/comments/yours/{token}/").status_code == 405
    # Another comment's id with this comment's key, properly signed: refused.
    swapped = signing.dumps([second.pk, first.delete_key], salt=MANAGE_SALT)
    # Another comment's payload under this link's signature: refused.
    payload = manage_token(second).split(":")[0]
    tampered = ":".join([payload, *token.split(":")[1:]])
    for bad in (swapped, tampered, token[:-2] + "xx", "nonsense", "a" * 300):
        assert Client().get(f"/comments/yours/{bad}/").status_code == 404
        assert Client().post(f"/comments/yours/{bad}/").status_code == 404
    # The comment's own key is signed too: a new key voids the old link.
    first.delete_key = "another-key"
    first.save()
    assert Client().get(f"/comments/yours/{token}/").status_code == 404
    assert Comment.objects.count() == 2


def test_deleting_needs_the_csrf_token(row):
    comment = comment_on(row)
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/comments/yours/{manage_token(comment)}/").status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_the_discussion_tab_lists_the_latest_approved_comments(row):
    other = make_exercise("Face Pull", equipment=[])
    article = make_article("Middle back basics")
    comment_on(row, Status.APPROVED, body="On the row")
    comment_on(other, Status.APPROVED, body="On the face pull")
    comment_on(article, Status.APPROVED, body="On the article")
    comment_on(row, Status.PENDING, body="Not yet")
    draft = make_exercise("Draft Row", status="draft")
    comment_on(draft, Status.APPROVED, body="On a draft")
    page = Page(Client().get("/exercises/discussion/").content.decode())
    assert "On the article" in page.text and "On the row" in page.text
    assert "Not yet" not in page.text and "On a draft" not in page.text
    assert page.text.index("On the article") < page.text.index(
        "On the row"
    )  # newest first
    assert "/exercises/cable-row/#comment-" in " ".join(page.links)
    # With filters, only the comments on the selection's exercises.
    page = Page(Client().get("/exercises/discussion/?q=face").content.decode())
    assert "On the face pull" in page.text
    assert "On the row" not in page.text and "On the article" not in page.text


def test_the_discussion_tab_is_paginated_with_a_fixed_query_count(row):
    Comment.objects.bulk_create(
        Comment(exercise=row, name="Sam", body=f"Note {n}", status=Status.APPROVED)
        for n in range(45)
    )
    response, few = count_queries(Client(), "/exercises/discussion/?page=3")
    page = Page(response.content.decode())
    assert page.text.count("Note ") == 5  # 20 + 20 + 5
    assert "/exercises/discussion/?page=2" in page.links
    Comment.objects.bulk_create(
        Comment(exercise=row, name="Sam", body=f"More {n}", status=Status.APPROVED)
        for n in range(500)
    )
    ContentVersion.bump()
    _, many = count_queries(Client(), "/exercises/discussion/?page=3")
    assert few == many
    assert Client().get("/exercises/discussion/?page=zzz").status_code == 200
