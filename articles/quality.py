from articles.markdown import render_markdown
from articles.models import Article
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


def checks():
    return [
        Check(
            "Articles linking a missing exercise",
            "An [[Exercise]] link readers get as plain text: the exercise was renamed "
            "away or deleted, or is a draft or scheduled.",
            articles_with_missing_links(),
        )
    ]
