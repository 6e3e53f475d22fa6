"""Import exercises from free-exercise-db's JSON (github.com/yuhonas/free-exercise-db).

Two phases, so that a bad file or a conflict changes nothing:

1. ``load_records`` reads and validates the whole file into ``SourceRecord``
   dataclasses, already mapped onto our vocabulary (levels, categories,
   equipment and muscle slugs). Any problem raises ``SourceFileError`` naming
   the record.
2. ``import_records`` plans every record against the database (create, update,
   match or skip), checks the plan for name conflicts, and only then writes it
   in one transaction with bulk operations.

Each imported exercise keeps the record's id in ``source_ref``
("free-exercise-db:<id>") and a fingerprint of the record in ``source_hash``,
so a second run skips what has not changed and updates what has. An exercise
we wrote ourselves whose name or alias matches a record is linked to it (its
``source_hash`` stays empty) and is never overwritten.

The source's images are not cleared for use: none are imported.
"""

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from anatomy.models import Muscle
from catalogue import search
from catalogue.models import (
    Category,
    Equipment,
    Exercise,
    ExerciseMuscle,
    Level,
    Role,
    Step,
)
from core.models import ContentVersion, PublicationStatus

SOURCE = "free-exercise-db"
SOURCE_PREFIX = f"{SOURCE}:"
BATCH_SIZE = 500

NAME_MAX_LENGTH = Exercise._meta.get_field("name").max_length
ID_MAX_LENGTH = Exercise._meta.get_field("source_ref").max_length - len(SOURCE_PREFIX)
ID_PATTERN = re.compile(r"[0-9a-zA-Z_-]+")

# The source's vocabulary, from its schema.json, mapped onto ours.
LEVELS = {
    "beginner": Level.BEGINNER,
    "intermediate": Level.INTERMEDIATE,
    "expert": Level.ADVANCED,
}
FORCES = {None: "", "static": "static", "pull": "pull", "push": "push"}
MECHANICS = {None: "", "isolation": "isolation", "compound": "compound"}
CATEGORIES = {
    "powerlifting": Category.POWERLIFTING,
    "strength": Category.STRENGTH,
    "stretching": Category.STRETCHING,
    "cardio": Category.CARDIO,
    "olympic weightlifting": Category.OLYMPIC_WEIGHTLIFTING,
    "strongman": Category.STRONGMAN,
    "plyometrics": Category.PLYOMETRICS,
}
# Source equipment -> our Equipment slug (None: no equipment).
EQUIPMENT = {
    None: None,
    "other": None,
    "barbell": "barbell",
    "dumbbell": "dumbbells",
    "body only": "bodyweight",
    "bands": "resistance-band",
    "kettlebells": "kettlebells",
    "cable": "cable-machine",
    "machine": "weight-machine",
    "medicine ball": "medicine-ball",
    "exercise ball": "exercise-ball",
    "foam roll": "foam-roller",
    "e-z curl bar": "ez-curl-bar",
}
# Source muscle -> our specific muscles' slugs.
MUSCLES = {
    "abdominals": ("rectus-abdominis",),
    "abductors": ("hip-abductors",),
    "adductors": ("hip-adductors",),
    "biceps": ("biceps-brachii",),
    "calves": ("calves",),
    "chest": ("pectoralis-major",),
    "forearms": ("forearm-flexors",),
    "glutes": ("gluteus-maximus",),
    "hamstrings": ("hamstrings",),
    "lats": ("latissimus-dorsi",),
    "lower back": ("erector-spinae",),
    "middle back": ("middle-trapezius", "rhomboids"),
    "neck": ("neck-muscles",),
    "quadriceps": ("quadriceps",),
    "shoulders": ("deltoids",),
    "traps": ("upper-trapezius",),
    "triceps": ("triceps-brachii",),
}

# What the import creates when the database lacks it (looked up by slug).
EQUIPMENT_DEFINITIONS = {
    "barbell": (
        "Barbell",
        "A long steel bar loaded with weight plates at each end, used for squats, "
        "presses, rows, deadlifts and Olympic lifts.",
    ),
    "dumbbells": (
        "Dumbbells",
        "Short handheld bars with fixed or adjustable weights at each end, letting "
        "each arm or side work independently.",
    ),
    "bodyweight": (
        "Bodyweight",
        "No equipment beyond your own body, which provides the resistance.",
    ),
    "resistance-band": (
        "Resistance Band",
        "An elastic band or tube that resists more the further it is stretched. "
        "Anchored, held or stood on, it loads presses, rows, squats and stretches.",
    ),
    "kettlebells": (
        "Kettlebells",
        "Cast-iron weights shaped like a ball with a handle on top. The load hangs "
        "below the grip, which suits swings, cleans, snatches, goblet squats and carries.",
    ),
    "cable-machine": (
        "Cable Machine",
        "A weight stack connected by a steel cable to an adjustable pulley, with "
        "handles or bars that clip on. It gives steady resistance for rows, "
        "pulldowns, presses, flys and curls.",
    ),
    "weight-machine": (
        "Weight Machine",
        "A strength machine with a seat or pad that guides the movement along a "
        "fixed path, loaded with a weight stack or plates, such as a leg press, "
        "chest press or leg curl.",
    ),
    "medicine-ball": (
        "Medicine Ball",
        "A weighted ball, usually 1 to 10 kg, that can be held, thrown, slammed and "
        "caught. It is used for throws, rotational work and core exercises.",
    ),
    "exercise-ball": (
        "Exercise Ball",
        "A large inflatable ball, also called a Swiss or stability ball. Its "
        "unstable surface is used for core exercises and supported stretches, or "
        "in place of a bench.",
    ),
    "foam-roller": (
        "Foam Roller",
        "A firm foam cylinder you lie on and roll along to massage muscles before "
        "or after training. It also supports some mobility and core exercises.",
    ),
    "ez-curl-bar": (
        "EZ Curl Bar",
        "A short barbell with a zigzag bend in the middle that angles the grip, "
        "easing strain on the wrists and elbows in curls and triceps extensions.",
    ),
}

# Groups, created only if missing: (name, position, location, function, description).
GROUP_DEFINITIONS = {
    "back": (
        "Back",
        1,
        "The back of the trunk, from the base of the skull down to the pelvis.",
        "Moves and steadies the shoulder blades, pulls the arms down and back, and "
        "holds the spine upright.",
        "The back muscles range from the broad trapezius and latissimus dorsi on the "
        "surface to the rhomboids and erector spinae beneath. Rows, pull-ups and "
        "hip hinges train them.",
    ),
    "shoulder": (
        "Shoulder",
        2,
        "The shoulder joint and the muscles that cap and surround it.",
        "Raises, lowers and rotates the arm, and keeps the ball of the upper arm "
        "centered in its socket.",
        "The shoulder muscles include the deltoids and the rotator cuff. Presses and "
        "raises train them, and they steady the arm in most upper-body exercises.",
    ),
    "arm": (
        "Arm",
        3,
        "The upper arm and the forearm.",
        "Bends and straightens the elbow, turns the forearm, and grips.",
        "The arm muscles include the biceps and brachialis at the front, the triceps "
        "at the back and the forearm muscles. Curls, extensions and every pull and "
        "press train them.",
    ),
    "abs": (
        "Abs",
        4,
        "The front and sides of the abdomen, between the ribs and the pelvis.",
        "Bends, rotates and braces the trunk, and protects the spine under load.",
        "The abdominal muscles include the rectus abdominis, the obliques and the "
        "transverse abdominis. Crunches, leg raises, planks and carries train them.",
    ),
    "chest": (
        "Chest",
        5,
        "The front of the upper trunk, over the ribs.",
        "Pushes the arms forward and draws them across the body.",
        "The chest muscles include the pectoralis major and the serratus anterior. "
        "Presses, push-ups and flys train them.",
    ),
    "legs": (
        "Legs",
        6,
        "The hips, thighs and lower legs.",
        "Extend and bend the hips, knees and ankles to stand, walk, run and jump.",
        "The leg muscles include the glutes, quadriceps, hamstrings, hip adductors "
        "and abductors and the calves. Squats, lunges, deadlifts and jumps train them.",
    ),
}

# Specific muscles, created only if missing: (name, group slug, location,
# function, description). The fixtures (fixtures/01_anatomy.json) have all but
# the first six, with fuller texts; the others are here for an empty database.
MUSCLE_DEFINITIONS = {
    "deltoids": (
        "Deltoids",
        "shoulder",
        "The rounded cap of the shoulder, running from the collarbone, the tip of "
        "the shoulder and the ridge of the shoulder blade to the outside of the "
        "upper arm bone.",
        "Raises the arm: the front part lifts it forward, the middle part out to "
        "the side and the rear part backward. Together they steady the shoulder joint.",
        "The deltoid has three heads, front, side and rear. Overhead presses and "
        "lateral raises train the muscle as a whole, and it steadies the shoulder "
        "in most pushing and pulling exercises.",
    ),
    "quadriceps": (
        "Quadriceps",
        "legs",
        "The front of the thigh: four muscles, the rectus femoris and the three "
        "vasti, joining in a tendon that wraps the kneecap and attaches to the shin.",
        "Straighten the knee; the rectus femoris also helps lift the thigh at the hip.",
        "The quadriceps are the large muscles at the front of the thigh. Squats, "
        "lunges, leg presses, step-ups and jumps train them, and they control the "
        "knee when you land or lower into a squat.",
    ),
    "calves": (
        "Calves",
        "legs",
        "The back of the lower leg: the gastrocnemius, whose two heads start above "
        "the knee, and the soleus beneath it, joining in the Achilles tendon at the heel.",
        "Point the foot and raise the heel, as when rising onto the toes, walking, "
        "running and jumping.",
        "Standing calf raises, with straight knees, train mainly the gastrocnemius; "
        "seated calf raises, with bent knees, shift the work to the soleus. Jumping "
        "and skipping train their springy role.",
    ),
    "hip-abductors": (
        "Hip Abductors",
        "legs",
        "The outer hip: mainly the gluteus medius and gluteus minimus, with the "
        "tensor fasciae latae, running from the side of the pelvis to the top of "
        "the thigh bone.",
        "Move the thigh out to the side and hold the pelvis level when you stand, "
        "walk or run on one leg.",
        "Weak abductors let the pelvis drop and the knee cave inward on single-leg "
        "work. Side-lying leg raises, banded side steps, the abduction machine and "
        "single-leg exercises train them.",
    ),
    "hip-adductors": (
        "Hip Adductors",
        "legs",
        "The inner thigh: the adductor magnus, longus and brevis, the pectineus and "
        "the gracilis, running from the pubic bone and sitting bone to the inner "
        "thigh bone and knee.",
        "Draw the thigh in toward the midline and help steady the pelvis and knee.",
        "Wide-stance squats, sumo deadlifts, lunges and the adduction machine train "
        "the adductors, and side lunges and straddle stretches take them through "
        "their range.",
    ),
    "neck-muscles": (
        "Neck Muscles",
        "back",
        "The front, sides and back of the neck, including the sternocleidomastoid, "
        "the scalenes and the deep neck flexors and extensors.",
        "Bend, straighten, turn and tilt the head and neck, and hold the head steady "
        "on the spine.",
        "The neck muscles hold the head up all day. Neck flexion and extension "
        "against a harness, plate or hand resistance train them directly, and they "
        "keep the head still in shrugs and carries.",
    ),
    "upper-trapezius": (
        "Upper Trapezius",
        "back",
        "The upper fibers of the trapezius, between the neck and the shoulder blades.",
        "Raises the shoulder blades, as in a shrug, and helps rotate them upward "
        "when the arms go overhead.",
        "Shrugs train the upper trapezius directly, and it steadies the shoulders "
        "in carries, rows and overhead lifts.",
    ),
    "middle-trapezius": (
        "Middle Trapezius",
        "back",
        "The middle fibers of the trapezius, across the upper back between the "
        "shoulder blades.",
        "Pulls the shoulder blades back toward the spine and holds them steady.",
        "Rows, face pulls and reverse flys train the middle trapezius, especially "
        "when you squeeze the shoulder blades together at the end of each pull.",
    ),
    "rhomboids": (
        "Rhomboids",
        "back",
        "Beneath the trapezius, between the spine and the inner edge of each "
        "shoulder blade.",
        "Pull the shoulder blades toward the spine and rotate them downward.",
        "The rhomboids work with the middle trapezius in every row and help hold "
        "the shoulders back in good posture.",
    ),
    "latissimus-dorsi": (
        "Latissimus Dorsi",
        "back",
        "The broad, flat muscle of the middle and lower back, running from the "
        "spine and pelvis to the front of the upper arm bone.",
        "Pulls the arm down and back toward the body and turns it inward.",
        "The lats are the largest muscles of the back. Pull-ups, pulldowns, rows "
        "and pullovers train them.",
    ),
    "erector-spinae": (
        "Erector Spinae",
        "back",
        "Columns of muscle running along both sides of the spine, from the pelvis "
        "to the base of the skull.",
        "Straighten and arch the spine, bend it sideways, and hold it upright "
        "against load.",
        "The erector spinae hold the back flat in deadlifts, squats and bent-over "
        "rows; back extensions and good mornings train them directly.",
    ),
    "biceps-brachii": (
        "Biceps Brachii",
        "arm",
        "The front of the upper arm, running from the shoulder blade to the forearm.",
        "Bends the elbow and turns the palm up, and helps raise the arm forward.",
        "Curls train the biceps directly, and chin-ups, pull-ups and rows work "
        "them hard as well.",
    ),
    "triceps-brachii": (
        "Triceps Brachii",
        "arm",
        "The back of the upper arm, running from the shoulder blade and upper arm "
        "bone to the point of the elbow.",
        "Straightens the elbow; its long head also helps pull the arm down and back.",
        "Presses, push-ups, dips and triceps extensions train the triceps.",
    ),
    "forearm-flexors": (
        "Forearm Flexors",
        "arm",
        "The palm side of the forearm, from the inner elbow to the wrist and fingers.",
        "Bend the wrist and fingers, producing grip strength.",
        "Heavy pulls, hangs, carries and wrist curls train the forearm flexors.",
    ),
    "rectus-abdominis": (
        "Rectus Abdominis",
        "abs",
        "The front of the abdomen, two vertical bands running from the pubic bone "
        "to the lower ribs and breastbone.",
        "Bends the trunk forward and resists the lower back arching.",
        "Crunches and leg raises train the rectus abdominis through movement, and "
        "planks train its bracing role.",
    ),
    "pectoralis-major": (
        "Pectoralis Major",
        "chest",
        "The large fan-shaped muscle of the upper chest, running from the "
        "collarbone, breastbone and ribs to the upper arm bone.",
        "Draws the arm toward and across the body and turns it inward.",
        "Presses, push-ups, dips and flys train the pectoralis major.",
    ),
    "gluteus-maximus": (
        "Gluteus Maximus",
        "legs",
        "The large muscle of the buttock, running from the back of the pelvis to "
        "the upper thigh bone.",
        "Extends the hip, turns the thigh outward and steadies the pelvis.",
        "Hip thrusts, bridges, deadlifts, squats and lunges train the gluteus maximus.",
    ),
    "hamstrings": (
        "Hamstrings",
        "legs",
        "The back of the thigh, three muscles running from the sitting bone to "
        "just below the knee.",
        "Bend the knee and extend the hip.",
        "Romanian deadlifts, good mornings and leg curls train the hamstrings.",
    ),
}

REQUIRED_KEYS = (
    "id",
    "name",
    "level",
    "mechanic",
    "equipment",
    "primaryMuscles",
    "secondaryMuscles",
    "instructions",
    "category",
    "images",
)
# key -> (accepts null, allowed values or None for any string, is a list)
FIELD_RULES = {
    "id": (False, None, False),
    "name": (False, None, False),
    "force": (True, FORCES, False),
    "level": (False, LEVELS, False),
    "mechanic": (True, MECHANICS, False),
    "equipment": (True, EQUIPMENT, False),
    "primaryMuscles": (False, MUSCLES, True),
    "secondaryMuscles": (False, MUSCLES, True),
    "instructions": (False, None, True),
    "category": (False, CATEGORIES, False),
    "images": (False, None, True),
}
MAX_REPORTED_ERRORS = 20


class SourceFileError(Exception):
    """The file cannot be imported; the message says why, naming the record."""


@dataclass(frozen=True)
class SourceRecord:
    """One validated record, in our vocabulary."""

    index: int
    id: str
    name: str
    level: str
    force: str
    mechanic: str
    category: str
    equipment: str | None  # an Equipment slug
    primary: tuple[str, ...]  # Muscle slugs
    secondary: tuple[str, ...]
    steps: tuple[str, ...]
    source_hash: str

    @property
    def source_ref(self):
        return f"{SOURCE_PREFIX}{self.id}"

    @property
    def key(self):
        return search.compact_key(self.name)

    @property
    def muscle_roles(self):
        """Our muscle slug -> role; a muscle listed in both lists is primary."""
        roles = dict.fromkeys(self.secondary, Role.SECONDARY)
        roles.update(dict.fromkeys(self.primary, Role.PRIMARY))
        return roles

    def label(self):
        return f"Record {self.index} (id {self.id!r})"


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    matched: int = 0
    skipped: int = 0
    equipment_created: int = 0
    muscles_created: int = 0
    dry_run: bool = False

    def summary(self):
        def plural(n, word, words):
            return f"{n} {word if n == 1 else words}"

        line = (
            f"{plural(self.total, 'record', 'records')}: {self.created} created, "
            f"{self.updated} updated, {self.matched} matched to existing exercises, "
            f"{self.skipped} skipped; created "
            f"{plural(self.equipment_created, 'equipment item', 'equipment items')} "
            f"and {plural(self.muscles_created, 'muscle', 'muscles')}."
        )
        if self.dry_run:
            return f"Dry run, nothing written. Would import {line}"
        return f"Imported {line}"


# Phase 1: read and validate.


def record_hash(raw):
    """sha256 of the record's canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(
        raw, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def normalise_name(name):
    """As Exercise.save() stores it: stripped, first letter upper case."""
    name = name.strip()
    return name[:1].upper() + name[1:]


def _type_name(value):
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _choices(allowed):
    return ", ".join("null" if v is None else v for v in allowed)


def _field_errors(raw):
    """What is wrong with one record's fields, as short sentences."""
    errors = []
    missing = [key for key in REQUIRED_KEYS if key not in raw]
    if missing:
        errors.append(
            "missing required "
            + ("key " if len(missing) == 1 else "keys ")
            + ", ".join(repr(key) for key in missing)
        )
    for key, (nullable, allowed, is_list) in FIELD_RULES.items():
        if key not in raw:
            continue
        value = raw[key]
        if is_list:
            if not isinstance(value, list):
                errors.append(f"{key!r} must be an array, not {_type_name(value)}")
                continue
            for position, item in enumerate(value):
                if not isinstance(item, str):
                    errors.append(
                        f"{key!r} item {position} must be a string, not {_type_name(item)}"
                    )
                elif allowed is not None and item not in allowed:
                    errors.append(
                        f"{key!r} item {position} must be one of {_choices(allowed)}, "
                        f"not {item!r}"
                    )
            continue
        if value is None and nullable:
            continue
        if not isinstance(value, str):
            expected = "a string or null" if nullable else "a string"
            errors.append(f"{key!r} must be {expected}, not {_type_name(value)}")
        elif allowed is not None and value not in allowed:
            errors.append(f"{key!r} must be one of {_choices(allowed)}, not {value!r}")
    record_id = raw.get("id")
    if isinstance(record_id, str):
        if not ID_PATTERN.fullmatch(record_id):
            errors.append(f"'id' must match ^[0-9a-zA-Z_-]+$, not {record_id!r}")
        elif len(record_id) > ID_MAX_LENGTH:
            errors.append(f"'id' is longer than {ID_MAX_LENGTH} characters")
    name = raw.get("name")
    if isinstance(name, str):
        if not name.strip():
            errors.append("'name' is empty")
        elif len(name.strip()) > NAME_MAX_LENGTH:
            errors.append(
                f"'name' is {len(name.strip())} characters long, "
                f"longer than {NAME_MAX_LENGTH}"
            )
    return errors


def _record(index, raw):
    muscles = {
        role: tuple(
            dict.fromkeys(slug for muscle in raw[key] for slug in MUSCLES[muscle])
        )
        for role, key in (
            ("primary", "primaryMuscles"),
            ("secondary", "secondaryMuscles"),
        )
    }
    return SourceRecord(
        index=index,
        id=raw["id"],
        name=normalise_name(raw["name"]),
        level=str(LEVELS[raw["level"]]),
        force=FORCES[raw.get("force")],
        mechanic=MECHANICS[raw["mechanic"]],
        category=str(CATEGORIES[raw["category"]]),
        equipment=EQUIPMENT[raw["equipment"]],
        primary=muscles["primary"],
        secondary=muscles["secondary"],
        steps=tuple(text.strip() for text in raw["instructions"] if text.strip()),
        source_hash=record_hash(raw),
    )


def parse_records(data, source="The file"):
    """Validate decoded JSON completely; return its records or raise SourceFileError."""
    if not isinstance(data, list):
        raise SourceFileError(
            f"{source} must hold a JSON array of exercises, not {_type_name(data)}."
        )
    errors, records = [], []
    first_with_id, first_with_name = {}, {}
    for index, raw in enumerate(data):
        if not isinstance(raw, dict):
            errors.append(f"Record {index}: must be an object, not {_type_name(raw)}.")
            continue
        record_id = raw.get("id")
        label = (
            f"Record {index} (id {record_id!r})"
            if isinstance(record_id, str)
            else f"Record {index} (no valid id)"
        )
        problems = _field_errors(raw)
        if isinstance(record_id, str):
            if record_id in first_with_id:
                problems.append(
                    f"duplicate id, already used by record {first_with_id[record_id]}"
                )
            else:
                first_with_id[record_id] = index
        if isinstance(raw.get("name"), str) and raw["name"].strip():
            name = normalise_name(raw["name"])
            if name in first_with_name:
                problems.append(
                    f"duplicate name {name!r}, already used by record "
                    f"{first_with_name[name]}"
                )
            else:
                first_with_name[name] = index
        if problems:
            errors.extend(f"{label}: {problem}." for problem in problems)
        else:
            records.append(_record(index, raw))
    if errors:
        raise SourceFileError(_join_errors(errors, source))
    return records


def _join_errors(errors, source):
    if len(errors) == 1:
        return errors[0]
    shown = errors[:MAX_REPORTED_ERRORS]
    more = len(errors) - len(shown)
    lines = [f"{source} has {len(errors)} problems; nothing was imported.", *shown]
    if more:
        lines.append(f"...and {more} more.")
    return "\n".join(lines)


def load_records(path):
    """Read and validate a free-exercise-db JSON file; raise SourceFileError if bad."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise SourceFileError(f"No such file: {path}") from None
    except OSError as error:
        raise SourceFileError(f"Cannot read {path}: {error.strerror}") from None
    try:
        data = json.loads(content)
    except (UnicodeDecodeError, ValueError) as error:
        raise SourceFileError(f"{path} is not valid JSON: {error}") from None
    return parse_records(data, source=str(path))


# Phase 2: plan against the database, then write.


@dataclass
class Plan:
    create: list = field(default_factory=list)  # records
    update: list = field(default_factory=list)  # (record, exercise pk)
    match: list = field(default_factory=list)  # (record, exercise pk, aliases)
    skip: list = field(default_factory=list)  # records
    equipment_missing: list = field(default_factory=list)  # slugs
    groups_missing: list = field(default_factory=list)  # slugs
    muscles_missing: list = field(default_factory=list)  # slugs

    def report(self, total, dry_run):
        return ImportReport(
            total=total,
            created=len(self.create),
            updated=len(self.update),
            matched=len(self.match),
            skipped=len(self.skip),
            equipment_created=len(self.equipment_missing),
            muscles_created=len(self.groups_missing) + len(self.muscles_missing),
            dry_run=dry_run,
        )


def _with_alias(aliases, name, alias):
    """``aliases`` with ``alias`` on a line of its own, unless the exercise has it."""
    lines = [line.strip() for line in aliases.splitlines() if line.strip()]
    if alias.casefold() in {known.casefold() for known in [name, *lines]}:
        return aliases
    return "\n".join([*lines, alias])


def plan_import(records):
    """Decide what happens to each record; raise SourceFileError on a conflict."""
    plan = Plan()
    imported = {
        ref: (pk, source_hash)
        for pk, ref, source_hash in Exercise.objects.filter(
            source_ref__startswith=SOURCE_PREFIX
        ).values_list("pk", "source_ref", "source_hash")
    }
    # Exercises we wrote ourselves, by every key of their name and aliases.
    ours = {}
    for pk, name, aliases, search_names in (
        Exercise.objects.filter(source_ref="")
        .order_by("name")
        .values_list("pk", "name", "aliases", "search_names")
    ):
        for key in search_names.split():
            ours.setdefault(key, (pk, name, aliases))
    claimed = set()
    for record in records:
        if record.source_ref in imported:
            pk, source_hash = imported[record.source_ref]
            if source_hash in ("", record.source_hash):
                plan.skip.append(record)
            else:
                plan.update.append((record, pk))
            continue
        found = ours.get(record.key)
        if found and found[0] not in claimed:
            pk, name, aliases = found
            claimed.add(pk)
            plan.match.append((record, pk, _with_alias(aliases, name, record.name)))
        else:
            plan.create.append(record)

    # Exercise names are unique: a record may not take another exercise's name.
    owner_of_name = dict(Exercise.objects.values_list("name", "pk"))
    for record, pk in plan.update:
        if owner_of_name.get(record.name, pk) != pk:
            raise SourceFileError(
                f"{record.label()}: cannot rename its exercise to {record.name!r}, "
                "another exercise already has that name."
            )
    for record in plan.create:
        if record.name in owner_of_name:
            raise SourceFileError(
                f"{record.label()}: an exercise named {record.name!r} already exists "
                "and is linked to another source record, so it cannot be matched "
                "or created."
            )

    written = [*plan.create, *(record for record, _ in plan.update)]
    equipment_used = {r.equipment for r in written if r.equipment}
    plan.equipment_missing = sorted(
        equipment_used
        - set(
            Equipment.objects.filter(slug__in=equipment_used).values_list(
                "slug", flat=True
            )
        )
    )
    muscles_used = {slug for r in written for slug in (*r.primary, *r.secondary)}
    groups_used = {MUSCLE_DEFINITIONS[slug][1] for slug in muscles_used}
    existing = set(
        Muscle.objects.filter(slug__in=muscles_used | groups_used).values_list(
            "slug", flat=True
        )
    )
    plan.muscles_missing = [
        slug for slug in MUSCLE_DEFINITIONS if slug in muscles_used - existing
    ]
    groups_needed = {MUSCLE_DEFINITIONS[slug][1] for slug in plan.muscles_missing}
    plan.groups_missing = [
        slug for slug in GROUP_DEFINITIONS if slug in groups_needed - existing
    ]
    _check_names_free(
        Equipment,
        {EQUIPMENT_DEFINITIONS[slug][0]: slug for slug in plan.equipment_missing},
    )
    _check_names_free(
        Muscle,
        {GROUP_DEFINITIONS[slug][0]: slug for slug in plan.groups_missing}
        | {MUSCLE_DEFINITIONS[slug][0]: slug for slug in plan.muscles_missing},
    )
    return plan


def _check_names_free(model, slugs_by_name):
    """The import creates rows by slug; their names must not be in use already."""
    clash = model.objects.filter(name__in=slugs_by_name).first()
    if clash:
        raise SourceFileError(
            f"The import needs a {model._meta.verbose_name} with slug "
            f"{slugs_by_name[clash.name]!r} and would create it as {clash.name!r}, "
            f"but that name is already used by the one with slug {clash.slug!r}. "
            "Rename one of them first."
        )


def _ensure_equipment(slugs):
    for slug in slugs:
        name, description = EQUIPMENT_DEFINITIONS[slug]
        Equipment.objects.create(name=name, slug=slug, description=description)


def _ensure_muscles(group_slugs, muscle_slugs):
    for slug in group_slugs:
        name, position, location, function, description = GROUP_DEFINITIONS[slug]
        Muscle.objects.create(
            name=name,
            slug=slug,
            location=location,
            function=function,
            description=description,
            position=position,
        )
    last = max(Muscle.objects.specific().values_list("position", flat=True), default=0)
    groups = dict(Muscle.objects.groups().values_list("slug", "pk"))
    for offset, slug in enumerate(muscle_slugs, start=1):
        name, group, location, function, description = MUSCLE_DEFINITIONS[slug]
        Muscle.objects.create(
            name=name,
            slug=slug,
            group_id=groups[group],
            location=location,
            function=function,
            description=description,
            position=last + offset,
        )


def unique_slug(name, taken, fallback="exercise"):
    """slugify(name), with -2, -3... if ``taken`` has it; adds the result to ``taken``."""
    base = slugify(name) or fallback
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _sync_steps(wanted, replace):
    """Make the steps of each exercise pk in ``wanted`` exactly the given texts.

    Only the exercises in ``replace`` may have steps already; the others are new.
    """
    existing = defaultdict(dict)
    for pk, exercise_id, number, text in Step.objects.filter(
        exercise_id__in=replace
    ).values_list("pk", "exercise_id", "number", "text"):
        existing[exercise_id][number] = (pk, text)
    create, change, remove = [], [], []
    for exercise_id, texts in wanted.items():
        have = existing[exercise_id]
        for number, text in enumerate(texts, start=1):
            if number not in have:
                create.append(Step(exercise_id=exercise_id, number=number, text=text))
            elif have[number][1] != text:
                change.append(Step(pk=have[number][0], text=text))
        remove.extend(pk for number, (pk, _) in have.items() if number > len(texts))
    if remove:
        Step.objects.filter(pk__in=remove).delete()
    Step.objects.bulk_update(change, ["text"], batch_size=BATCH_SIZE)
    Step.objects.bulk_create(create, batch_size=BATCH_SIZE)


def _sync_muscle_links(wanted, replace):
    """Make the muscle links of each exercise pk in ``wanted`` exactly {muscle pk: role}.

    Only the exercises in ``replace`` may have links already; the others are new.
    """
    existing = defaultdict(dict)
    for pk, exercise_id, muscle_id, role in ExerciseMuscle.objects.filter(
        exercise_id__in=replace
    ).values_list("pk", "exercise_id", "muscle_id", "role"):
        existing[exercise_id][muscle_id] = (pk, role)
    create, change, remove = [], [], []
    for exercise_id, roles in wanted.items():
        have = existing[exercise_id]
        for muscle_id, role in roles.items():
            if muscle_id not in have:
                create.append(
                    ExerciseMuscle(
                        exercise_id=exercise_id, muscle_id=muscle_id, role=role
                    )
                )
            elif have[muscle_id][1] != role:
                change.append(ExerciseMuscle(pk=have[muscle_id][0], role=role))
        remove.extend(
            pk for muscle_id, (pk, _) in have.items() if muscle_id not in roles
        )
    if remove:
        ExerciseMuscle.objects.filter(pk__in=remove).delete()
    ExerciseMuscle.objects.bulk_update(change, ["role"], batch_size=BATCH_SIZE)
    ExerciseMuscle.objects.bulk_create(create, batch_size=BATCH_SIZE)


def _set_m2m(through, target_field, wanted, replace):
    """Set an auto-created M2M table's rows for each exercise pk in ``wanted``."""
    if replace:
        through.objects.filter(exercise_id__in=replace).delete()
    through.objects.bulk_create(
        (
            through(exercise_id=exercise_id, **{f"{target_field}_id": target_id})
            for exercise_id, targets in wanted.items()
            for target_id in targets
        ),
        batch_size=BATCH_SIZE,
    )


def reindex(pks):
    """Recompute letters and search indexes, in chunks (bulk writes skip save())."""
    pks = list(pks)
    for start in range(0, len(pks), BATCH_SIZE):
        Exercise.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).reindex()


def _write(plan, now):
    _ensure_equipment(plan.equipment_missing)
    _ensure_muscles(plan.groups_missing, plan.muscles_missing)
    equipment = dict(Equipment.objects.values_list("slug", "pk"))
    muscles = {
        slug: (pk, group_id)
        for slug, pk, group_id in Muscle.objects.values_list("slug", "pk", "group_id")
    }

    taken = set(Exercise.objects.values_list("slug", flat=True))
    Exercise.objects.bulk_create(
        (
            Exercise(
                name=record.name,
                slug=unique_slug(record.name, taken, fallback=slugify(record.id)),
                level=record.level,
                force=record.force,
                mechanic=record.mechanic,
                category=record.category,
                status=PublicationStatus.PUBLISHED,
                published_at=now,
                source_ref=record.source_ref,
                source_hash=record.source_hash,
            )
            for record in plan.create
        ),
        batch_size=BATCH_SIZE,
    )
    pk_of = dict(
        Exercise.objects.filter(source_ref__startswith=SOURCE_PREFIX).values_list(
            "source_ref", "pk"
        )
    )

    Exercise.objects.bulk_update(
        [
            Exercise(
                pk=pk,
                name=record.name,
                level=record.level,
                force=record.force,
                mechanic=record.mechanic,
                category=record.category,
                source_hash=record.source_hash,
                updated_at=now,
            )
            for record, pk in plan.update
        ],
        ["name", "level", "force", "mechanic", "category", "source_hash", "updated_at"],
        batch_size=BATCH_SIZE,
    )
    Exercise.objects.bulk_update(
        [
            Exercise(
                pk=pk,
                aliases=aliases,
                source_ref=record.source_ref,
                source_hash="",
                updated_at=now,
            )
            for record, pk, aliases in plan.match
        ],
        ["aliases", "source_ref", "source_hash", "updated_at"],
        batch_size=BATCH_SIZE,
    )

    written = {pk_of[r.source_ref]: r for r in plan.create}
    written.update({pk: r for r, pk in plan.update})
    replaced = [pk for _, pk in plan.update]
    _sync_steps({pk: r.steps for pk, r in written.items()}, replaced)
    _sync_muscle_links(
        {
            pk: {muscles[slug][0]: role for slug, role in r.muscle_roles.items()}
            for pk, r in written.items()
        },
        replaced,
    )
    _set_m2m(
        Exercise.equipment.through,
        "equipment",
        {
            pk: [equipment[r.equipment]] if r.equipment else []
            for pk, r in written.items()
        },
        replaced,
    )
    _set_m2m(
        Exercise.muscle_groups.through,
        "muscle",
        {
            pk: list(dict.fromkeys(muscles[slug][1] for slug in r.primary))
            for pk, r in written.items()
        },
        replaced,
    )
    reindex([*written, *(pk for _, pk, _ in plan.match)])


def import_records(records, *, dry_run=False):
    """Import validated records in one transaction; return an ImportReport."""
    with transaction.atomic():
        plan = plan_import(records)
        report = plan.report(len(records), dry_run)
        if dry_run:
            return report
        if plan.create or plan.update or plan.match:
            _write(plan, timezone.now())
            ContentVersion.bump()
    return report


def import_file(path, *, dry_run=False):
    """Validate the whole file, then import it; raise SourceFileError if it is bad."""
    return import_records(load_records(path), dry_run=dry_run)
