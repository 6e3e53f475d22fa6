"""Search decisions are made over what the reader may see, never over drafts."""

import pytest
from django.db import connection
from django.test import TestCase

from catalogue.models import Exercise
from core.models import PublicationStatus
from tests.factories import make_exercise


class DraftSearchTests(TestCase):
    def setUp(self):
        make_exercise("Pull-Up")
        make_exercise("Pulup Machine Row", status=PublicationStatus.DRAFT)

    def names(self, queryset, query):
        return list(
            queryset.search(query)
            .order_by("search_rank", "name")
            .values_list("name", flat=True)
        )

    def test_readers_never_find_a_draft(self):
        assert self.names(Exercise.objects.published(), "machine row") == []
        assert "Pulup Machine Row" in self.names(Exercise.objects.all(), "machine row")

    @pytest.mark.skipif(
        connection.vendor != "postgresql", reason="typo search needs pg_trgm"
    )
    def test_a_drafts_exact_match_does_not_switch_off_typo_search(self):
        # "pulup" matches the draft's name exactly; among what readers see
        # nothing does, so the typo fallback offers Pull-Up.
        assert self.names(Exercise.objects.published(), "pulup") == ["Pull-Up"]
        assert self.names(Exercise.objects.all(), "pulup") == ["Pulup Machine Row"]

    @pytest.mark.skipif(
        connection.vendor != "postgresql", reason="typo search needs pg_trgm"
    )
    def test_the_list_offers_readers_the_typo_match_a_drafts_match_would_hide(self):
        page = self.client.get("/exercises/?q=pulup").content.decode()
        assert ">Pull-Up</a>" in page
        assert "Pulup Machine Row" not in page
