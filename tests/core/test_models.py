"""core.models: what a user may see, named rows, and the key of a one-level
hierarchy."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser, User
from django.forms import modelform_factory
from django.test import TestCase
from django.utils import timezone

from anatomy.models import Muscle
from catalogue.models import Equipment, Exercise
from catalogue.progressions import Progression
from discussion.models import Comment
from tests.factories import make_exercise, make_group, make_muscle


class VisibleConditionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_exercise("Published Row")
        make_exercise("Draft Row", status="draft")
        make_exercise("Scheduled Row", published_at=timezone.now() + timedelta(days=1))

    def names(self, user):
        return sorted(Exercise.objects.visible_to(user).values_list("name", flat=True))

    def test_readers_see_what_is_published_and_due(self):
        assert self.names(AnonymousUser()) == ["Published Row"]
        assert list(Exercise.objects.published().values_list("name", flat=True)) == [
            "Published Row"
        ]

    def test_editors_preview_drafts_and_scheduled_items(self):
        editor = User(username="edith", is_staff=True)
        assert self.names(editor) == ["Draft Row", "Published Row", "Scheduled Row"]


class NamedTests(TestCase):
    def test_named_rows_read_as_their_name_and_are_keyed_by_their_slug(self):
        rows = [
            make_exercise("Seal Row"),
            Equipment.objects.create(name="Dip Belt", slug="dip-belt"),
            make_group("Back"),
            Progression.objects.create(name="Rows", slug="rows"),
        ]
        for row in rows:
            assert (str(row), row.natural_key()) == (row.name, (row.slug,))
            again = type(row).objects.get_by_natural_key(row.slug)
            assert again.pk == row.pk

    def test_equipment_and_progressions_are_listed_a_to_z(self):
        for name in ["Kettlebell", "Ab Wheel", "Dip Belt"]:
            Equipment.objects.create(name=name, slug=name.lower().replace(" ", "-"))
            Progression.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for model in (Equipment, Progression):
            names = list(model.objects.values_list("name", flat=True))
            assert names == ["Ab Wheel", "Dip Belt", "Kettlebell"]

    def test_an_equipment_name_may_be_as_long_as_an_exercise_name(self):
        name = "A" * Exercise._meta.get_field("name").max_length
        item = Equipment(name=name, slug="a" * 140)
        item.full_clean()


class OneLevelParentTests(TestCase):
    def test_a_muscle_may_only_belong_to_a_group(self):
        back = make_group("Back")
        make_muscle("Latissimus Dorsi", back)
        form_class = modelform_factory(Muscle, fields=["group"])
        choices = [label for _, label in form_class().fields["group"].choices]
        assert choices[1:] == ["Back"]

    def test_a_reply_may_only_answer_a_comment_that_is_not_a_reply(self):
        field = Comment._meta.get_field("parent")
        assert field.remote_field.limit_choices_to == {"parent__isnull": True}
        assert (field.null, field.blank, field.remote_field.related_name) == (
            True,
            True,
            "replies",
        )
