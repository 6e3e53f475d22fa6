"""Template helpers for ``[[Name]]`` links in plain-text fields (see articles.links)."""

from articles.links import link_texts, plain_text
from core.jinja import helper, template_filter


@helper
def link_exercises(text):
    """One text with its exercise names linked."""
    return link_texts([text])[0]


@helper
def link_exercise_lines(lines):
    """Several texts (tips, one per line), linked with one query in all."""
    return link_texts(list(lines))


@helper
def link_exercises_in(objects, field):
    """[(object, linked text of its ``field``)] for a list: one query in all."""
    objects = list(objects)
    return list(
        zip(objects, link_texts(getattr(o, field) for o in objects), strict=True)
    )


@template_filter
def plain_links(text):
    """The text with its links read as their words (meta descriptions)."""
    return plain_text(text or "")
