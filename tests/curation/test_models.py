"""Review status per exercise: who reviewed what and when, shown, kept honest."""

from django.test import TestCase

from catalogue.models import Exercise
from curation.models import ExerciseReview
from tests.factories import EditorAndRowTestCase, exercise_form, make_exercise
from tests.seed_article import ARTICLE_EXERCISES, ARTICLE_EXTRAS
from tests.utils import ALL_FIXTURES, Page, count_queries


def review_section(client, exercise):
    body = client.get(exercise.get_absolute_url()).content.decode()
    section = body.split('id="review-title"')[1].split("</section>")[0]
    return Page(section).text.replace(" .", ".")


class FixtureReviewTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_articles_exercises_record_april_edwards_review_of_steps_1_and_2(self):
        for name, *_ in ARTICLE_EXERCISES:
            review = ExerciseReview.objects.get(exercise__name=name)
            assert review.reviewed_by == "April Edwards, MScPT"
            assert review.reviewed_on is None  # the source gives no date
            assert review.scope.startswith("Steps 1–2 come from Endomondo’s article")
            assert "have not been reviewed" in review.scope
            steps = review.exercise.steps.order_by("number")
            assert review.is_current_for(steps), name
            assert f"Steps 3–{len(steps)}," in review.scope, name

    def test_the_page_says_who_reviewed_what_and_that_the_date_is_not_known(self):
        text = review_section(self.client, Exercise.objects.get(slug="pull-up"))
        assert "Reviewed by April Edwards, MScPT (date not given)." in text
        assert "Steps 3–7, the tips, the summary and the muscles by role" in text
        assert "Out of date" not in text

    def test_the_extras_say_no_one_has_reviewed_them(self):
        for name in ARTICLE_EXTRAS:
            exercise = Exercise.objects.get(name=name)
            assert not ExerciseReview.objects.filter(exercise=exercise).exists()
            text = review_section(self.client, exercise)
            assert "Not reviewed" in text, name

    def test_the_review_costs_no_query(self):
        reviewed = Exercise.objects.get(slug="pull-up")
        unreviewed = Exercise.objects.get(slug="bird-dog")
        # What is built once per content state, by whichever page comes first.
        self.client.get(Exercise.objects.get(slug="inverted-row").get_absolute_url())
        assert (
            count_queries(self.client, reviewed.get_absolute_url())[1]
            == count_queries(self.client, unreviewed.get_absolute_url())[1]
        )


class ReviewGoesOutOfDateTests(EditorAndRowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        ExerciseReview.objects.create(
            exercise=cls.row,
            reviewer="Sam Physio",
            reviewer_credentials="DPT",
            reviewed_on="2026-11-01",
            scope="All four steps.",
        )

    def edit_step_three(self, **changes):
        row = Exercise.objects.get(pk=self.row.pk)
        steps = [(s.pk, s.number, s.text, False) for s in row.steps.all()]
        steps[2] = (steps[2][0], 3, "Row the dumbbell to your hip.", False)
        response = self.client.post(self.url(), exercise_form(row, steps, **changes))
        assert response.status_code == 302, response.content.decode()[:3000]

    def test_a_new_review_is_current_and_shown_with_its_date(self):
        text = review_section(self.client, self.row)
        assert "Reviewed by Sam Physio, DPT on 1 November 2026." in text
        assert "All four steps." in text and "Out of date" not in text

    def test_changing_a_step_after_the_review_marks_it_out_of_date(self):
        self.edit_step_three()
        text = review_section(self.client, self.row)
        assert "Out of date: the steps have changed since this review" in text
        admin_page = self.client.get(self.url()).content.decode()
        assert "Out of date: the steps changed after this review." in admin_page

    def test_recording_a_new_review_in_the_admin_makes_it_current_again(self):
        self.edit_step_three()
        self.edit_step_three(
            **{
                "review-0-reviewed_on": "2026-11-20",
                "review-0-scope": "All four steps, step 3 as rewritten.",
            }
        )
        text = review_section(self.client, self.row)
        assert "Out of date" not in text
        assert "on 20 November 2026" in text

    def test_an_editor_adds_a_review_in_the_admin(self):
        other = make_exercise("Band Row", steps=["Anchor.", "Pull."])
        data = exercise_form(other)
        data.update(
            {
                "review-TOTAL_FORMS": 1,
                "review-0-reviewer": "Sam Physio",
                "review-0-reviewer_credentials": "DPT",
                "review-0-reviewed_on": "",
                "review-0-scope": "Both steps.",
            }
        )
        url = f"/admin/catalogue/exercise/{other.pk}/change/"
        response = self.client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        review = ExerciseReview.objects.get(exercise=other)
        assert review.is_current_for(other.steps.order_by("number"))
        assert "(date not given)" in review_section(self.client, other)


class ReviewCacheTests(TestCase):
    def test_a_review_recorded_outside_the_admin_shows_at_once(self):
        row = make_exercise("Band Row", steps=["Anchor.", "Pull."])
        assert "Not reviewed" in review_section(self.client, row)  # now cached
        ExerciseReview.objects.create(
            exercise=row, reviewer="Sam Physio", scope="Both steps."
        )
        assert "Reviewed by Sam Physio" in review_section(self.client, row)
