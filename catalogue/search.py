"""Text normalisation shared by the search index and the search box.

"Pull-Up", "pull ups", "pullups" and "PULL-UPS" all come down to the same key,
"pullup", so a reader finds an exercise however they spell it.
"""

import re
import unicodedata

from django.db.models import Expression

WORD = re.compile(r"[a-z0-9]+")
MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
# PostgreSQL's text search configuration (stemming) for the search_text index.
POSTGRES_CONFIG = "english"
# How close (pg_trgm word similarity) a misspelt name must be to be offered.
TYPO_SIMILARITY = 0.3


def singular(word):
    """A deliberately small stemmer: drop a plural "s" (rows, lats, pullups)."""
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [singular(word) for word in WORD.findall(ascii_text.lower())]


def compact_key(text):
    """The words of a name run together: "Pull-Up" and "pull ups" give "pullup"."""
    return "".join(words(text))


def names_index(names):
    """Space-delimited keys of a name and its aliases, for whole-name matches."""
    keys = dict.fromkeys(key for key in map(compact_key, names) if key)
    return f" {' '.join(keys)} " if keys else ""


def text_index(texts):
    """Space-delimited distinct words of everything searchable, for word matches."""
    seen = dict.fromkeys(word for text in texts for word in words(text))
    return f" {' '.join(seen)} " if seen else ""


class StoredSearchVector(Expression):
    """PostgreSQL only: the exercise's stored full-text document.

    A generated column that migration 0005 adds outside the model (SQLite has
    no tsvector), referred to through whatever alias the exercise table has in
    the query at hand (subqueries call it U0).
    """

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name(alias)}.search_vector", []
