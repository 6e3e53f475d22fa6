from django.core.exceptions import ValidationError

from articles.markdown import render_markdown
from articles.models import Article, Reference, validate_doi
from core.quality import Check, Problem, change_url


def articles_with_missing_links():
    """Articles with an [[Exercise]] link readers get as plain text: the
    exercise is missing, or a draft or scheduled (not linked until it is live)."""
    rows = Article.objects.filter(body_html__contains="exercise-link--missing").only(
        "title", "body"
    )
    problems = []
    for article in rows:
        rendered = render_markdown(article.body)
        details = [
            *(f"“{name}”: no such exercise" for name in rendered.missing_links),
            *(f"“{name}”: draft or scheduled" for name in rendered.hidden_links),
        ]
        problems.append(
            Problem(
                article.title,
                "; ".join(details) or "an exercise link readers cannot follow",
                change_url(article),
            )
        )
    return problems


def references_with_broken_dois():
    """References saved before DOIs were checked (or loaded from a file) whose
    DOI would make a broken link: shown on the article they belong to."""
    problems = []
    for reference in Reference.objects.exclude(doi="").select_related("article"):
        try:
            validate_doi(reference.doi)
        except ValidationError as error:
            problems.append(
                Problem(
                    f"{reference.article.title}: {reference.title}",
                    f"“{reference.doi}”: {error.messages[0]}",
                    change_url(reference.article),
                )
            )
    return problems


def checks():
    return [
        Check(
            "Articles linking a missing exercise",
            "An [[Exercise]] link readers get as plain text: the exercise was renamed "
            "away or deleted, or is a draft or scheduled.",
            articles_with_missing_links(),
        ),
        Check(
            "References with a DOI that is not one",
            "Its link would lead to doi.org's “DOI not found” page.",
            references_with_broken_dois(),
        ),
    ]
