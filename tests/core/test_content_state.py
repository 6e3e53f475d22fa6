"""Each process rereads the content state at most once a second: an editor's save
reaches that process at once and every other process within the second."""

from unittest import mock

from django.db.models import F
from django.test import TestCase, override_settings

from core import content_state
from core.models import ContentVersion
from tests.factories import make_exercise
from tests.utils import count_queries


@override_settings(CONTENT_STATE_MAX_AGE=1)
class ContentStateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.row = make_exercise("Cable Row", summary="The first summary.")

    def test_a_cached_page_costs_no_query_within_the_second(self):
        self.client.get("/exercises/cable-row/")
        _, queries = count_queries(self.client, "/exercises/cable-row/")
        assert queries == 0

    def test_a_save_in_this_process_is_seen_at_once(self):
        self.client.get("/exercises/cable-row/")
        self.row.summary = "A new summary."
        self.row.save()
        assert (
            "A new summary."
            in self.client.get("/exercises/cable-row/").content.decode()
        )

    def test_another_process_save_is_seen_within_one_second(self):
        clock = [1000.0]
        with mock.patch.object(content_state.time, "monotonic", lambda: clock[0]):
            self.client.get("/exercises/cable-row/")
            # Another process saves: the database moves on, this process is not told.
            ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
            from catalogue.models import Exercise

            Exercise.objects.filter(pk=self.row.pk).update(summary="Changed elsewhere.")
            clock[0] += 0.5
            stale = self.client.get("/exercises/cable-row/").content.decode()
            clock[0] += 0.6  # 1.1 s after the state was read
            fresh = self.client.get("/exercises/cable-row/").content.decode()
        assert "The first summary." in stale
        assert "Changed elsewhere." in fresh


class PerContentStateTests(TestCase):
    def setUp(self):
        self.builds = []
        self.value = content_state.PerContentState(
            lambda: self.builds.append(1) or len(self.builds)
        )

    def test_a_value_is_built_once_for_a_content_state(self):
        assert self.value.get() == self.value.get() == 1
        assert len(self.builds) == 1

    def test_a_save_makes_the_next_page_build_it_again(self):
        self.value.get()
        make_exercise("Cable Row")  # a save moves the content state on
        assert self.value.get() == 2

    def test_forget_drops_the_value(self):
        self.value.get()
        self.value.forget()
        assert self.value.get() == 2

    def test_build_per_state_values_builds_every_value_before_a_page_asks(self):
        content_state.build_per_state_values()
        assert self.builds == [1]
        assert self.value.get() == 1  # the page that asks builds nothing
