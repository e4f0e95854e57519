"""A deadline is a time.monotonic() value that can also tell whether its asker has gone."""
from __future__ import annotations

import time

import pytest

from verifier.deadline import Deadline, TimeUp, is_over, stop_if_over


def test_a_deadline_is_the_monotonic_time_it_stands_for():
    deadline = Deadline.after(5)
    assert time.monotonic() < deadline < time.monotonic() + 5.1
    assert not is_over(deadline) and not is_over(None)


def test_past_its_time_the_work_stops():
    with pytest.raises(TimeUp):
        stop_if_over(Deadline.after(-1))
    with pytest.raises(TimeUp):
        stop_if_over(time.monotonic() - 1)  # a plain float works the same


def test_work_stops_early_once_the_asker_has_gone():
    asked = {"gone": False}
    deadline = Deadline.after(60, lambda: asked["gone"])
    stop_if_over(deadline)
    asked["gone"] = True
    with pytest.raises(TimeUp):
        stop_if_over(deadline)


def test_the_stop_says_why():
    with pytest.raises(TimeUp, match="deadline"):
        stop_if_over(Deadline.after(-1, lambda: True))
    with pytest.raises(TimeUp, match="gone"):
        stop_if_over(Deadline.after(60, lambda: True))


def test_a_stop_test_alone_is_a_deadline_without_a_time_limit():
    deadline = Deadline.at(None, lambda: True)
    assert deadline == float("inf")
    with pytest.raises(TimeUp, match="gone"):
        stop_if_over(deadline)
