import re
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import TestCase
from django.utils import timezone

from anatomy.figure import REGIONS
from anatomy.views import LISTED
from catalogue.models import Exercise
from tests.factories import make_exercise, make_group, make_muscle
from tests.seed_article import ARTICLE_MUSCLE_GROUPS, ARTICLE_MUSCLES
from tests.utils import ALL_FIXTURES, Page, clear_caches


class AnatomyPagesTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_index_describes_every_muscle_with_links(self):
        page = Page(self.client.get("/anatomy/").content.decode())
        assert page.h(1) == ["Anatomy of the mid-back"]
        assert set(ARTICLE_MUSCLES) <= set(page.h(3))
        assert set(ARTICLE_MUSCLE_GROUPS) <= set(page.h(2))
        assert (
            "Triangular shaped muscles located between your neck and shoulder blades."
            in page.text
        )
        assert "/anatomy/rhomboids/" in page.links
        assert "/exercises/?muscle=rhomboids" in page.links

    def test_the_figure_links_each_region_with_an_accessible_name(self):
        body = self.client.get("/anatomy/").content.decode()
        regions = re.findall(
            r'<a class="body-figure__region[^"]*" href="([^"]+)" data-muscle="([^"]+)"><title>([^<]+)</title>',
            body,
        )
        assert {slug for _, slug, _ in regions} == set(REGIONS)
        assert (
            "/anatomy/latissimus-dorsi/",
            "latissimus-dorsi",
            "Latissimus Dorsi",
        ) in regions
        assert 'role="group" aria-labelledby="body-figure-title"' in body

    def test_a_muscle_lists_its_exercises_primary_movers_first(self):
        response = self.client.get("/anatomy/posterior-deltoid/")
        page = Page(response.content.decode())
        assert page.h(1) == ["Posterior Deltoid"]
        assert page.h(3)[:2] == ["Primary mover", "Secondary muscle"]
        body = response.content.decode()
        primary, secondary = body.split("<h3>Secondary muscle</h3>")
        expected_primary = set(
            Exercise.objects.filter(
                muscle_links__muscle__slug="posterior-deltoid",
                muscle_links__role="primary",
            ).values_list("slug", flat=True)
        )
        expected_secondary = set(
            Exercise.objects.filter(
                muscle_links__muscle__slug="posterior-deltoid",
                muscle_links__role="secondary",
            ).values_list("slug", flat=True)
        )
        assert (
            set(re.findall(r'class="link-card" href="/exercises/([^/]+)/"', primary))
            == expected_primary
        )
        assert (
            set(re.findall(r'class="link-card" href="/exercises/([^/]+)/"', secondary))
            == expected_secondary
        )
        assert {"rear-delt-fly-machine", "cable-face-pull"} <= expected_primary
        assert "/exercises/?muscle=posterior-deltoid" in page.links
        assert "/anatomy/shoulder/" in page.links  # its group

    def test_a_group_lists_its_muscles_and_tagged_exercises(self):
        page = Page(self.client.get("/anatomy/shoulder/").content.decode())
        assert "/anatomy/posterior-deltoid/" in page.links
        for slug in (
            "rear-delt-fly-machine",
            "inverted-row",
            "cable-crossover-reverse-fly",
            "chair-inverted-row",
        ):
            assert f"/exercises/{slug}/" in page.links
        assert "/exercises/?muscle=shoulder" in page.links

    def test_the_muscle_is_highlighted_on_its_page(self):
        body = self.client.get("/anatomy/rhomboids/").content.decode()
        assert re.search(
            r'body-figure__region--selected" href="/anatomy/rhomboids/"', body
        )

    def test_exercise_pages_highlight_primary_and_secondary_muscles(self):
        body = self.client.get("/exercises/renegade-rows/").content.decode()
        assert re.search(
            r'body-figure__region--primary" href="/anatomy/latissimus-dorsi/" data-muscle="latissimus-dorsi"><title>Latissimus Dorsi \(primary muscle\)</title>',
            body,
        )
        assert re.search(
            r'body-figure__region--secondary" href="/anatomy/posterior-deltoid/"', body
        )
        assert "Secondary (hatched)" in body  # the legend says it, not colour alone
        # Regions the exercise does not work are drawn but hidden from screen readers.
        assert re.search(
            r'<g class="body-figure__region" data-muscle="hamstrings" aria-hidden="true">',
            body,
        )

    def test_unknown_muscle_is_a_404(self):
        assert self.client.get("/anatomy/spleen/").status_code == 404


class AnatomyDraftsTests(TestCase):
    def test_draft_exercises_are_not_listed_on_muscle_pages(self):
        lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        make_exercise("Public Row", primary=[lats])
        make_exercise("Draft Row", primary=[lats], status="draft")
        body = self.client.get("/anatomy/latissimus-dorsi/").content.decode()
        assert "Public Row" in body and "Draft Row" not in body

    def test_scheduled_exercises_wait_and_editors_preview_both(self):
        lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        make_exercise("Draft Row", primary=[lats], status="draft")
        make_exercise(
            "Scheduled Row",
            primary=[lats],
            published_at=timezone.now() + timedelta(days=1),
        )
        reader = self.client.get("/anatomy/latissimus-dorsi/").content.decode()
        editor = User.objects.create_user("edith", password="pw", is_staff=True)
        self.client.force_login(editor)
        preview = self.client.get("/anatomy/latissimus-dorsi/").content.decode()
        assert "Scheduled Row" not in reader and "Draft Row" not in reader
        assert "Scheduled Row" in preview and "Draft Row" in preview

    def test_each_role_lists_its_first_exercises_a_to_z_and_counts_them_all(self):
        lats = make_muscle("Latissimus Dorsi", make_group("Back"))
        for number in range(LISTED + 2):
            make_exercise(f"Row {number:02d}", primary=[lats])
        make_exercise("Assisted Pull-Up", secondary=[lats])
        make_exercise("Draft Pull-Up", secondary=[lats], status="draft")
        make_exercise("Lat Stretch").muscle_links.create(muscle=lats, role="stretched")
        # The content state and the muscle; every role's links come from the
        # facet index, built once per content state (two queries).
        with self.assertNumQueries(4):
            self.client.get("/anatomy/latissimus-dorsi/")
        clear_caches()  # the page, not the per-state values
        with self.assertNumQueries(2):
            context = self.client.get("/anatomy/latissimus-dorsi/").context
        (_, primary, primary_total), (_, secondary, secondary_total) = context[
            "exercises_by_role"
        ]
        assert [e.name for e in primary] == [f"Row {n:02d}" for n in range(LISTED)]
        assert primary_total == LISTED + 2
        assert ([e.name for e in secondary], secondary_total) == (
            ["Assisted Pull-Up"],
            1,
        )
        assert [e.name for e in context["stretched_by"]] == ["Lat Stretch"]
        assert context["stretched_total"] == 1
