"""Exercise cards are rendered once per content state and reused by every list."""

from django.test import TestCase, override_settings

from tests.factories import make_equipment, make_exercise
from tests.utils import count_queries


@override_settings(PAGE_CACHE_SECONDS=0)
class CardFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dumbbells = make_equipment("Dumbbells")
        cls.bench = make_equipment("Flat Bench")
        make_exercise("One-Arm Row", equipment=[cls.dumbbells, cls.bench])
        make_exercise("Chest-Supported Row", equipment=[cls.bench])

    def test_cards_seen_before_need_no_related_rows(self):
        first, cold = count_queries(self.client, "/exercises/")
        second, warm = count_queries(
            self.client, "/exercises/?equipment=flat-bench&sort=name"
        )
        # The content state only: the facet index is built and gives the page's
        # rows, and the cards are rendered, so no exercise, equipment, muscle
        # group or step rows.
        assert warm == 1 < cold
        assert "One-Arm Row" in second.content.decode()
        card = first.content.decode().split('<article class="card">')[1]
        assert card.split("</article>")[0] in second.content.decode()

    def test_a_card_made_for_a_kit_never_reaches_a_list_without_it(self):
        kit = self.client.get("/exercises/?have=dumbbells&have=flat-bench")
        assert "/exercises/one-arm-row/?have=dumbbells" in kit.content.decode()
        plain = self.client.get("/exercises/").content.decode()
        assert 'href="/exercises/one-arm-row/"' in plain
        assert "?have=" not in plain.split('class="card-grid"')[1]

    def test_a_saved_change_reaches_every_card_at_once(self):
        before = self.client.get("/exercises/").content.decode()
        assert "Hex Dumbbells" not in before  # the cards are made and kept
        self.dumbbells.name = "Hex Dumbbells"
        self.dumbbells.save()
        body = self.client.get("/exercises/").content.decode()
        cards = body.split('<article class="card">')
        assert "Hex Dumbbells" in next(c for c in cards if "One-Arm Row" in c)

    def test_editors_and_readers_get_the_same_cards_but_drafts_are_marked(self):
        make_exercise("Secret Row", status="draft", equipment=[self.bench])
        reader = self.client.get("/exercises/").content.decode()
        assert "Secret Row" not in reader
        from django.contrib.auth.models import User

        self.client.force_login(User.objects.create_superuser("ed", password="pw"))
        editor = self.client.get("/exercises/").content.decode()
        assert "Secret Row" in editor and "badge--draft" in editor
