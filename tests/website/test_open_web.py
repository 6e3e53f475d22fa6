"""What search engines and link previews see: canonical links, robots, sharing
tags, the sitemap, robots.txt and the feed, all on the configured origin."""

import xml.etree.ElementTree as ET
from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article
from catalogue.models import Exercise
from core.models import PublicationStatus
from tests.utils import ALL_FIXTURES, PAGE_TYPES, Page

ORIGIN = "https://backbone.example"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def head(response):
    """(canonical href, robots content, {og/twitter property: content})."""
    page = Page(response.content.decode())
    canonical = [
        a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "canonical"
    ]
    robots = [
        a["content"] for t, a in page.tags if t == "meta" and a.get("name") == "robots"
    ]
    share = {
        a.get("property") or a.get("name"): a["content"]
        for t, a in page.tags
        if t == "meta"
        and (
            a.get("property", "").startswith("og:")
            or a.get("name", "").startswith("twitter:")
        )
    }
    feeds = [
        a["href"]
        for t, a in page.tags
        if t == "link"
        and a.get("rel") == "alternate"
        and a.get("type") == "application/atom+xml"
    ]
    return canonical, robots, share, feeds


@override_settings(SITE_URL=ORIGIN)
class CanonicalTests(TestCase):
    fixtures = ALL_FIXTURES

    def canonical_and_robots(self, url):
        # Parameters a page does not take are redirected away first (301).
        canonical, robots, _, _ = head(self.client.get(url, follow=True))
        assert len(canonical) == 1, url
        return canonical[0], (robots[0] if robots else "")

    def test_every_page_has_one_canonical_link_on_the_configured_origin(self):
        for url in PAGE_TYPES:
            response = self.client.get(url, HTTP_HOST="evil.example")
            canonical, robots, _, feeds = head(response)
            assert canonical == [f"{ORIGIN}{url}"], url
            assert robots == [], url
            assert feeds == ["/feeds/updates.atom"], url
            assert b"evil.example" not in response.content, url

    def test_the_list_canonical_is_its_query_as_understood(self):
        redirect = self.client.get("/exercises/?equipment=dumbbells&utm_source=x")
        assert redirect.status_code == 301
        assert redirect["Location"] == "/exercises/?equipment=dumbbells"
        assert self.canonical_and_robots(
            "/exercises/?equipment=dumbbells&utm_source=x&page=1"
        ) == (f"{ORIGIN}/exercises/?equipment=dumbbells", "")

    def test_deep_combinations_searches_and_orders_are_followed_not_indexed(self):
        for url in (
            "/exercises/?equipment=dumbbells&muscle=back",
            "/exercises/?equipment=dumbbells&equipment=barbell",
            "/exercises/?level=beginner&best=1",
            "/exercises/?q=row",
            "/exercises/?sort=-name",
        ):
            assert self.canonical_and_robots(url)[1] == "noindex, follow", url
        assert self.canonical_and_robots("/exercises/?muscle=back")[1] == ""

    def test_unknown_values_and_out_of_range_pages_are_not_pages_of_their_own(self):
        canonical, robots = self.canonical_and_robots(
            "/exercises/?equipment=nonexistent"
        )
        assert (canonical, robots) == (f"{ORIGIN}/exercises/", "noindex, follow")
        # The list fits on one page: ?page=2 is page 1 and says so.
        canonical, robots = self.canonical_and_robots("/exercises/?page=2")
        assert (canonical, robots) == (f"{ORIGIN}/exercises/", "noindex, follow")
        canonical, robots = self.canonical_and_robots("/exercises/?page=abc")
        assert (canonical, robots) == (f"{ORIGIN}/exercises/", "noindex, follow")

    def test_a_missing_page_has_no_canonical_and_is_not_indexed(self):
        response = self.client.get("/no-such-page/")
        canonical, robots, _, _ = head(response)
        assert response.status_code == 404
        assert (canonical, robots) == ([], ["noindex"])


@override_settings(SITE_URL=ORIGIN)
class SharingTagsTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_every_page_type_has_opengraph_and_twitter_tags(self):
        for url in PAGE_TYPES:
            _, _, share, _ = head(self.client.get(url))
            for name in (
                "og:title",
                "og:description",
                "og:url",
                "og:image",
                "og:image:alt",
                "twitter:card",
                "twitter:title",
                "twitter:description",
                "twitter:image",
                "twitter:image:alt",
            ):
                assert share.get(name), f"{url}: {name}"
            assert share["og:url"] == f"{ORIGIN}{url}"
            assert share["og:image"].startswith(f"{ORIGIN}/"), url

    def test_exercise_and_muscle_pages_share_their_own_card(self):
        _, _, share, _ = head(self.client.get("/exercises/pull-up/"))
        assert share["og:title"] == "Pull-Up"
        assert share["og:image"].startswith(f"{ORIGIN}/cards/exercise/pull-up-")
        assert (share["og:image:width"], share["og:image:height"]) == ("1200", "630")
        _, _, share, _ = head(self.client.get("/anatomy/latissimus-dorsi/"))
        assert share["og:image"].startswith(f"{ORIGIN}/cards/muscle/latissimus-dorsi-")


@override_settings(SITE_URL=ORIGIN)
class SitemapTests(TestCase):
    fixtures = ALL_FIXTURES

    def entries(self):
        response = self.client.get("/sitemap.xml", HTTP_HOST="evil.example")
        root = ET.fromstring(response.content)
        return {
            url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in root.iter(f"{SITEMAP}url")
        }

    def test_articles_are_listed_with_the_date_they_last_changed(self):
        entries = self.entries()
        assert f"{ORIGIN}/articles/" in entries
        article = Article.objects.get(slug="middle-back-workouts")
        # No meaningful revision recorded: when the row last changed, never the
        # source's publication date, which the site does not know.
        assert article.revised_at is None
        assert entries[f"{ORIGIN}/articles/middle-back-workouts/"] == str(
            article.updated_at.date()
        )
        assert all(loc.startswith(f"{ORIGIN}/") for loc in entries)
        assert not any("?" in loc for loc in entries)  # no filter combinations

    def test_drafts_and_scheduled_items_are_left_out(self):
        Exercise.objects.filter(slug="pull-up").update(status=PublicationStatus.DRAFT)
        later = timezone.now() + timedelta(days=3)
        Article.objects.update(published_at=later)
        entries = self.entries()
        assert f"{ORIGIN}/exercises/pull-up/" not in entries
        assert f"{ORIGIN}/articles/middle-back-workouts/" not in entries
        assert f"{ORIGIN}/exercises/chin-up/" in entries

    def test_robots_txt_names_the_sitemap_on_the_configured_origin(self):
        robots = self.client.get("/robots.txt", HTTP_HOST="evil.example").content
        assert f"Sitemap: {ORIGIN}/sitemap.xml".encode() in robots


@override_settings(SITE_URL=ORIGIN)
class FeedTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_atom_feed_lists_new_and_updated_exercises_and_articles(self):
        response = self.client.get("/feeds/updates.atom", HTTP_HOST="evil.example")
        assert response["Content-Type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)
        links = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
        assert f"{ORIGIN}/articles/middle-back-workouts/" in links
        assert f"{ORIGIN}/exercises/pull-up/" in links
        assert all(link.startswith(f"{ORIGIN}/") for link in links)
        assert b"evil.example" not in response.content

    def test_drafts_stay_out_of_the_feed(self):
        Exercise.objects.filter(slug="pull-up").update(status=PublicationStatus.DRAFT)
        assert (
            b"/exercises/pull-up/" not in self.client.get("/feeds/updates.atom").content
        )
