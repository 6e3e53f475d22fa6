"""Browsing the A–Z list: the filtered page, option counts and the letter index.

Counting follows the usual faceted-search rule: an option's count is how many
exercises the list would show with that option ticked, given every *other*
facet as it stands. Three queries cover it whatever the catalogue size:

- one for the names of every equipment item and muscle (the filter's choices),
  one for their counts (grouped counts over the link tables);
- one grouped count over (level, type, editors' pick, letter) of the
  exercises matching the search, equipment and muscle filters, from which the
  level, type and pick counts, the total and the letter index are all summed
  in Python.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, Value
from django.http import QueryDict
from django.urls import reverse

from anatomy.models import Muscle
from catalogue.filters import ExerciseFilter, Sort
from catalogue.models import (
    LETTERS,
    OTHER_LETTER,
    WORKING_ROLES,
    Category,
    Equipment,
    Exercise,
    ExerciseMuscle,
    Level,
    uses_equipment,
    works_muscles,
)

PER_PAGE = 48
WORKING = {"role__in": WORKING_ROLES}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False
    is_group: bool = False
    children: list = field(default_factory=list)

    @property
    def visible(self):
        """Options that would give nothing are left out, unless chosen."""
        return self.count > 0 or self.selected or any(c.visible for c in self.children)

    @property
    def visible_children(self):
        return [child for child in self.children if child.visible]

    @property
    def selected_count(self):
        return int(self.selected) + sum(c.selected_count for c in self.children)


VOCABULARY_COLUMNS = ("kind", "pk", "slug", "name", "parent", "place")


def vocabulary():
    """Every equipment item and muscle the filters offer: one query.

    Rows of (kind, pk, slug, name, parent group, position), in the site's order.
    """
    nothing = Value(None, output_field=IntegerField())
    equipment = Equipment.objects.order_by().annotate(
        kind=Value("equipment"), parent=nothing, place=nothing
    )
    muscles = Muscle.objects.order_by().annotate(
        kind=Value("muscle"), parent=F("group_id"), place=F("position")
    )
    rows = equipment.values_list(*VOCABULARY_COLUMNS).union(
        muscles.values_list(*VOCABULARY_COLUMNS), all=True
    )
    return sorted(rows, key=lambda row: (row[5] or 0, row[3]))


def grouped_counts(through, column, kind, exercises, **only):
    return (
        through.objects.filter(exercise__in=exercises.values("pk"), **only)
        .order_by()
        .values(item=F(column))
        .annotate(kind=Value(kind), n=Count("*"))
        .values_list("kind", "item", "n")
    )


def facet_counts(equipment_exercises, muscle_exercises):
    """How many exercises each equipment item, group tag and muscle has: one query.

    ``equipment_exercises`` are the list's exercises with every filter but
    equipment applied, ``muscle_exercises`` with every filter but muscles: an
    option counts what the list would show with it ticked.
    """
    counts = grouped_counts(
        Exercise.equipment.through, "equipment_id", "equipment", equipment_exercises
    ).union(
        grouped_counts(
            Exercise.muscle_groups.through, "muscle_id", "tag", muscle_exercises
        ),
        # Muscles an exercise only stretches are not among those it works.
        grouped_counts(
            ExerciseMuscle, "muscle_id", "link", muscle_exercises, **WORKING
        ),
        all=True,
    )
    return {(kind, item): n for kind, item, n in counts}


def facet_options(rows, counts, equipment_selected, muscles_selected):
    """Equipment options, and muscle groups with their muscles as children."""
    equipment, groups = [], {}
    for kind, pk, slug, name, parent, _ in rows:
        if kind == "equipment":
            n = counts.get(("equipment", pk), 0)
            equipment.append(Option(slug, name, n, slug in equipment_selected))
        elif parent is None:
            n = counts.get(("tag", pk), 0)
            groups[pk] = Option(slug, name, n, slug in muscles_selected, is_group=True)
    for kind, pk, slug, name, parent, _ in rows:
        if kind == "muscle" and parent in groups:
            n = counts.get(("link", pk), 0)
            groups[parent].children.append(
                Option(slug, name, n, slug in muscles_selected)
            )
    return equipment, list(groups.values())


@dataclass
class Tally:
    """The grouped count of the list's exercises, and what follows from it."""

    rows: list
    levels: list
    categories: list
    best: bool

    def _matches(self, row, skip=None):
        level, category, is_best, _letter, _n = row
        return (
            (skip == "level" or not self.levels or level in self.levels)
            and (
                skip == "category" or not self.categories or category in self.categories
            )
            and (skip == "best" or not self.best or is_best)
        )

    def total(self):
        return sum(row[-1] for row in self.rows if self._matches(row))

    def count_by(self, index, skip):
        counts = {}
        for row in self.rows:
            if self._matches(row, skip=skip):
                counts[row[index]] = counts.get(row[index], 0) + row[-1]
        return counts

    def level_options(self):
        counts = self.count_by(0, "level")
        return [
            Option(v, label, counts.get(v, 0), v in self.levels)
            for v, label in Level.choices
        ]

    def category_options(self):
        counts = self.count_by(1, "category")
        return [
            Option(v, label, counts.get(v, 0), v in self.categories)
            for v, label in Category.choices
        ]

    def best_count(self):
        return self.count_by(2, "best").get(True, 0)

    def letters(self):
        """Letters of the current list, with how many exercises each has."""
        return self.count_by(3, None)


def tally(exercises, levels, categories, best):
    rows = list(
        exercises.order_by()
        .values_list("level", "category", "is_best", "letter")
        .annotate(n=Count("pk"))
    )
    return Tally(rows, levels, categories, best)


def narrowed(exercises, *, q, equipment, muscles, levels, categories, best):
    """``exercises`` narrowed by the facets given (values already validated)."""
    if q:
        exercises = exercises.search(q)
    if equipment:
        exercises = exercises.filter(uses_equipment(equipment))
    if muscles:
        exercises = exercises.filter(works_muscles(muscles))
    if levels:
        exercises = exercises.filter(level__in=levels)
    if categories:
        exercises = exercises.filter(category__in=categories)
    if best:
        exercises = exercises.filter(is_best=True)
    return exercises


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
        value = self.filterset.value
        selection = {
            "q": value("q"),
            "equipment": value("equipment"),
            "muscles": value("muscle"),
            "levels": value("level"),
            "categories": value("category"),
            "best": bool(value("best")),
        }

        def without(*names):
            return narrowed(exercises, **{**selection, **dict.fromkeys(names)})

        counts = facet_counts(without("equipment"), without("muscles"))
        self.equipment, self.muscles = facet_options(
            rows, counts, selection["equipment"], selection["muscles"]
        )
        self.tally = tally(
            without("levels", "categories", "best"),
            selection["levels"],
            selection["categories"],
            selection["best"],
        )
        self.sort = self.filterset.sort_order
        paginator = Paginator(self.filterset.ordered(self.filterset.qs), per_page)
        paginator.count = self.tally.total()  # already counted, no COUNT(*) query
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
            name: value(name) for name in ("equipment", "muscle", "level", "category")
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
        ]
        for name, options in facets:
            chosen = self.filterset.value(name)
            for option in options:
                if option.value in chosen:
                    rest = [value for value in chosen if value != option.value]
                    chips.append(Chip(option.label, self.url(**{name: rest or None})))
        if self.filterset.value("best"):
            chips.append(Chip("Editors' picks", self.url(best=None)))
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
