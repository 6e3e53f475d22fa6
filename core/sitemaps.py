from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.urls import site_domain, site_scheme


class SiteSitemap(Sitemap):
    """A sitemap whose URLs are on the configured origin, not the request's host."""

    def get_protocol(self, protocol=None):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()


class NamedPagesSitemap(SiteSitemap):
    """Pages that are a URL name, not an object (an app's index pages)."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
