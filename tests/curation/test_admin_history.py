"""History and revert: every editor's change kept, readable, restorable in one step."""

import re

import reversion
from django.contrib.auth.models import User
from django.test import TestCase
from reversion.models import Version

from anatomy.models import Muscle
from articles.models import FAQ, Article, Reference
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step
from curation.models import ExerciseReview
from tests.factories import (
    EditorAndRowTestCase,
    exercise_form,
    make_equipment,
    make_muscle,
)
from tests.utils import Page


class RegistrationTests(TestCase):
    def test_every_content_model_is_recorded(self):
        for model in (Exercise, Step, ExerciseMuscle, ExerciseReview, Equipment):
            assert reversion.is_registered(model), model
        for model in (Muscle, Article, FAQ, Reference):
            assert reversion.is_registered(model), model

    def test_an_exercise_version_carries_its_steps_muscles_and_review(self):
        follow = reversion.revisions._get_options(Exercise).follow
        assert set(follow) == {"steps", "muscle_links", "review"}
        assert set(reversion.revisions._get_options(Article).follow) == {
            "faqs",
            "references",
        }


class ExerciseHistoryTests(EditorAndRowTestCase):
    def setUp(self):
        super().setUp()
        self.history_url = f"/admin/catalogue/exercise/{self.row.pk}/history/"

    def save(self, steps=None, **changes):
        row = Exercise.objects.get(pk=self.row.pk)
        response = self.client.post(self.url(), exercise_form(row, steps, **changes))
        assert response.status_code == 302, response.content.decode()[:3000]

    def edit(self):
        """Save as it is (the first version), then change step 3, a step and the kit."""
        self.save()
        steps = [(s.pk, s.number, s.text, False) for s in self.row.steps.all()]
        steps[2] = (steps[2][0], 3, "Row the dumbbell to your hip.", False)
        steps.append((None, 5, "Rest.", False))
        self.save(
            steps,
            equipment=[self.dumbbells.pk, self.bench.pk],
            summary="A one-arm row.",
        )

    def test_each_save_is_recorded_with_who_and_a_readable_diff(self):
        self.edit()
        versions = Version.objects.get_for_object(self.row)
        assert versions.count() == 2
        assert all(v.revision.user == self.editor for v in versions)
        page = self.client.get(self.history_url)
        assert page.status_code == 200
        text = Page(page.content.decode()).text
        assert "edith" in text
        assert "Step 3, text: “Row.” → “Row the dumbbell to your hip.”" in text
        assert "Step added: Step 5" in text
        assert "equipment: “Dumbbells” → “Dumbbells, Flat Bench Without Rack”" in text
        assert "summary: “(empty)” → “A one-arm row.”" in text
        assert "First recorded version." in text

    def test_an_earlier_version_is_restored_in_one_step(self):
        self.edit()
        first = Version.objects.get_for_object(self.row).order_by("pk").first()
        restore = f"{self.history_url}{first.pk}/restore/"
        assert (
            f'action="{restore}"' in self.client.get(self.history_url).content.decode()
        )
        response = self.client.post(restore)
        assert response.status_code == 302
        row = Exercise.objects.get(pk=self.row.pk)
        assert list(row.steps.values_list("text", flat=True)) == [
            "Kneel.",
            "Grip.",
            "Row.",
            "Lower.",
        ]
        assert list(row.equipment.values_list("name", flat=True)) == ["Dumbbells"]
        assert row.summary == ""
        # The search index follows the restored steps.
        assert "hip" not in row.search_text
        page = self.client.get(row.get_absolute_url()).content.decode()
        assert "Row the dumbbell to your hip." not in page

    def test_the_restore_is_itself_recorded_and_can_be_undone(self):
        self.edit()
        first, second = Version.objects.get_for_object(self.row).order_by("pk")
        self.client.post(f"{self.history_url}{first.pk}/restore/")
        latest = Version.objects.get_for_object(self.row).first()
        assert latest.revision.get_comment().startswith("Restored the version of")
        self.client.post(f"{self.history_url}{second.pk}/restore/")
        assert Step.objects.get(exercise=self.row, number=3).text == (
            "Row the dumbbell to your hip."
        )

    def test_an_earlier_version_can_be_previewed_without_changing_anything(self):
        self.edit()
        first = Version.objects.get_for_object(self.row).order_by("pk").first()
        page = self.client.get(f"{self.history_url}{first.pk}/")
        assert page.status_code == 200
        form = page.content.decode()
        assert re.search(r'id="id_steps-2-text">\s*Row\.</textarea>', form)
        assert Step.objects.get(exercise=self.row, number=3).text == (
            "Row the dumbbell to your hip."
        )

    def test_restore_needs_a_post_and_the_change_permission(self):
        self.edit()
        first = Version.objects.get_for_object(self.row).order_by("pk").first()
        url = f"{self.history_url}{first.pk}/restore/"
        assert self.client.get(url).status_code == 405
        reader = User.objects.create_user("rita", password="pw", is_staff=True)
        self.client.force_login(reader)
        assert self.client.post(url).status_code == 403


class OtherContentHistoryTests(TestCase):
    def setUp(self):
        self.admin = User.objects.create_superuser("ada", password="pw")
        self.client.force_login(self.admin)

    def test_equipment_and_muscles_are_recorded_and_restored(self):
        bench = make_equipment("Bench", description="A bench.")
        url = f"/admin/catalogue/equipment/{bench.pk}/change/"
        for description in ("A bench.", "A padded bench."):
            data = {"name": "Bench", "slug": "bench", "description": description}
            assert self.client.post(url, data).status_code == 302
        text = Page(
            self.client.get(
                f"/admin/catalogue/equipment/{bench.pk}/history/"
            ).content.decode()
        ).text
        assert "description: “A bench.” → “A padded bench.”" in text
        first = Version.objects.get_for_object(bench).order_by("pk").first()
        self.client.post(
            f"/admin/catalogue/equipment/{bench.pk}/history/{first.pk}/restore/"
        )
        bench.refresh_from_db()
        assert bench.description == "A bench."
        muscle = make_muscle("Rhomboids")
        page = self.client.get(f"/admin/anatomy/muscle/{muscle.pk}/history/")
        assert page.status_code == 200
