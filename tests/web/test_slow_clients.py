"""Slow clients on a real gunicorn: 200 connections dribbling headers or a body leave the site answering.

Issue 16: with sync workers, four clients sending a header line every 2 s held every worker and
/api/v1/health timed out. `GUNICORN_THREADS=1 pytest tests/web/test_slow_clients.py` runs
today's config the old way (sync) and fails.
"""
from __future__ import annotations

import socket
import threading
import time
import urllib.parse
import urllib.request

import pytest

from tests.live import gunicorn

SLOW_HEADERS, SLOW_BODIES = 100, 100
PROBE_TIMEOUT = 10  # seconds; a probe that waits longer counts as a failure


class SlowClients:
    """Connections that send a request one piece at a time, one piece per second each."""

    def __init__(self, url: str) -> None:
        host, port = urllib.parse.urlsplit(url).netloc.split(":")
        self.address = (host, int(port))
        self.sockets: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.dribble, daemon=True)

    def open(self) -> "SlowClients":
        """Open the connections, send each request's first line, start dribbling; give self."""
        for i in range(SLOW_HEADERS + SLOW_BODIES):
            sock = socket.create_connection(self.address, timeout=5)
            if i < SLOW_HEADERS:  # slowloris: headers that never end
                sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n")
            else:  # a form post whose body comes a byte at a time
                sock.sendall(b"POST /report HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                             b"application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\nd")
            sock.setblocking(False)
            self.sockets.append(sock)
        self.thread.start()
        return self

    def dribble(self) -> None:
        """Send one more header line or body byte on every connection each second until stopped."""
        n = 0
        while not self.stop.wait(1.0):
            n += 1
            for i, sock in enumerate(self.sockets):
                piece = f"X-Slow-{n}: {n}\r\n".encode() if i < SLOW_HEADERS else b"e"
                try:
                    sock.send(piece)
                except OSError:
                    pass

    def still_open(self) -> int:
        """Give how many connections the server has neither answered nor closed."""
        count = 0
        for sock in self.sockets:
            try:
                count += not sock.recv(1, socket.MSG_PEEK)  # b"" would mean closed
            except BlockingIOError:
                count += 1
            except OSError:
                pass
        return count

    def close(self) -> None:
        """Stop dribbling and close every connection."""
        self.stop.set()
        self.thread.join(timeout=5)
        for sock in self.sockets:
            sock.close()


def timed_get(url: str) -> tuple[int, float]:
    """Give (status, seconds) of one GET, or (0, seconds) when it failed or timed out."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=PROBE_TIMEOUT) as response:
            response.read()
            return response.status, time.monotonic() - start
    except OSError:
        return 0, time.monotonic() - start


@pytest.fixture
def server(web_db, tmp_path):
    """Give the URL of a fresh gunicorn with the project's config (threads as configured)."""
    with gunicorn(web_db, tmp_path / "app.db") as url:
        yield url


def test_site_answers_with_200_slow_connections_open(server):
    slow = SlowClients(server).open()
    try:
        time.sleep(3)  # every slow connection has sent data and holds whatever it can
        probes = [server + "/api/v1/health", server + "/api/v1/check?q=" + urllib.parse.quote("Sana Sezim"),
                  server + "/check?q=" + urllib.parse.quote("+63 2 8721 1144")] * 3
        results = [timed_get(url) for url in probes]
        held = slow.still_open()
    finally:
        slow.close()
    print("probe seconds:", [round(s, 3) for _, s in results], "slow connections open:", held)
    assert [status for status, _ in results] == [200] * len(probes)
    assert held >= 0.95 * (SLOW_HEADERS + SLOW_BODIES)  # the slow clients were really there
