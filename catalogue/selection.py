"""A reader's selection of exercises: the validated input of every filtered view.

``catalogue.filters.ExerciseFilter`` turns GET parameters into a ``Selection``;
``ExerciseQuerySet.matching(selection)`` narrows the exercises by it. Nothing
else reads filter parameters.
"""

from dataclasses import dataclass

# The equipment item that stands for the reader's own body (fixtures/02_equipment.json).
# Everyone owns it, so ``have`` always includes it: "No equipment" is
# ``have=bodyweight``, and an exercise listing nothing, or only body weight,
# can be done with any kit.
BODYWEIGHT = "bodyweight"


@dataclass(frozen=True)
class Selection:
    q: str = ""
    equipment: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    best: bool = False
    # What the reader owns: every item an exercise needs must be in it (a
    # subset rule, unlike ``equipment``, which lists exercises using any item).
    have: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    @property
    def owned(self):
        """The kit ``have`` stands for: the items given, and body weight."""
        return owned(self.have)


def owned(have):
    return frozenset(have) | {BODYWEIGHT}
