"""The Atom feed of new and updated exercises and articles.

Every link is on the configured origin (``core.urls.absolute_url``): the
syndication framework only prefixes the request's host to relative links.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from articles.models import Article
from catalogue.models import Exercise
from core.cache import cache_page_for_readers
from core.urls import absolute_url

FEED_EXERCISES = 30
FEED_ARTICLES = 10


def changed_at(item):
    """When a reader last saw something new on the item's page."""
    if isinstance(item, Article):
        return item.revised_at or item.published_at
    return max(item.updated_at, item.published_at)


class UpdatesFeed(Feed):
    feed_type = Atom1Feed
    title = "Backbone: new and updated"
    subtitle = "Exercises and articles added to or revised on Backbone."
    author_name = "Backbone editorial team"

    def link(self):
        return absolute_url(reverse("website:home"))

    def feed_url(self):
        return absolute_url(reverse("website:updates_feed"))

    def items(self):
        exercises = (
            Exercise.objects.published()
            .only("name", "slug", "summary", "updated_at", "published_at", "status")
            .order_by("-updated_at")[:FEED_EXERCISES]
        )
        articles = Article.objects.published().only(
            "title", "slug", "standfirst", "published_at", "revised_at", "status"
        )[:FEED_ARTICLES]
        return sorted([*exercises, *articles], key=changed_at, reverse=True)

    def item_title(self, item):
        return item.title if isinstance(item, Article) else item.name

    def item_description(self, item):
        return item.standfirst if isinstance(item, Article) else item.summary

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return changed_at(item)


updates_feed = require_safe(cache_page_for_readers(UpdatesFeed()))
