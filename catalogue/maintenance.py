from django.db import connection

from anatomy.models import Muscle
from catalogue.models import Equipment, Exercise, ExerciseMuscle, Step


def refresh_planner_statistics():
    """After a bulk load, let the query planner see the new row counts.

    Without statistics, PostgreSQL plans as for an empty table (until autovacuum
    catches up) and SQLite sorts the whole catalogue for the A–Z page instead of
    reading the name index: both measured several times slower at 10,000.
    """
    models = (
        Exercise, Exercise.equipment.through, Exercise.muscle_groups.through,
        ExerciseMuscle, Step, Equipment, Muscle,
    )  # fmt: skip
    tables = [connection.ops.quote_name(model._meta.db_table) for model in models]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:  # SQLite analyses one table at a time
            for table in tables:
                cursor.execute(f"ANALYZE {table}")
