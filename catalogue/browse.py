"""Browsing the A–Z list: the filtered page, option counts and the letter index.

Counting follows the usual faceted-search rule: an option's count is how many
exercises the list would show with that option ticked, given every *other*
facet as it stands. Three queries cover it whatever the catalogue size:

- one for equipment, one for muscles (a correlated count per option);
- one grouped count over (level, type, editors' pick, letter) of the
  exercises matching the search, equipment and muscle filters, from which the
  level, type and pick counts, the total and the letter index are all summed
  in Python.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.urls import reverse

from anatomy.models import Muscle
from catalogue.filters import ExerciseFilter, Sort
from catalogue.models import (
    LETTERS,
    OTHER_LETTER,
    Category,
    Equipment,
    Exercise,
    ExerciseMuscle,
    Level,
    uses_equipment,
    works_muscles,
)

PER_PAGE = 48


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
    def selected_count(self):
        return int(self.selected) + sum(c.selected_count for c in self.children)


def count_subquery(queryset, group_by):
    counted = queryset.order_by().values(group_by).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def lenient(queryset, condition, model, slugs):
    """Filter by ``condition(slugs)``, ignoring slugs that name nothing, as the form does."""
    if not slugs:
        return queryset
    return queryset.filter(
        condition(slugs) | ~Exists(model.objects.filter(slug__in=slugs))
    )


def equipment_options(exercises, selected):
    """Every item of equipment with how many of ``exercises`` use it."""
    links = Exercise.equipment.through.objects.filter(
        equipment=OuterRef("pk"), exercise__in=exercises
    )
    rows = Equipment.objects.annotate(n=count_subquery(links, "equipment")).values_list(
        "slug", "name", "n"
    )
    return [Option(slug, name, n, slug in selected) for slug, name, n in rows]


def muscle_options(exercises, selected):
    """Muscle groups, each with its muscles, and how many of ``exercises`` work each.

    A group counts the exercises carrying its tag; a muscle, the exercises
    that work it as primary or secondary muscle.
    """
    tags = Exercise.muscle_groups.through.objects.filter(
        muscle=OuterRef("pk"), exercise__in=exercises
    )
    links = ExerciseMuscle.objects.filter(muscle=OuterRef("pk"), exercise__in=exercises)
    rows = Muscle.objects.annotate(
        n=Case(
            When(group__isnull=True, then=count_subquery(tags, "muscle")),
            default=count_subquery(links, "muscle"),
        )
    ).values_list("pk", "slug", "name", "group_id", "n")
    groups, members = {}, []
    for pk, slug, name, group_id, n in rows:
        option = Option(slug, name, n, slug in selected, is_group=group_id is None)
        if group_id is None:
            groups[pk] = option
        else:
            members.append((group_id, option))
    for group_id, option in members:
        groups[group_id].children.append(option)
    return list(groups.values())


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
    """``exercises`` narrowed by the facets given; raw slugs are fine here."""
    if q:
        exercises = exercises.search(q)
    exercises = lenient(exercises, uses_equipment, Equipment, equipment)
    exercises = lenient(exercises, works_muscles, Muscle, muscles)
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
        # A first pass validates the query with every slug accepted, so that the
        # counts below can be computed before the real choices are known.
        probe = ExerciseFilter(
            data,
            queryset=exercises.none(),
            equipment_choices=[(slug, slug) for slug in data.getlist("equipment")],
            muscle_choices=[(slug, slug) for slug in data.getlist("muscle")],
        )
        selection = {
            "q": probe.value("q"),
            "equipment": probe.value("equipment"),
            "muscles": probe.value("muscle"),
            "levels": probe.value("level"),
            "categories": probe.value("category"),
            "best": bool(probe.value("best")),
        }

        def without(*names):
            return narrowed(exercises, **{**selection, **dict.fromkeys(names)})

        self.equipment = equipment_options(without("equipment"), selection["equipment"])
        self.muscles = muscle_options(without("muscles"), selection["muscles"])
        self.tally = tally(
            without("levels", "categories", "best"),
            selection["levels"] or [],
            selection["categories"] or [],
            selection["best"],
        )
        self.filterset = ExerciseFilter(
            data,
            queryset=exercises.for_list(),
            equipment_choices=[(o.value, o.label) for o in self.equipment],
            muscle_choices=[
                (o.value, o.label)
                for group in self.muscles
                for o in (group, *group.children)
            ],
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
