"""Facet counts for the A–Z list: how many exercises each filter option gives.

Counting follows the usual faceted-search rule: an option's count is how many
exercises the list would show with that option ticked, given every *other*
facet as it stands. Three queries cover it whatever the catalogue size:

- one for the names of every equipment item and muscle (the filter's choices),
  one for their counts (grouped counts over the link tables);
- one grouped count over (level, type, editors' pick, letter) of the
  exercises matching the search, equipment and muscle filters, from which the
  level, type and pick counts, the total and the letter index are all summed
  in Python.

Every narrowing goes through ``ExerciseQuerySet.matching``.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Value

from anatomy.models import Muscle
from catalogue.models import Category, Equipment, Exercise, ExerciseMuscle, Level
from catalogue.selection import Selection


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


def grouped_counts(through, column, kind, exercises):
    return (
        through.objects.filter(exercise__in=exercises.values("pk"))
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
        grouped_counts(ExerciseMuscle, "muscle_id", "link", muscle_exercises),
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
    """The grouped count of the list's exercises, and what follows from it.

    ``rows`` are (level, type, pick, letter, count) for the exercises matching
    every facet but level, type and pick, which are applied here, each left
    out in turn for its own options' counts.
    """

    rows: list
    selection: Selection

    def total(self):
        return sum(row[-1] for row in self.rows if self.selection.admits(*row[:3]))

    def count_by(self, index, ignoring):
        counts = {}
        for row in self.rows:
            if self.selection.admits(*row[:3], ignoring=ignoring):
                counts[row[index]] = counts.get(row[index], 0) + row[-1]
        return counts

    def level_options(self):
        counts = self.count_by(0, "levels")
        return [
            Option(v, label, counts.get(v, 0), v in self.selection.levels)
            for v, label in Level.choices
        ]

    def category_options(self):
        counts = self.count_by(1, "categories")
        return [
            Option(v, label, counts.get(v, 0), v in self.selection.categories)
            for v, label in Category.choices
        ]

    def best_count(self):
        return self.count_by(2, "best").get(True, 0)

    def letters(self):
        """Letters of the current list, with how many exercises each has."""
        return self.count_by(3, None)


@dataclass
class Facets:
    """Every option of the list's filters, with its count, for one selection."""

    equipment: list
    muscles: list
    tally: Tally


def count_facets(exercises, selection, rows):
    """The facet counts of ``exercises`` for ``selection``: two queries.

    ``rows`` are the filters' choices (``vocabulary()``, read once by the caller).
    """
    counts = facet_counts(
        exercises.matching(selection.without("equipment")),
        exercises.matching(selection.without("muscles")),
    )
    equipment, muscles = facet_options(
        rows, counts, selection.equipment, selection.muscles
    )
    grouped = (
        exercises.matching(selection.without("levels", "categories", "best"))
        .order_by()
        .values_list("level", "category", "is_best", "letter")
        .annotate(n=Count("pk"))
    )
    return Facets(equipment, muscles, Tally(list(grouped), selection))
