"""Facet counts for the A–Z list: how many exercises each filter option gives.

Counting follows the usual faceted-search rule: an option's count is how many
exercises the list would show with that option ticked, given every *other*
facet as it stands. The counts come from the bitmap index of
``catalogue.facet_index`` (no query once it is built for the content state;
a search's matches too, from the search keys it holds, and on PostgreSQL one
query for its stemmed and typo extras), so they cost the same at any
catalogue size. The rows themselves come from ``ExerciseQuerySet.matching``;
tests/catalogue/test_browse.py holds the two to the same answer.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from catalogue.facet_index import current_index
from catalogue.models import Category, Exercise, Level, Pattern
from catalogue.selection import BODYWEIGHT
from catalogue.text_index import WORDS_ONLY, answers_searches


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


def any_of(masks, values):
    """The exercises having any of ``values`` (None: the facet is not in use)."""
    if not values:
        return None
    found = 0
    for value in values:
        found |= masks.get(value, 0)
    return found


def search_ranks(index, query, scope):
    """The exercises matching a search, as a mask for each search rank
    (``ExerciseQuerySet.search``'s ranks), from the search keys the facet
    index holds: no query, a step per match.

    PostgreSQL's search finds more: words by their stem, and, when nothing
    ``scope`` holds (what the reader may see) matches, names despite typos.
    Only those extras are asked of it, so a broad search costs the few extra
    rows, not a row per match."""
    found = index.search_keys.search(query)
    if found is None:  # no words to search for: everything, unranked
        return {0.0: index.everything}
    if answers_searches():
        return found
    stems = Exercise.objects.stem_matches(query).values_list("pk", flat=True)
    extras = {WORDS_ONLY: index.of_pks(stems)}
    if not any(mask & scope for mask in (*found.values(), extras[WORDS_ONLY])):
        typos = {}
        matches = Exercise.objects.typo_matches(query)
        for pk, similarity in matches.values_list("pk", "search_similarity"):
            typos.setdefault(4.0 - similarity, []).append(pk)
        extras.update((rank, index.of_pks(pks)) for rank, pks in typos.items())
    for rank, mask in extras.items():
        found[rank] = found.get(rank, 0) | mask
    return {rank: mask for rank, mask in found.items() if mask}


class Tally:
    """The selection as bitmaps: its total, each option's count, its letters."""

    def __init__(self, index, selection, scope):
        self.index, self.selection, self.scope = index, selection, scope
        self.parts = {
            "q": None,
            "equipment": any_of(index.equipment, selection.equipment),
            "muscles": any_of(index.muscles, selection.muscles),
            "levels": any_of(index.levels, selection.levels),
            "categories": any_of(index.categories, selection.categories),
            "best": index.best if selection.best else None,
            "patterns": any_of(index.patterns, selection.patterns),
            # What I own: exercises needing nothing outside the kit (a subset
            # rule, where the equipment facet is "uses any of").
            "have": index.needing_only(selection.owned) if selection.have else None,
        }
        self.search_ranks = {}  # search rank -> mask of the matches of that rank
        if selection.q:
            self.search_ranks = search_ranks(index, selection.q, scope)
            self.parts["q"] = reduce(or_, self.search_ranks.values(), 0)

    def mask(self, ignoring=None):
        selected = self.scope
        for name, part in self.parts.items():
            if part is not None and name != ignoring:
                selected &= part
        return selected

    def count(self, ignoring, option):
        return (self.mask(ignoring) & option).bit_count()

    def total(self):
        return self.mask().bit_count()

    def ordered_positions(self, sort, start=0, stop=None):
        """The bit numbers of the selected exercises from the ``start``-th to
        before the ``stop``-th in the list's order: A–Z, Z–A, or by search rank
        then A–Z (as ``ExerciseFilter.ordered`` orders the rows). Only those are
        read from the bitmaps, so a page costs the same at any catalogue size."""
        selected, index = self.mask(), self.index
        if sort != "relevance" or not self.search_ranks:
            return index.positions(selected, start, stop, sort == "-name")
        found = []
        for _rank, matches in sorted(self.search_ranks.items()):
            if stop is not None and start >= stop:
                break
            in_rank = selected & matches
            found += index.positions(in_rank, start, stop)
            skipped = in_rank.bit_count()
            start = max(0, start - skipped)
            stop = None if stop is None else max(0, stop - skipped)
        return found

    def ordered_pks(self, sort, start=0, stop=None):
        """The keys of ``ordered_positions``."""
        positions = self.ordered_positions(sort, start, stop)
        return [self.index.order[position] for position in positions]

    def choice_options(self, facet, choices):
        """An option per choice of a fixed vocabulary (``facet`` names both the
        index's masks and the selection's values): levels, types, patterns."""
        masks, chosen = getattr(self.index, facet), getattr(self.selection, facet)
        return [
            Option(
                value, label, self.count(facet, masks.get(value, 0)), value in chosen
            )
            for value, label in choices
        ]

    def level_options(self):
        return self.choice_options("levels", Level.choices)

    def category_options(self):
        return self.choice_options("categories", Category.choices)

    def pattern_options(self):
        return self.choice_options("patterns", Pattern.choices)

    def have_options(self):
        """The "what I own" options, body weight ("no equipment") first: each
        counts the list with that item added to the kit."""
        kit = self.selection.owned
        options = [
            Option(slug, name, self.count("have", self.index.needing_only(kit | {slug})),
                   slug in self.selection.have)
            for kind, _pk, slug, name, *_ in self.index.rows
            if kind == "equipment"
        ]  # fmt: skip
        return sorted(options, key=lambda option: option.value != BODYWEIGHT)

    def best_count(self):
        return self.count("best", self.index.best)

    def letters(self):
        """Letters of the current list, with how many exercises each has."""
        selected = self.mask()
        return {
            letter: n
            for letter, exercises in self.index.letters.items()
            if (n := (selected & exercises).bit_count())
        }


class PageRows:
    """The list's rows as a sequence the paginator slices: the index picks the
    keys of one page, and ``matching()`` (the rows' queryset) still decides, so
    each page reads a few dozen rows whatever the catalogue size."""

    def __init__(self, tally, sort, rows=None):
        self.tally, self.sort, self.rows = tally, sort, rows

    def count(self):
        return self.tally.total()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop, _ = window.indices(self.count())
        pks = self.tally.ordered_pks(self.sort, start, stop)
        found = {row.pk: row for row in self.rows.filter(pk__in=pks)}
        return [found[pk] for pk in pks if pk in found]


class PageEntries(PageRows):
    """The list's rows from the index alone: its copy of each exercise's name,
    slug and letter is all the list shows besides the cards, which
    ``catalogue.cards`` reads from the database only for cards it has not
    rendered yet. A page whose cards were all seen costs no query for its rows."""

    def __getitem__(self, window):
        start, stop, _ = window.indices(self.count())
        positions = self.tally.ordered_positions(self.sort, start, stop)
        return [self.tally.index.exercise(position) for position in positions]


@dataclass
class Facets:
    """Every option of the list's filters, with its count, for one selection."""

    equipment: list
    muscles: list
    tally: Tally
    have: list = field(default_factory=list)
    have: list = field(default_factory=list)


def count_facets(selection, *, include_drafts=False, within=None):
    """The options of the list's filters and their counts for ``selection``,
    among the exercises of the ``within`` mask (default: all that may be seen)."""
    index = current_index()
    scope = index.everything if include_drafts else index.published
    if within is not None:
        scope &= within
    tally = Tally(index, selection, scope)
    equipment, groups = [], {}
    for kind, pk, slug, name, parent, _ in index.rows:
        if kind == "equipment":
            n = tally.count("equipment", index.equipment.get(slug, 0))
            equipment.append(Option(slug, name, n, slug in selection.equipment))
        elif parent is None:
            n = tally.count("muscles", index.muscles.get(slug, 0))
            groups[pk] = Option(slug, name, n, slug in selection.muscles, is_group=True)
    for kind, _pk, slug, name, parent, _ in index.rows:
        if kind == "muscle" and parent in groups:
            n = tally.count("muscles", index.muscles.get(slug, 0))
            groups[parent].children.append(
                Option(slug, name, n, slug in selection.muscles)
            )
    return Facets(equipment, list(groups.values()), tally, tally.have_options())
