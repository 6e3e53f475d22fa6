"""Throwaway databases and caches: SQLite with the local-memory cache, or
PostgreSQL with a Redis of the benchmark's own. Each leaves nothing behind."""

import secrets
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.loadtest.services import PostgresServer, RedisServer, redis_server_problem
from bench.processes import CommandError, log
from bench.production import production_env

TITLES = {
    "sqlite": "SQLite, local-memory cache",
    "postgres": "PostgreSQL, Redis cache",
}


@dataclass
class Backend:
    """A throwaway database (and cache) and the environment that points at it."""

    name: str
    env: dict[str, str]  # the environment of the servers and commands run on it
    postgres: PostgresServer | None = None
    database: str | None = None
    redis: RedisServer | None = None

    @property
    def title(self):
        return TITLES[self.name]

    def after_build(self):
        """What production does after a bulk load: autovacuum's ANALYZE (PostgreSQL;
        without it the planner plans as for an empty table)."""
        if self.postgres:
            log("  VACUUM ANALYZE")
            self.postgres.psql("VACUUM ANALYZE", database=self.database, timeout=600)

    def flush_cache(self):
        if self.redis:
            self.redis.flush()

    def cache_keys(self):
        """Keys the page cache holds, or None when they cannot be counted (the
        local-memory cache lives inside each gunicorn worker)."""
        return self.redis.dbsize() if self.redis else None


def backend_problem(name, options):
    """Why a backend cannot run here, or None."""
    if name == "postgres":
        return PostgresServer(options.postgres).problem() or redis_server_problem()
    return None


@contextmanager
def sqlite_backend(tmpdir, options):
    env = production_env(tmpdir, f"sqlite:///{Path(tmpdir) / 'bench.sqlite3'}")
    yield Backend("sqlite", env)


@contextmanager
def postgres_backend(tmpdir, options):
    server = PostgresServer(options.postgres)
    name = f"{options.db_prefix}{secrets.token_hex(4)}"
    redis = RedisServer(Path(tmpdir) / "redis.log").start()
    log(f"  started redis-server on port {redis.port}")
    try:
        server.create(name)
        log(f"  created PostgreSQL database {name}")
        try:
            env = production_env(tmpdir, server.database_url(name))
            env["REDIS_URL"] = redis.url
            yield Backend("postgres", env, server, name, redis)
        finally:
            try:
                server.drop(name)
                log(f"  dropped PostgreSQL database {name}")
            except CommandError as error:
                log(f"  could not drop {name}: {error}")
    finally:
        redis.stop()


SETUP = {"sqlite": sqlite_backend, "postgres": postgres_backend}
