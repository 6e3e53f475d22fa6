"""Posting, confirming and deleting comments, and the discussion tab.

Public pages are cached whole and shared by every reader, so the comment form
on them holds nothing about a reader: no CSRF token, no timestamp. It posts to
``preview``, which changes nothing (so needs no CSRF token) and answers a page
of its own, never cached, with a fresh CSRF token and a signed note of when it
was shown. The reader checks the comment there and confirms; ``post`` is
CSRF-protected and applies the spam rules. No reader ever gets a page another
reader's request made.
"""

from dataclasses import dataclass

from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from catalogue.analysis import selection
from catalogue.drilldown import list_parameters
from core.cache import cache_page_for_readers
from discussion import spam
from discussion.forms import CommentForm, ConfirmForm
from discussion.models import Comment, Status

MANAGE_SALT = "discussion.manage"


@dataclass
class PageLink:
    number: int | None
    url: str | None
    current: bool


PER_PAGE = 20


def manage_token(comment):
    return signing.dumps([comment.pk, comment.delete_key], salt=MANAGE_SALT)


def comment_for_token(token):
    """The comment a private link is for, or 404: the signature covers both the
    id and the comment's own key, so a link opens its own comment only."""
    try:
        pk, key = signing.loads(token, salt=MANAGE_SALT)
        comment = Comment.objects.select_related("exercise", "article").get(pk=pk)
    except (signing.BadSignature, ValueError, TypeError, Comment.DoesNotExist):
        raise Http404("No such comment") from None
    if not signing.constant_time_compare(comment.delete_key, key):
        raise Http404("No such comment")
    return comment


def compose(request, form, *, problem=None):
    """The confirmation page: the comment as it will look, and the form to post
    it, or the reader's text back with what to change. Never cached: it carries
    this reader's CSRF token and a freshly signed note of when it was shown."""
    ready = form.is_valid() and problem is None
    context = {
        "form": form,
        "target": getattr(form, "target", None),
        "problem": problem,
        "ready": ready,
        "preview": form.cleaned_data if ready else None,
        "issued": spam.issue_token(form.data.get("on", "")),
    }
    return render(request, "discussion/compose.html", context)


@csrf_exempt  # changes nothing; see the module's docstring
@never_cache
@require_POST
def preview(request):
    form = CommentForm(request.POST)
    form.is_valid()
    return compose(request, form)


@never_cache
@require_POST
def post(request):
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return compose(request, form)
    data = form.cleaned_data
    address = spam.client_address(request)
    problem = spam.token_problem(data["issued"], data["on"])
    if problem is None and spam.rate_limited(address):
        posts, seconds = spam.rate_limit()
        problem = (
            f"You have posted {posts} comments in the last {seconds // 60} minutes, "
            "which is our limit. Please wait a few minutes, then post this one: "
            "what you wrote is kept below."
        )
    if problem:
        return compose(request, form, problem=problem)
    comment = Comment.objects.create(
        **{form.target._meta.model_name: form.target},
        name=data["name"],
        email=data["email"],
        body=data["body"],
        held_reason=spam.held_reason(data["body"]),
    )
    spam.count_post(address)
    return redirect("discussion:manage", token=manage_token(comment))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """The reader's private page for one comment: where it stands, and delete."""
    comment = comment_for_token(token)
    if request.method == "POST":
        target = comment.target
        comment.delete()  # the email address goes with it
        had_email = bool(comment.email)
        return render(
            request,
            "discussion/deleted.html",
            {"target": target, "had_email": had_email},
        )
    context = {
        "comment": comment,
        "link": request.build_absolute_uri(),
        "is_new": comment.status == Status.PENDING,
        "is_published": comment.status == Status.APPROVED,
    }
    return render(request, "discussion/manage.html", context)


@require_safe
@cache_page_for_readers(parameters=list_parameters())
def discussion_list(request):
    """The Discussion tab: the latest approved comments, for the same selection
    as the A–Z list when it is filtered, across the whole site when it is not."""
    chosen = selection(request)
    comments = Comment.objects.for_discussion(
        chosen.exercises if chosen.filtered else None
    )
    page = Paginator(comments, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "selection": chosen,
        "page": page,
        "list_url": chosen.url(),
        **page_navigation(page, chosen.query),
    }
    return render(request, "discussion/discussion_list.html", context)


def page_navigation(page, query):
    """Links for includes/pagination.html; each keeps the selection's query."""
    path = reverse("discussion:discussion_list")

    def url(number):
        parts = [query] if query else []
        if number > 1:
            parts.append(f"page={number}")
        return f"{path}?{'&'.join(parts)}" if parts else path

    last = page.paginator.num_pages
    numbers = sorted(
        {1, last, *range(max(1, page.number - 2), min(last, page.number + 2) + 1)}
    )
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append(PageLink(None, None, False))
        links.append(PageLink(number, url(number), number == page.number))
        previous = number
    return {
        "page_links": links,
        "previous_url": url(page.number - 1) if page.has_previous() else None,
        "next_url": url(page.number + 1) if page.has_next() else None,
    }
