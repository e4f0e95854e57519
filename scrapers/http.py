"""The one HTTP session every source uses, and its offline twin that replays saved responses.

Live: timeouts, retries with backoff on 429/5xx honouring Retry-After, an honest User-Agent,
robots.txt, a delay per host, conditional GET, and every raw response archived under
`data/raw/<source>/<run>/<name>` so the run can be replayed with `--offline data/raw/…`.
"""
from __future__ import annotations

import json
import logging
import os
import time
import urllib.robotparser
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .base import MissingResponse, SourceError

log = logging.getLogger(__name__)

USER_AGENT = ("recruitment-agency-check/0.1 (anti-trafficking NGO lookup; "
              "+https://github.com/recruitment-agency-check/verifier)")
TIMEOUT = (float(os.environ.get("VERIFIER_CONNECT_TIMEOUT", 10)), float(os.environ.get("VERIFIER_READ_TIMEOUT", 60)))


@dataclass
class Response:
    """What a source parser gets: the body and where it came from."""
    content: bytes
    url: str
    status: int = 200
    content_type: str = ""

    def json(self):
        """Return the body parsed as JSON, or raise SourceError."""
        try:
            return json.loads(self.content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            head = self.content[:80].decode("utf-8", "replace")
            raise SourceError(f"{self.url}: expected JSON, got {head!r}: {exc}") from exc


def make_session(retries: int = 3, backoff: float | None = None) -> requests.Session:
    """Return a requests session with retries on 429/5xx that honour Retry-After."""
    session = requests.Session()
    if backoff is None:
        backoff = float(os.environ.get("VERIFIER_RETRY_BACKOFF", 1.0))
    retry = Retry(total=retries, backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                  allowed_methods=("GET", "HEAD"), respect_retry_after_header=True,
                  raise_on_status=False)
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


class Fetcher:
    """Fetches for one source in one run, live, archiving each response."""
    offline = False
    deadline: float | None = None

    def __init__(self, source_id: str, archive_dir: Path | None, delay: float | None = None,
                 session: requests.Session | None = None, timeout=None, check_robots: bool = True):
        self.source_id = source_id
        self.archive_dir = archive_dir
        self.delay = float(os.environ.get("VERIFIER_FETCH_DELAY", 1.0)) if delay is None else delay
        self.session = session or make_session()
        self.timeout = TIMEOUT if timeout is None else timeout  # read now, so tests and config can set it
        self.check_robots = check_robots
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}
        self._etags = self._load_etags()

    def _load_etags(self) -> dict:
        """Return validators saved by earlier runs for conditional GET."""
        path = self._etag_path()
        if path and path.exists():
            try:
                return json.loads(path.read_text())
            except (OSError, ValueError):
                return {}
        return {}

    def _etag_path(self) -> Path | None:
        """Return where this source's validators are kept."""
        return self.archive_dir.parent / "validators.json" if self.archive_dir else None

    def allowed(self, url: str) -> bool:
        """Return True when robots.txt lets us fetch url (an unreachable robots.txt allows)."""
        if not self.check_robots:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                resp = self.session.get(base + "/robots.txt", timeout=self.timeout)
                parser.parse(resp.text.splitlines() if resp.status_code == 200 else [])
            except requests.RequestException:
                parser.parse([])
            self._robots[base] = parser
        return self._robots[base].can_fetch(USER_AGENT, url)

    def _wait(self, host: str) -> None:
        """Sleep so that requests to one host are at least `delay` seconds apart."""
        last = self._last.get(host)
        if last is not None and (gap := self.delay - (time.monotonic() - last)) > 0:
            time.sleep(gap)
        self._last[host] = time.monotonic()

    def get(self, url: str, name: str, params: dict | None = None, headers: dict | None = None) -> Response:
        """Fetch url and archive the body as `name`; raise SourceError on any failure."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise SourceError(f"{self.source_id}: timed out before fetching {url}")
        if not self.allowed(url):
            raise SourceError(f"robots.txt disallows {url}")
        self._wait(urlsplit(url).netloc)
        hdrs = dict(headers or {})
        if validator := self._etags.get(name):
            hdrs.update(validator)
        try:
            resp = self.session.get(url, params=params, headers=hdrs, timeout=self.timeout)
        except requests.RequestException as exc:
            raise SourceError(f"{url}: {exc.__class__.__name__}: {exc}") from exc
        if resp.status_code == 304 and self.archive_dir:
            previous = self._previous_copy(name)
            if previous is not None:
                return Response(previous, resp.url, 200, resp.headers.get("Content-Type", ""))
        if resp.status_code != 200:
            raise SourceError(f"{resp.url}: HTTP {resp.status_code}")
        self._archive(name, resp.content)
        self._etags[name] = {k: v for k, v in (("If-None-Match", resp.headers.get("ETag")),
                                                ("If-Modified-Since", resp.headers.get("Last-Modified"))) if v}
        return Response(resp.content, resp.url, resp.status_code, resp.headers.get("Content-Type", ""))

    def _previous_copy(self, name: str) -> bytes | None:
        """Return the newest archived body for name from an earlier run."""
        runs = sorted((p for p in self.archive_dir.parent.iterdir() if p.is_dir()), reverse=True)
        for run in runs:
            if (path := run / name).exists():
                return path.read_bytes()
        return None

    def _archive(self, name: str, content: bytes) -> None:
        """Write a raw response under the run's archive folder."""
        if not self.archive_dir:
            return
        path = self.archive_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    def finish(self) -> None:
        """Save conditional-GET validators for the next run."""
        if (path := self._etag_path()) and self._etags:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(self._etags, indent=1))

    def files(self, pattern: str) -> list[Path]:
        """Live fetchers have no saved files to list."""
        return []


class OfflineFetcher(Fetcher):
    """Replays responses saved under DIR/<source_id>/ instead of the network."""
    offline = True

    def __init__(self, source_id: str, folder: Path):
        self.source_id = source_id
        self.folder = Path(folder) / source_id
        self.archive_dir = None

    def get(self, url: str, name: str, params: dict | None = None, headers: dict | None = None) -> Response:
        """Return the saved response called `name`, or raise MissingResponse."""
        path = self.folder / name
        if not path.is_file():
            raise MissingResponse(f"no saved response {self.source_id}/{name}")
        return Response(path.read_bytes(), f"file:{self.source_id}/{name}")

    def files(self, pattern: str) -> list[Path]:
        """Return saved files matching a glob pattern, sorted by name."""
        return sorted(self.folder.glob(pattern)) if self.folder.is_dir() else []

    def finish(self) -> None:
        """Nothing to save offline."""


def archive_root() -> Path:
    """Return where raw responses are archived (next to the database by default)."""
    db = Path(os.environ.get("VERIFIER_DB", "data/verifier.db"))
    return Path(os.environ.get("VERIFIER_RAW_DIR", db.parent / "raw"))
