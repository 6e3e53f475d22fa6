"""What a muscle page lists of the catalogue, read from the facet index.

A muscle page lists the first exercises of each role (primary, secondary,
stretched) A–Z with how many there are, and a group's page the exercises
tagged with it. The anatomy app does not import the catalogue: its view asks
through the muscle's reverse relations, ``muscle.exercise_links`` and
``muscle.tagged_exercises``, whose managers Django builds on the catalogue's
own (``models.ExerciseMuscleManager``, ``models.ExerciseManager``) with the
muscle as ``instance``.

The answers are bitmaps of ``catalogue.facet_index`` and the index's own
entries, so they cost no query and the same at 45 exercises or 10,000. The
query they replace (the links joined to their exercises, with two window
functions for the first few and the totals) took 2 ms to compile, 0.2 ms to
run and as long again to make two model instances of each row.
"""

from catalogue.choices import Role
from catalogue.facet_index import current_index


def first_shown(index, mask, user, listed):
    """The first ``listed`` exercises of ``mask`` that ``user`` may see, A–Z,
    as entries, and how many there are."""
    shown = mask & index.visible_to(user)
    entries = [index.exercise(number) for number in index.positions(shown, stop=listed)]
    return entries, shown.bit_count()


def by_role(muscle, user, listed):
    """Role -> (the first ``listed`` exercises, how many) for a muscle's page."""
    index = current_index()
    return {
        role.value: first_shown(index, index.in_role(role, muscle.slug), user, listed)
        for role in Role
    }


def tagged(group, user, listed):
    """(The first ``listed`` exercises tagged with a muscle group, how many)."""
    index = current_index()
    return first_shown(index, index.tags.get(group.slug, 0), user, listed)
