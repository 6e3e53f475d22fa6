"""Exercise cards, each rendered once per content state (see ``core.fragments``).

The list takes its rows from the facet index (``catalogue.facets.PageEntries``);
a card's row and the related rows it shows (equipment, muscle groups, first
steps) are read only for the cards not rendered already, so a page whose cards
were all seen before costs no query for its rows. A card's key holds its
options (the compare box, the reader's kit on its links) as well as the
content state.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from catalogue.querysets import card_prefetches
from core.content_state import content_state
from core.fragments import get_fragment, keep_fragment

CARD_TEMPLATE = "catalogue/includes/exercise_card.html"


def with_cards(exercises, heading, source, **options):
    """The exercises, each with ``card``: its rendered card at this heading level,
    with the card template's ``options`` (a compare box; the reader's kit on
    its link), which are part of each fragment's key. The rows of cards not
    rendered yet are read from ``source()`` (a queryset of exercises, built
    only then: the list's is a filtered one, dearer to build than the cards
    it usually finds rendered)."""
    exercises = list(exercises)
    state = content_state()  # once: every card of the page under one state
    variant = tuple(sorted(options.items()))
    keys = {
        exercise.pk: (state, "card", exercise.pk, heading, variant)
        for exercise in exercises
    }
    found = {pk: get_fragment(key) for pk, key in keys.items()}
    missing = [pk for pk, html in found.items() if html is None]
    if missing:
        rows = list(source().for_cards().filter(pk__in=missing))
        prefetch_related_objects(rows, *card_prefetches())
        for row in rows:
            found[row.pk] = render_to_string(
                CARD_TEMPLATE, {"exercise": row, "heading": heading, **options}
            )
            keep_fragment(keys[row.pk], found[row.pk])
    for exercise in exercises:
        # Rendered by our own template, escaped there.
        exercise.card = mark_safe(found.get(exercise.pk) or "")
    return exercises
