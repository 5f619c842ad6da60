"""A throwaway PostgreSQL cluster for the tests (desk mode, issue 19).

``initdb`` into a temporary folder, ``postgres`` listening only on a unix socket in that folder
(no TCP), trust authentication for the one local superuser, durability off (it is thrown away).
PostgreSQL refuses to run as root, so under root the cluster runs as ``nobody`` (``runuser``).
Also used by tests/benchmarks/load_desk.py.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: The cluster's superuser and the database the tests connect to for administration.
SUPERUSER = "officer"


def find_bin_dir() -> Path | None:
    """The folder of ``initdb``/``pg_ctl``: ``PG_BIN``, the PATH, or the newest Debian install."""
    override = os.environ.get("PG_BIN")
    if override:
        return Path(override) if (Path(override) / "initdb").exists() else None
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent  # (a link in /usr/local/bin: the real folder)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


class Cluster:
    """One running throwaway cluster; :meth:`url` gives a SQLAlchemy URL of a database in it."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root
        self._as: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL will not run as root: the throwaway cluster belongs to nobody.
            self._as = ["runuser", "-u", "nobody", "--"]
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "nobody", "nogroup")

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, text=True, cwd=self.root)

    def start(self) -> Cluster:
        """initdb and start the server (a few seconds)."""
        self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        """Stop the server and remove every file of the cluster."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of ``database`` (no password: trust authentication on the socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.socket_dir}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def connect(self, url: str, **kwargs: Any) -> Any:
        """A psycopg connection (another officer's session) to the database of ``url``."""
        import psycopg

        dbname = url.split("@/")[1].split("?")[0]
        return psycopg.connect(host=str(self.socket_dir), user=SUPERUSER, dbname=dbname, **kwargs)

    @contextmanager
    def holding(self, url: str, sql: str, params: tuple[Any, ...] = ()) -> Iterator[Any]:
        """Another session ran ``sql`` (``... FOR UPDATE``, ``LOCK TABLE ...``) and holds its locks
        until the block ends (then rolls back); yields that session."""
        conn = self.connect(url)
        try:
            conn.execute(sql, params)
            yield conn
        finally:
            conn.rollback()
            conn.close()

    def create_database(self, name: str, template: str = "template0") -> str:
        """A new empty (or copied from ``template``) database; returns its URL."""
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing any connection still open to it."""
        for _attempt in range(3):
            try:
                self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except Exception:  # another drop/creation from the same template in progress: retry
                time.sleep(0.2)
