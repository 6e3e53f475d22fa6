"""The exercise admin: safe saves of steps and equipment, clear errors, history,
images and previews."""

import re

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.test import TestCase

from catalogue.models import Exercise, Step
from tests.factories import (
    EditorAndRowTestCase,
    exercise_form,
    image_file,
    make_exercise,
    png_bomb,
)


class EditorTests(EditorAndRowTestCase):
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


class NameNormalisationTests(TestCase):
    def test_a_lower_case_clash_is_a_form_error(self):

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
