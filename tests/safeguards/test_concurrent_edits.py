"""Two editors on one exercise: a stale save is refused with what changed; a step
number clash is a form error. Runs on SQLite and PostgreSQL alike."""

import re
from html import unescape

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client, TestCase

from articles.models import Article
from catalogue.models import Exercise
from safeguards.admin import VERSION_FIELD
from tests.factories import exercise_form, make_article, make_equipment, make_exercise


def version_in(page):
    match = re.search(rf'name="{VERSION_FIELD}" value="([^"]*)"', page)
    assert match, "the change form carries no version"
    return unescape(match.group(1))


def errors_in(page):
    return " ".join(
        unescape(re.sub(r"<[^>]+>", " ", error))
        for error in re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    )


class TwoEditorsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_editors", verbosity=0)
        editors = Group.objects.get(name="Editors")
        for name in ("alice", "bob"):
            user = User.objects.create_user(name, password="pw", is_staff=True)
            user.groups.add(editors)
        cls.row = make_exercise(
            "Chest-Supported Row",
            steps=["Lie face down.", "Grip.", "Row.", "Lower."],
            equipment=[make_equipment("Dumbbells")],
            summary="A row with the chest on a bench.",
        )

    def setUp(self):
        self.alice, self.bob = Client(), Client()
        self.alice.force_login(User.objects.get(username="alice"))
        self.bob.force_login(User.objects.get(username="bob"))
        self.url = f"/admin/catalogue/exercise/{self.row.pk}/change/"

    def open_form(self, client):
        """The form as an editor opens it: its data and the version it carries."""
        page = client.get(self.url).content.decode()
        exercise = Exercise.objects.get(pk=self.row.pk)
        return exercise_form(exercise), version_in(page)

    def test_a_stale_save_is_refused_saying_who_changed_what(self):
        alice_form, alice_version = self.open_form(self.alice)
        bob_form, bob_version = self.open_form(self.bob)

        alice_form.update(
            summary="Alice's summary: the bench takes the lower back out of it.",
            **{VERSION_FIELD: alice_version},
        )
        assert self.alice.post(self.url, alice_form).status_code == 302

        bob_form.update(tips="Keep the neck long.", **{VERSION_FIELD: bob_version})
        response = self.bob.post(self.url, bob_form)
        assert response.status_code == 200
        page = response.content.decode()
        errors = errors_in(page)
        assert "Someone else saved this exercise after you opened it" in errors
        assert "alice" in errors and "Summary" in errors
        assert "Saved meanwhile as: Alice's summary" in errors
        # Nothing of Bob's was written, nothing of Alice's lost.
        saved = Exercise.objects.get(pk=self.row.pk)
        assert saved.summary.startswith("Alice's summary")
        assert saved.tips == ""
        # Bob's own input is still in the form, which now carries the new version.
        assert "Keep the neck long." in page
        new_version = version_in(page)
        assert new_version != bob_version

        # Bob merges (keeps Alice's summary, adds his tip) and saves again.
        bob_form.update(summary=saved.summary, **{VERSION_FIELD: new_version})
        assert self.bob.post(self.url, bob_form).status_code == 302
        saved.refresh_from_db()
        assert saved.summary.startswith("Alice's summary")
        assert saved.tips == "Keep the neck long."

    def test_both_adding_step_five_gives_the_second_a_form_error(self):
        alice_form, alice_version = self.open_form(self.alice)
        bob_form, bob_version = self.open_form(self.bob)
        for form, text in ((alice_form, "Alice's step."), (bob_form, "Bob's step.")):
            form.update(
                {
                    "steps-TOTAL_FORMS": 5,
                    "steps-4-id": "",
                    "steps-4-exercise": self.row.pk,
                    "steps-4-number": 5,
                    "steps-4-text": text,
                }
            )
        alice_form[VERSION_FIELD] = alice_version
        assert self.alice.post(self.url, alice_form).status_code == 302

        # Even with the current version (Bob reloaded only the version, not the
        # steps), the clash is a form error, not an IntegrityError.
        bob_form[VERSION_FIELD] = version_in(self.bob.get(self.url).content.decode())
        response = self.bob.post(self.url, bob_form)
        assert response.status_code == 200
        assert "Someone else has saved a step numbered 5" in errors_in(
            response.content.decode()
        )
        assert list(
            Exercise.objects.get(pk=self.row.pk).steps.values_list("text", flat=True)
        ) == ["Lie face down.", "Grip.", "Row.", "Lower.", "Alice's step."]

        # With a stale version as well, the stale-form message explains it.
        bob_form[VERSION_FIELD] = bob_version
        errors = errors_in(self.bob.post(self.url, bob_form).content.decode())
        assert "Added step “Step 5”" in errors

    def test_a_bulk_publish_makes_an_open_form_stale(self):
        form, version = self.open_form(self.bob)
        self.alice.post(
            "/admin/catalogue/exercise/",
            {"action": "unpublish", "_selected_action": [self.row.pk]},
        )
        assert Exercise.objects.get(pk=self.row.pk).status == "draft"
        form[VERSION_FIELD] = version
        response = self.bob.post(self.url, form)
        assert response.status_code == 200
        assert "changed outside this form" in errors_in(response.content.decode())
        assert Exercise.objects.get(pk=self.row.pk).status == "draft"

    def test_saving_an_exercise_deleted_meanwhile_is_a_form_error(self):
        form, version = self.open_form(self.bob)
        form[VERSION_FIELD] = version
        Exercise.objects.filter(pk=self.row.pk).delete()
        response = self.bob.post(self.url, form)
        assert response.status_code in (200, 302)
        assert not Exercise.objects.filter(pk=self.row.pk).exists()

    def test_articles_are_guarded_too(self):
        article = make_article("Rows for a strong back", status="published")
        url = f"/admin/articles/article/{article.pk}/change/"
        version = version_in(self.alice.get(url).content.decode())
        data = {
            "title": article.title,
            "slug": article.slug,
            "body": "## Why\n\nAlice's body.",
            "status": "published",
            "published_at_0": "2026-01-01",
            "published_at_1": "09:00:00",
            "faqs-TOTAL_FORMS": 0,
            "faqs-INITIAL_FORMS": 0,
            "references-TOTAL_FORMS": 0,
            "references-INITIAL_FORMS": 0,
            VERSION_FIELD: version,
        }
        assert self.alice.post(url, data).status_code == 302
        response = self.bob.post(url, {**data, "body": "## Why\n\nBob's body."})
        assert response.status_code == 200
        errors = errors_in(response.content.decode())
        assert "Someone else saved this article" in errors and "Body" in errors
        assert Article.objects.get(pk=article.pk).body.endswith("Alice's body.")
