"""What the facet index hands out for one exercise, built from its own copy of
the columns rather than as model instances.

An exercise page links to a dozen other exercises and a list page shows four
dozen: building a model instance for each (every field's default, the init
signals) cost about 18 µs apiece, more than the page's queries. An entry has
just what a link, a card's key and the alternatives' reasons read.
"""

from dataclasses import dataclass

from catalogue.choices import Level
from core.urls import slug_path

LEVEL_LABELS = dict(Level.choices)


@dataclass(eq=False)
class ExerciseEntry:
    pk: int
    name: str
    slug: str
    level: str
    aliases: str
    pattern: str
    letter: str

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("catalogue:exercise_detail", self.slug)

    def get_level_display(self):
        return LEVEL_LABELS.get(self.level, self.level)
