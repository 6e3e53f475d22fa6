from articles.models import Article
from core.sitemaps import NamedPagesSitemap, SiteSitemap


class ArticleIndexSitemap(NamedPagesSitemap):
    url_names = ("articles:article_list",)


class ArticleSitemap(SiteSitemap):
    """Published articles only: drafts and scheduled ones are not pages yet."""

    def items(self):
        return Article.objects.published().only(
            "slug", "published_at", "revised_at", "updated_at", "status"
        )

    def lastmod(self, article):
        # A revision editors call meaningful ("Updated ..." on the page); else
        # when the article last changed, which is true, where its publication
        # date may be the source's unknown one (not shown, not claimed).
        return article.revised_at or article.updated_at


SITEMAPS = {"articles": ArticleIndexSitemap, "article_pages": ArticleSitemap}
