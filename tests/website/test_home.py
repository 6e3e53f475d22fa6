"""The home page: the editors' picks in their order and the count, both read
from the facet index, for what the reader may see."""

import re

from django.contrib.auth.models import User
from django.test import TestCase

from catalogue.models import Exercise
from core.models import PublicationStatus
from tests.factories import make_exercise
from tests.utils import ALL_FIXTURES


def picks_on(response):
    section = (
        response.content.decode().split('id="best-title"')[1].split("</section>")[0]
    )
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]+)</a>', section)


class HomeTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_picks_come_in_the_editors_order_then_a_to_z(self):
        make_exercise("Zercher Row", is_best=True)
        make_exercise("Arch Row", is_best=True)
        make_exercise("Second Pick", is_best=True, best_order=2)
        numbered = list(
            Exercise.objects.filter(is_best=True, best_order__isnull=False)
            .order_by("best_order", "name")
            .values_list("name", flat=True)
        )
        assert (
            picks_on(self.client.get("/")) == [*numbered, "Arch Row", "Zercher Row"][:6]
        )

    def test_a_draft_pick_shows_to_editors_only_and_the_count_follows(self):
        make_exercise(
            "Draft Pick", is_best=True, best_order=0, status=PublicationStatus.DRAFT
        )
        published = Exercise.objects.published().count()
        reader = self.client.get("/")
        assert "Draft Pick" not in picks_on(reader)
        assert f"Browse all {published} exercises" in reader.content.decode()
        editor = User.objects.create_superuser("edith", password="pw")
        self.client.force_login(editor)
        shown = self.client.get("/")
        assert picks_on(shown)[0] == "Draft Pick"
        assert f"Browse all {published + 1} exercises" in shown.content.decode()
