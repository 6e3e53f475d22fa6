from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from anatomy.models import Muscle
from catalogue.models import Exercise


class SectionSitemap(Sitemap):
    def items(self):
        return [
            "core:home",
            "catalogue:exercise_list",
            "catalogue:equipment_list",
            "anatomy:muscle_list",
        ]

    def location(self, item):
        return reverse(item)


class ExerciseSitemap(Sitemap):
    def items(self):
        return Exercise.objects.published().only("slug", "updated_at")

    def lastmod(self, exercise):
        return exercise.updated_at


class MuscleSitemap(Sitemap):
    def items(self):
        return Muscle.objects.only("slug")


SITEMAPS = {
    "sections": SectionSitemap,
    "exercises": ExerciseSitemap,
    "muscles": MuscleSitemap,
}
