"""Template tags for ``[[Name]]`` links in plain-text fields (see articles.links)."""

from django import template

from articles.links import link_texts, plain_text

register = template.Library()


@register.simple_tag
def link_exercises(text):
    """One text with its exercise names linked."""
    return link_texts([text])[0]


@register.simple_tag
def link_exercise_lines(lines):
    """Several texts (tips, one per line), linked with one query in all."""
    return link_texts(list(lines))


@register.simple_tag
def link_exercises_in(objects, field):
    """[(object, linked text of its ``field``)] for a list: one query in all."""
    objects = list(objects)
    return list(
        zip(objects, link_texts(getattr(o, field) for o in objects), strict=True)
    )


@register.filter
def plain_links(text):
    """The text with its links read as their words (meta descriptions)."""
    return plain_text(text or "")
