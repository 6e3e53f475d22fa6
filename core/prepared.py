"""Querysets compiled to SQL once per process, then run with another value.

Building a queryset and compiling it costs the ORM's Python far more than the
query costs the database. For the exercise page's row (the exercise, its
review and its steps) it was 1.0 of 1.25 ms on SQLite and 1.6 of 2.3 ms on
PostgreSQL (bench/README.md). The SQL depends only on the models, so
``PreparedLookup`` compiles it once per database alias, with a
marker where the value goes, and each call runs that SQL with the value in the
marker's place.

The rows become instances through Django's own ``ModelIterable``, so
``select_related`` and annotations come out as they would from the queryset.
That iterable asks the query for its compiler: here it gets a copy of the one
set up by the first compile, which answers the stored SQL. This leans on the
compiler's interface (``as_sql``, ``select``, ``klass_info``), which is not
public API; Django is pinned to one feature release (pyproject.toml) and
tests/core/test_prepared.py checks the result against the plain queryset on
each database.
"""

import copy

from django.db import connections, router
from django.db.models.query import ModelIterable, QuerySet

# Stands for the value while compiling; no slug or name could hold a NUL.
MARKER = "\x00prepared-lookup-value\x00"


class PreparedLookup:
    """``build(value)``'s rows of ``model``, compiled once:
    ``PreparedLookup(Exercise, lambda slug: Exercise.objects.filter(slug=slug))``,
    then ``.first("pull-up")``.

    ``build`` takes one string and must use it as the query's only parameter.
    The stored SQL keeps whatever else it was compiled with, so a query with
    any other parameter (a time, a user's id, a status) is refused when it is
    first compiled: write those conditions in Python on the row instead.
    """

    def __init__(self, model, build):
        self.model = model
        self.build = build
        self.compiled = {}  # database alias -> (compiler, SQL)

    def first(self, value):
        """The first row for ``value``, or None (in the order ``build`` sets)."""
        compiler, sql = self._compiled(router.db_for_read(self.model))
        compiler = copy.copy(compiler)
        # Connections are per thread; the compiled state is not.
        compiler.connection = connections[compiler.using]
        params = (str(value),)
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        rows = QuerySet(model=self.model, query=_CompiledQuery(compiler))
        return next(iter(ModelIterable(rows)), None)

    def _compiled(self, alias):
        try:
            return self.compiled[alias]
        except KeyError:
            pass
        queryset = self.build(MARKER)[:1]
        if queryset.model is not self.model:
            raise ValueError(f"The query is of {queryset.model}, not {self.model}.")
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if list(params) != [MARKER]:
            raise ValueError(
                "A prepared lookup's query must have its value as its only "
                f"parameter; this one has {list(params)!r}."
            )
        self.compiled[alias] = (compiler, sql)
        return self.compiled[alias]


class _CompiledQuery:
    """What ``ModelIterable`` asks of a queryset's query: its compiler."""

    def __init__(self, compiler):
        self.compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self.compiler
