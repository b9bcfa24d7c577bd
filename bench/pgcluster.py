"""A throw-away PostgreSQL cluster for the province tests and `make bench-province`: `initdb` into a temporary
directory (as the `postgres` account when run as root), started on a free loopback port, removed when stopped."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bin() -> Path:
    root = Path("/usr/lib/postgresql")
    for version in sorted(root.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0, reverse=True):
        if (version / "bin" / "initdb").exists():
            return version / "bin"
    raise RuntimeError("PostgreSQL server programs not found (apt install postgresql)")


class Cluster:
    def __init__(self, settings: str = "-c fsync=off") -> None:
        self.settings = settings
        self.dir = Path(tempfile.mkdtemp(prefix="khongcho-e2e-pg-"))
        self.port = free_port()
        self.bin = pg_bin()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run("initdb", "-D", str(self.dir / "data"), "-U", "khongcho", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()

    @property
    def url(self) -> str:
        return f"postgres://khongcho@127.0.0.1:{self.port}/postgres?sslmode=disable"

    def run(self, program: str, *args: str) -> str:
        command = [str(self.bin / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
        assert done.returncode == 0, done.stdout
        return done.stdout

    def start(self) -> None:
        log = self.dir / "server.log"
        with open(os.devnull, "w") as quiet:
            command = [str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-w", "-l", str(log), "-o",
                       f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 {self.settings}", "start"]
            if self.as_postgres:
                command = ["runuser", "-u", "postgres", "--", *command]
            assert subprocess.run(command, stdout=quiet, stderr=quiet, stdin=subprocess.DEVNULL).returncode == 0

    def pause(self) -> None:
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        try:
            self.pause()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def query(self, sql: str) -> list[list[str]]:
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "khongcho", "-d", "postgres",
                              "-At", "-F", "|", "-c", sql], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert out.returncode == 0, out.stderr
        return [line.split("|") for line in out.stdout.splitlines() if line]
