import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from articles.markdown import render_markdown
from core.images import Illustrated
from core.models import (
    ContentVersion,
    ParentKeyManager,
    Publishable,
    PublishableQuerySet,
    SlugKeyed,
    SlugKeyManager,
)
from core.urls import slug_path


class ArticleQuerySet(PublishableQuerySet):
    def for_detail(self):
        return self.prefetch_related("faqs", "references")

    def relink(self):
        """Render again the articles that link exercises, after an exercise was
        published, unpublished, renamed or deleted. Moves the content version
        when a stored body changed, so no page cached in between outlives it."""
        changed = [
            article.pk
            for article in self.filter(body__contains="[[")
            if article.relink()
        ]
        if changed:
            ContentVersion.bump()
        return changed


ArticleManager = SlugKeyManager.from_queryset(ArticleQuerySet)


class RenderedOnSave:
    """A model whose markdown is rendered into stored HTML (its ``render()``)
    on every save, so that a page never renders it."""

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)


class Article(RenderedOnSave, SlugKeyed, Publishable, Illustrated):
    title = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.TextField(
        blank=True, help_text="The summary under the title, one or two sentences."
    )
    image_caption = models.CharField(
        "caption", max_length=250, blank=True, help_text="Shown under the hero image."
    )
    author = models.CharField(max_length=120, blank=True)
    reviewer = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who reviewed the article, e.g. April Edwards.",
    )
    reviewer_credentials = models.CharField(
        max_length=60, blank=True, help_text="The reviewer's credentials, e.g. MScPT."
    )
    is_fact_checked = models.BooleanField("fact checked", default=False)
    # Where the text comes from, credited and linked in the byline. An adapted
    # article shows its source's reviewer as the source's, not as the site's.
    source_title = models.CharField(
        max_length=250, blank=True, help_text="The title of the article this adapts."
    )
    source_publisher = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who published the source, e.g. Endomondo.",
    )
    source_url = models.URLField("source URL", max_length=300, blank=True)
    site_note = models.TextField(
        "what the site wrote",
        blank=True,
        help_text="What this site wrote or added itself, and what no one has reviewed. "
        "Shown with the credits.",
    )
    show_published_date = models.BooleanField(
        default=True,
        help_text="Untick when the source gives no publication date, so that the page "
        "shows none rather than an invented one.",
    )
    author_note = models.TextField(
        "author's opinion note",
        blank=True,
        help_text="Shown in a box at the top: the nature of the piece and how it was checked.",
    )
    revised_at = models.DateTimeField(
        "last updated",
        null=True,
        blank=True,
        help_text="Shown as “Updated” when the content was meaningfully revised.",
    )
    body = models.TextField(
        help_text="Markdown. ## and ### headings make the table of contents. "
        "Link an exercise by name with [[Inverted Row]] or [[Inverted Row|other words]]."
    )
    body_html = models.TextField(editable=False, blank=True)
    toc = models.JSONField(
        "table of contents", editable=False, default=list, blank=True
    )
    relink_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When an exercise this article links goes live: the body is "
        "rendered again then, to link it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_path("articles:article_detail", self.slug)

    def render(self):
        """Render and sanitise the body; return the exercise names that matched nothing."""
        rendered = render_markdown(self.body)
        self.body_html = rendered.html
        self.toc = rendered.toc
        self.relink_at = rendered.relink_at
        return rendered.missing_links

    def relink(self):
        """Render again; store the result if it changed. True when it did."""
        before = (self.body_html, self.toc, self.relink_at)
        self.render()
        if (self.body_html, self.toc, self.relink_at) == before:
            return False
        Article.objects.filter(pk=self.pk).update(
            body_html=self.body_html, toc=self.toc, relink_at=self.relink_at
        )
        return True

    def relink_if_due(self):
        """A scheduled exercise this article links has gone live: link it now.
        (No save happened then, so nothing else would render the body again.)"""
        if self.relink_at and self.relink_at <= timezone.now() and self.relink():
            ContentVersion.bump()


class OrderedArticlePart(models.Model):
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order on the page."
    )

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class FAQ(RenderedOnSave, OrderedArticlePart):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=255)
    answer = models.TextField(
        help_text="Plain text; a blank line starts a new paragraph. Link an exercise "
        "by name as in the body: [[Bird Dog]] or [[Bird Dog|the bird dog]]."
    )
    answer_html = models.TextField(editable=False, blank=True)

    objects = ParentKeyManager("article__slug", "question")

    class Meta(OrderedArticlePart.Meta):
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "question"], name="faq_unique_question"
            ),
        ]

    def __str__(self):
        return self.question

    def render(self):
        """Render the answer's exercise links, as the body's; return unmatched names."""
        rendered = render_markdown(self.answer)
        self.answer_html = rendered.html
        return rendered.missing_links

    def natural_key(self):
        return (*self.article.natural_key(), self.question)

    natural_key.dependencies = ["articles.article"]


# "10.", the registrant's code, "/", and a suffix (the DOI Handbook's syntax);
# the code's 4 to 9 digits are Crossref's advice for matching real DOIs.
BARE_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
DOI_AS_LINK = re.compile(
    r"(?:https?://(?:dx\.|www\.)?doi\.org/|doi:)\s*", re.IGNORECASE
)


def validate_doi(value):
    """A reference's link is https://doi.org/ plus this: a pasted link or a
    "doi:" in front would make it a broken one."""
    if prefix := DOI_AS_LINK.match(value):
        raise ValidationError(
            "Enter the DOI without “%(prefix)s” in front: it is added for the link.",
            code="doi_prefix",
            params={"prefix": prefix.group().strip()},
        )
    if not BARE_DOI.fullmatch(value):
        raise ValidationError(
            "A DOI starts with “10.” and has a “/”, e.g. 10.3906/sag-1511-155.",
            code="doi",
        )


class Reference(OrderedArticlePart):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="references"
    )
    authors = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=400)
    journal = models.CharField(max_length=200, blank=True)
    details = models.CharField(
        max_length=120, blank=True, help_text="Volume(issue), pages, e.g. 12(17), 5510."
    )
    doi = models.CharField(
        "DOI",
        max_length=120,
        blank=True,
        help_text="The bare DOI, e.g. 10.3906/sag-1511-155.",
        validators=[validate_doi],
    )
    url = models.URLField(
        "URL",
        max_length=300,
        blank=True,
        help_text="Used when there is no DOI (e.g. PubMed).",
    )

    objects = ParentKeyManager("article__slug", "title")

    class Meta(OrderedArticlePart.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["article", "title"], name="reference_unique_title"
            ),
            models.CheckConstraint(
                condition=~models.Q(doi="", url=""), name="reference_has_link"
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (*self.article.natural_key(), self.title)

    natural_key.dependencies = ["articles.article"]

    @property
    def link(self):
        return f"https://doi.org/{self.doi}" if self.doi else self.url
