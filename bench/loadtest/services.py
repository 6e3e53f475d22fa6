"""The services a PostgreSQL run needs: a PostgreSQL server, and a Redis server
that the benchmark starts itself on a free port (so that it can count and
flush its keys, and kill it, without touching anyone else's Redis)."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from urllib.parse import unquote, urlsplit, urlunsplit

from bench.processes import CommandError, check_run, free_port, spawn, stop_process


class PostgresServer:
    """A PostgreSQL server reached with psql; ``url`` names the database psql
    connects to while it creates and drops the throwaway ones."""

    def __init__(self, url):
        self.url = url
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 5432
        self.user = unquote(parts.username or "postgres")
        self.password = unquote(parts.password) if parts.password else None
        self.maintenance_db = parts.path.lstrip("/") or "postgres"

    def database_url(self, name):
        """The DATABASE_URL of database ``name`` on this server."""
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))

    def psql(self, sql, database=None, timeout=60):
        psql = shutil.which("psql")
        if psql is None:
            raise CommandError("psql is not installed")
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        cmd = [psql, "-h", self.host, "-p", str(self.port), "-U", self.user]
        cmd += ["-d", database or self.maintenance_db, "-X", "-v", "ON_ERROR_STOP=1"]
        return check_run([*cmd, "-tAc", sql], env=env, timeout=timeout).strip()

    def problem(self):
        """Why this server cannot be used, or None."""
        if shutil.which("psql") is None:
            return "psql is not installed (apt-get install -y postgresql-client)"
        try:
            self.psql("SELECT 1", timeout=10)
        except CommandError as error:
            # The message is the command, then psql's own words: keep their start.
            said = [
                line.strip() for line in str(error).splitlines()[1:] if line.strip()
            ]
            detail = said[0] if said else str(error)
            return f"PostgreSQL at {self.host}:{self.port} does not answer: {detail}"
        return None

    def create(self, name):
        self.psql(f'CREATE DATABASE "{name}"')

    def drop(self, name):
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', timeout=120)

    def facts(self):
        try:
            return {
                "PostgreSQL": self.psql("SHOW server_version", timeout=10),
                "PostgreSQL autovacuum": self.psql("SHOW autovacuum", timeout=10),
            }
        except CommandError:
            return {"PostgreSQL": "?"}


# Redis -----------------------------------------------------------------------


def resp_encode(*words):
    """One Redis command in RESP, the protocol's wire format."""
    parts = [b"*%d\r\n" % len(words)]
    for word in words:
        data = str(word).encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


def resp_read(stream):
    """One simple reply from a binary stream: a status, an integer or a bulk string."""
    line = stream.readline()
    if not line:
        raise CommandError("Redis closed the connection")
    line = line.rstrip(b"\r\n")
    kind, rest = line[:1], line[1:].decode(errors="replace")
    if kind == b"-":
        raise CommandError(f"Redis: {rest}")
    if kind == b":":
        return int(rest)
    if kind == b"$":  # a bulk string (INFO); -1 is none
        length = int(rest)
        return None if length < 0 else stream.read(length + 2)[:-2].decode()
    if kind == b"+":
        return rest
    raise CommandError(f"Redis: unexpected reply {line[:80]!r}")


def redis_server_problem():
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (apt-get install -y redis-server)"
    return None


class RedisServer:
    """A redis-server of the benchmark's own, on a free loopback port, with no
    persistence (nothing written to disk) and its log in ``log_path``."""

    def __init__(self, log_path):
        self.log_path = log_path
        self.port = None
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=20):
        self.port = free_port()
        cmd = [shutil.which("redis-server") or "redis-server", "--port", str(self.port)]
        cmd += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        cmd += ["--dir", str(self.log_path.parent)]
        with self.log_path.open("a") as log_file:
            self.proc = spawn(cmd, stdout=log_file)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if self.command("PING") == "PONG":
                    return self
            except (OSError, CommandError):
                time.sleep(0.1)
        self.stop()
        raise CommandError(
            f"redis-server did not answer on port {self.port}:\n"
            + self.log_path.read_text()[-2000:]
        )

    def command(self, *args):
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(resp_encode(*args))
            with sock.makefile("rb") as stream:
                return resp_read(stream)

    def dbsize(self):
        """Keys in the cache's database, or None when Redis does not answer."""
        try:
            return self.command("DBSIZE")
        except (OSError, CommandError):
            return None

    def used_memory(self):
        """Bytes of memory Redis uses, or None."""
        try:
            found = re.search(r"used_memory:(\d+)", self.command("INFO", "memory"))
        except (OSError, CommandError):
            return None
        return int(found.group(1)) if found else None

    def flush(self):
        self.command("FLUSHALL")

    def version(self):
        try:
            found = re.search(r"redis_version:(\S+)", self.command("INFO", "server"))
        except (OSError, CommandError):
            return "?"
        return found.group(1) if found else "?"

    def kill(self):
        """Kill the server as a crash would (SIGKILL): no shutdown, no goodbye."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass

    def stop(self):
        if self.proc is not None:
            stop_process(self.proc, grace=5)
            self.proc = None
