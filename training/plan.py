"""What the routine page shows for one request: the routine and what explains it.

Four queries whatever the catalogue's size: the equipment (read by the view),
the candidate exercises with what the kit lacks for each, the chosen
exercises' equipment, and the article's tips.
"""

from dataclasses import dataclass

from catalogue.choices import Level
from catalogue.models import Exercise
from catalogue.selection import BODYWEIGHT, Selection, owned
from training.guidance import SOURCE
from training.routine import LEVELS_UP_TO, PATTERNS, Candidate, build
from training.tips import tips_for


@dataclass
class Plan:
    days: int
    minutes: int
    level: str
    kit: list  # names of what the reader owns besides body weight
    any_kit: bool  # no kit given: any equipment may be used
    routine: object
    equipment_of: dict  # exercise pk -> names of its items
    item_names: dict  # equipment pk -> name
    tips: object
    source: str = SOURCE

    @property
    def level_label(self):
        return Level(self.level).label

    @property
    def fixes(self):
        return [self.item_names[pk] for pk in self.routine.fixes]

    @property
    def slot_fixes(self):
        return [(slot, self.item_names.get(pk)) for slot, pk in self.routine.slot_fixes]


def plan_for(values, equipment, exercises):
    """The plan for validated ``values``; ``equipment`` rows are (pk, slug, name)."""
    have = values["have"]
    kit = owned(have) if have else {slug for _, slug, _ in equipment}
    selection = Selection(
        levels=tuple(LEVELS_UP_TO[values["level"]]), patterns=tuple(PATTERNS)
    )
    rows = exercises.matching(selection).for_routine(kit).filter(lacking__lte=1)
    candidates = [
        Candidate(e.pk, e.name, e.slug, e.level, e.pattern, e.lacking, e.lacked_item)
        for e in rows
    ]
    routine = build(
        candidates,
        days=values["days"],
        minutes=values["minutes"],
        level=values["level"],
        equipment_pks=[pk for pk, slug, _ in equipment if slug not in kit],
    )
    chosen = {e.exercise.pk for s in routine.sessions for e in s.entries}
    equipment_of = {}
    for pk, name in (
        Exercise.equipment.through.objects.filter(exercise_id__in=chosen)
        .order_by("equipment__name")
        .values_list("exercise_id", "equipment__name")
    ):
        equipment_of.setdefault(pk, []).append(name)
    for session in routine.sessions:
        for entry in session.entries:
            entry.equipment = equipment_of.get(entry.exercise.pk, [])
    names = {pk: name for pk, _, name in equipment}
    patterns = {e.exercise.pattern for s in routine.sessions for e in s.entries}
    bodyweight = {name for _, slug, name in equipment if slug == BODYWEIGHT}
    loaded = any(set(items) - bodyweight for items in equipment_of.values())
    return Plan(
        days=values["days"],
        minutes=values["minutes"],
        level=values["level"],
        kit=[
            name for _, slug, name in equipment if slug in have and slug != BODYWEIGHT
        ],
        any_kit=not have,
        routine=routine,
        equipment_of=equipment_of,
        item_names=names,
        tips=tips_for(patterns, loaded),
    )
