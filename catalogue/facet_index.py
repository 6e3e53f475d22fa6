"""A bitmap index of the catalogue's facets, built once per content state.

Each exercise is one bit (its position A–Z); each equipment item, muscle,
level, type, letter and the editors' picks is the integer whose bits are the
exercises that have it. Counting any option for any selection is then a few
AND/OR operations and a popcount on integers of one bit per exercise: the
same few microseconds whether the catalogue holds 45 exercises or 10,000,
where grouped SQL counts read every matching row.

The index is read from the database when the content state changes (two
queries), and kept in each process (``core.content_state`` pins one state per
request). It holds each exercise's search keys too, so that a search needs no
query (``catalogue.text_index.SearchKeys``), except on PostgreSQL for what
only it finds (stemmed words, typos: ``catalogue.facets.search_ranks``).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import CharField, F, IntegerField, Value
from django.utils import timezone

from anatomy.models import Muscle
from catalogue import text_index
from catalogue.entries import ExerciseEntry
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Role
from core.content_state import PerContentState
from core.models import PublicationStatus, sees_drafts

VOCABULARY_COLUMNS = ("kind", "pk", "slug", "name", "parent", "place")
VOCABULARY_KINDS = {"equipment", "muscle"}

# Bits counted at once when skipping to a page (see FacetIndex.positions).
SKIP_BLOCK = 512


def vocabulary_querysets():
    """Every equipment item and muscle the filters offer, as rows of (kind, pk,
    slug, name, parent group, position)."""
    nothing = Value(None, output_field=IntegerField())
    equipment = Equipment.objects.order_by().annotate(
        kind=Value("equipment"), parent=nothing, place=nothing
    )
    muscles = Muscle.objects.order_by().annotate(
        kind=Value("muscle"), parent=F("group_id"), place=F("position")
    )
    return [
        equipment.values_list(*VOCABULARY_COLUMNS),
        muscles.values_list(*VOCABULARY_COLUMNS),
    ]


def in_site_order(rows):
    return sorted(rows, key=lambda row: (row[5] or 0, row[3]))


def link_querysets():
    """Rows of (kind, exercise, -, -, item, -) for every equipment item
    ("uses"), group tag ("tag") and muscle link ("primary", "secondary",
    "stretched"), shaped like vocabulary rows so that one query reads both."""
    text, number = CharField(), IntegerField()

    def pairs(queryset, kind, column):
        return (
            queryset.order_by()
            .annotate(
                link_kind=kind,
                no_slug=Value(None, output_field=text),
                no_name=Value(None, output_field=text),
                item=F(column),
                no_place=Value(None, output_field=number),
            )
            .values_list(
                "link_kind", "exercise_id", "no_slug", "no_name", "item", "no_place"
            )
        )

    return [
        pairs(Exercise.equipment.through.objects.all(), Value("uses"), "equipment_id"),
        pairs(Exercise.muscle_groups.through.objects.all(), Value("tag"), "muscle_id"),
        pairs(ExerciseMuscle.objects.all(), F("role"), "muscle_id"),
    ]


def _bits(masks, key, bit):
    masks[key] = masks.get(key, 0) | bit


@dataclass
class FacetIndex:
    rows: list  # (kind, pk, slug, name, parent group, position), in site order
    position: dict  # exercise pk -> bit number
    order: list  # bit number -> exercise pk (A–Z)
    everything: int
    published: int
    equipment: dict  # slug -> mask
    muscles: dict  # slug -> mask (a group's tags, a muscle's links)
    roles: dict  # ("primary" | "secondary", muscle slug) -> mask
    levels: dict
    forces: dict  # "" where not stated
    mechanics: dict
    patterns: dict  # movement pattern ("" where not set) -> mask
    categories: dict
    best: int
    letters: dict
    # For the links an exercise page makes (``catalogue.nearby``): each
    # exercise's (pk, name, slug, level, aliases, pattern, letter) by bit number, and how many
    # primary muscles it has (n -> mask).
    entries: list
    primary_counts: dict
    search_names: list  # bit number -> the exercise's stored search keys
    search_text: list
    tags: dict  # muscle group slug -> the exercises tagged with it
    # muscle slug -> the exercises that stretch it: kept apart from ``muscles``
    # and ``roles``, as a stretch does not work a muscle.
    stretched: dict
    picks: list  # the editors' picks' bit numbers, in their order

    @cached_property
    def equipment_sets(self):
        """Each exact set of equipment slugs some exercise needs -> the mask of
        the exercises needing exactly it (the analysis's kit reads them)."""
        needs = {}
        for slug, users in self.equipment.items():
            for number in self.positions(users):
                needs.setdefault(number, set()).add(slug)
        numbers = {}
        for number, slugs in needs.items():
            numbers.setdefault(frozenset(slugs), []).append(number)
        return {combo: self.of_positions(found) for combo, found in numbers.items()}

    @cached_property
    def search_keys(self):
        """The search keys by bit number, arranged for searching (the first
        search of a content state arranges them)."""
        return text_index.SearchKeys(self.search_names, self.search_text)

    @classmethod
    def build(cls):
        now = timezone.now()
        first, *rest = [*vocabulary_querysets(), *link_querysets()]
        everything_read = list(first.union(*rest, all=True))  # one query
        rows = in_site_order(r for r in everything_read if r[0] in VOCABULARY_KINDS)
        links = [
            (r[0], r[1], r[4]) for r in everything_read if r[0] not in VOCABULARY_KINDS
        ]
        slugs = {(kind, pk): slug for kind, pk, slug, *_ in rows}
        exercises = Exercise.objects.order_by("name").values_list(
            "pk", "level", "category", "is_best", "letter", "status", "published_at",
            "force", "mechanic", "pattern", "name", "slug", "aliases", "search_names",
            "search_text", "best_order",
        )  # fmt: skip
        position, levels, categories, letters = {}, {}, {}, {}
        forces, mechanics, patterns = {}, {}, {}
        entries, search_names, search_text, picks = [], [], [], []
        everything = published = best = 0
        for number, (
            pk, level, category, is_best, letter, status, moment, force, mechanic,
            pattern, name, slug, aliases, names, text, best_order,
        ) in enumerate(exercises):  # fmt: skip
            bit = 1 << number
            position[pk] = number
            entries.append((pk, name, slug, level, aliases, pattern, letter))
            everything |= bit
            if status == PublicationStatus.PUBLISHED and moment <= now:
                published |= bit
            _bits(levels, level, bit)
            _bits(categories, category, bit)
            _bits(letters, letter, bit)
            _bits(forces, force, bit)
            _bits(mechanics, mechanic, bit)
            _bits(patterns, pattern, bit)
            if is_best:
                best |= bit
                picks.append((best_order is None, best_order or 0, number))
            search_names.append(names)
            search_text.append(text)
        equipment, muscles, roles, tags, stretched = {}, {}, {}, {}, {}
        primaries = dict.fromkeys(position, 0)
        for kind, exercise_id, item in links:
            vocabulary_kind = "equipment" if kind == "uses" else "muscle"
            if exercise_id not in position or (vocabulary_kind, item) not in slugs:
                continue
            slug, bit = slugs[vocabulary_kind, item], 1 << position[exercise_id]
            if kind == "uses":
                _bits(equipment, slug, bit)
                continue
            if kind == Role.STRETCHED:
                _bits(stretched, slug, bit)
                continue
            _bits(muscles, slug, bit)
            if kind == "tag":
                _bits(tags, slug, bit)
            else:
                _bits(roles, (kind, slug), bit)
            if kind == "primary":
                primaries[exercise_id] += 1
        primary_counts = {}
        for pk, count in primaries.items():
            _bits(primary_counts, count, 1 << position[pk])
        order = list(position)  # filled in A–Z order above
        return cls(
            rows, position, order, everything, published, equipment, muscles, roles,
            levels, forces, mechanics, patterns, categories, best, letters, entries,
            primary_counts, search_names, search_text, tags, stretched,
            [number for *_, number in sorted(picks)],
        )  # fmt: skip

    def exercise(self, number):
        """Enough of an exercise to link to it, say what it is and find its
        card, from the index's own copy of its columns (``catalogue.entries``)."""
        return ExerciseEntry(*self.entries[number])

    def visible_to(self, user):
        """The exercises ``user`` may see, as a mask (``visible_to``'s rule)."""
        return self.everything if sees_drafts(user) else self.published

    def editors_picks(self, user, limit):
        """The first ``limit`` editors' picks ``user`` may see, in the editors'
        order (numbered ones first, then A–Z), as entries (``exercise``)."""
        shown = self.visible_to(user)
        found = [number for number in self.picks if shown >> number & 1]
        return [self.exercise(number) for number in found[:limit]]

    def equipment_of(self, number):
        """The equipment an exercise uses, A–Z, as unsaved items (slug, name)."""
        return list(self.held[number]["equipment"])

    def groups_of(self, number):
        """The muscle groups an exercise is tagged with, in site order, as
        unsaved muscles (slug, name)."""
        return list(self.held[number]["groups"])

    def muscle_links_of(self, number):
        """The muscles an exercise works or stretches, as unsaved links (the
        muscle with its group, the role): primary, secondary, then stretched,
        each in site order, as the exercise page lists them."""
        held = self.held[number]
        return [link for role in Role for link in held[role.value]]

    @cached_property
    def held(self):
        """Each exercise's equipment, groups and muscle links by role, by bit
        number: read off the masks once per index, so that a page asks for
        an exercise's own few items instead of testing every row's mask."""
        held = [
            {"equipment": [], "groups": [], **{role.value: [] for role in Role}}
            for _ in self.order
        ]
        for kind, pk, slug, *_ in self.rows:
            item = self.items[kind, pk]
            if kind == "equipment":
                for number in self.positions(self.equipment.get(slug, 0)):
                    held[number]["equipment"].append(item)
                continue
            for number in self.positions(self.tags.get(slug, 0)):
                held[number]["groups"].append(item)
            for role in Role:
                link = ExerciseMuscle(muscle=item, role=role.value)
                for number in self.positions(self.in_role(role, slug)):
                    held[number][role.value].append(link)
        return held

    def in_role(self, role, slug):
        """The exercises that work the muscle ``slug`` in ``role`` (primary,
        secondary) or stretch it (stretched), as a mask."""
        if role == Role.STRETCHED:
            return self.stretched.get(slug, 0)
        return self.roles.get((role, slug), 0)

    def warm(self):
        """Arrange now what the first page of each kind would arrange (gunicorn's
        master calls it before the fork, see ``core.content_state``)."""
        for arranged in ("items", "held", "equipment_sets", "search_keys"):
            getattr(self, arranged)

    def muscle(self, pk):
        """A muscle (with its group) from the index's rows, unsaved."""
        return self.items["muscle", pk]

    @cached_property
    def items(self):
        """Each equipment item and muscle (its group set) as an unsaved
        instance, built once per index and shared, read only, by every page
        that shows it."""
        items = {}
        for kind, pk, slug, name, _, place in self.rows:
            if kind == "equipment":
                items[kind, pk] = Equipment(pk=pk, slug=slug, name=name)
            else:
                items[kind, pk] = Muscle(pk=pk, slug=slug, name=name, position=place)
        for kind, pk, _, _, group, _ in self.rows:
            if kind == "muscle" and group is not None:
                items[kind, pk].group = items["muscle", group]
        return items

    def positions(self, mask, start=0, stop=None, reverse=False):
        """The bit numbers set in ``mask``, lowest (A) first (highest first when
        ``reverse``), from the ``start``-th to before the ``stop``-th.

        A page needs a few dozen of them: the ones before ``start`` are
        skipped by counting a block of bits at a time (in C), so reading page
        200 costs about what page 1 does, not one step per exercise before it.
        """
        bits = bin(mask)[2:] if reverse else bin(mask)[:1:-1]  # first bit first
        at, skip = 0, start
        while (ones := bits.count("1", at, at + SKIP_BLOCK)) <= skip:
            if at >= len(bits):
                return []
            skip, at = skip - ones, at + SKIP_BLOCK
        at = bits.find("1", at)
        for _ in range(skip):
            at = bits.find("1", at + 1)
        found, wanted = [], None if stop is None else stop - start
        while at != -1 and wanted != len(found):
            found.append(at)
            at = bits.find("1", at + 1)
        return [len(bits) - 1 - at for at in found] if reverse else found

    def needing_only(self, kit):
        """The exercises that need nothing outside ``kit`` (equipment slugs)."""
        outside = 0
        for slug, users in self.equipment.items():
            if slug not in kit:
                outside |= users
        return self.everything & ~outside

    def of_pks(self, pks):
        return self.of_positions(self.position[pk] for pk in pks if pk in self.position)

    def of_positions(self, positions):
        """The mask with these bits set: written into bytes, as one OR per bit
        would copy an integer of one bit per exercise each time."""
        found = bytearray((len(self.order) + 7) // 8)
        for position in positions:
            found[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(found, "little")


_index = PerContentState(FacetIndex.build)


def current_index():
    """The index of the content as it stands (built at most once per state)."""
    return _index.get()
