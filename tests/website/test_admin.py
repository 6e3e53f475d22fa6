"""The editors' side of the site as a whole: who may do what, the Editors group,
the data-quality report."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase

from catalogue.models import Exercise
from tests.factories import (
    EditorAndRowTestCase,
    make_exercise,
)


class EditorAccessTests(EditorAndRowTestCase):
    def test_an_editor_cannot_manage_users(self):
        assert self.client.get("/admin/auth/user/").status_code == 403
        assert self.client.get("/admin/auth/group/").status_code == 403
        assert self.client.get("/admin/").status_code == 200
        assert "/admin/auth/user/" not in self.client.get("/admin/").content.decode()

    def test_anonymous_visitors_are_sent_to_the_login_page(self):
        self.client.logout()
        for url in ("/admin/", self.url(), "/admin/data-quality/"):
            response = self.client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")

    def test_the_data_quality_report_links_to_each_fix(self):
        thin = make_exercise("Thin Row", steps=2)
        body = self.client.get("/admin/data-quality/").content.decode()
        assert "Thin Row" in body and "2 step(s)" in body
        assert f"/admin/catalogue/exercise/{thin.pk}/change/" in body
        assert "Exercises without equipment" in body and "no primary muscle" in body


class EditorsGroupTests(TestCase):
    def test_the_group_has_content_permissions_only(self):
        call_command("setup_editors", verbosity=0)
        call_command("setup_editors", verbosity=0)  # twice: no duplicates, no errors
        group = Group.objects.get(name="Editors")
        labels = set(
            group.permissions.values_list("content_type__app_label", flat=True)
        )
        assert labels == {"anatomy", "catalogue", "articles", "curation", "discussion"}
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {
            "change_exercise",
            "add_step",
            "delete_exercisemuscle",
            "change_article",
        } <= codenames
        assert Exercise.objects.count() == 0
