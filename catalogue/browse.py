"""The A–Z list page for one request: its URLs, chips, letter index and pagination.

The filtering itself is elsewhere, once: django-filter validates the GET
parameters into a ``Selection`` (``catalogue.filters``),
``ExerciseQuerySet.matching`` narrows the exercises by it, and
``catalogue.facets`` counts each option. This module turns the result into
what the page links to.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator

from catalogue.cards import with_cards
from catalogue.facet_index import current_index
from catalogue.facets import PageEntries, count_facets
from catalogue.filters import ExerciseFilter, Sort
from catalogue.models import LETTERS, OTHER_LETTER, Exercise
from catalogue.selection import BODYWEIGHT
from core.models import sees_drafts
from core.urls import query_string, view_path

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

    def __init__(self, data, user, per_page=PER_PAGE, drill=None):
        """The list for ``data`` (the GET parameters) as ``user`` may see it,
        narrowed first by the analysis's drill-down (``catalogue.drilldown``)."""
        self.data = data
        self.drill = drill
        include_drafts = sees_drafts(user)
        exercises = Exercise.objects.visible_to(user)
        index = current_index()
        if drill:
            exercises = drill.apply(exercises)
        self.filterset = ExerciseFilter(
            data,
            queryset=exercises.for_cards(),
            equipment_choices=[(r[2], r[3]) for r in index.rows if r[0] == "equipment"],
            muscle_choices=[(r[2], r[3]) for r in index.rows if r[0] == "muscle"],
        )
        self.selection = self.filterset.selection
        facets = count_facets(
            self.selection,
            include_drafts=include_drafts,
            within=drill.mask(index) if drill else None,
        )
        self.equipment, self.muscles, self.tally = (
            facets.equipment,
            facets.muscles,
            facets.tally,
        )
        self.have = facets.have
        self.sort = self.filterset.sort_order
        self.per_page = per_page

    @cached_property
    def page(self):
        """The requested page of cards (read only by pages that show cards: the
        analysis and discussion tabs use the counts alone)."""
        # The bitmap tally counted the selection and orders its keys; the page's
        # rows come from the index, and only unseen cards read the database
        # (through matching(): filterset.qs).
        rows = PageEntries(self.tally, self.sort)
        page = Paginator(rows, self.per_page).get_page(self.data.get("page"))
        heading = "h2" if self.sort == Sort.RELEVANCE else "h3"
        page.object_list = with_cards(
            page.object_list,
            heading,
            lambda: self.filterset.qs,
            compare=True,
            kit_query=self.kit_query,
        )
        return page

    @property
    def is_a_real_page(self):
        """Whether this URL names a page worth keeping: a list with exercises in
        it, for a query that was understood as given (no notices), and a page
        number that exists (not ?page=999 shown as the last page)."""
        requested = self.data.get("page", "1").strip() or "1"
        return (
            bool(self.total) and not self.notices and requested == str(self.page.number)
        )

    sort_choices = Sort.choices

    @property
    def total(self):
        return self.tally.total()

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
        return f"?{query_string(('have', slug) for slug in have)}" if have else ""

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
        params = {name: values for name, values in params.items() if values}
        return {**params, **self.drill.params()} if self.drill else params

    def url(self, **changes):
        """This list's URL with some parameters changed (None removes one)."""
        # A page builds some forty of these (chips, pages, letters, tabs), the
        # analysis some 160: pairs and query_string(), which is what
        # QueryDict.urlencode() does underneath, without a QueryDict each.
        pairs = [
            (name, value)
            for name, values in {**self.params, **changes}.items()
            if values is not None
            for value in (values if isinstance(values, list) else [values])
        ]
        path = self.list_path
        return f"{path}?{query_string(pairs)}" if pairs else path

    @cached_property
    def list_path(self):
        return view_path("catalogue:exercise_list")

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
