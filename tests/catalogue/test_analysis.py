"""The Analysis tab: the list's selection, numbers equal to the database's own
counts, links to exactly the exercises counted, a fixed number of queries."""

import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, TestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.analysis import Analysis, greedy_kit, selection
from catalogue.models import Equipment, Exercise, Role
from tests.factories import cold_queries_before_and_after_10000_exercises
from tests.utils import ALL_FIXTURES, Page

SELECTIONS = [
    "",
    "equipment=dumbbells&muscle=back",
    "equipment=dumbbells&equipment=barbell",
    "level=beginner&category=stretching",
    "q=row",
    "muscle=latissimus-dorsi&best=1",
    "primary=rhomboids&uses=dumbbells",
    "kit=dumbbells&kit=bodyweight",
    "force=none&mechanic=compound",
    "equipment=trap-bar&muscle=abs",  # nothing
]


def analyse(query):
    request = RequestFactory().get(f"/exercises/analysis/?{query}")
    request.user = AnonymousUser()
    chosen = selection(request)
    return chosen, Analysis(chosen)


def list_total(client, url):
    """The number of exercises the A–Z list at ``url`` says it shows."""
    html = client.get(url).content.decode()
    match = re.search(r"<strong>(\d+)</strong> exercise", html)
    return int(match.group(1)) if match else 0


class AnalysisNumbersTests(TestCase):
    fixtures = ALL_FIXTURES

    def test_the_selection_is_the_lists_selection(self):
        for query in SELECTIONS:
            chosen, analysis = analyse(query)
            assert analysis.total == list_total(self.client, f"/exercises/?{query}"), (
                query
            )
            listed = Page(self.client.get(f"/exercises/?{query}").content.decode())
            names = set(chosen.exercises.values_list("name", flat=True))
            assert len(names) == analysis.total
            shown = {text for _, text in listed.headings} & set(
                Exercise.objects.values_list("name", flat=True)
            )
            assert shown == names, query  # every selection here fits on one page

    def test_the_numbers_equal_the_databases_own_counts(self):
        for query in SELECTIONS:
            chosen, analysis = analyse(query)
            exercises = chosen.exercises
            assert analysis.total == exercises.count(), query
            for name, figure in analysis.equipment:
                item = Equipment.objects.get(name=name)
                assert figure.count == exercises.filter(equipment=item).count(), (
                    query,
                    name,
                )
            for _, rows in analysis.muscle_groups:
                for name, _, primary, secondary in rows:
                    for role, figure in (
                        (Role.PRIMARY, primary),
                        (Role.SECONDARY, secondary),
                    ):
                        expected = exercises.filter(
                            muscle_links__muscle__name=name, muscle_links__role=role
                        ).count()
                        assert figure.count == expected, (query, name, role)
            for field, rows in (
                ("level", analysis.levels),
                ("category", analysis.categories),
            ):
                for label, figure in rows:
                    value = next(
                        v
                        for v, lab in Exercise._meta.get_field(field).choices
                        if lab == label
                    )
                    assert figure.count == exercises.filter(**{field: value}).count()
            assert sum(f.count for _, f in analysis.forces) == analysis.total
            assert sum(f.count for _, f in analysis.mechanics) == analysis.total
            assert (
                analysis.no_equipment.count == exercises.filter(equipment=None).count()
            )
            kit = []
            for step in analysis.kit:
                kit.append(Equipment.objects.get(name=step.name))
                covered = exercises.exclude(
                    equipment__in=Equipment.objects.exclude(pk__in=[i.pk for i in kit])
                ).count()
                assert step.covered.count == covered, (query, step.name)
            if analysis.kit:
                assert analysis.kit[-1].covered.count == analysis.total

    def test_every_number_links_to_exactly_those_exercises(self):
        for query in ("", "equipment=dumbbells&muscle=back", "level=intermediate"):
            _, analysis = analyse(query)
            figures = [f for _, f in analysis.equipment]
            figures += [
                f for _, rows in analysis.muscle_groups for r in rows for f in r[2:]
            ]
            figures += [f for _, f in analysis.levels + analysis.categories]
            figures += [f for _, f in analysis.forces + analysis.mechanics]
            figures += [s.unlocks for s in analysis.kit] + [
                s.covered for s in analysis.kit
            ]
            figures.append(analysis.no_equipment)
            for figure in figures:
                if figure.count:
                    assert list_total(self.client, figure.url) == figure.count, figure

    def test_the_page_links_every_number_and_keeps_the_filters_in_its_tabs(self):
        response = self.client.get(
            "/exercises/analysis/?equipment=dumbbells&muscle=back&page=3"
        )
        assert response.status_code == 200
        page = Page(response.content.decode())
        assert page.h(1) == ["Exercises A–Z: analysis"]
        tabs = [
            attrs["href"]
            for tag, attrs in page.tags
            if attrs.get("class") == "tabs__link"
        ]
        assert tabs == [
            "/exercises/?equipment=dumbbells&muscle=back",
            "/exercises/analysis/?equipment=dumbbells&muscle=back",
            "/exercises/discussion/?equipment=dumbbells&muscle=back",
        ]
        number_links = [
            attrs["href"]
            for tag, attrs in page.tags
            if attrs.get("class") == "bar__n" and tag == "a"
        ]
        assert number_links
        for href in number_links:
            params = parse_qs(urlsplit(href).query, keep_blank_values=True)
            assert urlsplit(href).path == "/exercises/"
            assert "dumbbells" in params.get("equipment", [])
            assert "back" in params["muscle"]
        assert "greedy" in page.text.lower()
        assert 'style="' not in response.content.decode()

    def test_the_list_and_its_pages_keep_the_drill_down(self):
        page = Page(
            self.client.get("/exercises/?primary=latissimus-dorsi").content.decode()
        )
        assert "Primary: Latissimus Dorsi" in page.text
        tabs = [
            attrs["href"]
            for tag, attrs in page.tags
            if attrs.get("class") == "tabs__link"
        ]
        assert tabs[1] == "/exercises/analysis/?primary=latissimus-dorsi"
        hidden = [
            (a["name"], a["value"])
            for t, a in page.tags
            if t == "input" and a.get("type") == "hidden"
        ]
        assert ("primary", "latissimus-dorsi") in hidden  # the filter form keeps it

    def test_bad_parameters_never_fail(self):
        for query in (
            "primary=no-such&uses=%00&kit=" + "x" * 500,
            "force=sideways&mechanic=&level=expert",
            "kit=&kit=&kit=dumbbells" + "&uses=a" * 100,
            "q=" + "z" * 500,
        ):
            for path in (
                "/exercises/",
                "/exercises/analysis/",
                "/exercises/discussion/",
            ):
                assert self.client.get(f"{path}?{query}").status_code == 200, (
                    path,
                    query,
                )

    def test_no_exercises_is_said_plainly(self):
        page = Page(
            self.client.get(
                "/exercises/analysis/?equipment=trap-bar&muscle=abs"
            ).content.decode()
        )
        assert "Nothing to analyse" in page.text


class AnalysisQueryTests(TestCase):
    fixtures = ALL_FIXTURES

    URLS = (
        "/exercises/analysis/",
        "/exercises/analysis/?equipment=dumbbells&muscle=back&level=beginner",
        "/exercises/analysis/?q=row&primary=rhomboids",
        "/exercises/discussion/",
        "/exercises/discussion/?equipment=dumbbells",
    )

    def test_a_fixed_number_of_queries_at_10000_exercises(self):
        small, large = cold_queries_before_and_after_10000_exercises(
            self.client, self.URLS
        )
        # 4 (the discussion tab; the analysis 3) since its counts are popcounts
        # of the facet index's bitmaps, not grouped queries.
        assert max(small.values()) <= 4, small
        assert large == small
        _, analysis = analyse("")
        assert analysis.total == 10_045
        assert analysis.kit[-1].covered.count == 10_045


def test_the_greedy_kit_takes_the_item_that_completes_most():
    combos = {
        frozenset({"bar"}): 5,
        frozenset({"bench", "barbell"}): 4,
        frozenset({"barbell"}): 2,
        frozenset({"bench"}): 1,
    }
    assert greedy_kit(combos, ["bar", "barbell", "bench"]) == [
        ("bar", 5),
        ("barbell", 2),
        ("bench", 5),
    ]
    # When no single item completes anything, the most needed one comes first.
    combos = {frozenset({"a", "b"}): 3, frozenset({"b", "c"}): 2}
    assert greedy_kit(combos, ["a", "b", "c"])[0] == ("b", 0)


def greedy_kit_recounted(combos, order):
    """The greedy kit as first written, recounting every round: the oracle."""
    kit, steps = set(), []
    remaining = {combo: n for combo, n in combos.items() if combo}
    rank = {slug: i for i, slug in enumerate(order)}
    while remaining:
        completes, needed = Counter(), Counter()
        for combo, n in remaining.items():
            missing = combo - kit
            for slug in missing:
                needed[slug] += n
            if len(missing) == 1:
                completes[next(iter(missing))] += n
        scores = completes or needed
        item = min(scores, key=lambda slug: (-scores[slug], rank.get(slug, 0), slug))
        kit.add(item)
        unlocked = {combo: n for combo, n in remaining.items() if combo <= kit}
        for combo in unlocked:
            del remaining[combo]
        steps.append((item, sum(unlocked.values())))
    return steps


ITEMS = list("abcdefgh")


@settings(max_examples=300, deadline=None)
@given(
    combos=st.dictionaries(
        st.frozensets(st.sampled_from(ITEMS), max_size=4),
        st.integers(min_value=1, max_value=50),
        max_size=25,
    ),
    order=st.permutations(ITEMS),
)
def test_the_greedy_kit_chooses_as_recounting_every_round_would(combos, order):
    assert greedy_kit(combos, order) == greedy_kit_recounted(combos, order)
