"""Many servers, one answer: three servers on one PostgreSQL and one redis, driven round-robin.

Checks, scans, 300 reports from 30 client addresses (X-Forwarded-For behind one proxy hop) and
staff approvals; one server SIGKILLed mid-run; PostgreSQL stopped for 10 s and started again; a
new registry snapshot published mid-run into the folder every server follows.
Every report answered 201 is in PostgreSQL exactly once and nothing else is; a report filed on one
server is in the queue on another; an approval on one is a warning on all; a staff session made on
one is valid on the others; during the outage reports answer 503 with Retry-After and checks go on;
the report limit per address holds across servers; every server names the new snapshot in its
health within one poll interval (plus the load of the new registry).
"""
from __future__ import annotations

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.cluster.drive import Driver, Staff, free_port_block
from tests.snapshot_helpers import invented_registry, publish_registry
from verifier import appdb
from verifier.localcluster import LocalCluster, wait_for

SERVERS, LIMIT = 3, 10
POLL, LOAD_ALLOWANCE = 3.0, 5.0  # seconds between looks at the snapshot folder; time to load a registry
ADDRESSES = [f"203.0.113.{i}" for i in range(1, 31)]  # documentation addresses: headers only
BATCHES = {"before": 4, "outage": 1, "after": 5}  # reports per address in each phase: 10 in all
STAFF = ("cluster_staff", "an invented long password")
QUERIES = ("101 Mojo International Corp", "TOO Dymka", "0917 887 0567", "Invented Nowhere Recruiters")
APPROVED = ("Invented Zarya Kestrel Recruiting", "Invented Borealis Quartz Staffing")  # filed on 0, approved on 2 / 0
OFFER = "Работа в Турции. Оплата за визу 300$ на карту менеджера. ТОО «Дымка», тел. 8 707 281 71 85."


@pytest.fixture(scope="module")
def cluster(registry_db, tmp_path_factory):
    """Start PostgreSQL, redis and three servers following one snapshot folder, behind one (pretend)
    proxy hop; stop them after. The folder and a second registry to publish mid-run ride along."""
    env = {"VERIFIER_PROXY_HOPS": "1", "VERIFIER_REPORT_RATE_LIMIT": f"{LIMIT}/hour",
           "VERIFIER_API_RATE_LIMIT": "100000/minute", "VERIFIER_PAGE_RATE_LIMIT": "100000/minute",
           "VERIFIER_SCAN_RATE_LIMIT": "100000/minute", "VERIFIER_COUNT_FLUSH_SECONDS": "1",
           "VERIFIER_SNAPSHOT_POLL": str(POLL),
           # Two cores run three servers, PostgreSQL, redis and this client: no check or scan is cut short.
           "VERIFIER_CHECK_DEADLINE": "30", "VERIFIER_SCAN_DEADLINE": "30"}
    workdir = tmp_path_factory.mktemp("cluster")
    publish_registry(registry_db, workdir / "snapshots")
    with LocalCluster(SERVERS, free_port_block(10 + SERVERS), registry_db, workdir=workdir, workers=1,
                      snapshot_dir=workdir / "snapshots", **env) as running:
        running.next_registry = invented_registry(registry_db, workdir / "next" / "verifier.db", "cluster")
        yield running


class Run:
    """What the run sent and got back, per phase."""

    def __init__(self, cluster: LocalCluster):
        self.cluster, self.driver = cluster, Driver(cluster.urls())
        self.phase, self.reports, self.checks = "before", [], []
        self.stop = threading.Event()
        self.snapshot: tuple[str, float] | None = None  # (the new snapshot's name, seconds until all named it)
        self.recovered = 0.0  # seconds from PostgreSQL's start until every server up stored a report

    def publish_and_follow(self, servers: list[int]) -> None:
        """Publish the next registry; record when every given server names it in its health."""
        short = publish_registry(self.cluster.next_registry, self.cluster.snapshot_dir).snapshot.short
        started, pending = time.monotonic(), set(servers)
        while pending and time.monotonic() - started < 60:
            for i in sorted(pending):
                answer = self.driver.send("GET", "/api/v1/health", server=i)
                if answer.status == 200 and answer.body.get("snapshot") == short:
                    pending.discard(i)
            time.sleep(0.1)
        self.snapshot = (short, time.monotonic() - started if not pending else float("inf"))

    def report(self, address: str, k: int):
        """File report k of an address through the JSON API; record its answer."""
        name = f"Invented cluster agency {address} no {k}"
        answer = self.driver.send("POST", "/api/v1/reports", headers={"X-Forwarded-For": address},
                                  json={"name": name, "details": "Invented report for the cluster test."})
        self.reports.append((self.phase, address, name, answer))
        return answer

    def batch(self, phase: str, first: int, kill_after: int | None = None) -> None:
        """Send BATCHES[phase] reports per address, 6 at a time; SIGKILL server 1 after kill_after answers."""
        self.phase = phase
        jobs = [(a, first + k) for k in range(BATCHES[phase]) for a in ADDRESSES]
        with ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(self.report, a, k) for a, k in jobs]
            if kill_after is not None:
                while sum(f.done() for f in futures) < kill_after:
                    time.sleep(0.02)
                self.cluster.kill(1, signal.SIGKILL)
            for future in futures:
                future.result()

    def background(self) -> list[threading.Thread]:
        """Start checks and scans that run until the end, round-robin."""
        def checks() -> None:
            for i in range(10**6):
                if self.stop.is_set():
                    return
                answer = self.driver.send("GET", "/api/v1/check", params={"q": QUERIES[i % len(QUERIES)]})
                self.checks.append((self.phase, answer))

        def scans() -> None:
            while not self.stop.wait(0.3):
                self.checks.append((self.phase, self.driver.send("POST", "/api/v1/scan", json={"text": OFFER})))
        threads = [threading.Thread(target=checks), threading.Thread(target=scans)]
        for thread in threads:
            thread.start()
        return threads


def stored(cluster, sql: str, params=()) -> list[dict]:
    """Read the cluster's app database directly."""
    return appdb.query(sql, params, cluster.app_db)


def run_with_faults(run: Run, staff: Staff) -> requests.Response:
    """Drive the cluster through a SIGKILL and a 10 s PostgreSQL outage; give a staff page seen during it."""
    cluster = run.cluster
    filed = [run.driver.send("POST", "/api/v1/reports", server=0, headers={"X-Forwarded-For": "198.51.100.20"},
                             json={"name": name, "details": "Invented: to be approved."}) for name in APPROVED]
    assert [a.status for a in filed] == [201, 201]
    run.batch("before", 0, kill_after=60)  # server 1 is SIGKILLed mid-batch
    assert staff.approve(2, filed[0].body["id"], "Invented: approved on another server").status_code == 303
    run.phase, outage_started = "outage", time.monotonic()
    cluster.postgres.stop()
    run.batch("outage", BATCHES["before"])
    staff_page = staff.get(0, "/staff/")
    time.sleep(max(0.0, 10 - (time.monotonic() - outage_started)))
    cluster.postgres.start()
    run.phase = "recovering"
    run.recovered = wait_until_every_server_stores([0, 2], run.driver)
    publisher = threading.Thread(target=run.publish_and_follow, args=([0, 2],))
    publisher.start()  # a new snapshot lands while the last reports, checks and scans go on
    run.batch("after", BATCHES["before"] + BATCHES["outage"])
    publisher.join(timeout=90)
    assert staff.approve(0, filed[1].body["id"], "Invented: approved after the outage").status_code == 303
    return staff_page


def wait_until_every_server_stores(servers: list[int], driver: Driver, seconds: float = 30) -> float:
    """Send a probe report to each server until each has stored one; give how long that took.

    A load balancer's health check does the same before it sends a server traffic again; one
    server back says nothing of another (its pool may still be reconnecting)."""
    started, pending, n = time.monotonic(), set(servers), 0
    while pending:
        assert time.monotonic() - started < seconds, f"reports did not come back on {sorted(pending)}"
        for i in sorted(pending):
            n += 1  # a fresh address per probe: a refused probe must not use up an address's limit
            address = f"198.51.100.{100 + n % 150}"
            probe = driver.send("POST", "/api/v1/reports", server=i, headers={"X-Forwarded-For": address},
                                json={"name": "Invented cluster probe", "details": "probe"})
            if probe.status == 201:
                pending.discard(i)
        time.sleep(0.2)
    return time.monotonic() - started


def assert_outage_answers(run: Run, staff_page) -> None:
    """During the outage reports (and staff pages) answered 503 with Retry-After, checks 200."""
    outage = [a for p, _, _, a in run.reports if p == "outage"]
    assert outage and all(a.status == 503 and int(a.headers["Retry-After"]) > 0 for a in outage)
    assert staff_page.status_code == 503 and staff_page.headers["Retry-After"]
    outage_checks = [a for p, a in run.checks if p == "outage"]
    assert outage_checks and {a.status for a in outage_checks} == {200}
    assert {a.status for _, a in run.checks if a.server != 1} == {200}  # only the killed server missed any


def tally(run: Run) -> str:
    """Count the report answers by phase, server and status (what a failed assertion shows)."""
    counts: dict[tuple[str, int, str], int] = {}
    for phase, _, _, answer in run.reports:
        key = (phase, answer.server, str(answer.status))
        counts[key] = counts.get(key, 0) + 1
    return "; ".join(f"{phase} server {server} {status}: {n}" for (phase, server, status), n in sorted(counts.items()))


def assert_stored_exactly_once(run: Run) -> None:
    """Every report answered 201 is stored once; none answered otherwise is; each has its audit row."""
    answers = [(n, a) for _, _, n, a in run.reports]
    assert {a.status for _, a in answers} <= {201, 503, None} and len(answers) == 300
    by_name: dict[str, list[int]] = {}
    for row in stored(run.cluster, "select id, name from reports where name like 'Invented cluster agency %'"):
        by_name.setdefault(row["name"], []).append(row["id"])
    created = {n: a.body["id"] for n, a in answers if a.status == 201}
    assert all(by_name.get(n) == [i] for n, i in created.items())
    unanswered = {n for n, a in answers if a.status is None}  # sent to the killed server: either way
    assert set(by_name) - set(created) <= unanswered
    assert len(created) >= 200, tally(run)
    audited = stored(run.cluster, "select target from audit_log where action = 'report.submitted'")
    assert sorted(a["target"] for a in audited) == sorted(
        f"report:{r['id']}" for r in stored(run.cluster, "select id from reports"))


def assert_one_answer_everywhere(run: Run, staff: Staff) -> None:
    """A report filed on one server is in the queue on the others; approvals are warnings on all."""
    name, answer = next((n, a) for _, _, n, a in run.reports if a.status == 201 and a.server == 0)
    assert name in staff.get(2, f"/staff/reports/{answer.body['id']}").text
    assert name in staff.get(1, "/staff/").text
    for approved in APPROVED:
        verdicts = [run.driver.send("GET", "/api/v1/check", server=i, params={"q": approved}).body["verdict"]
                    for i in range(SERVERS)]
        assert verdicts == ["warning"] * SERVERS, (approved, verdicts)
    assert [staff.get(i, "/staff/").status_code for i in range(SERVERS)] == [200] * SERVERS


def assert_snapshot_followed(run: Run) -> None:
    """The servers up named the new snapshot within a poll interval (plus a load); the restarted one too."""
    short, seconds = run.snapshot
    assert seconds <= POLL + LOAD_ALLOWANCE, (short, seconds)
    assert run.driver.send("GET", "/api/v1/health", server=1).body["snapshot"] == short


def assert_limit_across_servers(run: Run) -> None:
    """An address that used its 10 reports gets 429 for the next one on every server."""
    complete = [a for a in ADDRESSES if all(x.status is not None for _, ad, _, x in run.reports if ad == a)]
    assert complete
    for i in range(SERVERS):
        over = run.driver.send("POST", "/api/v1/reports", server=i, headers={"X-Forwarded-For": complete[0]},
                               json={"name": "Invented over the limit", "details": "x"})
        assert over.status == 429, (i, over.status)


def test_many_servers_give_one_answer(cluster, monkeypatch):
    monkeypatch.setenv("VERIFIER_APP_DB", cluster.app_db)
    appdb.create_staff(*STAFF, "test")
    staff = Staff(cluster.urls(), "198.51.100.7")
    assert staff.login(0, *STAFF) == 303
    assert [staff.get(i, "/staff/").status_code for i in range(SERVERS)] == [200] * SERVERS  # one session, all servers
    run = Run(cluster)
    threads = run.background()
    try:
        staff_page = run_with_faults(run, staff)
    finally:
        run.stop.set()
        for thread in threads:
            thread.join(timeout=60)
    cluster.start_server(1)  # the killed server comes back and joins in
    wait_for(cluster.url(1) + "/api/v1/health", cluster.servers[1])
    assert_outage_answers(run, staff_page)
    assert_stored_exactly_once(run)
    assert_one_answer_everywhere(run, staff)
    assert_snapshot_followed(run)
    assert_limit_across_servers(run)
    print(f"\nreports: {sum(a.status == 201 for *_, a in run.reports)} stored, "
          f"{sum(a.status == 503 for *_, a in run.reports)} refused (503), "
          f"{sum(a.status is None for *_, a in run.reports)} unanswered; checks and scans: {len(run.checks)}; "
          f"snapshot {run.snapshot[0]} named by every server {run.snapshot[1]:.1f} s after it was published"
          f"; every server stored reports again {run.recovered:.1f} s after PostgreSQL started\n{tally(run)}")
