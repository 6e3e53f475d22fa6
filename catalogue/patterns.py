"""An imported exercise's movement pattern, read from what the source gives.

free-exercise-db has no movement pattern, but its names are conventional
("Seated Cable Rows", "Wide-Grip Lat Pulldown") and its category marks the
stretches, so most back exercises map from those; anything unclear stays
blank for an editor to fill in (the data-quality page lists them) rather
than being guessed.

Call site, for the importer: ``pattern=pattern_for(raw)`` where a record's
fields are set.
"""

import re

from catalogue.choices import Pattern

# (words in the name, pattern), checked in order: the first match wins, so the
# specific names come before the general ones ("straight-arm pulldown" is a
# pullover, not a vertical pull; "upright row" is not a row).
NAME_RULES = [
    (r"\bupright\b", ""),
    (r"\bshrugs?\b", Pattern.ELEVATION),
    (r"\bpull-?overs?\b|\bstraight[- ]arm\b", Pattern.PULLOVER),
    (
        r"\bface ?pulls?\b|\brear delt|\breverse fly|\breverse flye|\bback fly"
        r"|\bpull[- ]aparts?\b",
        Pattern.RETRACTION,
    ),
    (
        r"\bpull-?ups?\b|\bchin-?ups?\b|\bpull ?downs?\b|\bmuscle-?ups?\b",
        Pattern.VERTICAL_PULL,
    ),
    (r"\brows?\b|\browing\b", Pattern.HORIZONTAL_PULL),
    (
        r"\bdeadlifts?\b|\brack pulls?\b|\bgood ?mornings?\b|\bkettlebell swings?\b",
        Pattern.HIP_HINGE,
    ),
    (
        r"\bhyperextensions?\b|\bback extensions?\b|\bsuperman\b|\bbird ?dogs?\b",
        Pattern.TRUNK_EXTENSION,
    ),
]


def _field(record, *names):
    for name in names:
        value = (
            record.get(name)
            if isinstance(record, dict)
            else getattr(record, name, None)
        )
        if value:
            return str(value)
    return ""


def pattern_for(record):
    """The movement pattern of a source record (a dict or a parsed record), or ""."""
    if _field(record, "category").lower() in {"stretching", "stretch"}:
        return Pattern.MOBILITY.value
    name = _field(record, "name").lower()
    for words, pattern in NAME_RULES:
        if re.search(words, name):
            return str(pattern)
    return ""
