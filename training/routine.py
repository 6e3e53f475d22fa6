"""The routine builder: a balanced mid-back plan from the reader's kit and level.

Every session has one exercise for each slot: a vertical pull, a horizontal
pull, scapular retraction or rear delt, and a shrug or trunk extension; a
stretch to finish, and a pullover, when the time allows. Each slot rotates
through the exercises the kit allows, so no exercise is in two sessions back
to back. Everything is ordered by fixed keys, so the same request always gets
the same routine. When the kit cannot fill a slot, or has only one exercise
for it where two are needed, the routine says so and names the single item
that would fix it, if one would.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from catalogue.choices import Level, Pattern
from training.guidance import dose_for, fitting_volume, session_seconds

SLOTS = [
    ("a vertical pull", (Pattern.VERTICAL_PULL,)),
    ("a horizontal pull", (Pattern.HORIZONTAL_PULL,)),
    ("scapular retraction or rear delt", (Pattern.RETRACTION,)),
    ("a shrug or trunk extension", (Pattern.ELEVATION, Pattern.TRUNK_EXTENSION)),
]
EXTRAS = [Pattern.PULLOVER, Pattern.MOBILITY]
PATTERNS = [p for _, patterns in SLOTS for p in patterns] + EXTRAS
LEVELS_UP_TO = {
    Level.BEGINNER: [Level.BEGINNER],
    Level.INTERMEDIATE: [Level.BEGINNER, Level.INTERMEDIATE],
    Level.ADVANCED: [Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED],
}
SESSION_NAMES = "ABCD"


@dataclass
class Candidate:
    """An exercise the routine may use: what it is and what the kit lacks for it."""

    pk: int
    name: str
    slug: str
    level: str
    pattern: str
    lacking: int  # items not in the kit: 0, 1, or 2 for more
    lacked_item: int | None  # the one item lacking, when just one

    def get_absolute_url(self):
        return reverse("catalogue:exercise_detail", args=[self.slug])


@dataclass
class Entry:
    exercise: Candidate
    slot: str
    dose: object
    equipment: list[str] = field(default_factory=list)  # names, for the page


@dataclass
class Session:
    name: str
    entries: list[Entry]
    minutes: int


@dataclass
class Shortfall:
    """A slot the kit cannot fill as the rules need."""

    slot: str
    available: int  # how many exercises the kit allows for it
    needed: int


@dataclass
class Routine:
    sessions: list[Session]
    shortfalls: list[Shortfall]
    # Single items that would fix every shortfall alone, best first (pks).
    fixes: list[int]
    # When no single item does: the item that would fill each slot (slot, pk),
    # or None for a slot no one item fills.
    slot_fixes: list[tuple[str, int | None]]

    @property
    def balanced(self):
        return not self.shortfalls


def level_order(level):
    """The reader's own level first, then easier ones: the preferred order."""
    allowed = LEVELS_UP_TO[level]
    return {value: rank for rank, value in enumerate(reversed(allowed))}


def pools(candidates, level, extra_item=None):
    """For each slot and extra, the exercises the kit allows (plus ``extra_item``)."""
    rank = level_order(level)
    doable = [
        c
        for c in candidates
        if c.lacking == 0
        or (extra_item and c.lacking == 1 and c.lacked_item == extra_item)
    ]
    # Candidates come ordered (editors' picks first, then A-Z); the reader's
    # level comes first, a stable sort keeps the rest of that order.
    doable.sort(key=lambda c: rank.get(c.level, 99))
    by_pattern = {}
    for c in doable:
        by_pattern.setdefault(c.pattern, []).append(c)
    slots = {
        slot: interleave([by_pattern.get(p, []) for p in patterns])
        for slot, patterns in SLOTS
    }
    extras = {p: by_pattern.get(p, []) for p in EXTRAS}
    return slots, extras


def interleave(lists):
    """Alternate between patterns sharing a slot (a shrug, then an extension...)."""
    merged = []
    for i in range(max((len(items) for items in lists), default=0)):
        merged.extend(items[i] for items in lists if i < len(items))
    return merged


def needed_per_slot(days):
    """Two exercises a slot once there are two sessions, so none repeats back to back."""
    return 1 if days == 1 else 2


def shortfalls_of(slots, days):
    needed = needed_per_slot(days)
    return [
        Shortfall(slot, len(pool), needed)
        for slot, pool in slots.items()
        if len(pool) < needed
    ]


def build(candidates, *, days, minutes, level, equipment_pks=()):
    """The routine for ``days`` sessions of ``minutes`` at ``level``.

    ``candidates`` are the exercises of the routine's patterns at allowed levels,
    ordered, with what they lack from the kit (``ExerciseQuerySet.for_routine``);
    ``equipment_pks`` are the items the reader does not own, for the fixes.
    """
    slots, extras = pools(candidates, level)
    shortfalls = shortfalls_of(slots, days)
    filled = [pool for pool in slots.values() if pool]
    # Extras only where they can rotate too (or there is one session).
    usable_extras = [
        p for p in reversed(EXTRAS) if len(extras[p]) >= needed_per_slot(days)
    ]
    core_patterns = [pool[0].pattern for pool in filled]
    with_cool_down = core_patterns + usable_extras[:1]
    sets, rest = fitting_volume(with_cool_down or core_patterns, level, minutes)
    sessions = []
    for i in range(days):
        entries = [
            Entry(exercise, slot, None)
            for slot, pool in slots.items()
            if (exercise := pick(pool, i))
        ]
        for pattern in usable_extras:
            pool = extras[pattern]
            entry = Entry(pool[i % len(pool)], "extra", None)
            trial = [*entries, entry]
            if (
                session_seconds(dose(e, level, sets, rest) for e in trial)
                <= minutes * 60
            ):
                entries = trial
        for entry in entries:
            entry.dose = dose(entry, level, sets, rest)
        seconds = session_seconds(entry.dose for entry in entries)
        sessions.append(Session(SESSION_NAMES[i], entries, round(seconds / 60)))
    fixes, slot_fixes = (
        fixes_for(candidates, level, days, equipment_pks, shortfalls)
        if shortfalls
        else ([], [])
    )
    return Routine(sessions, shortfalls, fixes, slot_fixes)


def pick(pool, i):
    """The exercise of a slot for session ``i``: rotating, so no exercise is in
    two sessions in a row; a slot with a single exercise skips every other one."""
    if len(pool) >= 2 or (pool and i % 2 == 0):
        return pool[i % len(pool)]
    return None


def dose(entry, level, sets, rest):
    return dose_for(entry.exercise.pattern, level, sets, rest)


def fixes_for(candidates, level, days, equipment_pks, shortfalls):
    """Items that would fix every shortfall alone, most exercises added first; or,
    when none does, the item that would fill each short slot on its own."""
    whole, per_slot = [], []
    added = {}
    for pk in equipment_pks:
        slots, _ = pools(candidates, level, extra_item=pk)
        if not shortfalls_of(slots, days):
            added[pk] = sum(len(pool) for pool in slots.values())
            whole.append(pk)
    whole.sort(key=lambda pk: -added[pk])
    if whole:
        return whole, []
    for shortfall in shortfalls:
        best = None
        for pk in equipment_pks:
            slots, _ = pools(candidates, level, extra_item=pk)
            count = len(slots[shortfall.slot])
            if count >= shortfall.needed and (best is None or count > best[1]):
                best = (pk, count)
        per_slot.append((shortfall.slot, best[0] if best else None))
    return [], per_slot
