"""A reader's selection of exercises: the validated input of every filtered view.

``catalogue.filters.ExerciseFilter`` turns GET parameters into a ``Selection``;
``ExerciseQuerySet.matching(selection)`` narrows the exercises by it. Nothing
else reads filter parameters.
"""

from dataclasses import dataclass, fields, replace

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

    def without(self, *names):
        """The same selection with some facets cleared (for facet counts)."""
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{name: defaults[name] for name in names})

    def admits(self, level, category, is_best, ignoring=None, *, pattern="", missing=0):
        """Whether an exercise of this level, type, pick status and pattern is selected.

        ``missing`` is how many of its items are not in ``owned`` (the tally
        caps it at 2), which decides the ``have`` facet.

        The grouped tally (``catalogue.facets``) applies the level, type and pick
        facets to counted rows rather than in SQL; this is the same rule as
        ``matching()``, and tests/catalogue/test_browse.py holds them together.
        """
        return (
            (ignoring == "levels" or not self.levels or level in self.levels)
            and (
                ignoring == "categories"
                or not self.categories
                or category in self.categories
            )
            and (ignoring == "best" or not self.best or is_best)
            and (
                ignoring == "patterns" or not self.patterns or pattern in self.patterns
            )
            and (ignoring == "have" or not self.have or missing == 0)
        )


def owned(have):
    return frozenset(have) | {BODYWEIGHT}
