"""The fixed vocabularies of an exercise, and its A–Z index letter."""

from django.db import models

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER_LETTER = "#"


def letter_for(name):
    """The A–Z index letter of a name; "#" for a digit or anything else."""
    first = name[:1].upper()
    return first if first in LETTERS else OTHER_LETTER


def normalised_name(name):
    """Trimmed, with a capital first letter (the A–Z index reads it)."""
    name = name.strip()
    return name[:1].upper() + name[1:]


# A member without a label is labelled from its name, as Django does:
# BEGINNER -> "Beginner".


class Level(models.TextChoices):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Force(models.TextChoices):
    PULL = "pull"
    PUSH = "push"
    STATIC = "static"


class Mechanic(models.TextChoices):
    COMPOUND = "compound"
    ISOLATION = "isolation"


class Category(models.TextChoices):
    STRENGTH = "strength"
    STRETCHING = "stretching", "Stretch"
    PLYOMETRICS = "plyometrics"
    POWERLIFTING = "powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic-weightlifting", "Olympic weightlifting"
    STRONGMAN = "strongman"
    CARDIO = "cardio"


class Role(models.TextChoices):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    # A stretch lengthens a muscle without working it: it is shown as stretched,
    # never counted among the muscles an exercise works.
    STRETCHED = "stretched"


WORKING_ROLES = (Role.PRIMARY, Role.SECONDARY)


class Pattern(models.TextChoices):
    """How an exercise moves, for alternatives, the list's filter and routines.

    The categories follow the planes a back session is built from: pulling
    down from overhead (vertical) and toward the torso (horizontal), the
    shoulder blades squeezing back (retraction, rear delts), lifting them
    (shrugs), the straight-arm pull of a pullover, hinging at the hips, the
    spine extending against gravity, and holds that stretch or mobilise.
    """

    VERTICAL_PULL = "vertical-pull", "Vertical pull"
    HORIZONTAL_PULL = "horizontal-pull", "Horizontal pull"
    RETRACTION = "retraction", "Scapular retraction and rear delt"
    ELEVATION = "elevation", "Elevation (shrug)"
    PULLOVER = "pullover"
    HIP_HINGE = "hip-hinge", "Hip hinge"
    TRUNK_EXTENSION = "trunk-extension", "Trunk extension"
    MOBILITY = "mobility", "Mobility and stretch"
