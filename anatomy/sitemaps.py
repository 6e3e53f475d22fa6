from anatomy.models import Muscle
from core.sitemaps import NamedPagesSitemap, SiteSitemap


class AnatomyIndexSitemap(NamedPagesSitemap):
    url_names = ("anatomy:muscle_list",)


class MuscleSitemap(SiteSitemap):
    def items(self):
        return Muscle.objects.only("slug")


SITEMAPS = {"anatomy": AnatomyIndexSitemap, "muscles": MuscleSitemap}
