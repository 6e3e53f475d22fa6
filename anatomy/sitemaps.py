from django.contrib.sitemaps import Sitemap

from anatomy.models import Muscle
from core.sitemaps import NamedPagesSitemap


class AnatomyIndexSitemap(NamedPagesSitemap):
    url_names = ("anatomy:muscle_list",)


class MuscleSitemap(Sitemap):
    def items(self):
        return Muscle.objects.only("slug")


SITEMAPS = {"anatomy": AnatomyIndexSitemap, "muscles": MuscleSitemap}
