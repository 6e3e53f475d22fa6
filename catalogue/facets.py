"""Facet counts for the A–Z list: how many exercises each filter option gives.

Counting follows the usual faceted-search rule: an option's count is how many
exercises the list would show with that option ticked, given every *other*
facet as it stands. Three queries cover it whatever the catalogue size:

- one for the names of every equipment item and muscle (the filter's choices),
  one for their counts (grouped counts over the link tables);
- one grouped count over (level, type, editors' pick, letter, pattern, how
  many items the reader lacks, and which when it is one) of the exercises
  matching the search, equipment and muscle filters, from which the level,
  type, pick, pattern and "what I own" counts, the total and the letter index
  are all summed in Python. A "have" option counts the list with that item
  added to the kit: the exercises lacking nothing, plus those lacking only it.

Every narrowing goes through ``ExerciseQuerySet.matching``.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    F,
    IntegerField,
    Value,
)

from anatomy.models import Muscle
from catalogue.models import (
    Category,
    Equipment,
    Exercise,
    ExerciseMuscle,
    Level,
    Pattern,
)
from catalogue.querysets import lacking_columns
from catalogue.selection import BODYWEIGHT, Selection


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


# A tally row: (level, type, pick, letter, pattern, items lacking (0, 1 or 2 for
# more), the one item lacking or None, count).
LEVEL, CATEGORY, BEST, LETTER, PATTERN, LACKING, LACKED_ITEM = range(7)


@dataclass
class Tally:
    """The grouped count of the list's exercises, and what follows from it.

    ``rows`` count the exercises matching every facet but level, type, pick,
    pattern and "have", which are applied here, each left out in turn for its
    own options' counts.
    """

    rows: list
    selection: Selection

    def admitted(self, ignoring=None):
        for row in self.rows:
            if self.selection.admits(
                row[LEVEL],
                row[CATEGORY],
                row[BEST],
                ignoring,
                pattern=row[PATTERN],
                missing=row[LACKING],
            ):
                yield row

    def total(self):
        return sum(row[-1] for row in self.admitted())

    def count_by(self, index, ignoring):
        counts = {}
        for row in self.admitted(ignoring):
            counts[row[index]] = counts.get(row[index], 0) + row[-1]
        return counts

    def level_options(self):
        counts = self.count_by(LEVEL, "levels")
        return [
            Option(v, label, counts.get(v, 0), v in self.selection.levels)
            for v, label in Level.choices
        ]

    def category_options(self):
        counts = self.count_by(CATEGORY, "categories")
        return [
            Option(v, label, counts.get(v, 0), v in self.selection.categories)
            for v, label in Category.choices
        ]

    def pattern_options(self):
        counts = self.count_by(PATTERN, "patterns")
        return [
            Option(v, label, counts.get(v, 0), v in self.selection.patterns)
            for v, label in Pattern.choices
        ]

    def have_counts(self, equipment_rows):
        """Equipment pk -> how many the list would show with it added to the kit."""
        lacking_none, lacking_one = 0, {}
        for row in self.admitted("have"):
            if row[LACKING] == 0:
                lacking_none += row[-1]
            elif row[LACKING] == 1:
                item = row[LACKED_ITEM]
                lacking_one[item] = lacking_one.get(item, 0) + row[-1]
        return {pk: lacking_none + lacking_one.get(pk, 0) for pk in equipment_rows}

    def best_count(self):
        return self.count_by(BEST, "best").get(True, 0)

    def letters(self):
        """Letters of the current list, with how many exercises each has."""
        return self.count_by(LETTER, None)


@dataclass
class Facets:
    """Every option of the list's filters, with its count, for one selection."""

    equipment: list
    muscles: list
    tally: Tally
    have: list = field(default_factory=list)


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
    columns, number = lacking_columns(selection.owned)
    grouped = (
        exercises.matching(
            selection.without("levels", "categories", "best", "patterns", "have")
        )
        .order_by()
        .alias(lacking_n=number)
        .annotate(**columns)
        .values_list(
            "level", "category", "is_best", "letter", "pattern", *columns.keys()
        )
        .annotate(n=Count("pk"))
    )
    tally = Tally(list(grouped), selection)
    return Facets(equipment, muscles, tally, have_options(rows, tally, selection))


def have_options(rows, tally, selection):
    """The "what I own" options: body weight ("no equipment") first."""
    items = [
        (pk, slug, name) for kind, pk, slug, name, *_ in rows if kind == "equipment"
    ]
    counts = tally.have_counts([pk for pk, _, _ in items])
    options = [
        Option(slug, name, counts[pk], slug in selection.have)
        for pk, slug, name in items
    ]
    return sorted(options, key=lambda option: option.value != BODYWEIGHT)
