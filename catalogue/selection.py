"""A reader's selection of exercises: the validated input of every filtered view.

``catalogue.filters.ExerciseFilter`` turns GET parameters into a ``Selection``;
``ExerciseQuerySet.matching(selection)`` narrows the exercises by it. Nothing
else reads filter parameters.
"""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Selection:
    q: str = ""
    equipment: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    best: bool = False

    def without(self, *names):
        """The same selection with some facets cleared (for facet counts)."""
        defaults = {f.name: f.default for f in fields(self)}
        return replace(self, **{name: defaults[name] for name in names})

    def admits(self, level, category, is_best, ignoring=None):
        """Whether an exercise of this level, type and pick status is selected.

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
        )
