"""The A–Z list's filters on the real content: the exact exercises each returns."""

import html
import re

from django.test import TestCase

from catalogue.filters import ExerciseFilter
from catalogue.models import Exercise
from tests.seed_article import ARTICLE_EXERCISES, ARTICLE_EXTRAS
from tests.utils import ALL_FIXTURES, Page

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">([^<]+)</a>')


def article_names(*, equipment=None, group=None):
    return {
        name
        for name, items, groups, _ in ARTICLE_EXERCISES
        if (equipment is None or equipment in items)
        and (group is None or group in groups)
    }


class ListFilterTests(TestCase):
    fixtures = ALL_FIXTURES

    def listed(self, query=""):
        response = self.client.get(f"/exercises/{query}")
        assert response.status_code == 200, query
        return [
            html.unescape(name)
            for name in CARD_TITLE.findall(response.content.decode())
        ]

    def test_unfiltered_list_is_every_exercise_a_to_z(self):
        names = self.listed()
        assert len(names) == 45
        assert names == sorted(names)
        assert names[0] == "Assisted Chin-Up"

    def test_muscle_groups_give_exactly_the_articles_muscle_worked_lists(self):
        # Of the extras, the face pull (prime mover: the rear delts) is tagged Shoulder too.
        assert (
            set(self.listed("?muscle=shoulder")) - {"Cable Face Pull"}
            == article_names(group="Shoulder")
            == {
                "Rear Delt Fly Machine",
                "Inverted Row",
                "Cable Crossover Reverse Fly",
                "Chair Inverted Row",
            }
        )
        assert (
            set(self.listed("?muscle=arm"))
            == article_names(group="Arm")
            == {
                "Reverse-Grip Lat Pulldown",
                "Close-Grip Lat Pulldown",
            }
        )
        assert (
            set(self.listed("?muscle=abs"))
            == article_names(group="Abs")
            == {"Renegade Rows"}
        )
        # Every exercise of the article is a Back exercise; so are the ten it names.
        assert set(self.listed("?muscle=back")) == article_names(group="Back") | set(
            ARTICLE_EXTRAS
        )

    def test_a_specific_muscle_gives_the_exercises_that_work_it_in_either_role(self):
        listed = set(self.listed("?muscle=posterior-deltoid"))
        expected = set(
            Exercise.objects.filter(
                muscle_links__muscle__slug="posterior-deltoid"
            ).values_list("name", flat=True)
        )
        assert listed == expected
        assert {"Rear Delt Fly Machine", "Cable Face Pull"} <= listed  # primary
        assert "Inverted Row" in listed  # secondary

    def test_equipment_gives_the_exercises_that_use_it(self):
        assert set(self.listed("?equipment=trap-bar")) == {"Trap Bar Shrug"}
        dumbbells = set(self.listed("?equipment=dumbbells"))
        assert dumbbells == article_names(equipment="Dumbbells") | {
            "Chest-Supported Row"
        }
        assert set(self.listed("?equipment=chair")) == {"Chair Inverted Row"}

    def test_values_within_a_facet_widen_and_facets_narrow(self):
        either = set(self.listed("?equipment=trap-bar&equipment=chair"))
        assert either == {"Trap Bar Shrug", "Chair Inverted Row"}
        both = set(self.listed("?equipment=dumbbells&muscle=abs"))
        assert both == {"Renegade Rows"}
        assert set(self.listed("?muscle=shoulder&muscle=arm")) == (
            article_names(group="Shoulder") | article_names(group="Arm")
        ) | {"Cable Face Pull"}

    def test_level_type_and_editors_picks(self):
        advanced = set(self.listed("?level=advanced"))
        assert advanced == {
            "Barbell Pendlay Row",
            "Weighted Pull-Up",
            "Weighted Chin-Up",
        }
        assert set(self.listed("?category=stretching")) == {
            "Cobra Pose",
            "Seated Twist",
            "Bridge Pose",
        }
        assert self.listed("?best=1") == [
            "Dumbbell Bent-Over Row",
            "Dumbbell Single-Arm Bent-Over Row",
            "Pull-Up",
        ]
        assert len(self.listed("?best=0")) == 45

    def test_search_finds_pull_up_however_it_is_written(self):
        for query in ("pull ups", "pullups", "pull-ups", "Pull-Up", "PULLUP"):
            names = self.listed(f"?q={query}")
            assert names[0] == "Pull-Up", query
            assert "Lat Pulldown" not in names[:3]

    def test_search_reads_aliases_and_steps(self):
        assert self.listed("?q=hex bar shrug") == ["Trap Bar Shrug"]
        assert "Chair Inverted Row" in self.listed("?q=two-chair inverted row")
        assert "Landmine One-Arm Bent-Over Row" in self.listed("?q=landmine attachment")

    def test_sorting(self):
        names = self.listed("?sort=-name")
        assert names == sorted(names, reverse=True)
        assert self.listed("?sort=name") == sorted(names)

    def test_option_counts_say_how_many_exercises_each_would_give(self):
        page = self.client.get("/exercises/?muscle=shoulder").content.decode()
        # With Shoulder chosen, each equipment option counts Shoulder exercises.
        assert re.search(
            r'value="fly-machine"> Fly Machine <span class="option__n">\(1\)', page
        )
        assert re.search(
            r'value="power-cage"> Power Cage <span class="option__n">\(1\)', page
        )
        # The muscle facet ignores its own choice: Arm still shows its 2.
        assert re.search(r'value="arm"> Arm <span class="option__n">\(2\)', page)
        assert re.search(r'value="back" checked|value="shoulder" checked', page)
        for option, count in re.findall(
            r'name="equipment" value="([^"]+)"[^>]*> [^<]+'
            r'<span class="option__n">\((\d+)\)',
            page,
        ):
            listed = self.listed(f"?muscle=shoulder&equipment={option}")
            assert len(listed) == int(count), option

    def test_result_count_chips_and_shareable_urls(self):
        response = self.client.get("/exercises/?equipment=dumbbells&level=beginner")
        page = Page(response.content.decode())
        count = len(self.listed("?equipment=dumbbells&level=beginner"))
        assert f"{count} exercises" in page.text
        assert "/exercises/?level=beginner" in page.links  # the chip removing Dumbbells
        assert (
            "/exercises/?equipment=dumbbells" in page.links
        )  # the chip removing Beginner

    def test_letter_index_jumps_to_letters_that_have_exercises(self):
        page = Page(self.client.get("/exercises/").content.decode())
        assert "#letter-A" in page.links and "#letter-W" in page.links
        assert "#letter-Q" not in page.links
        assert {"letter-A", "letter-B", "letter-W"} <= set(page.ids)


class FormClassTests(TestCase):
    """The filterset's form class is made once per vocabulary."""

    EQUIPMENT = [("dumbbells", "Dumbbells"), ("barbell", "Barbell")]
    MUSCLES = [("back", "Back")]

    def filterset(self, data, equipment=EQUIPMENT):
        return ExerciseFilter(
            data,
            Exercise.objects.all(),
            equipment_choices=equipment,
            muscle_choices=self.MUSCLES,
        )

    def test_filtersets_of_one_vocabulary_share_their_form_class(self):
        first = self.filterset({"equipment": ["barbell"]})
        second = self.filterset({"equipment": ["dumbbells"]})
        assert first.get_form_class() is second.get_form_class()
        assert first.value("equipment") == ["barbell"]
        assert second.value("equipment") == ["dumbbells"]

    def test_a_new_item_is_a_choice_as_soon_as_the_vocabulary_has_it(self):
        assert self.filterset({"have": ["kettlebell"]}).value("have") == []
        with_kettlebell = [*self.EQUIPMENT, ("kettlebell", "Kettlebell")]
        later = self.filterset({"have": ["kettlebell"]}, equipment=with_kettlebell)
        assert later.value("have") == ["kettlebell"]
        assert self.filterset({}).get_form_class() is not later.get_form_class()
