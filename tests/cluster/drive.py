"""A client for the cluster test: round-robin over the servers, as a load balancer with passive health checks.

A request that cannot connect goes to the next server (nothing reached the first); a server that
fails a connection is taken out of the rotation. A request that was sent but got no answer is
recorded as such (status None): it may or may not have been served.
"""
from __future__ import annotations

import itertools
import random
import re
import socket
import threading
import time
from dataclasses import dataclass, field

import requests


def free_port_block(size: int) -> int:
    """Give a first port such that it and the next size - 1 ports are free on loopback."""
    for _ in range(200):
        base = random.randint(20000, 40000)
        try:
            sockets = []
            for port in range(base, base + size):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no free block of ports on loopback")


@dataclass
class Answer:
    """One request's outcome: the server it went to, its status (None: no answer) and body."""
    server: int
    status: int | None
    body: dict | str | None = None
    headers: dict = field(default_factory=dict)
    started: float = 0.0
    ended: float = 0.0


class Driver:
    """Sends requests round-robin to the servers that are up; one requests session per thread."""

    def __init__(self, urls: list[str]):
        self.urls = urls
        self.down: set[int] = set()
        self._turn = itertools.count()
        self._local = threading.local()
        self._lock = threading.Lock()

    def session(self) -> requests.Session:
        """Give this thread's HTTP session (connections kept alive per server)."""
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
        return self._local.session

    def next_server(self) -> int:
        """Give the next server in the rotation that is not known to be down."""
        with self._lock:
            for _ in range(len(self.urls)):
                i = next(self._turn) % len(self.urls)
                if i not in self.down:
                    return i
        raise RuntimeError("every server is down")

    def send(self, method: str, path: str, server: int | None = None, **kwargs) -> Answer:
        """Send one request (to a given server, or round-robin); give its Answer."""
        started = time.monotonic()
        for _ in range(len(self.urls)):
            i = self.next_server() if server is None else server
            try:
                response = self.session().request(method, self.urls[i] + path, timeout=60, **kwargs)
            except requests.ConnectionError as error:
                with self._lock:
                    self.down.add(i)
                if "NewConnectionError" in repr(error) and server is None:
                    continue  # refused before anything was sent: the next server takes it
                return Answer(i, None, str(error), {}, started, time.monotonic())
            body = response.json() if response.headers.get("Content-Type", "").startswith("application/json") \
                else response.text
            return Answer(i, response.status_code, body, dict(response.headers), started, time.monotonic())
        raise RuntimeError("no server took the request")


def csrf_token(html: str) -> str:
    """Give the CSRF token a page's form carries."""
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found, "no csrf_token in the page"
    return found.group(1)


class Staff:
    """A staff member's browser: one session cookie, sent to whichever server is asked."""

    def __init__(self, urls: list[str], address: str):
        self.urls, self.headers = urls, {"X-Forwarded-For": address}
        self.http = requests.Session()  # cookies for 127.0.0.1 go to every port: one browser, many servers

    def login(self, server: int, name: str, password: str) -> int:
        """Log in through server's form; give the status of the POST."""
        page = self.http.get(self.urls[server] + "/staff/login", headers=self.headers, timeout=30)
        posted = self.http.post(self.urls[server] + "/staff/login", headers=self.headers, allow_redirects=False,
                                data={"csrf_token": csrf_token(page.text), "username": name, "password": password},
                                timeout=30)
        return posted.status_code

    def get(self, server: int, path: str) -> requests.Response:
        """GET a staff page from one server (no redirects followed)."""
        return self.http.get(self.urls[server] + path, headers=self.headers, allow_redirects=False, timeout=30)

    def approve(self, server: int, report_id: int, note: str) -> requests.Response:
        """Approve a report through one server's report page and form."""
        page = self.get(server, f"/staff/reports/{report_id}")
        assert page.status_code == 200, page.status_code
        return self.http.post(self.urls[server] + f"/staff/reports/{report_id}/approve", headers=self.headers,
                              data={"csrf_token": csrf_token(page.text), "note": note}, allow_redirects=False,
                              timeout=60)
