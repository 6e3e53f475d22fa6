"""Plain dictionaries of the API's objects (the shapes are in api/openapi.py)."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse

from catalogue import licence
from catalogue.choices import Role
from core.urls import absolute_url


def page_url(obj):
    return absolute_url(obj.get_absolute_url())


def exercise_summary(exercise):
    """An exercise as the list gives it (from ``ExerciseQuerySet.for_export``)."""
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "url": page_url(exercise),
        "api_url": absolute_url(reverse("api:exercise_detail", args=[exercise.slug])),
        "summary": exercise.summary,
        "level": exercise.level,
        "type": exercise.category,
        "force": exercise.force or None,
        "mechanic": exercise.mechanic or None,
        "equipment": [item.slug for item in exercise.equipment_list],
        "muscle_groups": [group.slug for group in exercise.muscle_group_list],
        "editors_pick": exercise.is_best,
        "updated_at": exercise.updated_at.isoformat(timespec="seconds"),
        "source": licence.source_of(exercise),
        "licence": licence.licence_of(exercise),
    }


def muscle_link(link):
    muscle = link.muscle
    return {
        "slug": muscle.slug,
        "name": muscle.name,
        "group": muscle.group.slug if muscle.group else None,
        "url": page_url(muscle),
    }


def review(exercise):
    """Who reviewed what of the exercise, and whether the steps are still the
    ones reviewed; None when no one has reviewed it."""
    try:
        found = exercise.review
    except ObjectDoesNotExist:
        return None
    return {
        "reviewer": found.reviewer,
        "credentials": found.reviewer_credentials,
        "reviewed_on": found.reviewed_on.isoformat() if found.reviewed_on else None,
        "scope": found.scope,
        "current": found.is_current_for(exercise.steps.all()),
    }


def exercise_detail(exercise):
    """Everything about one exercise (from ``ExerciseQuerySet.for_detail``)."""
    links = list(exercise.muscle_links.all())
    exercise.equipment_list = list(exercise.equipment.all())
    exercise.muscle_group_list = list(exercise.muscle_groups.all())
    url = page_url(exercise)
    return {
        **exercise_summary(exercise),
        "aliases": exercise.alias_list,
        "equipment": [
            {"slug": item.slug, "name": item.name} for item in exercise.equipment_list
        ],
        "muscle_groups": [
            {"slug": group.slug, "name": group.name}
            for group in exercise.muscle_group_list
        ],
        "muscles": {
            role.value: [muscle_link(link) for link in links if link.role == role]
            for role in (Role.PRIMARY, Role.SECONDARY)
        },
        "steps": [
            {
                "number": step.number,
                "text": step.text,
                "url": f"{url}#step-{step.number}",
            }
            for step in exercise.steps.all()
        ],
        "tips": exercise.tip_list,
        "review": review(exercise),
        "status": exercise.status,
        "published_at": exercise.published_at.isoformat(),
    }


def option(opt):
    return {
        "value": opt.value,
        "label": opt.label,
        "count": opt.count,
        "selected": opt.selected,
    }


def facets(found, tally, best_selected):
    return {
        "equipment": [option(o) for o in found.equipment],
        "muscle": [
            {**option(group), "members": [option(o) for o in group.children]}
            for group in found.muscles
        ],
        "level": [option(o) for o in tally.level_options()],
        "category": [option(o) for o in tally.category_options()],
        "best": {"count": tally.best_count(), "selected": best_selected},
    }


def equipment(item, list_url, api_url):
    return {
        "slug": item.slug,
        "name": item.name,
        "description": item.description,
        "exercise_count": item.exercise_count,
        "exercises_url": absolute_url(f"{list_url}?equipment={item.slug}"),
        "api_url": absolute_url(f"{api_url}?equipment={item.slug}"),
    }


def muscle(item):
    return {
        "slug": item.slug,
        "name": item.name,
        "group": item.group.slug if item.group else None,
        "is_group": item.is_group,
        "location": item.location,
        "function": item.function,
        "description": item.description,
        "url": page_url(item),
    }
