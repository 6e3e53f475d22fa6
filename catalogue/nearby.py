"""The exercises an exercise page links to, read from the facet index.

Its neighbours A–Z, the related exercises (a primary muscle in common) and
the alternatives (``catalogue.alternatives``) are questions about sets of
exercises, which the bitmaps of ``catalogue.facet_index`` answer in a few
integer operations without a query: the page costs the same at 45 exercises
or 10,000, where the queries they replace each built and compiled a join.
Only the dozen or so exercises shown become (unsaved) model instances, from
the index's own copy of their names and slugs.
"""

from catalogue.alternatives import LEVEL_RANK, MAX_ALTERNATIVES, AlternativeOverride
from catalogue.models import Role
from catalogue.selection import owned

RELATED_LIMIT = 6
Kind = AlternativeOverride.Kind


def lowest(mask, limit):
    """The first ``limit`` bit numbers set in ``mask``, A first: as many steps
    as bits wanted, however many are set."""
    found = []
    while mask and len(found) < limit:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def primary_mask(index, primary_slugs):
    """The exercises with any of these muscles as a primary mover."""
    found = 0
    for slug in primary_slugs:
        found |= index.roles.get((Role.PRIMARY, slug), 0)
    return found


def neighbours(index, exercise, user):
    """The exercises before and after this one, A–Z, that ``user`` may see."""
    number = index.position.get(exercise.pk)
    if number is None:  # saved in another process less than a moment ago
        return None, None
    shown = index.visible_to(user)
    before = shown & ((1 << number) - 1)
    after = shown >> (number + 1)
    previous = index.exercise(before.bit_length() - 1) if before else None
    following = (
        index.exercise(number + (after & -after).bit_length()) if after else None
    )
    return previous, following


def related(index, exercise, primary_slugs, user, limit=RELATED_LIMIT):
    """Other exercises with one of the same primary muscles, A–Z."""
    number = index.position.get(exercise.pk)
    if number is None:
        return []
    others = primary_mask(index, primary_slugs) & index.visible_to(user)
    others &= ~(1 << number)
    return [index.exercise(found) for found in lowest(others, limit)]


def level_gaps(index, level):
    """Masks of the exercises 0, 1, 2… levels away from ``level``, nearest first."""
    own, gaps = LEVEL_RANK.get(level, 0), {}
    for value, users in index.levels.items():
        gap = abs(LEVEL_RANK.get(value, 0) - own)
        gaps[gap] = gaps.get(gap, 0) | users
    return [gaps[gap] for gap in sorted(gaps)]


def shared_at_least(pool, masks):
    """``found[j]``: the exercises of ``pool`` in at least ``j`` of ``masks``."""
    found = [pool] + [0] * len(masks)
    for mask in masks:
        for j in range(len(masks), 0, -1):
            found[j] |= found[j - 1] & mask
    return found + [0]


def candidates(index, exercise, primary_slugs, overrides, have=()):
    """The alternatives' bit numbers in the facet index, nearest first.

    Nearest is: editors' pins, then the most primary muscles shared, the
    fewest other primary muscles, the closest level, A–Z. Each of those is a
    mask, so the ranking walks tiers of them (a few dozen integer operations)
    and reads only the bits it keeps. ``overrides``: (alternative pk, kind).
    """
    number = index.position.get(exercise.pk)
    if number is None:  # saved in another process less than a moment ago
        return []
    # Readers' exercises only, even for an editor; never the exercise itself.
    offered = index.published & ~(1 << number)
    if have:
        offered &= index.needing_only(owned(have))
    kinds = {kind: [pk for pk, said in overrides if said == kind] for kind in Kind}
    pinned = index.of_pks(kinds[Kind.PIN]) & offered
    masks = [index.roles.get((Role.PRIMARY, slug), 0) for slug in primary_slugs]
    matched = 0
    if exercise.pattern:  # without one there is nothing to match on: pins only
        matched = index.patterns.get(exercise.pattern, 0) & offered
        matched &= primary_mask(index, primary_slugs)
    pool = (pinned | matched) & ~index.of_pks(kinds[Kind.EXCLUDE])
    at_least = shared_at_least(pool, masks)
    gaps = level_gaps(index, exercise.level)
    found = []
    for tier in (pool & pinned, pool & ~pinned):
        for shared in range(len(masks), -1, -1):
            exactly = tier & at_least[shared] & ~at_least[shared + 1]
            # Fewest other primary muscles: fewest primary muscles in all.
            for total in sorted(n for n in index.primary_counts if n >= shared):
                part = exactly & index.primary_counts[total]
                for gap in gaps if part else ():
                    found += lowest(part & gap, MAX_ALTERNATIVES - len(found))
                    if len(found) == MAX_ALTERNATIVES:
                        return found
    return found
