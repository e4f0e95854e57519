"""WSGI entry point: `gunicorn -c gunicorn.conf.py wsgi:app`."""
from verifier.web import create_app

app = create_app()
