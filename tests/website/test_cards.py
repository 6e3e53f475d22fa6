"""Sharing-card images: 1200×630, one per content, cached for a year."""

import io
from unittest import mock
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.test import TestCase
from PIL import Image

from anatomy.models import Muscle
from catalogue.models import Exercise, ExerciseMuscle, Role
from catalogue.sharing import exercise_card
from core.models import PublicationStatus
from tests.utils import ALL_FIXTURES, Page


def shared_image(client, url):
    page = Page(client.get(url).content.decode())
    (image,) = [
        a["content"]
        for t, a in page.tags
        if t == "meta" and a.get("property") == "og:image"
    ]
    return urlsplit(image).path


class CardTests(TestCase):
    fixtures = ALL_FIXTURES

    def card_of(self, slug):
        exercise = Exercise.objects.get(slug=slug)
        return exercise_card(exercise, exercise.muscle_links.select_related("muscle"))

    def test_an_exercise_card_is_a_1200_by_630_png_cached_for_a_year(self):
        url = shared_image(self.client, "/exercises/pull-up/")
        assert url == self.card_of("pull-up").url
        response = self.client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
        cache_control = response["Cache-Control"]
        assert "max-age=31536000" in cache_control and "immutable" in cache_control
        assert "public" in cache_control
        etag = response["ETag"]
        assert self.client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_a_card_is_drawn_once_and_then_served_from_storage(self):
        card = self.card_of("chin-up")
        default_storage.delete(f"cards/exercise-chin-up-{card.digest}.png")
        first = self.client.get(card.url).content
        assert default_storage.exists(f"cards/exercise-chin-up-{card.digest}.png")
        with mock.patch(
            "anatomy.cards.draw_card", side_effect=AssertionError("redrawn")
        ):
            assert self.client.get(card.url).content == first

    def test_the_card_changes_when_what_it_shows_changes(self):
        before = self.card_of("pull-up")
        old_png = self.client.get(before.url).content
        link = ExerciseMuscle.objects.filter(exercise__slug="pull-up").first()
        link.role = Role.SECONDARY if link.role == Role.PRIMARY else Role.PRIMARY
        link.save()
        after = self.card_of("pull-up")
        assert after.digest != before.digest
        assert self.client.get(after.url).content != old_png
        Exercise.objects.filter(slug="pull-up").update(name="Pull-Up (overhand)")
        renamed = self.card_of("pull-up")
        assert renamed.digest not in (before.digest, after.digest)
        # A preview fetched before the edit is sent to the current card.
        response = self.client.get(before.url)
        assert response.status_code == 302 and response["Location"] == renamed.url

    def test_a_muscle_page_shares_its_own_card(self):
        url = shared_image(self.client, "/anatomy/latissimus-dorsi/")
        response = self.client.get(url)
        assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
        group = Muscle.objects.get(slug="back")
        assert (
            self.client.get(
                shared_image(self.client, group.get_absolute_url())
            ).status_code
            == 200
        )

    def test_the_site_card_is_the_default(self):
        url = shared_image(self.client, "/equipment/")
        assert url.startswith("/cards/site/backbone-")
        assert self.client.get(url).status_code == 200

    def test_drafts_and_unknown_cards_are_not_found(self):
        card = self.card_of("pull-up")
        Exercise.objects.filter(slug="pull-up").update(status=PublicationStatus.DRAFT)
        assert self.client.get(card.url).status_code == 404
        assert (
            self.client.get(f"/cards/exercise/nothing-{card.digest}.png").status_code
            == 404
        )
        assert (
            self.client.get(f"/cards/poster/pull-up-{card.digest}.png").status_code
            == 404
        )
