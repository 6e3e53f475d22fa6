from articles.models import Article
from core.quality import Check, Problem, change_url


def articles_with_missing_links():
    rows = Article.objects.filter(body_html__contains="exercise-link--missing").only(
        "title"
    )
    return [
        Problem(a.title, "links an exercise that no longer exists", change_url(a))
        for a in rows
    ]


def checks():
    return [
        Check(
            "Articles linking a missing exercise",
            "An [[Exercise]] link whose exercise was renamed away or deleted.",
            articles_with_missing_links(),
        )
    ]
