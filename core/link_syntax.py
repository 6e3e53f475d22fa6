"""The site's link syntax in text fields: ``[[Exercise Name]]`` or
``[[Exercise Name|the words shown]]``, and markdown's ``[words](/path/)``.

The syntax only (no lookup of what a name links to: that is the articles
app's, which knows the exercises), so any layer can read text as plain words.
"""

import re

EXERCISE_LINK = re.compile(r"\[\[([^\[\]|\n]{1,120})(?:\|([^\[\]\n]{1,200}))?\]\]")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")


def plain_text(text):
    """The text with its links read as their words (JSON-LD, descriptions)."""
    text = EXERCISE_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text or "")
    return MARKDOWN_LINK.sub(lambda m: m.group(1), text)
