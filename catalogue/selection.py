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
