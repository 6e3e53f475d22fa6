"""The sitemap: the home page, then each content app's own ``sitemaps.SITEMAPS``."""

from core.content import content_submodules
from core.sitemaps import NamedPagesSitemap


class HomeSitemap(NamedPagesSitemap):
    url_names = ("website:home",)


def all_sitemaps():
    sitemaps = {"home": HomeSitemap}
    for module in content_submodules("sitemaps"):
        sitemaps.update(module.SITEMAPS)
    return sitemaps
