"""Bounded work per request: a deadline for every check and scan, work stopped when the client has
gone, and a cap on the scans one address runs at once.

Over its deadline a check or a scan answers 503 ("try a shorter text") in the usual error shape,
never half an answer. The cap is counted in the rate limiter's storage, so with redis it holds
across workers and servers; if that storage is unreachable each worker counts on its own.
"""
from __future__ import annotations

import select
import socket
import ssl
from contextlib import contextmanager
from typing import Callable, Iterator

from flask import Flask, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from limits.storage import MemoryStorage, Storage

from verifier.deadline import Deadline, TimeUp
from verifier.offers.scan import ScanTimeout
from verifier.web.errors import api_error, wants_json
from verifier.web.limits import client_key

SCAN_TOO_SLOW = _l("This text took too long to read, so it was not checked. Try a shorter text: "
                   "the part with the agency's name, its phone numbers and the conditions.")
CHECK_TOO_SLOW = _l("This check took too long, so no verdict was given. Please try again in a "
                    "minute, or with a shorter query.")
SCANS_BUSY = _l("Your other offers are still being checked. Wait for them to finish, then try again.")
SLOT_SECONDS = 120  # a running-scan count left by a killed worker is forgotten after this


def socket_closed(sock: socket.socket | None) -> bool:
    """Tell whether the client at the other end of the socket has closed it (hung up)."""
    if sock is None or isinstance(sock, ssl.SSLSocket):  # TLS in gunicorn itself: no peeking at the bytes
        return False
    if sock.fileno() < 0:  # already closed on our side
        return True
    try:
        poller = select.poll()
        poller.register(sock, select.POLLIN | select.POLLPRI)
        events = poller.poll(0)
        if not events:
            return False
        if events[0][1] & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
            return True
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False
    except OSError:  # reset by the client
        return True


def client_gone_test() -> Callable[[], bool] | None:
    """Give a test of whether this request's client has gone (gunicorn only; else None)."""
    sock = request.environ.get("gunicorn.socket")
    return (lambda: socket_closed(sock)) if sock is not None else None


def deadline(kind: str) -> Deadline:
    """Give the deadline for work of this kind ("scan" or "check") started now in this request."""
    seconds = float(current_app.config[f"VERIFIER_{kind.upper()}_DEADLINE"])
    return Deadline.after(seconds, client_gone_test())


class ScansBusy(Exception):
    """This address already runs as many scans as it may at once."""


def _storage() -> Storage:
    """Give the limiter's storage (shared with the other workers when it is redis)."""
    return current_app.extensions["verifier_limiter"].storage


def _add(key: str, amount: int) -> int:
    """Add to a running-scan count in the shared storage, or in this worker's when it is down."""
    try:
        return _storage().incr(key, SLOT_SECONDS, amount=amount)
    except Exception as exc:  # noqa: BLE001 - any storage fault: count in this worker instead
        current_app.logger.warning("scan count storage unreachable: %s", type(exc).__name__)
        return current_app.extensions["verifier_scan_fallback"].incr(key, SLOT_SECONDS, amount=amount)


@contextmanager
def scan_slot() -> Iterator[None]:
    """Hold one of this address's scan slots while the block runs (ScansBusy when none is free)."""
    key = f"{current_app.config['RATELIMIT_KEY_PREFIX']}/scans-running/{client_key()}"
    if _add(key, 1) > int(current_app.config["SCAN_CONCURRENCY"]):
        _add(key, -1)
        raise ScansBusy()
    try:
        yield
    finally:
        _add(key, -1)


def too_slow(error: TimeUp):
    """Answer 503 for work stopped at its deadline (or for a client that has gone), never half of it."""
    scanning = isinstance(error, ScanTimeout) or request.endpoint in ("offer.offer_result", "api.scan")
    message = SCAN_TOO_SLOW if scanning else CHECK_TOO_SLOW
    current_app.logger.warning("%s stopped on %s: %s", "scan" if scanning else "check", request.path, error)
    if wants_json():
        return api_error(str(message), 503)
    return render_template("error.html", status=503, message=message), 503


def busy(error: ScansBusy):
    """Answer 429 to a scan from an address whose other scans are still running."""
    headers = {"Retry-After": "5"}
    if wants_json():
        return api_error(str(SCANS_BUSY), 429, headers)
    return render_template("error.html", status=429, message=SCANS_BUSY), 429, headers


def init_app(app: Flask) -> None:
    """Register the answers to work stopped at its deadline and to too many scans at once."""
    app.extensions["verifier_scan_fallback"] = MemoryStorage()
    app.register_error_handler(TimeUp, too_slow)
    app.register_error_handler(ScanTimeout, too_slow)  # also when a scan's own timeout is its own class
    app.register_error_handler(ScansBusy, busy)
