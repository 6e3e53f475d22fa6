"""Merging duplicates: one exercise, the other's names as aliases, its URL a 301."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase
from reversion.models import Version

from articles.models import FAQ
from catalogue.models import Exercise
from curation.merging import MergeError, merge_exercises
from curation.models import ExerciseRedirect
from tests.factories import make_article, make_exercise, make_group, make_muscle


class MergeTests(TestCase):
    def setUp(self):
        lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        self.target = make_exercise("Inverted Row", aliases="Body Row", primary=[lats])
        self.source = make_exercise(
            "Australian Pull-Up", aliases="Aussie Row\nBody Row", primary=[lats]
        )
        self.article = make_article(
            body="Try the [[Australian Pull-Up]] or [[Aussie Row|this row]]."
        )
        self.faq = FAQ.objects.create(
            article=self.article, question="Q?", answer="The [[Australian Pull-Up]]."
        )

    def merge(self):
        call_command(
            "merge_exercises", "australian-pull-up", "inverted-row", stdout=None
        )

    def test_the_sources_names_become_aliases_of_the_target(self):
        self.merge()
        target = Exercise.objects.get(slug="inverted-row")
        assert target.alias_list == ["Body Row", "Australian Pull-Up", "Aussie Row"]

    def test_the_source_disappears_from_lists_and_search(self):
        self.merge()
        assert not Exercise.objects.filter(slug="australian-pull-up").exists()
        listed = self.client.get("/exercises/").content.decode()
        assert "/exercises/australian-pull-up/" not in listed
        found = self.client.get("/exercises/", {"q": "australian pull-up"})
        names = [e.name for e in found.context["browse"].page.object_list]
        assert names == ["Inverted Row"]  # found by its new alias

    def test_the_sources_url_answers_a_permanent_redirect_to_the_target(self):
        self.merge()
        response = self.client.get("/exercises/australian-pull-up/")
        assert response.status_code == 301
        assert response["Location"] == "/exercises/inverted-row/"
        assert self.client.get("/exercises/never-existed/").status_code == 404

    def test_links_from_articles_and_faq_answers_move_to_the_target(self):
        self.merge()
        self.article.refresh_from_db()
        self.faq.refresh_from_db()
        for html in (self.article.body_html, self.faq.answer_html):
            assert 'href="/exercises/inverted-row/"' in html
            assert "australian-pull-up" not in html
            assert "exercise-link--missing" not in html

    def test_redirects_to_the_source_move_to_the_target(self):
        ExerciseRedirect.objects.create(old_slug="aussie-row", target=self.source)
        self.merge()
        response = self.client.get("/exercises/aussie-row/")
        assert response.status_code == 301
        assert response["Location"] == "/exercises/inverted-row/"

    def test_merging_again_changes_nothing(self):
        self.merge()
        target = Exercise.objects.get(slug="inverted-row")
        versions = Version.objects.get_for_object(target).count()
        result = merge_exercises("australian-pull-up", "inverted-row")
        assert result.already
        assert Exercise.objects.get(slug="inverted-row").aliases == target.aliases
        assert ExerciseRedirect.objects.count() == 1
        assert Version.objects.get_for_object(target).count() == versions

    def test_an_exercise_cannot_be_merged_into_itself_or_into_nothing(self):
        with pytest.raises(CommandError, match="cannot be merged into itself"):
            call_command("merge_exercises", "inverted-row", "inverted-row")
        with pytest.raises(CommandError, match="No exercise has the slug “nope”"):
            call_command("merge_exercises", "australian-pull-up", "nope")
        with pytest.raises(MergeError):
            merge_exercises("nope", "inverted-row")
        assert Exercise.objects.count() == 2

    def test_the_merge_is_recorded_in_the_history_and_the_source_recoverable(self):
        self.merge()
        target = Exercise.objects.get(slug="inverted-row")
        latest = Version.objects.get_for_object(target).first()
        assert latest.revision.get_comment() == (
            "Merged “Australian Pull-Up” (australian-pull-up) into “Inverted Row” "
            "(inverted-row)."
        )
        deleted = Version.objects.get_deleted(Exercise)
        assert [v.object_repr for v in deleted] == ["Australian Pull-Up"]
        # Its steps were kept with it.
        parts = deleted[0].revision.version_set.values_list("object_repr", flat=True)
        assert "Step 1" in parts


class MergeActionTests(TestCase):
    def test_the_admin_action_asks_for_the_target_then_merges(self):
        admin = User.objects.create_superuser("ada", password="pw")
        self.client.force_login(admin)
        make_exercise("Pull-Up")
        source = make_exercise("Pullup Duplicate")
        data = {"action": "merge_selected", "_selected_action": [source.pk]}
        page = self.client.post("/admin/catalogue/exercise/", data)
        assert page.status_code == 200
        assert "Merge into (the exercise&#x27;s slug)" in page.content.decode()
        data.update({"confirm": "1", "target": "pull-up"})
        response = self.client.post("/admin/catalogue/exercise/", data, follow=True)
        assert "Merged pullup-duplicate into pull-up." in response.content.decode()
        assert not Exercise.objects.filter(pk=source.pk).exists()
        latest = Version.objects.get_for_object(Exercise.objects.get(slug="pull-up"))
        assert latest.first().revision.user == admin

    def test_the_admin_action_refuses_a_self_merge(self):
        admin = User.objects.create_superuser("ada", password="pw")
        self.client.force_login(admin)
        source = make_exercise("Pull-Up")
        data = {
            "action": "merge_selected",
            "_selected_action": [source.pk],
            "confirm": "1",
            "target": "pull-up",
        }
        response = self.client.post("/admin/catalogue/exercise/", data, follow=True)
        assert "cannot be merged into itself" in response.content.decode()
        assert Exercise.objects.filter(pk=source.pk).exists()
