from articles.models import Article
from core.sitemaps import NamedPagesSitemap, SiteSitemap


class ArticleIndexSitemap(NamedPagesSitemap):
    url_names = ("articles:article_list",)


class ArticleSitemap(SiteSitemap):
    """Published articles only: drafts and scheduled ones are not pages yet."""

    def items(self):
        return Article.objects.published().only(
            "slug", "published_at", "revised_at", "status"
        )

    def lastmod(self, article):
        # The date the page shows ("Updated ..."): a revision editors call
        # meaningful, not every save (a saved typo fix is not a new version).
        return article.revised_at or article.published_at


SITEMAPS = {"articles": ArticleIndexSitemap, "article_pages": ArticleSitemap}
