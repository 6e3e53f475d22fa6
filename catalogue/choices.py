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


class Level(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"


class Force(models.TextChoices):
    PULL = "pull", "Pull"
    PUSH = "push", "Push"
    STATIC = "static", "Static"


class Mechanic(models.TextChoices):
    COMPOUND = "compound", "Compound"
    ISOLATION = "isolation", "Isolation"


class Category(models.TextChoices):
    STRENGTH = "strength", "Strength"
    STRETCHING = "stretching", "Stretch"
    PLYOMETRICS = "plyometrics", "Plyometrics"
    POWERLIFTING = "powerlifting", "Powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic-weightlifting", "Olympic weightlifting"
    STRONGMAN = "strongman", "Strongman"
    CARDIO = "cardio", "Cardio"


class Role(models.TextChoices):
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    # A stretch lengthens a muscle without working it: it is shown as stretched,
    # never counted among the muscles an exercise works.
    STRETCHED = "stretched", "Stretched"


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
    PULLOVER = "pullover", "Pullover"
    HIP_HINGE = "hip-hinge", "Hip hinge"
    TRUNK_EXTENSION = "trunk-extension", "Trunk extension"
    MOBILITY = "mobility", "Mobility and stretch"
