#!/usr/bin/python3
"""`make bench-province`: a province of 150 centres against a real PostgreSQL, figures printed.

It makes a throw-away cluster (initdb into a temporary directory, as the `postgres` account when run as root;
fsync on, max_connections 400 for the 150 centres' replicators), then runs

    khongcho province bench --postgres URL [--year] [--centres N] [--live-seconds S]

(history loaded with COPY, the ingest rate through the replicators' path, live replication lag from all centres,
the report's time in process), then starts `khongcho province serve` on the filled database and times
`GET /api/v1/province/centres?period=custom:FIRST..LAST` over HTTP for the history's period — what the office's page reads
(first, then the median of 5). Figures are printed with their targets and the machine's cores; the cluster is
removed at the end. The default run (a month, about 5M tickets) finishes in well under 10 minutes here.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgcluster import Cluster, free_port  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "release" / "khongcho"))


def get(url: str) -> tuple[float, bytes]:
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=120) as answer:
        body = answer.read()
    return (time.monotonic() - started) * 1000, body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", action="store_true", help="a year of history instead of a month")
    parser.add_argument("--centres", type=int, default=150)
    parser.add_argument("--live-seconds", type=int, default=60)
    options = parser.parse_args()
    wall = time.monotonic()
    cluster = Cluster(settings="-c max_connections=400 -c shared_buffers=512MB")
    server = None
    try:
        command = [str(BINARY), "province", "bench", "--postgres", cluster.url, "--centres", str(options.centres),
                   "--live-seconds", str(options.live_seconds), "--assets", str(REPO / "assets")]
        if options.year:
            command.append("--year")
        print("$ " + " ".join(command).replace(cluster.url, "URL"), flush=True)
        if subprocess.run(command).returncode != 0:
            print("bench-province: the bench command failed", file=sys.stderr)
            return 1
        today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()
        days = 365 if options.year else 30
        period = f"custom:{today - datetime.timedelta(days=days)}..{today - datetime.timedelta(days=1)}"
        port = free_port()
        serve = [str(BINARY), "province", "serve", "--postgres", cluster.url, "--port", str(port), "--assets", str(REPO / "assets")]
        server = subprocess.Popen(serve, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                get(f"{base}/province")
                break
            except OSError:
                time.sleep(0.1)
        url = f"{base}/api/v1/province/centres?period={period}"
        first, _ = get(url)
        warm = [get(url)[0] for _ in range(5)]
        csv_ms, _ = get(f"{base}/api/v1/province/centres.csv?period={period}")
        target = 2000 if options.year else 1000
        print(f"\nprovince report over HTTP ({'year' if options.year else 'month'}, {options.centres} centres, "
              f"{os.cpu_count()} cores): GET /api/v1/province/centres?period={period}")
        print(f"  first {first:.0f} ms, warm median {statistics.median(warm):.0f} ms, max {max(warm):.0f} ms "
              f"(target ≤ {target} ms); CSV {csv_ms:.0f} ms")
        print(f"  server: {' '.join(serve).replace(cluster.url, 'URL')}")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        cluster.stop()
    print(f"bench-province wall time {time.monotonic() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
