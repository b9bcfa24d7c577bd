"""The province app with a centre that runs the previous release: a throw-away PostgreSQL is filled from
`e2e/fixtures/province_v1.sql` (schema v1 and the facts that release's replicator had written for centre XA-CU),
then this build's `khongcho province serve` starts on it. It migrates the database (the day rollup is built from
the old facts), answers the period's figures exactly (counted by hand below), and keeps them exact while the old
centre goes on writing its rows the old way (no rollup, no dossier days) — the database's triggers do that work.

    cd <repo> && python3 -m pytest -q e2e/test_province_previous.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ASSETS, BINARY, OPEN_HOUR, free_port

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from pgcluster import Cluster  # noqa: E402

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "province_v1.sql"
PERIOD = "custom:2026-11-02..2026-11-06"


def psql(cluster: Cluster, sql: str) -> None:
    done = subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "khongcho",
                           "-d", "postgres", "-c", sql], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 0, done.stderr


def answer(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return json.load(response)


@pytest.fixture
def office():
    cluster = Cluster()
    process = None
    try:
        psql(cluster, FIXTURE.read_text(encoding="utf-8"))
        port = free_port()
        process = subprocess.Popen([str(BINARY), "province", "serve", "--postgres", cluster.url, "--port", str(port), "--assets",
                                    str(ASSETS), "--now", OPEN_HOUR], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                # Answers only once the schema is this build's (the rollup read fails before).
                answer(port, f"/api/v1/province/centres?period={PERIOD}")
                break
            except OSError:
                assert time.monotonic() < deadline, "the province app did not answer on the previous release's database"
                time.sleep(0.2)
        yield cluster, port
    finally:
        if process:
            process.terminate()
            process.wait(timeout=10)
        cluster.stop()


def test_the_previous_releases_facts_are_migrated_and_kept_exact(office) -> None:
    cluster, port = office
    assert cluster.query("SELECT max(version) FROM schema_migration") == [["3"]]
    result = answer(port, f"/api/v1/province/centres?period={PERIOD}")
    (centre,) = result["centres"]
    assert centre["code"] == "XA-CU"
    figures = centre["figures"]
    # 4 tickets (1 no-show), all called: waits 10 + 20 + 20 + 5 min; ratings 1, 3, 2; promises due 11-05 (on time),
    # 11-02 (same day, returned that day) and 11-04 (returned 11-06, late); one feedback closed before its deadline.
    assert (figures["issued"], figures["served"], figures["noShows"]) == (4, 3, 1)
    assert (figures["waited"], figures["waitSeconds"]) == (4, 3300)
    assert (figures["ratings"], figures["satisfied"]) == (3, 2)
    assert (figures["promisesDue"], figures["promisesOnTime"]) == (3, 2)
    assert (figures["sameDayCounted"], figures["sameDayResolved"]) == (1, 1)
    assert (figures["feedbackReceived"], figures["feedbackHandledOnTime"]) == (1, 1)
    assert centre["rates"]["meanWaitMinutes"] == pytest.approx(13.75)
    assert [(f["field"], f["rank"], f["meetsSatisfaction"]) for f in result["fields"]] == [("ho-tich", 1, True), ("dat-dai", 2, False)]
    assert result["total"]["figures"] == figures | {"code": "total"}

    # The old centre goes on replicating as it always did: an upsert of a ticket's new state, a new ticket, a dossier
    # row without the days this build's schema added, and a promise moved (delayed) to a later day.
    psql(cluster, """
        INSERT INTO ticket (centre, id, service_day, field, priority, state, issued_at, first_called_at, ended_at, counter, staff, booked)
        VALUES ('XA-CU', 5, '2026-11-03', 'dat-dai', 'none', 'waiting', '2026-11-03 08:00+07', NULL, NULL, NULL, NULL, false)
        ON CONFLICT (centre, id) DO UPDATE SET state = EXCLUDED.state;
        INSERT INTO ticket (centre, id, service_day, field, priority, state, issued_at, first_called_at, ended_at, counter, staff, booked)
        VALUES ('XA-CU', 5, '2026-11-03', 'dat-dai', 'none', 'done', '2026-11-03 08:00+07', '2026-11-03 08:30+07', '2026-11-03 08:40+07', 1, 'quay1', false)
        ON CONFLICT (centre, id) DO UPDATE SET state = EXCLUDED.state, first_called_at = EXCLUDED.first_called_at,
          ended_at = EXCLUDED.ended_at, counter = EXCLUDED.counter, staff = EXCLUDED.staff;
        INSERT INTO dossier (centre, id, service_day, field, procedure, same_day, received_at, promised_at, returned_at, counter, staff)
        VALUES ('XA-CU', 4, '2026-11-03', 'dat-dai', '1.004227', false, '2026-11-03 08:40+07', '2026-11-05 16:30+07', NULL, 1, 'quay1');
        INSERT INTO dossier (centre, id, service_day, field, procedure, same_day, received_at, promised_at, returned_at, counter, staff)
        VALUES ('XA-CU', 1, '2026-11-02', 'dat-dai', '1.004227', false, '2026-11-02 08:20+07', '2026-11-09 16:30+07', NULL, 1, 'quay1')
        ON CONFLICT (centre, id) DO UPDATE SET promised_at = EXCLUDED.promised_at, returned_at = EXCLUDED.returned_at;
    """)
    after = answer(port, f"/api/v1/province/centres?period={PERIOD}")["centres"][0]["figures"]
    assert (after["issued"], after["served"], after["waited"], after["waitSeconds"]) == (5, 4, 5, 3300 + 1800)
    # Dossier 4 falls due 11-05 and is overdue as of 07/12: due, not on time. Dossier 1 moved to 11-09: out of the period.
    assert (after["promisesDue"], after["promisesOnTime"]) == (3, 1)
    assert cluster.query("SELECT received_day::text, promised_day::text FROM dossier WHERE id = 4") == [["2026-11-03", "2026-11-05"]]
    # The rollup equals a count over the facts themselves.
    assert cluster.query("SELECT sum(issued) FROM day_field WHERE centre = 'XA-CU'") == cluster.query(
        "SELECT count(*) FROM ticket WHERE centre = 'XA-CU'")
