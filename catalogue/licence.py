"""Whose words an exercise is, and the terms anyone may reuse them under.

Stated in every open-data response (the JSON API and the CSV export):

- what Backbone's editors wrote themselves (the fixtures, and any exercise an
  editor writes or rewrites) is offered under CC BY 4.0;
- an exercise imported from free-exercise-db and not since rewritten
  (``source_hash`` set by the importer) quotes that project's text, which its
  authors dedicated to the public domain under the Unlicense. An exercise we
  wrote and only linked to a source record (``source_ref`` set, no
  ``source_hash``) is ours.
"""

# As the importer writes them into source_ref ("free-exercise-db:<id>").
SOURCE = "free-exercise-db"
SOURCE_PREFIX = f"{SOURCE}:"

SITE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "applies_to": "Text written by Backbone's editors: exercises without a "
    "source, equipment, anatomy and articles. Credit: Backbone.",
}
SOURCES = {
    SOURCE: {
        "name": "The Unlicense (public domain)",
        "url": "https://unlicense.org/",
        "source": "https://github.com/yuhonas/free-exercise-db",
        "applies_to": "Exercises whose source is free-exercise-db: their names, "
        "steps and classification are quoted from it.",
    }
}


def statement():
    """The licence block every open-data response carries."""
    return {"site": SITE, "sources": [{"id": key, **v} for key, v in SOURCES.items()]}


def source_of(exercise):
    """The source an exercise's text is quoted from, or None when it is ours."""
    if exercise.source_hash and exercise.source_ref.startswith(SOURCE_PREFIX):
        return SOURCE
    return None


def licence_of(exercise):
    source = source_of(exercise)
    return SOURCES[source]["name"] if source else SITE["name"]


def link_header():
    """An HTTP Link header naming the licence(s), for responses that are not JSON."""
    links = [f'<{SITE["url"]}>; rel="license"; title="{SITE["name"]}"']
    links += [
        f'<{s["url"]}>; rel="license"; title="{s["name"]}"' for s in SOURCES.values()
    ]
    return ", ".join(links)
