from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone

from catalogue.models import Exercise, Step
from core.models import ContentVersion
from tests.factories import make_exercise
from tests.utils import count_queries


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.row = make_exercise(
            "Cable Row", steps=["Sit tall.", "Pull.", "Squeeze.", "Return."]
        )

    def test_a_repeat_visit_is_served_from_the_cache(self):
        first, cold = count_queries(self.client, "/exercises/cable-row/")
        second, warm = count_queries(self.client, "/exercises/cable-row/")
        assert second.content == first.content
        assert warm == 1 < cold  # only the content version is read

    def test_a_saved_change_shows_at_once(self):
        self.client.get("/exercises/cable-row/")
        step = self.row.steps.get(number=2)
        step.text = "Pull the handle to your navel."
        step.save()
        assert (
            "Pull the handle to your navel."
            in self.client.get("/exercises/cable-row/").content.decode()
        )

    def test_related_lists_change_too(self):
        assert "Cable Row" in self.client.get("/exercises/").content.decode()
        self.row.name = "Seated Cable Row"
        self.row.save()
        assert "Seated Cable Row" in self.client.get("/exercises/").content.decode()
        self.row.delete()
        assert "Cable Row" not in self.client.get("/exercises/").content.decode()

    def test_many_to_many_changes_count_as_changes(self):
        before = ContentVersion.objects.get().value
        self.row.equipment.clear()
        assert ContentVersion.objects.get().value > before

    def test_a_scheduled_exercise_appears_when_its_time_comes(self):
        later = make_exercise(
            "Later Row", published_at=timezone.now() + timedelta(hours=1)
        )
        assert "Later Row" not in self.client.get("/exercises/").content.decode()
        # Time passes (no save, so no signal): the next publication time moves on.
        Exercise.objects.filter(pk=later.pk).update(
            published_at=timezone.now() - timedelta(seconds=1)
        )
        assert "Later Row" in self.client.get("/exercises/").content.decode()

    def test_editors_are_never_served_or_stored_in_the_shared_cache(self):
        from django.contrib.auth.models import User

        editor = User.objects.create_user("ed", password="pw", is_staff=True)
        make_exercise("Draft Row", status="draft")
        self.client.get("/exercises/")  # a reader's copy is cached
        self.client.force_login(editor)
        response = self.client.get("/exercises/")
        assert "Draft Row" in response.content.decode()
        assert (
            "no-store" in response["Cache-Control"]
            and "private" in response["Cache-Control"]
        )
        self.client.logout()
        assert "Draft Row" not in self.client.get("/exercises/").content.decode()

    def test_conditional_requests_get_304(self):
        response = self.client.get("/exercises/")
        assert "no-cache" in response["Cache-Control"]
        again = self.client.get(
            "/exercises/", headers={"if-none-match": response["ETag"]}
        )
        assert again.status_code == 304

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_the_cache_can_be_turned_off(self):
        self.client.get("/exercises/cable-row/")  # builds the facet index it reads
        _, second = count_queries(self.client, "/exercises/cable-row/")
        _, third = count_queries(self.client, "/exercises/cable-row/")
        assert second == third > 1  # rendered again each time

    def test_steps_reindex_search(self):
        Step.objects.create(exercise=self.row, number=5, text="Finish with a flourish.")
        assert "Cable Row" in self.client.get("/exercises/?q=flourish").content.decode()


class ReleaseTests(TestCase):
    def test_pages_cached_by_another_release_are_not_served(self):
        first = self.client.get("/")
        with self.settings(RELEASE="another-release"):
            _, queries = count_queries(self.client, "/")
        assert first.status_code == 200
        assert queries > 1  # rendered afresh, not read from the cache

    def test_pages_cached_by_the_same_release_on_another_host_are_served(self):
        # Hosts of one release share pages: the key depends on RELEASE, not on
        # anything local to one machine (such as file modification times).
        with self.settings(RELEASE="release-1"):
            self.client.get("/")
            _, queries = count_queries(self.client, "/")
        assert queries == 1  # the content state only


class CompressionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_exercise("Cable Row", steps=["Sit tall.", "Pull.", "Squeeze.", "Return."])

    def test_gzip_clients_get_a_copy_compressed_once(self):
        import gzip

        plain = self.client.get("/exercises/")
        zipped = self.client.get("/exercises/", headers={"accept-encoding": "gzip, br"})
        assert zipped["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped["Vary"]
        assert gzip.decompress(zipped.content) == plain.content
        again, queries = count_queries(self.client, "/exercises/")
        assert queries == 1 and again.content == plain.content
        with self.assertNumQueries(1):
            cached = self.client.get("/exercises/", headers={"accept-encoding": "gzip"})
        assert cached.content == zipped.content
