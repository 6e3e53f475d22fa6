"""Exercise cards, each rendered once per content state (see ``core.fragments``).

The list reads only the cards' own columns for its page; the related rows a
card shows (equipment, muscle groups, first steps) are fetched only for the
cards not rendered already, so a page whose cards were all seen before costs
one query for its rows.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from catalogue.querysets import card_prefetches
from core.content_state import content_state
from core.fragments import get_fragment, keep_fragment

CARD_TEMPLATE = "catalogue/includes/exercise_card.html"


def with_cards(exercises, heading, **options):
    """The exercises, each with ``card``: its rendered card at this heading level,
    with the card template's ``options`` (a compare box; the reader's kit on
    its link), which are part of each fragment's key."""
    exercises = list(exercises)
    state = content_state()  # once: every card of the page under one state
    keys = {
        exercise.pk: (state, "card", exercise.pk, heading) for exercise in exercises
    }
    found = {pk: get_fragment(key) for pk, key in keys.items()}
    missing = [exercise for exercise in exercises if found[exercise.pk] is None]
    if missing:
        prefetch_related_objects(missing, *card_prefetches())
    for exercise in exercises:
        html = found[exercise.pk]
        if html is None:
            html = render_to_string(
                CARD_TEMPLATE, {"exercise": exercise, "heading": heading, **options}
            )
            keep_fragment(keys[exercise.pk], html)
        exercise.card = mark_safe(html)  # rendered by our own template, escaped there
    return exercises
