"""Gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app` (override with GUNICORN_* env).

Production puts a buffering reverse proxy in front (deploy/nginx.conf, docs/deploy-proxy.md):
gunicorn must not face the internet directly.
"""
import multiprocessing
import os

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2 + 1)))
# Threads, not sync workers: a client that sends its headers or body slowly holds one thread,
# not a whole worker (issue 16). The check is CPU-bound, so threads add no computing power; they
# are there for slow and idle connections (measured check throughput did not drop; it rose:
# docs/scaling.md). gevent was not chosen: a blocking SQLite call (an app database locked by a
# writer) would stall every connection of its worker.
threads = int(os.environ.get("GUNICORN_THREADS", "128"))
worker_class = "sync" if threads == 1 else "gthread"
# A worker accepts no more connections than it has threads, so an accepted connection never waits
# for a thread held by slow clients; the others are accepted by a worker with room.
worker_connections = threads
# Import the app (and build the match index) once in the master; workers share it on fork.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# gunicorn's control socket (for `gunicornc`) defaults to one path per user, so two servers on one
# host would share it and stopping one removes the other's. Off unless GUNICORN_CONTROL_SOCKET
# names a path of this server's own.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = 50 if max_requests else 0
# The largest limits gunicorn allows, so an oversized query or header is answered by the app (one
# JSON error shape, security headers) up to 8 kB; past that gunicorn's own plain 414/431 answers,
# and in production the proxy answers first (docs/deploy-proxy.md).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Privacy: nobody may learn who looked up whom. The access log records method, path (without
# the query string: %(U)s), status, size and time, never the query, referrer, user agent or
# client address. Set GUNICORN_ACCESS_LOG=- to enable it on stdout; it is off by default.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")


class PrivateLogger(Logger):
    """gunicorn's logger, minus the client address and request text in its "Invalid request" warnings."""

    def warning(self, msg, *args, **kwargs):
        """Log a warning; one about an invalid request keeps only the kind of fault, not what was sent."""
        if isinstance(msg, str) and msg.startswith("Invalid request from ip="):
            # gunicorn quotes the offending request line or header after the kind: cut it there.
            msg, args = "Invalid request refused: %s", (msg.split(": ", 1)[-1].split("'", 1)[0].strip(),)
        super().warning(msg, *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        """Log an error with its traceback; a request's address is logged without its query string."""
        if isinstance(msg, str) and msg.startswith("Error handling request"):
            args = tuple(str(a).split("?", 1)[0] for a in args)
        super().exception(msg, *args, **kwargs)


logger_class = PrivateLogger
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Do not leak the server version.
proc_name = "agency-check"
