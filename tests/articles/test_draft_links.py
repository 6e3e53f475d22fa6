"""Drafts and scheduled exercises never reach readers through an article's links."""

from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.test import TestCase
from django.utils import timezone

from articles.markdown import render_markdown
from articles.models import Article
from catalogue.models import Exercise
from core.models import ContentVersion, PublicationStatus
from tests.factories import make_article, make_exercise

BODY = "## Rows\n\nTry the [[Seal Row]], then the [[Inverted Row|bodyweight row]]."


def version():
    return ContentVersion.objects.get(pk=1).value


class DraftLinkTests(TestCase):
    def setUp(self):
        self.public = make_exercise("Inverted Row")
        self.draft = make_exercise("Seal Row", status=PublicationStatus.DRAFT)
        self.article = make_article("Rows", body=BODY)
        self.url = self.article.get_absolute_url()

    def reader_page(self):
        return self.client.get(self.url).content.decode()

    def test_a_draft_is_neither_linked_nor_named_in_a_link(self):
        page = self.reader_page()
        assert "/exercises/inverted-row/" in page
        assert "/exercises/seal-row/" not in page
        assert (
            '<span class="exercise-link exercise-link--missing">Seal Row</span>' in page
        )
        rendered = render_markdown(BODY)
        assert rendered.hidden_links == ["Seal Row"]
        assert rendered.missing_links == []

    def test_publishing_unpublishing_and_renaming_render_the_article_again(self):
        self.draft.status = PublicationStatus.PUBLISHED
        self.draft.save()
        assert "/exercises/seal-row/" in self.reader_page()

        self.draft.slug = "chest-supported-seal-row"
        self.draft.save()
        assert "/exercises/chest-supported-seal-row/" in self.reader_page()

        self.draft.status = PublicationStatus.DRAFT
        self.draft.save()
        assert "seal-row" not in self.reader_page()

    def test_the_admin_bulk_actions_render_it_again_too(self):
        admin = User.objects.create_superuser("root", password="pw")
        editor = self.client_class()
        editor.force_login(admin)
        for action, expected in (("publish", True), ("unpublish", False)):
            before = version()
            editor.post(
                "/admin/catalogue/exercise/",
                {"action": action, "_selected_action": [self.draft.pk]},
            )
            assert version() > before
            assert ("/exercises/seal-row/" in self.reader_page()) is expected, action

    def test_a_scheduled_exercise_is_linked_once_it_goes_live(self):
        later = timezone.now() + timedelta(days=2)
        self.draft.status = PublicationStatus.PUBLISHED
        self.draft.published_at = later
        self.draft.save()
        article = Article.objects.get(pk=self.article.pk)
        assert article.relink_at == later
        assert "/exercises/seal-row/" not in self.reader_page()

        with mock.patch(
            "django.utils.timezone.now", return_value=later + timedelta(minutes=1)
        ):
            before = version()
            assert "/exercises/seal-row/" in self.reader_page()
            assert version() > before  # the stored body changed, so did the version
        assert Article.objects.get(pk=self.article.pk).relink_at is None

    def test_relinking_moves_the_content_version_after_writing(self):
        """A page cached between the exercise's save and the article's update
        must not be served afterwards: the version moves after the update."""
        article_updates = []
        real_update = QuerySet.update

        def spy_update(queryset, **fields):
            if queryset.model is Article:
                article_updates.append(version())
            return real_update(queryset, **fields)

        with mock.patch.object(QuerySet, "update", spy_update):
            self.draft.status = PublicationStatus.PUBLISHED
            self.draft.save()
        assert article_updates  # the body was written again...
        assert version() > article_updates[-1]  # ...and the version moved after

    def test_editors_see_the_unlinked_name_flagged(self):
        admin = User.objects.create_superuser("root", password="pw")
        self.client.force_login(admin)
        page = self.client.get(self.url).content.decode()
        assert "prose--preview" in page
        preview = self.client.post(
            "/admin/articles/article/preview/", {"body": BODY}
        ).json()
        assert preview["hidden"] == ["Seal Row"]
        assert "exercise-link--missing" in preview["html"]
        assert "/exercises/seal-row/" not in preview["html"]

    def test_the_data_quality_page_lists_the_link(self):
        admin = User.objects.create_superuser("root", password="pw")
        self.client.force_login(admin)
        page = self.client.get("/admin/data-quality/").content.decode()
        assert "“Seal Row”: draft or scheduled" in page


class NewContentTests(TestCase):
    def test_new_exercises_and_articles_start_as_drafts(self):
        assert Exercise().status == PublicationStatus.DRAFT
        assert Article().status == PublicationStatus.DRAFT

    def test_the_admin_add_form_starts_as_a_draft(self):
        admin = User.objects.create_superuser("root", password="pw")
        self.client.force_login(admin)
        page = self.client.get("/admin/catalogue/exercise/add/").content.decode()
        assert (
            'value="draft" selected' in page
            or '<option value="draft" selected>' in page
        )
