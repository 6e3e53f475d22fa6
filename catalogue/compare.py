"""The comparison page: two or three exercises side by side.

The reader names them with ``e=<slug>`` (repeated), typed or ticked on the
list. Anything that cannot be shown is said plainly: more than three, the same
one twice, or a slug that names no exercise.
"""

from dataclasses import dataclass

from catalogue.alternatives import alternatives_for
from catalogue.choices import Role
from catalogue.models import Exercise, ExerciseMuscle

MIN_COMPARED, MAX_COMPARED = 2, 3
# Enough to name what was dropped without echoing a huge query string.
MAX_SLUGS_READ = 20


@dataclass
class Column:
    """One exercise of the comparison, with what its column shows."""

    exercise: Exercise
    figure_id: str  # the id of its body figure, unique on the page
    primary: list[ExerciseMuscle]
    secondary: list[ExerciseMuscle]
    alternatives: list[Exercise]  # published ones only

    @property
    def highlights(self):
        return {
            link.muscle.slug: link.role for link in (*self.primary, *self.secondary)
        }

    @property
    def figure_muscles(self):
        return [link.muscle for link in (*self.primary, *self.secondary)]


@dataclass
class Comparison:
    columns: list[Column]
    notices: list[str]  # what was asked for and cannot be shown, said plainly

    @property
    def complete(self):
        return len(self.columns) >= MIN_COMPARED


def requested_slugs(data):
    """The slugs asked for, once each, in order, with notes on what was dropped."""
    asked = [slug.strip() for slug in data.getlist("e")[:MAX_SLUGS_READ]]
    asked = [slug for slug in asked if slug]
    slugs = list(dict.fromkeys(asked))
    notices = []
    if len(slugs) < len(asked):
        notices.append("The same exercise was picked more than once; it is shown once.")
    if len(slugs) > MAX_COMPARED:
        notices.append(
            f"Up to {MAX_COMPARED} exercises can be compared at a time; "
            f"the first {MAX_COMPARED} you picked are shown."
        )
        slugs = slugs[:MAX_COMPARED]
    return slugs, notices


def compare(data, exercises):
    """The comparison for a request: a fixed number of queries for up to three.

    ``exercises`` are those the reader may see; alternatives are published ones
    only (``alternatives_for``).
    """
    slugs, notices = requested_slugs(data)
    found = {e.slug: e for e in exercises.for_detail().filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            notices.append(f"There is no exercise called “{slug[:60]}”.")
    columns = []
    for number, slug in enumerate((s for s in slugs if s in found), start=1):
        exercise = found[slug]
        links = list(exercise.muscle_links.all())
        primary = [link for link in links if link.role == Role.PRIMARY]
        alternatives = alternatives_for(
            exercise, exercise.equipment.all(), [link.muscle.slug for link in primary]
        )
        columns.append(
            Column(
                exercise=exercise,
                figure_id="body-figure" if number == 1 else f"body-figure-{number}",
                primary=primary,
                secondary=[link for link in links if link.role == Role.SECONDARY],
                alternatives=alternatives,
            )
        )
    if len(columns) < MIN_COMPARED:
        notices.append("Pick two or three exercises to see them side by side.")
    return Comparison(columns, notices)
