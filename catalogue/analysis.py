"""The Analysis tab: what the exercises of any A–Z selection have in common.

``selection(request)`` is the one place that turns a request into the list's
selection: the analysis and discussion tabs never filter exercises themselves,
so they always agree with /exercises/ for the same query string.

Whatever the catalogue's size, the analysis adds no query to the list's own:
the mix of level, force, mechanic and type, the equipment and muscle counts and
the distinct equipment combinations (from which "the kit" is chosen) are
popcounts of the list's selection against the facet index's bitmaps
(``catalogue.facet_index``), where grouped queries read every selected row.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet

from catalogue.drilldown import list_browse
from catalogue.models import (
    Category,
    Force,
    Level,
    Mechanic,
    Role,
)
from core.urls import slug_path

NOT_STATED = "none"


@dataclass
class Selection:
    """The A–Z list's exercises for one query string, and how to link back to it."""

    exercises: QuerySet  # unordered; the list's filters and drill-down applied
    index: object  # the facet index (catalogue.facet_index) the counts come from
    mask: int  # the same exercises, as that index's bits
    filtered: bool
    labels: list  # what narrows the list, in words
    notices: list  # what in the query string was left out, in words
    params: dict  # the query as understood: name -> values
    equipment: list  # (slug, name) of every item, in the site's order
    muscle_groups: list  # (slug, name, [(slug, name), ...]) as on the anatomy page
    url: callable = field(repr=False)  # url(**changes): the list's URL

    @property
    def query(self):
        """The query string (no page number) that the tab links keep."""
        _, _, query = self.url().partition("?")
        return query


def selection(request):
    """The exercises /exercises/ lists for this request's GET parameters."""
    browse = list_browse(request)
    drill_chips = browse.drill_chips
    return Selection(
        exercises=browse.filterset.qs.order_by(),
        index=browse.tally.index,
        mask=browse.tally.mask(),
        filtered=bool(browse.chips or drill_chips),
        labels=[chip.label for chip in (*browse.chips, *drill_chips)],
        notices=browse.notices,
        params=browse.params,
        equipment=[(o.value, o.label) for o in browse.equipment],
        muscle_groups=[
            (g.value, g.label, [(m.value, m.label) for m in g.children])
            for g in browse.muscles
        ],
        url=browse.url,
    )


@dataclass
class Figure:
    """One number of the analysis, with the list of exactly those exercises."""

    count: int
    url: str
    percent: int


@dataclass
class KitStep:
    name: str
    unlocks: Figure
    covered: Figure


def mix_counts(index, chosen):
    """How many of the ``chosen`` exercises (a facet index mask) have each
    level, force, mechanic and type."""
    counts = {name: Counter() for name in ("level", "force", "mechanic", "category")}
    for name, masks in (
        ("level", index.levels),
        ("force", index.forces),
        ("mechanic", index.mechanics),
        ("category", index.categories),
    ):
        for value, exercises in masks.items():
            if n := (chosen & exercises).bit_count():
                counts[name][value or NOT_STATED] += n
    return counts


def link_counts(index, chosen):
    """The ``chosen`` exercises per equipment item and per (role, muscle)."""
    counts = {
        ("equipment", slug): (chosen & exercises).bit_count()
        for slug, exercises in index.equipment.items()
    }
    for (role, slug), exercises in index.roles.items():
        counts[role, slug] = (chosen & exercises).bit_count()
    return counts


def equipment_combinations(index, chosen):
    """How many of the ``chosen`` exercises need each exact set of equipment
    (exercises needing none are in no set): a popcount per set the catalogue
    has, which are few, not a step per exercise."""
    combos = Counter()
    for combo, exercises in index.equipment_sets.items():
        if n := (chosen & exercises).bit_count():
            combos[combo] = n
    return combos


def greedy_kit(combos, order):
    """Items in the order a greedy choice adds them: each time, the item that
    completes the most further exercises (or, when none completes any alone,
    the one the remaining exercises need most). Returns (slug, unlocked) pairs.

    Kept up to date item by item rather than recounted each round (which was
    a tenth of the analysis page at 10,000 exercises): what an item not yet
    chosen is needed by never changes, as a set it belongs to cannot be
    complete without it; what it would complete grows when a set is left
    missing only it.
    """
    rank = {slug: i for i, slug in enumerate(order)}
    missing = {combo: set(combo) for combo in combos if combo}
    sets_with = defaultdict(list)  # item -> the sets that need it
    needed, completes = Counter(), Counter()
    for combo in missing:
        for slug in combo:
            sets_with[slug].append(combo)
            needed[slug] += combos[combo]
        if len(combo) == 1:
            completes[next(iter(combo))] += combos[combo]

    def best(scores):
        return min(scores, key=lambda slug: (-scores[slug], rank.get(slug, 0), slug))

    steps = []
    while needed:
        item = best(completes or needed)
        del needed[item]
        unlocked = completes.pop(item, 0)
        for combo in sets_with[item]:
            still = missing[combo]
            still.discard(item)
            if len(still) == 1:
                completes[next(iter(still))] += combos[combo]
        steps.append((item, unlocked))
    return steps


class Analysis:
    """Every figure of the analysis page for one selection."""

    def __init__(self, chosen):
        self.selection = chosen
        index, mask = chosen.index, chosen.mask
        self.mix = mix_counts(index, mask)
        self.total = mask.bit_count()
        self.links = link_counts(index, mask)
        self.combos = equipment_combinations(index, mask)

    def figure(self, count, **changes):
        percent = round(count * 100 / self.total) if self.total else 0
        return Figure(count, self.selection.url(**changes), percent)

    def narrowed(self, name, value):
        """The selection's URL changes for "and also ``name`` = ``value``"."""
        return {name: [*self.selection.params.get(name, []), value]}

    @property
    def list_url(self):
        return self.selection.url()

    @cached_property
    def muscle_groups(self):
        """Groups as on the anatomy page; each muscle's primary and secondary counts."""
        groups = []
        for _slug, name, members in self.selection.muscle_groups:
            rows = []
            for muscle_slug, muscle_name in members:
                figures = [
                    self.figure(
                        self.links.get((role, muscle_slug), 0),
                        **self.narrowed(role, muscle_slug),
                    )
                    for role in (Role.PRIMARY.value, Role.SECONDARY.value)
                ]
                rows.append(
                    (
                        muscle_name,
                        slug_path("anatomy:muscle_detail", muscle_slug),
                        *figures,
                    )
                )
            if rows:
                groups.append((name, rows))
        return groups

    @cached_property
    def equipment(self):
        """Items the selection needs, most needed first; then "no equipment"."""
        param = "uses" if self.selection.params.get("equipment") else "equipment"
        rows = [
            (name, self.figure(n, **self.narrowed(param, slug)))
            for slug, name in self.selection.equipment
            if (n := self.links.get(("equipment", slug), 0))
        ]
        rows.sort(key=lambda row: -row[1].count)
        return rows

    @cached_property
    def no_equipment(self):
        count = self.total - sum(self.combos.values())
        return self.figure(count, kit=[""])

    def mix_table(self, name, choices, param=None):
        counts = self.mix[name]
        rows = []
        for value, label in choices:
            if counts.get(value):
                changes = {param or name: [value]}
                rows.append((label, self.figure(counts[value], **changes)))
        return rows

    @cached_property
    def levels(self):
        return self.mix_table("level", Level.choices)

    @cached_property
    def categories(self):
        return self.mix_table("category", Category.choices)

    @cached_property
    def forces(self):
        return self.mix_table("force", [*Force.choices, (NOT_STATED, "Not stated")])

    @cached_property
    def mechanics(self):
        return self.mix_table(
            "mechanic", [*Mechanic.choices, (NOT_STATED, "Not stated")]
        )

    @cached_property
    def strength_and_stretching(self):
        counts = self.mix["category"]
        return (
            self.figure(counts.get(Category.STRENGTH, 0), category=[Category.STRENGTH]),
            self.figure(
                counts.get(Category.STRETCHING, 0), category=[Category.STRETCHING]
            ),
        )

    @cached_property
    def kit(self):
        """The greedy kit: each item with what it unlocks and the running total."""
        names = dict(self.selection.equipment)
        order = [slug for slug, _ in self.selection.equipment]
        uses = self.selection.params.get("uses", [])
        covered = self.total - sum(self.combos.values())
        chosen, steps = [], []
        for slug, unlocked in greedy_kit(self.combos, order):
            chosen.append(slug)
            covered += unlocked
            steps.append(
                KitStep(
                    names.get(slug, slug),
                    self.figure(unlocked, kit=list(chosen), uses=[*uses, slug]),
                    self.figure(covered, kit=list(chosen)),
                )
            )
        return steps
