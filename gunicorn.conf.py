"""Gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app` (override with GUNICORN_* env)."""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "sync" if threads == 1 else "gthread"
# Import the app (and build the match index) once in the master; workers share it on fork.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = 50 if max_requests else 0

# Privacy: nobody may learn who looked up whom. The access log records method, path (without
# the query string: %(U)s), status, size and time, never the query, referrer, user agent or
# client address. Set GUNICORN_ACCESS_LOG=- to enable it on stdout; it is off by default.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Do not leak the server version.
proc_name = "agency-check"
