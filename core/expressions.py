"""Query expressions the content apps share."""

from django.db import NotSupportedError
from django.db.models import F, Func, JSONField

# The aggregate each supported database builds the rows with: JSON arrays of
# the columns, gathered into one JSON array (empty, not NULL, for no rows).
AGGREGATES = {
    "postgresql": "COALESCE(JSONB_AGG(JSONB_BUILD_ARRAY({columns})), '[]')",
    "sqlite": "JSON_GROUP_ARRAY(JSON_ARRAY({columns}))",
}


class RelatedRows(Func):
    """The rows that point at each row through a reverse foreign key (to its
    primary key), as one list of ``[value, ...]`` lists, in no set order
    (empty when there are none): ``RelatedRows("steps", "number", "text")`` on
    exercises.

    A correlated subquery in the row's own query, in place of a second query
    for the related rows: on PostgreSQL each query costs a round trip to
    another process. Written as SQL because Django's ``Subquery`` over an
    aggregate of ``values()`` costs as much to compile as the round trip it
    saves (bench/README.md).
    """

    output_field = JSONField()

    def __init__(self, relation, *fields):
        # The outer row's key, resolved by Django to the right table alias.
        super().__init__(F("pk"))
        self.relation = relation
        self.fields = fields

    def as_sql(self, compiler, connection, **extra_context):
        aggregate = AGGREGATES.get(connection.vendor)
        if aggregate is None:
            raise NotSupportedError(
                f"RelatedRows supports {', '.join(AGGREGATES)}, not {connection.vendor}."
            )
        outer_key, params = compiler.compile(self.source_expressions[0])
        outer = self.source_expressions[0].target.model._meta
        relation = outer.get_field(self.relation)
        related = relation.related_model._meta
        quote = connection.ops.quote_name
        table = quote(related.db_table)
        columns = ", ".join(
            f"{table}.{quote(related.get_field(name).column)}" for name in self.fields
        )
        key = f"{table}.{quote(relation.field.column)}"
        sql = (
            f"(SELECT {aggregate.format(columns=columns)} FROM {table} "
            f"WHERE {key} = {outer_key})"
        )
        return sql, params
