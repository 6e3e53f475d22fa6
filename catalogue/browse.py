"""The A–Z list page for one request: its URLs, chips, letter index and pagination.

The filtering itself is elsewhere, once: django-filter validates the GET
parameters into a ``Selection`` (``catalogue.filters``),
``ExerciseQuerySet.matching`` narrows the exercises by it, and
``catalogue.facets`` counts each option. This module turns the result into
what the page links to.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse

from catalogue.facets import count_facets, vocabulary
from catalogue.filters import ExerciseFilter, Sort
from catalogue.models import LETTERS, OTHER_LETTER
from catalogue.selection import BODYWEIGHT

PER_PAGE = 48


@dataclass
class PageLink:
    number: int | None
    url: str | None
    current: bool


@dataclass
class Chip:
    label: str
    remove_url: str


class Browse:
    """Everything the list page shows, for one request's query string."""

    def __init__(self, data, exercises, per_page=PER_PAGE):
        self.data = data
        rows = vocabulary()
        self.filterset = ExerciseFilter(
            data,
            queryset=exercises.for_list(),
            equipment_choices=[(r[2], r[3]) for r in rows if r[0] == "equipment"],
            muscle_choices=[(r[2], r[3]) for r in rows if r[0] == "muscle"],
        )
        self.selection = self.filterset.selection
        facets = count_facets(exercises, self.selection, rows)
        self.equipment, self.muscles, self.tally = (
            facets.equipment,
            facets.muscles,
            facets.tally,
        )
        self.have = facets.have
        self.sort = self.filterset.sort_order
        paginator = Paginator(self.filterset.ordered(self.filterset.qs), per_page)
        # The tally counted the same selection already: no COUNT(*) query.
        paginator.count = self.tally.total()
        self.page = paginator.get_page(data.get("page"))

    sort_choices = Sort.choices

    @property
    def total(self):
        return self.page.paginator.count

    @property
    def query(self):
        return self.filterset.value("q") or ""

    @property
    def best_only(self):
        return bool(self.filterset.value("best"))

    @property
    def equipment_selected(self):
        return sum(option.selected_count for option in self.equipment)

    @property
    def muscles_selected(self):
        return sum(option.selected_count for option in self.muscles)

    @property
    def have_selected(self):
        return sum(option.selected_count for option in self.have)

    @property
    def patterns_selected(self):
        return len(self.filterset.value("pattern"))

    @property
    def kit_query(self):
        """``?have=...`` for links to exercise pages, whose alternatives follow the kit."""
        have = self.filterset.value("have")
        return f"?{urlencode({'have': have}, doseq=True)}" if have else ""

    @property
    def no_equipment_url(self):
        """One click to "no equipment": the list with body weight as the only kit."""
        return self.url(have=[BODYWEIGHT], page=None)

    @property
    def more_selected(self):
        """How many of level, type, picks and a non-default order are chosen."""
        chosen = len(self.filterset.value("level")) + len(
            self.filterset.value("category")
        )
        return chosen + int(self.best_only) + int(bool(self.filterset.value("sort")))

    @cached_property
    def notices(self):
        return self.filterset.notices()

    @cached_property
    def params(self):
        """The list's query as understood: unknown values and invalid input left out."""
        value = self.filterset.value
        params = {
            name: value(name)
            for name in ("equipment", "have", "muscle", "level", "category", "pattern")
        }
        params["q"] = [value("q")] if value("q") else []
        params["best"] = ["1"] if value("best") else []
        params["sort"] = [value("sort")] if value("sort") else []
        return {name: values for name, values in params.items() if values}

    def url(self, **changes):
        """This list's URL with some parameters changed (None removes one)."""
        query = QueryDict(mutable=True)
        for name, values in {**self.params, **changes}.items():
            if values is not None:
                query.setlist(name, values if isinstance(values, list) else [values])
        encoded = query.urlencode()
        path = reverse("catalogue:exercise_list")
        return f"{path}?{encoded}" if encoded else path

    @cached_property
    def letter_index(self):
        """Each letter A–Z with the page it starts on, or None if it has nothing."""
        if self.sort == Sort.RELEVANCE:
            return []
        counts = self.tally.letters()
        order = [OTHER_LETTER, *LETTERS]
        if self.sort == Sort.NAME_DESC:
            order.reverse()
        per_page, before, index = self.page.paginator.per_page, 0, []
        for letter in order:
            count = counts.get(letter, 0)
            url = None
            if count:
                page = before // per_page + 1
                here = "" if page == self.page.number else self.pagination_url(page)
                url = f"{here}#letter-{letter}"
            if count or letter != OTHER_LETTER:
                index.append((letter, url))
            before += count
        return index

    @cached_property
    def chips(self):
        """The active filters, each a link to the list without it."""
        chips = []
        if q := self.filterset.value("q"):
            chips.append(Chip(f"“{q}”", self.url(q=None)))
        facets = [
            ("equipment", self.equipment),
            ("muscle", [o for g in self.muscles for o in (g, *g.children)]),
            ("level", self.tally.level_options()),
            ("category", self.tally.category_options()),
            ("pattern", self.tally.pattern_options()),
        ]
        for name, options in facets:
            chosen = self.filterset.value(name)
            for option in options:
                if option.value in chosen:
                    rest = [value for value in chosen if value != option.value]
                    chips.append(Chip(option.label, self.url(**{name: rest or None})))
        if self.filterset.value("best"):
            chips.append(Chip("Editors' picks", self.url(best=None)))
        owned = self.filterset.value("have")
        for option in self.have:
            if option.value in owned:
                rest = [value for value in owned if value != option.value]
                label = f"I own: {option.label}"
                chips.append(Chip(label, self.url(have=rest or None)))
        return chips

    def pagination_url(self, number):
        return self.url(page=str(number) if number > 1 else None)

    @cached_property
    def page_links(self):
        """Page numbers around the current one, with the first and last, gaps as None."""
        current, last = self.page.number, self.page.paginator.num_pages
        numbers = sorted(
            {1, last, *range(max(1, current - 2), min(last, current + 2) + 1)}
        )
        links, previous = [], 0
        for number in numbers:
            if number - previous > 1:
                links.append(PageLink(None, None, False))
            links.append(
                PageLink(number, self.pagination_url(number), number == current)
            )
            previous = number
        return links

    def previous_url(self):
        return (
            self.pagination_url(self.page.number - 1)
            if self.page.has_previous()
            else None
        )

    def next_url(self):
        return (
            self.pagination_url(self.page.number + 1) if self.page.has_next() else None
        )
