from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article
from core.cache import cache_page_for_readers
from core.navigation import breadcrumbs


@require_safe
@cache_page_for_readers
def article_list(request):
    articles = Article.objects.visible_to(request.user).only(
        "title", "slug", "standfirst", "published_at", "status"
    )
    return render(request, "articles/article_list.html", {"articles": articles})


@require_safe
@cache_page_for_readers
def article_detail(request, slug):
    articles = Article.objects.visible_to(request.user).for_detail()
    article = get_object_or_404(articles, slug=slug)
    article.relink_if_due()
    trail = breadcrumbs(("Articles", "articles:article_list"), (article.title, None))
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "breadcrumbs": trail},
    )
