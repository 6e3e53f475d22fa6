"""A bitmap index of the catalogue's facets, built once per content state.

Each exercise is one bit (its position A–Z); each equipment item, muscle,
level, type, letter and the editors' picks is the integer whose bits are the
exercises that have it. Counting any option for any selection is then a few
AND/OR operations and a popcount on integers of one bit per exercise: the
same few microseconds whether the catalogue holds 45 exercises or 10,000,
where grouped SQL counts read every matching row.

The index is read from the database when the content state
changes (three queries), and kept in each process (``core.content_state`` pins one state per
request). Only a search costs a query per page: its matches come from
``ExerciseQuerySet.search``.
"""

import threading
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import F, IntegerField, Value
from django.utils import timezone

from anatomy.models import Muscle
from catalogue.models import Equipment, Exercise, ExerciseMuscle
from core.content_state import content_state
from core.models import PublicationStatus

VOCABULARY_COLUMNS = ("kind", "pk", "slug", "name", "parent", "place")

_lock = threading.Lock()
_built = {}  # content state -> FacetIndex (the latest one only)


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


def links():
    """(kind, exercise, item) for every equipment, group tag and muscle link: one query."""

    def pairs(through, kind, column):
        return (
            through.objects.order_by()
            .annotate(kind=Value(kind))
            .values_list("kind", "exercise_id", column)
        )

    return pairs(Exercise.equipment.through, "equipment", "equipment_id").union(
        pairs(Exercise.muscle_groups.through, "muscle", "muscle_id"),
        pairs(ExerciseMuscle, "muscle", "muscle_id"),
        all=True,
    )


def _bits(masks, key, bit):
    masks[key] = masks.get(key, 0) | bit


@dataclass
class FacetIndex:
    rows: list  # vocabulary()
    position: dict  # exercise pk -> bit number
    order: list  # bit number -> exercise pk (A–Z)
    everything: int
    published: int
    equipment: dict  # slug -> mask
    muscles: dict  # slug -> mask (a group's tags, a muscle's links)
    levels: dict
    categories: dict
    best: int
    letters: dict

    @classmethod
    def build(cls):
        now = timezone.now()
        rows = vocabulary()
        slugs = {(kind, pk): slug for kind, pk, slug, *_ in rows}
        exercises = Exercise.objects.order_by("name").values_list(
            "pk", "level", "category", "is_best", "letter", "status", "published_at"
        )
        position, levels, categories, letters = {}, {}, {}, {}
        everything = published = best = 0
        for number, (pk, level, category, is_best, letter, status, moment) in enumerate(
            exercises
        ):
            bit = 1 << number
            position[pk] = number
            everything |= bit
            if status == PublicationStatus.PUBLISHED and moment <= now:
                published |= bit
            _bits(levels, level, bit)
            _bits(categories, category, bit)
            _bits(letters, letter, bit)
            if is_best:
                best |= bit
        equipment, muscles = {}, {}
        masks = {"equipment": equipment, "muscle": muscles}
        for kind, exercise_id, item in links():
            if exercise_id in position and (kind, item) in slugs:
                _bits(masks[kind], slugs[kind, item], 1 << position[exercise_id])
        order = list(position)  # filled in A–Z order above
        return cls(
            rows, position, order, everything, published, equipment, muscles,
            levels, categories, best, letters,
        )  # fmt: skip

    def positions(self, mask):
        """The bit numbers set in ``mask``, lowest (A) first."""
        bits = bin(mask)[:1:-1]  # bit 0 first
        found, at = [], bits.find("1")
        while at != -1:
            found.append(at)
            at = bits.find("1", at + 1)
        return found

    def of_pks(self, pks):
        return reduce(
            or_, (1 << self.position[pk] for pk in pks if pk in self.position), 0
        )


def current_index():
    """The index of the content as it stands (built at most once per state)."""
    state = content_state()
    index = _built.get(state)
    if index is None:
        with _lock:
            index = _built.get(state)
            if index is None:
                index = FacetIndex.build()
                _built.clear()
                _built[state] = index
    return index


def forget():
    """Drop the index (tests: content states repeat from one test to the next)."""
    with _lock:
        _built.clear()
