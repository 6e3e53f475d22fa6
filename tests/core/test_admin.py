"""The editors' side: permissions, safe saves, clear errors, history, data quality."""

import re

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import TestCase

from catalogue.models import Exercise, Step
from tests.core.test_images import image_file, png_bomb
from tests.factories import (
    make_article,
    make_equipment,
    make_exercise,
    make_group,
    make_muscle,
)


def exercise_form(exercise, steps=None, **changes):
    """The POST data of the admin change form for an exercise, with changes."""
    steps = (
        steps
        if steps is not None
        else [(step.pk, step.number, step.text, False) for step in exercise.steps.all()]
    )
    data = {
        "name": exercise.name,
        "slug": exercise.slug,
        "aliases": exercise.aliases,
        "summary": exercise.summary,
        "level": exercise.level,
        "category": exercise.category,
        "force": exercise.force,
        "mechanic": exercise.mechanic,
        "equipment": [e.pk for e in exercise.equipment.all()],
        "muscle_groups": [m.pk for m in exercise.muscle_groups.all()],
        "tips": exercise.tips,
        "status": exercise.status,
        "published_at_0": exercise.published_at.strftime("%Y-%m-%d"),
        "published_at_1": exercise.published_at.strftime("%H:%M:%S"),
        "best_order": "",
        "image_alt": "",
        "image_credit": "",
        "image_licence": "",
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": sum(1 for pk, *_ in steps if pk),
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
        "muscle_links-TOTAL_FORMS": 0,
        "muscle_links-INITIAL_FORMS": 0,
        "muscle_links-MIN_NUM_FORMS": 0,
        "muscle_links-MAX_NUM_FORMS": 1000,
    }
    links = list(exercise.muscle_links.all())
    data["muscle_links-TOTAL_FORMS"] = data["muscle_links-INITIAL_FORMS"] = len(links)
    for index, link in enumerate(links):
        data.update(
            {
                f"muscle_links-{index}-id": link.pk,
                f"muscle_links-{index}-exercise": exercise.pk,
                f"muscle_links-{index}-muscle": link.muscle_id,
                f"muscle_links-{index}-role": link.role,
            }
        )
    for index, (pk, number, text, delete) in enumerate(steps):
        data.update(
            {
                f"steps-{index}-id": pk or "",
                f"steps-{index}-exercise": exercise.pk,
                f"steps-{index}-number": number,
                f"steps-{index}-text": text,
            }
        )
        if delete:
            data[f"steps-{index}-DELETE"] = "on"
    data.update(changes)
    return data


class EditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("setup_editors", verbosity=0)
        cls.editor = User.objects.create_user("edith", password="pw", is_staff=True)
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.dumbbells = make_equipment("Dumbbells")
        cls.bench = make_equipment("Flat Bench Without Rack")
        cls.lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        cls.row = make_exercise(
            "One-Arm Row",
            steps=["Kneel.", "Grip.", "Row.", "Lower."],
            equipment=[cls.dumbbells],
            primary=[cls.lats],
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def url(self, exercise=None):
        return f"/admin/catalogue/exercise/{(exercise or self.row).pk}/change/"

    def test_an_editor_changes_a_step_and_the_equipment(self):
        steps = [(s.pk, s.number, s.text, False) for s in self.row.steps.all()]
        steps[2] = (steps[2][0], 3, "Row the dumbbell to your hip.", False)
        response = self.client.post(
            self.url(),
            exercise_form(
                self.row, steps, equipment=[self.dumbbells.pk, self.bench.pk]
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert self.row.steps.get(number=3).text == "Row the dumbbell to your hip."
        assert set(self.row.equipment.values_list("name", flat=True)) == {
            "Dumbbells",
            "Flat Bench Without Rack",
        }
        page = self.client.get("/exercises/one-arm-row/").content.decode()
        assert (
            "Row the dumbbell to your hip." in page
            and "Flat Bench Without Rack" in page
        )

    def test_swapping_two_steps_reorders_them(self):
        steps = [(s.pk, s.number, s.text, False) for s in self.row.steps.all()]
        steps[1] = (steps[1][0], 3, steps[1][2], False)
        steps[2] = (steps[2][0], 2, steps[2][2], False)
        response = self.client.post(self.url(), exercise_form(self.row, steps))
        assert response.status_code == 302, re.findall(
            r"errorlist[^>]*>(.*?)</ul", response.content.decode()
        )
        assert list(self.row.steps.values_list("text", flat=True)) == [
            "Kneel.",
            "Row.",
            "Grip.",
            "Lower.",
        ]

    def test_deleting_a_step_and_taking_its_number(self):
        steps = [(s.pk, s.number, s.text, False) for s in self.row.steps.all()]
        steps[1] = (steps[1][0], 2, steps[1][2], True)  # delete step 2
        steps[2] = (steps[2][0], 2, steps[2][2], False)  # step 3 becomes 2
        steps[3] = (steps[3][0], 3, steps[3][2], False)
        assert (
            self.client.post(self.url(), exercise_form(self.row, steps)).status_code
            == 302
        )
        assert list(self.row.steps.values_list("number", "text")) == [
            (1, "Kneel."),
            (2, "Row."),
            (3, "Lower."),
        ]

    def test_two_steps_with_one_number_is_a_form_error(self):
        steps = [(s.pk, s.number, s.text, False) for s in self.row.steps.all()]
        steps[1] = (steps[1][0], 1, steps[1][2], False)
        response = self.client.post(self.url(), exercise_form(self.row, steps))
        assert response.status_code == 200
        assert "Two steps are numbered 1" in response.content.decode() or (
            "Please correct the duplicate data for number" in response.content.decode()
        )
        assert Step.objects.filter(exercise=self.row, number=2).exists()

    def test_a_name_or_slug_clash_is_a_form_error_not_a_500(self):
        make_exercise("Pull-Up")
        response = self.client.post(
            self.url(), exercise_form(self.row, name="Pull-Up", slug="pull-up")
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "Exercise with this Name already exists." in body
        assert "Exercise with this Slug already exists." in body

    def test_every_change_is_logged_with_who_and_when(self):
        self.client.post(self.url(), exercise_form(self.row, summary="A new summary."))
        entry = LogEntry.objects.get(object_id=str(self.row.pk), action_flag=CHANGE)
        assert entry.user == self.editor
        history = self.client.get(f"/admin/catalogue/exercise/{self.row.pk}/history/")
        assert "edith" in history.content.decode()

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

    def test_drafts_are_previewed_by_editors_only(self):
        draft = make_exercise("Secret Row", status="draft")
        body = self.client.get("/exercises/secret-row/").content.decode()
        assert "This exercise is a draft: only editors can see it." in body
        self.client.logout()
        assert self.client.get(draft.get_absolute_url()).status_code == 404
        assert "Secret Row" not in self.client.get("/exercises/").content.decode()
        assert (
            "Secret Row"
            not in self.client.get("/anatomy/latissimus-dorsi/").content.decode()
        )

    def test_uploading_an_image_makes_renditions_and_a_bad_one_is_refused(self):
        data = exercise_form(
            self.row, image_alt="Kneeling one-arm row", image_credit="Us"
        )
        response = self.client.post(self.url(), {**data, "image": image_file()})
        assert response.status_code == 302
        self.row.refresh_from_db()
        assert (
            len(self.row.image_renditions) == 3
        )  # 320, 640 and the 800 original width
        bomb = self.client.post(self.url(), {**data, "image": png_bomb()})
        assert bomb.status_code == 200
        assert (
            "decompression bomb" in bomb.content.decode()
            or "megapixels" in bomb.content.decode()
        )
        text = self.client.post(
            self.url(), {**data, "image": image_file("x.png", kind="PNG")}
        )
        assert text.status_code == 302
        no_alt = self.client.post(
            self.url(), {**exercise_form(self.row), "image": image_file()}
        )
        assert (
            "Describe the image for people who cannot see it."
            in no_alt.content.decode()
        )

    def test_the_data_quality_report_links_to_each_fix(self):
        thin = make_exercise("Thin Row", steps=2)
        body = self.client.get("/admin/data-quality/").content.decode()
        assert "Thin Row" in body and "2 step(s)" in body
        assert f"/admin/catalogue/exercise/{thin.pk}/change/" in body
        assert "Exercises without equipment" in body and "no primary muscle" in body


class ArticleAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("root", password="pw")
        make_exercise("Inverted Row")
        cls.article = make_article(body="## One\n\nDo the [[Inverted Row]].")

    def setUp(self):
        self.client.force_login(self.admin)

    def form(self, **changes):
        data = {
            "title": self.article.title,
            "slug": self.article.slug,
            "standfirst": "",
            "author": "",
            "reviewer": "",
            "reviewer_credentials": "",
            "author_note": "",
            "body": self.article.body,
            "status": "published",
            "published_at_0": "2025-01-01",
            "published_at_1": "09:00:00",
            "revised_at_0": "",
            "revised_at_1": "",
            "image_alt": "",
            "image_credit": "",
            "image_licence": "",
            "image_caption": "",
            "faqs-TOTAL_FORMS": 0,
            "faqs-INITIAL_FORMS": 0,
            "references-TOTAL_FORMS": 0,
            "references-INITIAL_FORMS": 0,
        }
        return {**data, **changes}

    def test_unknown_exercise_names_are_shown_to_the_editor(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        response = self.client.post(url, self.form(body="Try the [[Moon Walk]]."))
        assert response.status_code == 200
        assert "No exercise is called “Moon Walk”" in response.content.decode()

    def test_hostile_markdown_is_saved_sanitised(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        body = "## Safe\n\n<script>alert(1)</script><img src=x onerror=alert(1)> [[Inverted Row]]"
        assert self.client.post(url, self.form(body=body)).status_code == 302
        self.article.refresh_from_db()
        assert (
            "<script" not in self.article.body_html
            and "onerror" not in self.article.body_html
        )
        assert "/exercises/inverted-row/" in self.article.body_html

    def test_the_preview_shows_the_rendered_sanitised_body(self):
        response = self.client.post(
            "/admin/articles/article/preview/",
            {"body": "**Hi** <script>x</script> [[Nope]]"},
        )
        assert response.json() == {
            "html": '<p><strong>Hi</strong>  <span class="exercise-link exercise-link--missing">Nope</span></p>',
            "missing": ["Nope"],
            "hidden": [],
        }
        change = self.client.get(f"/admin/articles/article/{self.article.pk}/change/")
        assert re.search(
            r"data-markdown-preview><h2 id=\"one\">One</h2>", change.content.decode()
        )

    def test_faq_and_references_are_edited_inline(self):
        url = f"/admin/articles/article/{self.article.pk}/change/"
        data = self.form(
            **{
                "faqs-TOTAL_FORMS": 2,
                "faqs-0-position": 2,
                "faqs-0-question": "Second?",
                "faqs-0-answer": "B.",
                "faqs-1-position": 1,
                "faqs-1-question": "First?",
                "faqs-1-answer": "A.",
                "references-TOTAL_FORMS": 1,
                "references-0-position": 1,
                "references-0-authors": "Doe, J.",
                "references-0-title": "A study",
                "references-0-year": 2020,
                "references-0-doi": "10.1000/xyz",
                "references-0-url": "",
            }
        )
        assert self.client.post(url, data).status_code == 302
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert page.index("First?") < page.index("Second?")
        assert "https://doi.org/10.1000/xyz" in page


class EditorsGroupTests(TestCase):
    def test_the_group_has_content_permissions_only(self):
        call_command("setup_editors", verbosity=0)
        call_command("setup_editors", verbosity=0)  # twice: no duplicates, no errors
        group = Group.objects.get(name="Editors")
        labels = set(
            group.permissions.values_list("content_type__app_label", flat=True)
        )
        assert labels == {"anatomy", "catalogue", "articles"}
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {
            "change_exercise",
            "add_step",
            "delete_exercisemuscle",
            "change_article",
        } <= codenames
        assert Exercise.objects.count() == 0


class NameNormalisationTests(TestCase):
    def test_a_lower_case_clash_is_a_form_error(self):
        from django.contrib.auth.models import User

        make_exercise("Pull-Up")
        admin = User.objects.create_superuser("root", password="pw")
        self.client.force_login(admin)
        data = exercise_form(make_exercise("Row"), name="pull-Up", slug="pull-up-2")
        response = self.client.post(
            f"/admin/catalogue/exercise/{Exercise.objects.get(name='Row').pk}/change/",
            data,
        )
        assert response.status_code == 200
        assert "Exercise with this Name already exists." in response.content.decode()
