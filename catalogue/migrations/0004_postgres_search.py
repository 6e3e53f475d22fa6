"""Search indexes for PostgreSQL; nothing happens on other databases.

- pg_trgm, and trigram GIN indexes on the name (typo-tolerant matching with
  the %> operator) and on the search index columns (their LIKE '%...%').
- A GIN index on the full-text document, with exactly the expression
  ExerciseQuerySet.search() builds, so the planner can use it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "exercise_name_trgm": "USING gin (name gin_trgm_ops)",
    "exercise_search_names_trgm": "USING gin (search_names gin_trgm_ops)",
    "exercise_search_text_trgm": "USING gin (search_text gin_trgm_ops)",
    "exercise_search_text_fts": (
        "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))"
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON catalogue_exercise {definition}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_images")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
