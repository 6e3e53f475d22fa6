from catalogue.models import Exercise
from core.sitemaps import NamedPagesSitemap, SiteSitemap


class CatalogueIndexSitemap(NamedPagesSitemap):
    url_names = ("catalogue:exercise_list", "catalogue:equipment_list")


class ExerciseSitemap(SiteSitemap):
    def items(self):
        return Exercise.objects.published().only("slug", "updated_at")

    def lastmod(self, exercise):
        return exercise.updated_at


SITEMAPS = {"catalogue": CatalogueIndexSitemap, "exercises": ExerciseSitemap}
