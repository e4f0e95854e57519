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


def request_timeout() -> tuple[float, float]:
    """Return (connect, read) timeouts in seconds from the environment, read at each call."""
    return (float(os.environ.get("VERIFIER_CONNECT_TIMEOUT", 10)), float(os.environ.get("VERIFIER_READ_TIMEOUT", 60)))


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
        self.timeout = request_timeout() if timeout is None else timeout
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
        resp = self._send(url, name, params, headers, conditional=True)
        if resp.status_code == 304:
            previous = self._previous_copy(name)
            if previous is None:
                # The body the validators stand for is gone (pruned archive): forget them, ask again.
                log.info("%s: 304 for %s but no archived copy; fetching it whole", self.source_id, name)
                self._etags.pop(name, None)
                resp = self._send(url, name, params, headers, conditional=False)
            else:
                self._archive(name, previous)  # the run's folder must hold all it read, to replay it
                return Response(previous, resp.url, 200, resp.headers.get("Content-Type", ""))
        if resp.status_code != 200:
            raise SourceError(f"{resp.url}: HTTP {resp.status_code}")
        self._archive(name, resp.content)
        self._etags[name] = {k: v for k, v in (("If-None-Match", resp.headers.get("ETag")),
                                                ("If-Modified-Since", resp.headers.get("Last-Modified"))) if v}
        return Response(resp.content, resp.url, resp.status_code, resp.headers.get("Content-Type", ""))

    def _send(self, url: str, name: str, params, headers, conditional: bool) -> requests.Response:
        """Return the server's answer to one GET, with the saved validators when conditional."""
        hdrs = dict(headers or {})
        if conditional and (validator := self._etags.get(name)):
            hdrs.update(validator)
        try:
            return self.session.get(url, params=params, headers=hdrs, timeout=self.timeout)
        except requests.RequestException as exc:
            raise SourceError(f"{url}: {exc.__class__.__name__}: {exc}") from exc

    def _previous_copy(self, name: str) -> bytes | None:
        """Return the newest archived body for name from an earlier run (None without an archive)."""
        if not self.archive_dir or not self.archive_dir.parent.is_dir():
            return None
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
        if (path := self._etag_path()) and (self._etags or path.exists()):  # a dropped one must go too
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
        folder = Path(folder)
        # DIR/<source_id>/, or one archived run's own folder, data/raw/<source_id>/<run>/.
        run_folder = folder.parent.name == source_id and not (folder / source_id).is_dir()
        self.folder = folder if run_folder else folder / source_id
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


def new_run_folder(source_id: str) -> Path:
    """Return a fresh archive folder for one run of a source: data/raw/<source>/<UTC time>/."""
    base = archive_root() / source_id / time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    folder, n = base, 1
    while folder.exists():  # two runs in one second must not share a folder
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    folder.mkdir(parents=True)
    return folder


def archive_root() -> Path:
    """Return where raw responses are archived (next to the database by default)."""
    db = Path(os.environ.get("VERIFIER_DB", "data/verifier.db"))
    return Path(os.environ.get("VERIFIER_RAW_DIR", db.parent / "raw"))
