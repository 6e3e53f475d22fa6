from django.contrib.sitemaps import Sitemap

from catalogue.models import Exercise
from core.sitemaps import NamedPagesSitemap


class CatalogueIndexSitemap(NamedPagesSitemap):
    url_names = ("catalogue:exercise_list", "catalogue:equipment_list")


class ExerciseSitemap(Sitemap):
    def items(self):
        return Exercise.objects.published().only("slug", "updated_at")

    def lastmod(self, exercise):
        return exercise.updated_at


SITEMAPS = {"catalogue": CatalogueIndexSitemap, "exercises": ExerciseSitemap}
