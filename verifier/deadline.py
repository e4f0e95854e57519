"""Bounded work: a check or a scan stops between its steps when its time is up or its asker has gone.

A deadline is a time.monotonic() value. The web layer passes a `Deadline` (still that float, so
code that compares it with time.monotonic() works unchanged) that can also tell whether the client
has gone, so that work nobody will read stops early.
"""
from __future__ import annotations

import time
from typing import Callable


class TimeUp(Exception):
    """The work was stopped between two steps: past its deadline, or its asker has gone."""


class Deadline(float):
    """A time.monotonic() value, with an optional test of whether the asker has gone."""

    gone: Callable[[], bool] | None = None

    @classmethod
    def at(cls, when: float | None, gone: Callable[[], bool] | None = None) -> "Deadline":
        """Give the deadline at monotonic time `when` (None: no time limit), stopping early once
        `gone()` is true."""
        deadline = cls(float("inf") if when is None else when)
        deadline.gone = gone if gone is not None else getattr(when, "gone", None)
        return deadline

    @classmethod
    def after(cls, seconds: float, gone: Callable[[], bool] | None = None) -> "Deadline":
        """Give the deadline `seconds` from now, stopping early once `gone()` is true."""
        return cls.at(time.monotonic() + seconds, gone)


def why_over(deadline: float | None) -> str | None:
    """Give why the work should stop now ("past its deadline", "its asker has gone"), or None."""
    if deadline is None:
        return None
    if time.monotonic() > deadline:
        return "past its deadline"
    gone = getattr(deadline, "gone", None)
    return "its asker has gone" if gone and gone() else None


def is_over(deadline: float | None) -> bool:
    """Tell whether the work should stop now (no deadline: never)."""
    return why_over(deadline) is not None


def stop_if_over(deadline: float | None, error: type[TimeUp] = TimeUp) -> None:
    """Raise `error`, saying why, when the work should stop now; return otherwise."""
    if (why := why_over(deadline)) is not None:
        raise error(f"stopped: {why}")
