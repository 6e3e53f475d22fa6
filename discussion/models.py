"""Readers' comments on exercises and the article, held until an editor approves them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from catalogue.models import Exercise
from core.content_state import PerContentState
from core.models import one_level_parent, visible_condition

MAX_BODY = 2000
MAX_NAME = 80


class Status(models.IntegerChoices):
    # Numbered so that ordering by status puts the comments waiting for an
    # editor first in the admin.
    PENDING = 0, "Waiting for approval"
    APPROVED = 1, "Approved"
    REJECTED = 2, "Rejected"
    SPAM = 3, "Spam"


def new_delete_key():
    return secrets.token_urlsafe(12)


def read_commented_pages():
    """The exercises and articles with an approved comment, as (model, pk)
    pairs: one query, for the whole site."""
    rows = (
        Comment.objects.approved()
        .order_by()
        .values_list("exercise_id", "article_id")
        .distinct()
    )
    pages = set()
    for exercise_id, article_id in rows:
        pages.add((Exercise, exercise_id) if exercise_id else (Article, article_id))
    return pages


# Read once per content state: approving, hiding or deleting a shown comment
# moves the state on (discussion.signals, and the admin's bulk actions).
_commented = PerContentState(read_commented_pages)


def commented_pages():
    return _commented.get()


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Status.APPROVED)

    def on(self, target):
        """Comments on one exercise or article."""
        field = "exercise" if isinstance(target, Exercise) else "article"
        return self.filter(**{field: target})

    def for_page(self, target):
        """The approved comments under an exercise or the article: one query,
        none for a page without any (most pages: see ``commented_pages``).

        Returns the top-level comments, oldest first, each with ``reply_list``
        (its approved replies); a reply whose comment is not approved is not shown.
        """
        if (target._meta.concrete_model, target.pk) not in commented_pages():
            return []
        comments = list(
            self.approved()
            .on(target)
            .only("parent", "name", "body", "by_site", "created_at")
            .order_by("created_at", "pk")
        )
        top = {c.pk: c for c in comments if c.parent_id is None}
        for comment in top.values():
            comment.reply_list = []
        for comment in comments:
            if comment.parent_id in top:
                top[comment.parent_id].reply_list.append(comment)
        return list(top.values())

    def for_discussion(self, exercises=None):
        """The discussion tab: approved comments whose page readers can see,
        newest first, with what they are about. With ``exercises`` (a filtered
        selection), only the comments on those exercises."""
        if exercises is not None:
            on_public = Q(exercise__in=exercises.order_by().values("pk"))
        else:
            # On the joins select_related() makes anyway, not IN (a subquery).
            on_public = visible_condition(None, through="exercise__") | (
                visible_condition(None, through="article__")
            )
        shown = Q(parent__isnull=True) | Q(parent__status=Status.APPROVED)
        return (
            self.approved()
            .filter(on_public, shown)
            .select_related("exercise", "article")
            .only(
                "name",
                "body",
                "by_site",
                "created_at",
                "parent",
                "exercise__name",
                "exercise__slug",
                "article__title",
                "article__slug",
            )
            .order_by("-created_at", "-pk")
        )


def commented(subject):
    """The key to what a comment is on: an exercise or an article (exactly one
    of the two, see ``Comment.Meta``)."""
    return models.ForeignKey(
        subject,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )


class Comment(models.Model):
    exercise = commented(Exercise)
    article = commented(Article)
    parent = one_level_parent(
        "parent",
        related_name="replies",
        on_delete=models.CASCADE,
        help_text="The comment this replies to (one level: replies have no replies).",
    )
    name = models.CharField(max_length=MAX_NAME)
    email = models.EmailField(
        blank=True,
        help_text="Never shown on the site; deleted with the comment.",
    )
    body = models.TextField("comment", max_length=MAX_BODY)
    status = models.PositiveSmallIntegerField(
        choices=Status, default=Status.PENDING, db_index=True
    )
    by_site = models.BooleanField(
        "reply from the site",
        default=False,
        help_text="Written by an editor or the reviewer; marked as the site's.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    held_reason = models.CharField(
        "flagged by the spam rules because", max_length=120, blank=True, editable=False
    )
    # Half of what the reader's private delete link signs: a link made for one
    # comment never matches another, even if a row id were ever reused.
    delete_key = models.CharField(max_length=24, default=new_delete_key, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-created_at"]
        permissions = [
            ("moderate_comment", "Can approve, reject or mark comments as spam")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(exercise__isnull=False, article__isnull=True)
                | Q(exercise__isnull=True, article__isnull=False),
                name="comment_on_one_page",
            ),
        ]
        indexes = [
            models.Index(fields=["exercise", "status"], name="comment_exercise_idx"),
            models.Index(fields=["article", "status"], name="comment_article_idx"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Deferred fields are not in __dict__: reading them here would query.
        self._loaded_status = self.__dict__.get("status") if self.pk else None

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    def get_absolute_url(self):
        return f"{self.target.get_absolute_url()}#comment-{self.pk}"

    @property
    def target(self):
        return self.exercise if self.exercise_id else self.article

    @property
    def was_or_is_visible(self):
        """Whether saving or deleting this changes what readers see."""
        return Status.APPROVED in (self.status, self._loaded_status)
