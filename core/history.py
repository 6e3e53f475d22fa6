"""Every editor's change kept: who, when, what changed; any version restorable.

What a version changed, in words an editor reads. Which models are recorded,
and which rows each one's versions carry along, is the site's choice
(``curation.history.register``).

django-reversion stores each save as a revision of the object *and* the rows it
follows (an exercise's steps, muscle links and review; an article's FAQ and
references), so one restore brings back the whole exercise as it was.
"""

from django.db import models

# Fields that say nothing an editor changed.
IGNORED = {
    "letter",
    "search_names",
    "search_text",
    "body_html",
    "answer_html",
    "toc",
    "created_at",
    "updated_at",
    "steps_fingerprint",
    "image_renditions",
}


def _display(field, value, names):
    if value in (None, "", []):
        return "(empty)"
    if field.many_to_many:
        return ", ".join(names.get((field.related_model, pk), f"#{pk}") for pk in value)
    if field.many_to_one or field.one_to_one:
        return names.get((field.related_model, value), f"#{value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    return str(value)


def _related_names(fields, dicts):
    """Names for the related rows these versions point at, in a query per model."""
    wanted = {}
    for data in dicts:
        for field in fields:
            value = data.get(field.attname)
            if field.many_to_many and value:
                wanted.setdefault(field.related_model, set()).update(value)
            elif (field.many_to_one or field.one_to_one) and value is not None:
                wanted.setdefault(field.related_model, set()).add(value)
    return {
        (model, pk): str(obj)
        for model, pks in wanted.items()
        for pk, obj in model._default_manager.in_bulk(pks).items()
    }


def field_changes(model, old, new):
    """[(label, old text, new text)] for the fields that differ between two dicts."""
    fields = [
        f
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many)
        and not f.auto_created
        and f.name not in IGNORED
    ]
    names = _related_names(fields, [old or {}, new or {}])
    changes = []
    for field in fields:
        before = (old or {}).get(field.attname)
        after = (new or {}).get(field.attname)
        if field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        if before != after:
            changes.append(
                (
                    str(field.verbose_name),
                    _display(field, before, names),
                    _display(field, after, names),
                )
            )
    return changes


def _parts(version):
    """The followed rows saved with this version: {(model, id): (repr, data)}."""
    parts = {}
    for part in version.revision.version_set.all():
        if (part.content_type_id, part.object_id) == (
            version.content_type_id,
            version.object_id,
        ):
            continue
        model = part._model
        parts[(model, part.object_id)] = (part.object_repr, part._local_field_dict)
    return parts


def describe(version, previous):
    """Readable lines saying what this version changed since the previous one."""
    model = version._model
    if previous is None:
        return ["First recorded version."]
    lines = [
        f"{label}: “{before}” → “{after}”"
        for label, before, after in field_changes(
            model, previous._local_field_dict, version._local_field_dict
        )
    ]
    old_parts, new_parts = _parts(previous), _parts(version)
    for key in sorted(set(old_parts) | set(new_parts), key=lambda k: (str(k[0]), k[1])):
        part_model = key[0]
        kind = str(part_model._meta.verbose_name).capitalize()
        old, new = old_parts.get(key), new_parts.get(key)
        if old is None:
            lines.append(f"{kind} added: {new[0]}")
        elif new is None:
            lines.append(f"{kind} removed: {old[0]}")
        else:
            for label, before, after in field_changes(part_model, old[1], new[1]):
                lines.append(f"{new[0]}, {label}: “{before}” → “{after}”")
    return lines or ["No change to the content."]
