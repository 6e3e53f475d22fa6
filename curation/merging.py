"""Merge one exercise into another: one page, one name, the old address kept.

The source's name and aliases become the target's aliases (so search and
``[[Name]]`` links still find it), whatever else points at the source moves to
the target, the source itself is deleted (its last version stays in the
history, recoverable) and its URL answers a permanent redirect to the target.
"""

from dataclasses import dataclass

import reversion
from django.db import transaction

from catalogue.models import Exercise
from curation.models import ExerciseRedirect


class MergeError(Exception):
    pass


@dataclass
class Merged:
    source: str
    target: Exercise
    already: bool = False

    def __str__(self):
        if self.already:
            return f"{self.source} was already merged into {self.target.slug}."
        return f"Merged {self.source} into {self.target.slug}."


# Rows that are the source's own content: they go with it (and stay in its
# history); everything else that points at the source moves to the target.
OWN_PARTS = {"steps", "muscle_links", "review"}


def merged_aliases(target, source):
    known = {target.name.casefold(), *(a.casefold() for a in target.alias_list)}
    aliases = list(target.alias_list)
    for name in (source.name, *source.alias_list):
        if name.casefold() not in known:
            aliases.append(name)
            known.add(name.casefold())
    return "\n".join(aliases)


def move_references(source, target):
    """Point whatever else refers to the source (articles' links aside, which
    follow the names) at the target: redirects, and any relation added later."""
    for relation in Exercise._meta.related_objects:
        # Hidden relations are the through rows of the source's own many-to-many
        # fields (its equipment, its groups): its content, not references to it.
        if relation.hidden or relation.get_accessor_name() in OWN_PARTS:
            continue
        if relation.many_to_many:
            _move_m2m(relation, source, target)
        else:
            relation.related_model._base_manager.filter(
                **{relation.field.name: source}
            ).update(**{relation.field.name: target})


def _move_m2m(relation, source, target):
    through = relation.through
    to_exercise = relation.field.m2m_reverse_field_name()
    from_other = relation.field.m2m_field_name()
    rows = through.objects.filter(**{to_exercise: source})
    already = set(
        through.objects.filter(**{to_exercise: target}).values_list(
            f"{from_other}_id", flat=True
        )
    )
    rows.filter(**{f"{from_other}_id__in": already}).delete()
    rows.update(**{to_exercise: target})


def merge_exercises(source_slug, target_slug, user=None):
    """Merge the exercise ``source_slug`` into ``target_slug``; safe to repeat."""
    if source_slug == target_slug:
        raise MergeError("An exercise cannot be merged into itself.")
    target = Exercise.objects.filter(slug=target_slug).first()
    if target is None:
        raise MergeError(f"No exercise has the slug “{target_slug}”.")
    with transaction.atomic():
        source = Exercise.objects.select_for_update().filter(slug=source_slug).first()
        if source is None:
            done = ExerciseRedirect.objects.filter(
                old_slug=source_slug, target=target
            ).exists()
            if done:
                return Merged(source_slug, target, already=True)
            raise MergeError(f"No exercise has the slug “{source_slug}”.")
        comment = (
            f"Merged “{source.name}” ({source.slug}) into “{target.name}” "
            f"({target.slug})."
        )
        # The source as it was, with its steps and muscles, in a revision of its
        # own: reversion saves no version of a row deleted within the revision.
        with reversion.create_revision():
            if user is not None:
                reversion.set_user(user)
            reversion.set_comment(f"Last version before the merge. {comment}")
            reversion.add_to_revision(source)
        with reversion.create_revision():
            if user is not None:
                reversion.set_user(user)
            reversion.set_comment(comment)
            target.aliases = merged_aliases(target, source)
            move_references(source, target)
            ExerciseRedirect.objects.update_or_create(
                old_slug=source.slug,
                defaults={"target": target, "old_name": source.name},
            )
            source.delete()
            # Saved after the delete, so that articles re-render with the source's
            # name now an alias of the target (articles.signals).
            target.save()
    return Merged(source_slug, target)
