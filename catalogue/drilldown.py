"""Narrowing the A–Z list further, so that every number on the analysis page
links to exactly the exercises it counts.

The list's own facets widen within a facet ("dumbbells or barbell"); these
parameters only ever narrow, each on top of everything else:

    uses=SLUG        uses this equipment item (repeat: uses each of them)
    primary=SLUG     works this muscle as a primary mover (repeat: each)
    secondary=SLUG   works this muscle as a secondary muscle (repeat: each)
    force=VALUE      pull, push, static, or "none" (not stated); repeat: any of them
    mechanic=VALUE   compound, isolation or "none"; repeat: any of them
    kit=SLUG         needs nothing but these items (repeat for more; an empty
                     ``kit=`` means needs no equipment at all)

They apply to the exercises before the list's filters (see ``list_browse``),
so the list's counts, pages and letter index all follow them.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from catalogue.browse import Browse
from catalogue.filters import ExerciseFilter
from catalogue.models import Exercise, ExerciseMuscle, Force, Mechanic, Role
from core.cache import MANY, MANY_WITH_BLANK

SLUG = re.compile(r"[-\w]{1,80}")
MAX_VALUES = 30
NOT_STATED = "none"
CHOICES = {
    "force": dict(Force.choices) | {NOT_STATED: "not stated"},
    "mechanic": dict(Mechanic.choices) | {NOT_STATED: "not stated"},
}
SLUG_PARAMS = ("uses", "primary", "secondary", "kit")
PARAMS = ("uses", "primary", "secondary", "force", "mechanic", "kit")


@dataclass
class Chip:
    label: str
    remove_url: str


@dataclass
class DrillDown:
    values: dict = field(default_factory=dict)

    def __bool__(self):
        return bool(self.values)

    def params(self):
        """For URLs: an empty kit is written ``kit=``."""
        return {
            name: values or [""] if name == "kit" else values
            for name, values in self.values.items()
        }

    @property
    def hidden_inputs(self):
        return [(name, v) for name, values in self.params().items() for v in values]

    def apply(self, exercises):
        values = self.values
        for slug in values.get("uses", []):
            exercises = exercises.filter(
                Exists(
                    Exercise.equipment.through.objects.filter(
                        exercise=OuterRef("pk"), equipment__slug=slug
                    )
                )
            )
        for role in (Role.PRIMARY, Role.SECONDARY):
            for slug in values.get(role.value, []):
                exercises = exercises.filter(
                    Exists(
                        ExerciseMuscle.objects.filter(
                            exercise=OuterRef("pk"), role=role, muscle__slug=slug
                        )
                    )
                )
        for name in ("force", "mechanic"):
            if name in values:
                chosen = ["" if v == NOT_STATED else v for v in values[name]]
                exercises = exercises.filter(**{f"{name}__in": chosen})
        if "kit" in values:
            exercises = exercises.exclude(
                Exists(
                    Exercise.equipment.through.objects.filter(
                        exercise=OuterRef("pk")
                    ).exclude(equipment__slug__in=values["kit"])
                )
            )
        return exercises

    def mask(self, index):
        """The same narrowing as ``apply``, on the facet index's bitmaps (for the
        list's counts and pages; ``apply`` still decides each page's rows)."""
        values, chosen = self.values, index.everything
        for slug in values.get("uses", []):
            chosen &= index.equipment.get(slug, 0)
        for role in (Role.PRIMARY, Role.SECONDARY):
            for slug in values.get(role.value, []):
                chosen &= index.roles.get((role.value, slug), 0)
        for name, masks in (("force", index.forces), ("mechanic", index.mechanics)):
            if name in values:
                wanted = ["" if v == NOT_STATED else v for v in values[name]]
                chosen &= sum_of(masks, wanted)
        if "kit" in values:
            chosen &= index.needing_only(set(values["kit"]))
        return chosen

    def chips(self, browse):
        """Labels for what narrows the list, each with the list's URL without it."""
        names = {o.value: o.label for o in browse.equipment}
        names |= {o.value: o.label for g in browse.muscles for o in (g, *g.children)}
        chips = []
        for name, values in self.values.items():
            if name == "kit":
                label = (
                    "Needs only: " + ", ".join(names.get(v, v) for v in values)
                    if values
                    else "Needs no equipment"
                )
                chips.append(Chip(label, browse.url(kit=None)))
                continue
            for value in values:
                rest = [v for v in values if v != value] or None
                if name in CHOICES:
                    label = f"{name.title()}: {CHOICES[name][value]}"
                else:
                    label = f"{name.title()}: {names.get(value, value)}"
                chips.append(Chip(label, browse.url(**{name: rest})))
        return chips


def sum_of(masks, values):
    found = 0
    for value in values:
        found |= masks.get(value, 0)
    return found


def parse(data):
    """The narrowing parameters of a query string; anything malformed is left out."""
    values = {}
    for name in PARAMS:
        if name not in data:
            continue
        # A sorted set: the page depends on which values, never their order.
        raw = sorted(set(data.getlist(name)))[:MAX_VALUES]
        if name in CHOICES:
            chosen = [v for v in raw if v in CHOICES[name]]
        else:
            chosen = [v for v in raw if SLUG.fullmatch(v)]
        if chosen or (name == "kit" and all(v == "" for v in raw)):
            values[name] = chosen
    return DrillDown(values)


def list_parameters():
    """The GET parameters of the list, its analysis and its discussion tab."""
    return {
        **ExerciseFilter.query_parameters(),
        **{name: MANY_WITH_BLANK if name == "kit" else MANY for name in PARAMS},
    }


def list_browse(request):
    """The A–Z list for this request: the drill-down first, then the list's own
    filters. The list, the analysis and the discussion tab all start here."""
    drill = parse(request.GET)
    browse = Browse(request.GET, request.user, drill=drill)
    browse.drill_chips = drill.chips(browse)
    return browse
