"""The muscle facet reads at a glance: the article's tags and muscles by role apart."""

import re

from django.test import TestCase

from tests.utils import ALL_FIXTURES, Page


class MuscleFacetTests(TestCase):
    fixtures = ALL_FIXTURES

    def setUp(self):
        body = self.client.get("/exercises/").content.decode()
        facet = body.split('<summary class="facet__summary">Muscles')[1]
        self.facet = facet.split("</details>")[0]
        self.tags, self.muscles = self.facet.split("Specific muscles worked")

    def test_the_two_kinds_are_labelled_apart(self):
        legends = re.findall(
            r'<legend class="facet__legend">([^<]+)</legend>', self.facet
        )
        assert legends == [
            "Muscle worked (the article’s tags)",
            "Specific muscles worked",
        ]
        assert "stretches are not counted" in Page(self.muscles).text

    def test_no_group_reads_as_empty_above_muscles_that_have_exercises(self):
        assert "(0)" not in self.facet
        assert 'value="chest"' not in self.tags  # no exercise is tagged Chest
        chest = self.muscles.split('<span class="facet__subhead">Chest</span>')[1]
        assert re.search(
            r'value="pectoralis-major"> Pectoralis Major <span class="option__n">\(\d+\)',
            chest.split("</ul>")[0],
        )

    def test_groups_are_headings_among_the_muscles_not_options(self):
        for group in ("back", "shoulder", "arm", "abs", "chest", "legs"):
            assert f'name="muscle" value="{group}"' not in self.muscles
        assert re.search(
            r'value="shoulder"> Shoulder <span class="option__n">\(5\)', self.tags
        )
