"""Stage 2, validate: every record checked, then translated into ``SourceRecord``.

The whole file is checked before anything is written, and every problem is
reported with the record it is in. Besides the source's schema, a record must
fit our fields: names and ids their columns, steps the number the site allows
and a length an editor could still read (``MAX_STEP_LENGTH``), and texts
characters a database can store.
"""

import hashlib
import itertools
import json
import re
from dataclasses import dataclass

from catalogue import search
from catalogue.importer.errors import (
    MAX_REPORTED_ERRORS,
    SourceFileError,
    join_errors,
    label,
    shown,
)
from catalogue.importer.vocabulary import (
    CATEGORIES,
    EQUIPMENT,
    FORCES,
    LEVELS,
    MECHANICS,
    MUSCLES,
    SOURCE_PREFIX,
)
from catalogue.models import MAX_STEPS, Exercise, Role, normalised_name
from catalogue.patterns import pattern_for

NAME_MAX_LENGTH = Exercise._meta.get_field("name").max_length
ID_MAX_LENGTH = Exercise._meta.get_field("source_ref").max_length - len(SOURCE_PREFIX)
ID_PATTERN = re.compile(r"[0-9a-zA-Z_-]+")
# Step.text is a TextField, unbounded in the database; the longest real step
# is under 1,000 characters.
MAX_STEP_LENGTH = 5_000
# NUL is refused by PostgreSQL, and a lone surrogate cannot be encoded at all;
# other control characters have no place in a step (tab and line breaks aside)
# nor in a name, which is one line.
FORBIDDEN_IN_STEP = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
FORBIDDEN_IN_NAME = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")

ITEM_ERRORS = 3  # problems reported per list, the rest counted

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
    pattern: str  # a movement pattern, or "" where the name does not say
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
        return label(self.index, self.id)


def record_hash(raw):
    """sha256 of the record's canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(
        raw, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    # surrogatepass: a lone surrogate elsewhere in the record must not crash
    # the hash; valid text encodes exactly as plain UTF-8.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


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


def _shape_errors(raw):
    """Missing keys, wrong types and values outside the source's vocabulary."""
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
            errors.extend(_first_few(key, _item_errors(key, value, allowed)))
            continue
        if value is None and nullable:
            continue
        if not isinstance(value, str):
            expected = "a string or null" if nullable else "a string"
            errors.append(f"{key!r} must be {expected}, not {_type_name(value)}")
        elif allowed is not None and value not in allowed:
            errors.append(
                f"{key!r} must be one of {_choices(allowed)}, not {shown(value)}"
            )
    return errors


def _fit_errors(raw):
    """What would not fit our fields: lengths, the number of steps, characters."""
    errors = []
    record_id = raw.get("id")
    if isinstance(record_id, str):
        if not ID_PATTERN.fullmatch(record_id):
            errors.append(f"'id' must match ^[0-9a-zA-Z_-]+$, not {shown(record_id)}")
        elif len(record_id) > ID_MAX_LENGTH:
            errors.append(f"'id' is longer than {ID_MAX_LENGTH} characters")
    name = raw.get("name")
    if isinstance(name, str):
        if not name.strip():
            errors.append("'name' is empty")
        elif len(name.strip()) > NAME_MAX_LENGTH:
            errors.append(
                f"'name' is {len(name.strip()):,} characters long, "
                f"longer than {NAME_MAX_LENGTH}"
            )
        elif FORBIDDEN_IN_NAME.search(name.strip()):  # stored stripped
            errors.append("'name' contains a control or invalid character")
    instructions = raw.get("instructions")
    if isinstance(instructions, list):
        kept = sum(1 for text in instructions if isinstance(text, str) and text.strip())
        if kept > MAX_STEPS:
            errors.append(
                f"'instructions' has {kept:,} steps, more than the {MAX_STEPS} "
                "an exercise may have"
            )
        errors.extend(_first_few("instructions", _step_errors(instructions)))
    return errors


def _item_errors(key, items, allowed):
    for position, item in enumerate(items):
        if not isinstance(item, str):
            yield f"{key!r} item {position} must be a string, not {_type_name(item)}"
        elif allowed is not None and item not in allowed:
            yield (
                f"{key!r} item {position} must be one of {_choices(allowed)}, "
                f"not {shown(item)}"
            )


def _step_errors(instructions):
    for position, text in enumerate(instructions):
        if not isinstance(text, str):
            continue  # reported as a wrong type
        if len(text.strip()) > MAX_STEP_LENGTH:
            yield (
                f"'instructions' item {position} is {len(text.strip()):,} "
                f"characters long, longer than {MAX_STEP_LENGTH:,}"
            )
        elif FORBIDDEN_IN_STEP.search(text):
            yield (
                f"'instructions' item {position} contains a control or "
                "invalid character"
            )


def _first_few(key, problems):
    """The first problems of one list (a generator), then how many more there are.

    A list of a million bad items makes three messages, not a million.
    """
    listed = list(itertools.islice(problems, ITEM_ERRORS))
    more = sum(1 for _ in problems)
    if more:
        listed.append(f"{key!r} has {more:,} more such problems")
    return listed


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
        name=normalised_name(raw["name"]),
        level=str(LEVELS[raw["level"]]),
        force=FORCES[raw.get("force")],
        mechanic=MECHANICS[raw["mechanic"]],
        category=str(CATEGORIES[raw["category"]]),
        pattern=pattern_for(raw),
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
    # Only the first messages are kept: a file of a million bad records must
    # not make a million strings to report twenty.
    errors, error_count, records = [], 0, []
    first_with_id, first_with_name = {}, {}
    for index, raw in enumerate(data):
        if not isinstance(raw, dict):
            error_count += 1
            if len(errors) < MAX_REPORTED_ERRORS:
                errors.append(
                    f"Record {index}: must be an object, not {_type_name(raw)}."
                )
            continue
        record_id = raw.get("id")
        problems = _shape_errors(raw) + _fit_errors(raw)
        if isinstance(record_id, str):
            if record_id in first_with_id:
                problems.append(
                    f"duplicate id, already used by record {first_with_id[record_id]}"
                )
            else:
                first_with_id[record_id] = index
        name = raw.get("name")
        if isinstance(name, str) and 0 < len(name.strip()) <= NAME_MAX_LENGTH:
            name = normalised_name(name)
            if name in first_with_name:
                problems.append(
                    f"duplicate name {name!r}, already used by record "
                    f"{first_with_name[name]}"
                )
            else:
                first_with_name[name] = index
        if problems:
            error_count += len(problems)
            errors.extend(
                f"{label(index, record_id)}: {problem}."
                for problem in problems[: MAX_REPORTED_ERRORS - len(errors)]
            )
        else:
            records.append(_record(index, raw))
    if error_count:
        raise SourceFileError(join_errors(errors, source, error_count))
    return records
